"""The do-not-message list: one number rule, a change checked before it starts, kept in its own file."""

from __future__ import annotations

import csv
import os
import pickle
import sqlite3
import threading
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from liasmart_desktop.core.importing import RowReason, RowStatus, parse_pasted_numbers
from liasmart_desktop.core.lists_store import (
    LISTS_SCHEMA_VERSION,
    ListsError,
    ListsProblem,
    open_lists,
    write,
)
from liasmart_desktop.core.optout import (
    OPTED_OUT_REASON,
    Change,
    OptOutEntry,
    OptOutError,
    OptOutList,
    OptOutProblem,
    opted_out_row,
    read_number,
)
from liasmart_desktop.core.sending.states import SetAsideStatus


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "lists.sqlite3"


@pytest.fixture
def listed(path: Path) -> OptOutList:
    return OptOutList(path)


def test_numbers_are_read_by_the_importers_rule(listed: OptOutList) -> None:
    assert read_number("+86 139 1234 5678", None) == "8613912345678"
    assert read_number("139-1234-5678", "CN") == "8613912345678"
    # Spaces of other scripts (here U+1680, which Unicode normalisation keeps) separate digits too.
    assert read_number("139\u16801234\u16805678", "CN") == "8613912345678"
    change = listed.add(
        ["+8613912345678", "0086 139 1234 5678", "13812345678"], "asked by phone", country="CN"
    )
    # The same number written two ways is one entry.
    assert change == Change(("8613912345678", "8613812345678"), ())
    assert {e.phone for e in listed.entries()} == {"8613912345678", "8613812345678"}


def test_a_text_that_is_no_number_changes_nothing(listed: OptOutList, path: Path) -> None:
    listed.add(["+8613912345678"])
    with pytest.raises(OptOutError) as refused:
        listed.add(["+8613812345678", "call me"], "x")
    error = refused.value
    assert (error.code, error.number, error.status, error.reason) == (
        OptOutProblem.NOT_A_NUMBER,
        "call me",
        RowStatus.INVALID,
        RowReason.LETTERS,
    )
    assert error.params == {"character": "c"}
    assert [e.phone for e in listed.entries()] == ["8613912345678"]
    with pytest.raises(OptOutError):
        listed.remove(["+8613912345678", ""])
    assert [e.phone for e in listed.entries()] == ["8613912345678"]
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.number, copy.reason) == ("call me", RowReason.LETTERS)


def test_a_number_added_again_keeps_when_and_why_it_was_first_added(listed: OptOutList) -> None:
    listed.add(["+8613912345678"], " asked by SMS ", by="ann")
    [first] = listed.entries()
    assert (first.reason, first.added_by) == ("asked by SMS", "ann")
    change = listed.add(["+8613912345678"], "again", by="bob")
    assert change == Change((), ("8613912345678",))
    assert listed.entries() == [first]


def test_removing_says_which_numbers_were_not_on_the_list(listed: OptOutList) -> None:
    listed.add(["+8613912345678", "+8613812345678"])
    change = listed.remove(["+8613912345678", "+8613712345678"])
    assert change == Change(("8613912345678",), ("8613712345678",))
    assert [e.phone for e in listed.entries()] == ["8613812345678"]


def test_lookup_finds_only_listed_numbers_in_batches(
    listed: OptOutList, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert listed.lookup(["8613912345678"]) == {}  # no file yet: nothing asked, nothing created
    assert not listed.path.exists()
    assert listed.entries() == []
    listed.add(["+8613912345678", "+8613812345678"], "no")
    monkeypatch.setattr("liasmart_desktop.core.optout.LOOKUP_BATCH", 1)
    found = listed.lookup(["8613812345678", "8613700000000", "8613912345678", "8613912345678"])
    assert set(found) == {"8613912345678", "8613812345678"}
    assert found["8613912345678"].reason == "no"


def test_importing_a_spreadsheet_adds_its_numbers_and_reports_the_rest(listed: OptOutList) -> None:
    report = parse_pasted_numbers("+8613912345678\n12\n+8613912345678\n+8613812345678", None)
    listed.add(["+8613812345678"])
    result = listed.import_report(report, "from the shop", by="ann")
    assert result.rows == 4
    assert result.change == Change(("8613912345678",), ("8613812345678",))
    # A duplicate row is no problem for the list; a row without a number is.
    assert [(p.row, p.status) for p in result.problems] == [(2, RowStatus.INVALID)]


def test_the_list_exports_for_people(listed: OptOutList, tmp_path: Path) -> None:
    listed.add(["+8613912345678"], "=HYPERLINK(1)", by="ann")
    headings = ("Number", "Reason", "Added", "By")
    xlsx = tmp_path / "list.xlsx"
    assert listed.export(xlsx, headings, xlsx=True, sheet_title="Do not message") == 1
    sheet = openpyxl.load_workbook(xlsx)["Do not message"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == headings
    assert rows[1][:2] == ("8613912345678", "=HYPERLINK(1)")  # text, never a formula
    assert sheet["A2"].number_format == "@"
    text = tmp_path / "list.csv"
    assert listed.export(text, headings, xlsx=False) == 1
    with text.open(encoding="utf-8-sig", newline="") as handle:
        assert list(csv.reader(handle))[1][:2] == ["8613912345678", "'=HYPERLINK(1)"]


def test_opted_out_rows_carry_when_and_why() -> None:
    entry = OptOutEntry("8613912345678", "asked", "2026-01-02T03:04:05.000Z", "ann")
    row = opted_out_row(4, "139 1234 5678", entry, {"name": "Ann"})
    assert (row.row, row.original, row.status, row.reason) == (
        4,
        "139 1234 5678",
        SetAsideStatus.OPTED_OUT,
        OPTED_OUT_REASON,
    )
    assert dict(row.reason_data) == {"added_at": "2026-01-02T03:04:05.000Z", "reason": "asked"}
    assert dict(row.fields) == {"name": "Ann"}
    assert not row.status.from_import


# ---------------------------------------------------------------------------------------- the lists file


def test_the_lists_file_is_private_and_has_a_version(listed: OptOutList, path: Path) -> None:
    listed.add(["+8613912345678"])
    if os.name == "posix":
        assert path.stat().st_mode & 0o077 == 0
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT value FROM meta").fetchone()[0] == str(LISTS_SCHEMA_VERSION)
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_lists_file_from_a_newer_version_is_refused(listed: OptOutList, path: Path) -> None:
    listed.add(["+8613912345678"])
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE meta SET value='99'")
    with pytest.raises(ListsError) as refused:
        listed.entries()
    assert (refused.value.code, refused.value.path) == (ListsProblem.NEWER_SCHEMA, path)


def test_a_damaged_lists_file_is_refused(path: Path) -> None:
    path.write_bytes(b"not a database at all" * 100)
    with pytest.raises(ListsError) as refused:
        OptOutList(path).entries()
    assert refused.value.code is ListsProblem.DAMAGED


def test_a_lists_file_that_fails_its_check_is_refused(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    OptOutList(path).add(["+8613912345678"])

    class Checked:
        def __init__(self, conn: sqlite3.Connection) -> None:
            self._conn = conn

        def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
            if sql.startswith("PRAGMA quick_check"):
                return self._conn.execute("SELECT 'row 3 missing from index'")
            return self._conn.execute(sql, *args)

        def close(self) -> None:
            self._conn.close()

    real_connect = sqlite3.connect
    monkeypatch.setattr(sqlite3, "connect", lambda *a, **k: Checked(real_connect(*a, **k)))
    with pytest.raises(ListsError) as refused, open_lists(path):
        pass
    assert refused.value.code is ListsProblem.DAMAGED


def test_a_lists_file_that_cannot_be_created_is_unusable(tmp_path: Path) -> None:
    folder = tmp_path / "lists.sqlite3"
    folder.mkdir()
    with pytest.raises(ListsError) as refused:
        OptOutList(folder).add(["+8613912345678"])
    assert refused.value.code is ListsProblem.UNUSABLE
    assert "unusable" in str(refused.value)


def test_a_change_that_fails_is_rolled_back(path: Path) -> None:
    def failing_sql(conn: sqlite3.Connection) -> None:
        with write(conn, path):
            conn.execute("INSERT INTO optout(phone, added_at) VALUES ('1', 'x')")
            conn.execute("INSERT INTO no_such_table VALUES (1)")

    def failing_code(conn: sqlite3.Connection) -> None:
        with write(conn, path):
            conn.execute("INSERT INTO optout(phone, added_at) VALUES ('2', 'x')")
            raise KeyError("stop")

    with open_lists(path) as conn:
        with pytest.raises(ListsError) as failed:
            failing_sql(conn)
        assert failed.value.code is ListsProblem.UNUSABLE
        with pytest.raises(KeyError):
            failing_code(conn)
        assert conn.execute("SELECT COUNT(*) FROM optout").fetchone()[0] == 0


def test_a_change_waits_for_another_writer_then_reports_it_busy(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("liasmart_desktop.core.lists_store.BUSY_TIMEOUT_MS", 50)
    OptOutList(path).add(["+8613912345678"])
    holding = threading.Event()
    release = threading.Event()

    def hold() -> None:
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        holding.set()
        release.wait(5)
        conn.execute("ROLLBACK")
        conn.close()

    thread = threading.Thread(target=hold)
    thread.start()
    holding.wait(5)
    try:
        with pytest.raises(ListsError) as busy:
            OptOutList(path).add(["+8613812345678"])
        assert busy.value.code is ListsProblem.UNUSABLE
    finally:
        release.set()
        thread.join()
    assert len(OptOutList(path).entries()) == 1
