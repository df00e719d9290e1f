"""The journal guards its history (issue 11): reading changes nothing, an emptied or vanished file is
noticed and kept, never silently replaced, storage trouble is told from damage, the WAL stays small."""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
import threading
from pathlib import Path

import pytest

from liasmart_desktop.core.errors import JournalError, JournalProblem
from liasmart_desktop.core.sending import journal as journal_module
from liasmart_desktop.core.sending import storage
from liasmart_desktop.core.sending.campaigns import CampaignService, Reach
from liasmart_desktop.core.sending.engine import EngineConfig, SendEngine
from liasmart_desktop.core.sending.journal import Journal
from liasmart_desktop.core.sending.lock import SenderLock
from liasmart_desktop.core.sending.schema import SCHEMA_VERSION
from liasmart_desktop.core.sending.session import SendingSession
from liasmart_desktop.core.sending.states import CampaignStatus, MessageState, StopReason
from liasmart_desktop.core.sending.storage import journal_error
from tests.core.sending.conftest import MockProvider, make_campaign, make_client

# ---------------------------------------------------------------------------------------- reading


def test_reading_a_journal_that_is_not_there_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    service = CampaignService(path)
    assert service.history() == []
    assert service.unfinished() is None
    assert service.check_run(None, Reach(api_id="API1")) is None  # nothing to resume
    for read in (service.overview, service.load, lambda: service.events("abc123")):
        with pytest.raises(JournalError) as missing:
            read()
        assert missing.value.code is JournalProblem.NO_CAMPAIGNS
    with pytest.raises(JournalError):
        service.check_run("abc123", Reach(api_id="API1"))
    assert list(tmp_path.iterdir()) == []


def test_opening_an_up_to_date_journal_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    with Journal.open(path) as journal:
        make_campaign(journal, 3)
    wal = Path(f"{path}-wal")
    assert not wal.exists()  # the last connection closed it
    before = path.read_bytes()
    with Journal.open(path, create=False) as journal:
        assert len(journal.campaigns()) == 1
        assert not wal.exists() or wal.stat().st_size == 0  # not one page written
    assert path.read_bytes() == before


# ---------------------------------------------------------------------------------------- creating


def test_a_new_journal_appears_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "journal.sqlite3"
    seen: list[str] = []
    link = os.link

    def linking(source: Path, target: Path) -> None:
        built = sqlite3.connect(f"file:{source}?mode=ro", uri=True)  # complete before it appears
        seen.append(built.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0])
        built.close()
        link(source, target)

    monkeypatch.setattr(os, "link", linking)
    with Journal.open(path) as journal:
        assert journal.pragma("journal_mode") == "wal"
    assert seen == [str(SCHEMA_VERSION)]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["journal.sqlite3"]  # nothing left of the build
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_journal_another_process_made_first_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "journal.sqlite3"
    with Journal.open(tmp_path / "theirs.sqlite3") as theirs:
        make_campaign(theirs, 2)

    link = os.link

    def beaten(_source: Path, target: Path) -> None:
        link(tmp_path / "theirs.sqlite3", target)
        raise FileExistsError(errno.EEXIST, "File exists")

    monkeypatch.setattr(os, "link", beaten)
    storage.create_journal(path)
    with Journal.open(path) as journal:
        assert len(journal.campaigns()) == 1


def test_without_hard_links_a_journal_is_renamed_into_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unsupported(_source: Path, _target: Path) -> None:
        raise PermissionError(errno.EPERM, "Operation not permitted")  # FAT, some network shares

    monkeypatch.setattr(os, "link", unsupported)
    path = tmp_path / "journal.sqlite3"
    with Journal.open(path) as journal:
        make_campaign(journal, 1)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["journal.sqlite3"]
    # Made by someone else meanwhile: theirs stays.
    other = tmp_path / "other.sqlite3"
    other.write_bytes(b"theirs")

    def unsupported_and_beaten(_source: Path, target: Path) -> None:
        target.write_bytes(b"theirs")
        raise PermissionError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", unsupported_and_beaten)
    second = tmp_path / "second.sqlite3"
    storage.create_journal(second)
    assert second.read_bytes() == b"theirs"


def test_a_write_ahead_log_left_without_its_journal_is_set_aside(tmp_path: Path) -> None:
    """It would be replayed into the new journal: the history of a deleted one, or garbage."""
    path = tmp_path / "journal.sqlite3"
    Path(f"{path}-wal").write_bytes(b"left by a journal deleted under a killed sender")
    with Journal.open(path) as journal:
        make_campaign(journal, 1)
        assert len(journal.campaigns()) == 1
    [orphan] = [p for p in tmp_path.iterdir() if ".orphan-" in p.name]
    assert orphan.name.endswith("-wal")
    assert orphan.read_bytes() == b"left by a journal deleted under a killed sender"


def test_a_crash_while_building_leaves_nothing_in_the_way(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    Path(f"{tmp_path}/.journal.sqlite3.{os.getpid()}.new").write_bytes(b"half built")
    with Journal.open(path) as journal:
        make_campaign(journal, 1)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["journal.sqlite3"]


# ---------------------------------------------------------------------------------------- emptied


def test_an_emptied_journal_is_kept_aside_and_never_silently_replaced(tmp_path: Path) -> None:
    """Issue 11: a journal truncated to 0 bytes silently became a new empty one; the history was gone."""
    path = tmp_path / "journal.sqlite3"
    with Journal.open(path) as journal:
        make_campaign(journal, 2)
    path.write_bytes(b"")
    Path(f"{path}-wal").write_bytes(b"whatever the log still held")
    kept_first = None
    for opening in (lambda: CampaignService(path).history(), lambda: Journal.open(path)):
        with pytest.raises(JournalError) as emptied:
            opening()
        assert emptied.value.code is JournalProblem.EMPTIED
        assert emptied.value.subject == str(path)
        kept = Path(emptied.value.detail)
        assert kept.parent == tmp_path
        assert kept.name.startswith("journal.sqlite3.empty-")
        assert kept.stat().st_size == 0
        assert not path.exists()
        kept_first = kept_first or kept
        path.write_bytes(b"")  # emptied again, for the next way of opening it
    assert Path(f"{kept_first}-wal").read_bytes() == b"whatever the log still held"  # it stays beside it
    path.unlink()
    with Journal.open(path) as journal:  # said once, a new journal starts
        assert journal.campaigns() == []
    assert len([p for p in tmp_path.iterdir() if ".empty-" in p.name]) == 3  # two copies, one log


def test_copies_kept_aside_never_overwrite_each_other(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    names = set()
    for _ in range(3):
        path.write_bytes(b"")
        names.add(storage.set_aside(path, "empty").name)
    assert len(names) == 3


# ---------------------------------------------------------------------------------------- storage


def test_storage_trouble_is_told_from_damage(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    assert (
        journal_error(OSError(errno.EROFS, "Read-only file system"), path).code is JournalProblem.WRITE_FAILED
    )
    full = sqlite3.OperationalError("database or disk is full")
    full.sqlite_errorcode = sqlite3.SQLITE_FULL
    assert journal_error(full, path).code is JournalProblem.WRITE_FAILED
    not_a_database = sqlite3.DatabaseError("file is not a database")
    not_a_database.sqlite_errorcode = sqlite3.SQLITE_NOTADB
    assert journal_error(not_a_database, path, JournalProblem.WRITE_FAILED).code is JournalProblem.CORRUPT
    constraint = sqlite3.IntegrityError("NOT NULL constraint failed")
    constraint.sqlite_errorcode = sqlite3.SQLITE_CONSTRAINT
    assert journal_error(constraint, path).code is JournalProblem.CORRUPT
    assert journal_error(constraint, path, JournalProblem.WRITE_FAILED).code is JournalProblem.WRITE_FAILED
    assert journal_error(sqlite3.ProgrammingError("closed"), path).code is JournalProblem.CORRUPT


def test_a_full_journal_refuses_a_campaign_and_changes_nothing(tmp_path: Path) -> None:
    """A full disk, as SQLite meets it (``max_page_count`` gives the same SQLITE_FULL)."""
    with Journal.open(tmp_path / "journal.sqlite3") as journal:
        journal._conn.execute("PRAGMA max_page_count=12")
        with pytest.raises(JournalError) as full:
            make_campaign(journal, 2_000)
        assert full.value.code is JournalProblem.WRITE_FAILED
        assert "full" in full.value.detail
        assert journal.campaigns() == []


def test_a_journal_that_fills_up_while_sending_stops_the_send(tmp_path: Path) -> None:
    with Journal.open(tmp_path / "journal.sqlite3") as journal:
        campaign = make_campaign(journal, 300)
        pages = journal.pragma("page_count")
        journal._conn.execute(f"PRAGMA max_page_count={pages}")
        with make_client(MockProvider()) as client:
            result = SendEngine(journal, client, EngineConfig(concurrency=4, rate_per_s=1000.0)).run(campaign)
        assert result.stop_reason is StopReason.JOURNAL_FAILED
        assert result.counts[MessageState.PENDING] > 0


def test_the_write_ahead_log_is_cut_back_after_a_large_campaign(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Storing a campaign wrote all of it to the log, and the log kept that size for the whole send."""
    limit = 64 * 1024
    monkeypatch.setattr(journal_module, "WAL_SIZE_LIMIT_BYTES", limit)
    path = tmp_path / "journal.sqlite3"
    wal = Path(f"{path}-wal")
    with Journal.open(path) as journal:
        campaign = make_campaign(journal, 3_000)
        journal.set_status(campaign.id, CampaignStatus.SENDING)  # the send's first change
        assert wal.stat().st_size <= limit
        assert path.stat().st_size > 4 * limit  # the campaign is in the journal itself


# ---------------------------------------------------------------------------------------- in place


def test_a_journal_knows_when_its_file_is_no_longer_in_place(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    with Journal.open(path) as journal:
        make_campaign(journal, 1)
        assert journal.still_in_place()
        make_campaign(journal, 500)
        journal._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the file grew: still the same file
        assert journal.still_in_place()
        size = path.stat().st_size
        os.truncate(path, size - 4096)  # cut short where it lies
        assert not journal.still_in_place()
    for change in ("delete", "replace"):
        with Journal.open(path := tmp_path / f"{change}.sqlite3") as journal:
            if change == "delete":
                path.unlink()
            else:
                (tmp_path / "new").write_bytes(b"x" * 100_000)
                (tmp_path / "new").replace(path)
            assert not journal.still_in_place()


def test_a_journal_that_cannot_be_looked_at_is_not_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Journal.open(tmp_path / "journal.sqlite3") as journal:

        def refused(_path: Path) -> None:
            raise PermissionError(errno.EACCES, "Permission denied")

        monkeypatch.setattr(journal_module, "file_identity", refused)
        assert not journal.still_in_place()


def _send_and_change_the_file(tmp_path: Path, change: str) -> tuple[Path, object, MockProvider]:
    path = tmp_path / "journal.sqlite3"
    journal = Journal.open(path)
    campaign = make_campaign(journal, 200)
    changed = threading.Event()

    def script(n: int, _b: dict[str, str]) -> None:
        if n == 20:
            if change == "delete":
                path.unlink()
            else:
                (tmp_path / "other").write_bytes(b"not the journal")
                (tmp_path / "other").replace(path)
            changed.set()

    provider = MockProvider(script=script)
    config = EngineConfig(concurrency=4, rate_per_s=1000.0, journal_check_s=0.0)
    with make_client(provider) as client:
        result = SendEngine(journal, client, config).run(campaign)
    journal.close()
    assert changed.is_set()
    return path, result, provider


@pytest.mark.parametrize("change", ["delete", "replace"])
def test_a_journal_deleted_or_replaced_while_sending_stops_the_send_and_is_saved(
    tmp_path: Path, change: str
) -> None:
    """Issue 11: it went unnoticed until the end, and every record after it was lost with the file."""
    path, result, provider = _send_and_change_the_file(tmp_path, change)
    assert result.stop_reason is StopReason.JOURNAL_GONE  # type: ignore[attr-defined]
    assert len(provider.requests) < 200  # stopped, not sent to the end
    # The 21st request removed it; then only those in flight and the claims of a turn under way went.
    assert len(provider.requests) <= 20 + 4 * 4
    kept = Path(result.stop.detail)  # type: ignore[attr-defined]
    assert kept.name.startswith("journal.sqlite3.recovered-")
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    with Journal.open(kept, create=False) as copy:
        [campaign] = copy.campaigns()
        counts = copy.counts(campaign.id)
        assert campaign.status is CampaignStatus.PAUSED
        assert campaign.stop.reason is StopReason.JOURNAL_GONE  # type: ignore[union-attr]
        # Every request that went out is recorded in the copy, none is left in flight.
        assert counts[MessageState.ACCEPTED] == len(provider.requests)
        assert counts[MessageState.IN_FLIGHT] == 0
        uids = {m.uid for m in copy.messages(campaign.id) if m.state is MessageState.ACCEPTED}
        assert uids == set(provider.uids())
    if change == "replace":
        assert path.read_bytes() == b"not the journal"  # what took its place is left alone


def test_when_no_copy_can_be_saved_the_stop_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_room(_self: Journal, target: Path) -> None:
        raise JournalError(JournalProblem.WRITE_FAILED, "No space left on device", subject=str(target))

    monkeypatch.setattr(Journal, "save_copy", no_room)
    _, result, _ = _send_and_change_the_file(tmp_path, "delete")
    assert result.stop_reason is StopReason.JOURNAL_GONE  # type: ignore[attr-defined]
    assert result.stop.detail == ""  # type: ignore[attr-defined]


def test_a_copy_that_cannot_be_written_is_a_journal_error(tmp_path: Path) -> None:
    with Journal.open(tmp_path / "journal.sqlite3") as journal:
        with pytest.raises(JournalError) as failed:
            journal.save_copy(tmp_path / "no-such-folder" / "copy")
        assert failed.value.code is JournalProblem.WRITE_FAILED
        (tmp_path / "occupied").write_bytes(b"not a database at all, a file that is in the way" * 10)
        with pytest.raises(JournalError) as damaged:
            journal.save_copy(tmp_path / "occupied")
        assert damaged.value.code is JournalProblem.CORRUPT


# ---------------------------------------------------------------------------------------- the lock


def test_a_lock_path_that_is_a_folder_is_a_write_failure(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    Path(f"{path}.lock").mkdir()
    with pytest.raises(JournalError) as failed:
        SenderLock(path).acquire()
    assert failed.value.code is JournalProblem.WRITE_FAILED
    assert failed.value.subject == f"{path}.lock"


def test_a_lock_is_held_even_when_the_disk_has_no_room_for_the_pid(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:

    def full(_fd: int, _data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    with SenderLock(tmp_path / "journal.sqlite3") as held:
        assert held.held


def test_a_session_makes_the_data_folder_private_when_it_is_first_written(tmp_path: Path) -> None:
    home = tmp_path / "home"
    with SendingSession(home / "journal.sqlite3") as session:
        assert session.journal.campaigns() == []
    assert stat.S_IMODE(home.stat().st_mode) == 0o700


def test_a_journal_checked_every_turn_costs_no_request(tmp_path: Path) -> None:
    """``journal_check_s=0`` checks before every claim; a journal in place never stops a send."""
    with Journal.open(tmp_path / "journal.sqlite3") as journal:
        campaign = make_campaign(journal, 30)
        provider = MockProvider()
        config = EngineConfig(concurrency=2, rate_per_s=1000.0, journal_check_s=0.0)
        with make_client(provider) as client:
            result = SendEngine(journal, client, config).run(campaign)
        assert result.status is CampaignStatus.FINISHED
        assert len(provider.requests) == 30
