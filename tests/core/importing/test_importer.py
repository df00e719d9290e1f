"""``import_file`` end to end on text files: accounting, headers, limits, file errors, progress, cancel."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from liasmart_desktop.core.importing import (
    CancelToken,
    EncodingSource,
    FileFormat,
    ImportCancelledError,
    ImportFileError,
    ImportLimits,
    ImportNote,
    ImportOptions,
    ImportProblem,
    ImportProgress,
    ImportReport,
    ImportStage,
    RowReason,
    RowStatus,
    import_file,
)

CN = ImportOptions(country="CN")


def csv_file(tmp_path: Path, text: str, encoding: str = "utf-8", name: str = "list.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def refused(path: Path, options: ImportOptions = CN) -> tuple[ImportProblem, dict[str, object]]:
    with pytest.raises(ImportFileError) as caught:
        import_file(path, options)
    return caught.value.code, dict(caught.value.params)


def buckets(report: ImportReport) -> list[tuple[int, str, str]]:
    rows = [(r.row, "recipient", r.phone) for r in report.recipients]
    rows += [(p.row, p.status.value, p.reason.value) for p in report.problems]
    return sorted(rows)


def test_every_row_in_exactly_one_bucket(tmp_path: Path) -> None:
    text = (
        "客户名单（2024年）\n"  # a title block above the header
        "\n"
        "姓名,手机号码,备注\n"
        "张三,13912345678,\n"
        "李四,139 1234 5678,same number again\n"
        ",,\n"  # a fully empty row between data rows
        "王五,,no phone\n"
        "赵六,1.39123E+10,Excel damage\n"
        "钱七,123,too short\n"
        "孙八,+86 138 1234 5678,\n"
        ",,\n"
        "\n"  # empty rows after the last data row are not counted
    )
    report = import_file(csv_file(tmp_path, text, "gbk"), CN)
    assert (report.format, report.encoding, report.encoding_source, report.delimiter) == (
        FileFormat.TEXT,
        "gb18030",
        EncodingSource.GUESSED,
        ",",
    )
    assert (report.header_row, report.phone_column, report.columns) == (
        3,
        "手机号码",
        ("姓名", "手机号码", "备注"),
    )
    assert buckets(report) == [
        (4, "recipient", "8613912345678"),
        (5, "duplicate", "duplicate"),
        (7, "missing", "empty"),
        (8, "damaged", "scientific_notation"),
        (9, "invalid", "too_short"),
        (10, "recipient", "8613812345678"),
    ]
    assert (report.rows, report.empty_rows) == (6, 1)
    counts = report.counts
    assert (counts.recipients, counts.invalid, counts.missing, counts.damaged, counts.duplicate) == (
        2,
        1,
        1,
        1,
        1,
    )
    assert counts.total == report.rows
    duplicate = report.problems_with(RowStatus.DUPLICATE)[0]
    assert (duplicate.first_row, duplicate.params, duplicate.original) == (
        4,
        {"first_row": 4},
        "139 1234 5678",
    )
    assert report.fields(duplicate) == {
        "姓名": "李四",
        "手机号码": "139 1234 5678",
        "备注": "same number again",
    }
    assert [(note.code, dict(note.params)) for note in report.notes] == [
        (ImportNote.ENCODING_GUESSED, {"encoding": "gb18030"})
    ]


def test_bad_rows_never_block_good_ones(tmp_path: Path) -> None:
    lines = ["phone"] + ["not a number"] * 50 + ["13912345678"]
    report = import_file(csv_file(tmp_path, "\n".join(lines)), CN)
    assert (report.counts.invalid, report.counts.recipients) == (50, 1)


def test_header_found_by_its_name_when_the_title_block_is_wide(tmp_path: Path) -> None:
    text = "Report,exported,2024-01-01\nName,Mobile Phone,City\nAnn,13912345678,Wuhan\n"
    report = import_file(csv_file(tmp_path, text), CN)
    assert (report.header_row, report.phone_column) == (2, "Mobile Phone")


def test_no_header_row_detected_when_the_first_row_holds_a_number(tmp_path: Path) -> None:
    report = import_file(csv_file(tmp_path, "13912345678,Ann\n13812345678,Bob\n"), CN)
    assert (report.header_row, report.columns, report.rows) == (None, ("A", "B"), 2)
    assert [(note.code, dict(note.params)) for note in report.notes] == [
        (ImportNote.NO_HEADER_FOUND, {"row": 1}),
        (ImportNote.PHONE_COLUMN_FROM_CONTENT, {"column": "A"}),
    ]


def test_no_header_option_reads_every_row(tmp_path: Path) -> None:
    path = csv_file(tmp_path, "Ann,13912345678\nBob,13812345678\n")
    report = import_file(path, ImportOptions(country="CN", has_header=False))
    assert (report.header_row, report.columns, report.phone_column, report.rows) == (None, ("A", "B"), "B", 2)
    assert report.notes[0].code is ImportNote.PHONE_COLUMN_FROM_CONTENT


def test_phone_column_option_by_name_and_by_letter(tmp_path: Path) -> None:
    path = csv_file(tmp_path, "Office Tel,Home_Phone\n13912345678,13812345678\n")
    assert import_file(path, CN).phone_column == "Home_Phone"  # holds "phone"; "Office Tel" is no known name
    assert (
        import_file(path, ImportOptions(country="CN", phone_column="home phone")).phone_column == "Home_Phone"
    )
    assert import_file(path, ImportOptions(country="CN", phone_column="a")).phone_column == "Office Tel"
    assert refused(path, ImportOptions(phone_column="Fax")) == (
        ImportProblem.PHONE_COLUMN_NOT_FOUND,
        {"column": "Fax", "columns": ("Office Tel", "Home_Phone")},
    )


def test_phone_column_by_content_and_none_found(tmp_path: Path) -> None:
    report = import_file(csv_file(tmp_path, "Name,Contact\nAnn,13912345678\nBob,13812345678\n"), CN)
    assert report.phone_column == "Contact"
    assert refused(csv_file(tmp_path, "Name,City\nAnn,Wuhan\n", name="b.csv")) == (
        ImportProblem.NO_PHONE_COLUMN,
        {"columns": ("Name", "City")},
    )


def test_repeated_and_blank_headers_are_renamed(tmp_path: Path) -> None:
    report = import_file(csv_file(tmp_path, "phone,Name,,name,x\n13912345678,A,B,C,D,E\n"), CN)
    assert report.columns == ("phone", "Name", "C", "name (D)", "x", "F")
    assert [(n.code, dict(n.params)) for n in report.notes] == [
        (ImportNote.COLUMN_RENAMED, {"column": "D", "name": "name (D)"})
    ]
    assert report.fields(report.recipients[0])["F"] == "E"


def test_ragged_rows_extend_and_pad_the_columns(tmp_path: Path) -> None:
    report = import_file(csv_file(tmp_path, "phone\n13912345678,extra\n13812345678\n"), CN)
    assert report.columns == ("phone", "B")
    assert report.fields(report.recipients[1]) == {"phone": "13812345678", "B": ""}


def test_phone_cell_beyond_a_short_row_is_missing(tmp_path: Path) -> None:
    report = import_file(csv_file(tmp_path, "name,phone\nAnn\nBob,13912345678\n"), CN)
    assert [(p.row, p.status, p.original) for p in report.problems] == [(2, RowStatus.MISSING, "")]


def test_excel_wrappers_apostrophes_and_unicode_text(tmp_path: Path) -> None:
    text = 'name\tphone\r\nA\t="013912345678"\r\nB\t\'13812345678\r\n'
    report = import_file(csv_file(tmp_path, text, "utf-16", name="list.txt"), CN)
    assert (report.encoding, report.delimiter) == ("utf-16", "\t")
    assert [(r.row, r.phone, r.original) for r in report.recipients] == [
        (2, "8613912345678", "013912345678"),
        (3, "8613812345678", "'13812345678"),
    ]


def test_semicolon_and_pipe_files(tmp_path: Path) -> None:
    for delimiter in (";", "|"):
        path = csv_file(
            tmp_path, f"name{delimiter}phone\nA{delimiter}13912345678\n", name=f"{ord(delimiter)}.csv"
        )
        report = import_file(path, CN)
        assert (report.delimiter, report.rows) == (delimiter, 1)


def test_given_encoding_and_delimiter(tmp_path: Path) -> None:
    path = csv_file(tmp_path, "姓名:手机\n张三:13912345678\n", "gbk")
    report = import_file(path, ImportOptions(country="CN", encoding="gbk", delimiter=":"))
    assert (report.encoding, report.encoding_source, report.delimiter, report.rows) == (
        "gbk",
        EncodingSource.GIVEN,
        ":",
        1,
    )


def test_empty_and_header_only_text_files(tmp_path: Path) -> None:
    assert refused(csv_file(tmp_path, "\n\n , \n")) == (
        ImportProblem.SHEET_EMPTY,
        {"sheet": "", "sheets": ()},
    )
    assert refused(csv_file(tmp_path, "姓名,手机\n\n", name="h.csv")) == (
        ImportProblem.HEADER_ONLY,
        {"sheet": "", "header_row": 1},
    )
    assert refused(csv_file(tmp_path, "", name="e.csv"))[0] is ImportProblem.FILE_EMPTY


def test_file_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    missing = tmp_path / "nowhere.csv"
    assert refused(missing) == (ImportProblem.FILE_NOT_FOUND, {"path": str(missing)})
    code, params = refused(tmp_path)
    assert (code, params["path"]) == (ImportProblem.FILE_UNREADABLE, str(tmp_path))
    locked = csv_file(tmp_path, "phone\n13912345678\n")

    def sharing_violation(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "The process cannot access the file because it is being used")

    monkeypatch.setattr(Path, "open", sharing_violation)
    assert refused(locked) == (ImportProblem.FILE_LOCKED, {"path": str(locked)})


def test_size_limits_depend_on_the_kind_of_file(tmp_path: Path) -> None:
    path = csv_file(tmp_path, "phone\n" + "13912345678\n" * 100)
    limits = ImportLimits(max_text_bytes=500)
    assert refused(path, ImportOptions(limits=limits)) == (
        ImportProblem.FILE_TOO_LARGE,
        {"size_bytes": 1206, "limit_bytes": 500},
    )
    assert (
        import_file(path, ImportOptions(country="CN", limits=ImportLimits(max_workbook_bytes=500))).rows
        == 100
    )


def test_file_that_grows_while_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    path = csv_file(tmp_path, "phone\n" + "13912345678\n" * 100)
    real_fstat = os.fstat

    class Small:
        def __init__(self, real: os.stat_result) -> None:
            self.st_size = 10

    monkeypatch.setattr(os, "fstat", lambda fd: Small(real_fstat(fd)))
    assert (
        refused(path, ImportOptions(limits=ImportLimits(max_text_bytes=500)))[0]
        is ImportProblem.FILE_TOO_LARGE
    )


def test_row_column_and_cell_limits(tmp_path: Path) -> None:
    rows = csv_file(tmp_path, "phone\n" + "13912345678\n" * 6)
    assert refused(rows, ImportOptions(limits=ImportLimits(max_rows=5))) == (
        ImportProblem.TOO_MANY_ROWS,
        {"limit": 5},
    )
    wide_header = csv_file(tmp_path, "phone" + ",x" * 10 + "\n13912345678\n", name="w.csv")
    assert refused(wide_header, ImportOptions(limits=ImportLimits(max_columns=5))) == (
        ImportProblem.TOO_MANY_COLUMNS,
        {"count": 11, "limit": 5},
    )
    wide_row = csv_file(
        tmp_path, "phone\n13912345678\n" * 300 + "13912345678" + ",x" * 10 + "\n", name="r.csv"
    )
    assert refused(wide_row, ImportOptions(limits=ImportLimits(max_columns=5))) == (
        ImportProblem.TOO_MANY_COLUMNS,
        {"count": 11, "limit": 5},
    )
    long_cell = csv_file(tmp_path, "phone,note\n13912345678," + "x" * 40 + "\n", name="c.csv")
    assert refused(long_cell, ImportOptions(limits=ImportLimits(max_cell_chars=30))) == (
        ImportProblem.CELL_TOO_LONG,
        {"row": 2, "column": "B", "length": 40, "limit": 30},
    )


def test_unknown_country_fails_before_reading(tmp_path: Path) -> None:
    assert refused(tmp_path / "never-read.csv", ImportOptions(country="ZZ")) == (
        ImportProblem.UNKNOWN_COUNTRY,
        {"country": "ZZ"},
    )


def test_progress_reports_and_cancel(tmp_path: Path) -> None:
    path = csv_file(tmp_path, "phone\n" + "".join(f"1391234{n:04d}\n" for n in range(2500)))
    seen: list[ImportProgress] = []
    report = import_file(path, CN, on_progress=seen.append, should_cancel=lambda: False)
    assert report.rows == 2500
    assert seen[0] == ImportProgress(ImportStage.READING)
    assert [(p.stage, p.done, p.total) for p in seen[1:]] == [
        (ImportStage.ROWS, 1001, 2501),
        (ImportStage.ROWS, 2001, 2501),
    ]
    token = CancelToken()
    calls = 0

    def cancel_on_progress(progress: ImportProgress) -> None:
        nonlocal calls
        calls += 1
        if progress.stage is ImportStage.ROWS:
            token.cancel()

    with pytest.raises(ImportCancelledError):
        import_file(path, CN, on_progress=cancel_on_progress, should_cancel=token.is_cancelled)
    assert calls == 2  # stopped at the next check, 1,000 rows later


def test_cancel_checks_without_a_progress_callback(tmp_path: Path) -> None:
    path = csv_file(tmp_path, "phone\n" + "13912345678\n" * 1500)
    checks: list[bool] = []

    def should_cancel() -> bool:
        checks.append(True)
        return False

    assert import_file(path, CN, should_cancel=should_cancel).rows == 1500
    assert len(checks) == 2  # once after reading, once at row 1,000


def test_cancel_before_rows_are_read(tmp_path: Path) -> None:
    path = csv_file(tmp_path, "phone\n13912345678\n")
    token = CancelToken()
    token.cancel()
    assert token.is_cancelled()
    with pytest.raises(ImportCancelledError):
        import_file(path, CN, should_cancel=token.is_cancelled)


def test_import_runs_on_a_worker_thread_and_is_cancelled_from_another(tmp_path: Path) -> None:
    path = csv_file(tmp_path, "phone\n" + "13912345678\n" * 5000)
    token = CancelToken()
    started = threading.Event()
    outcome: list[BaseException] = []

    def progress(_: ImportProgress) -> None:
        started.set()
        token_wait.wait(5)

    token_wait = threading.Event()

    def work() -> None:
        try:
            import_file(path, CN, on_progress=progress, should_cancel=token.is_cancelled)
        except ImportCancelledError as exc:
            outcome.append(exc)

    worker = threading.Thread(target=work)
    worker.start()
    assert started.wait(5)
    token.cancel()
    token_wait.set()
    worker.join(5)
    assert not worker.is_alive()
    assert len(outcome) == 1


def test_importing_twice_gives_the_same_report(tmp_path: Path) -> None:
    path = csv_file(tmp_path, "phone,name\n13912345678,A\nbad,B\n13912345678,C\n")
    assert import_file(path, CN) == import_file(path, CN)


def test_reasons_carry_codes_and_data_not_prose(tmp_path: Path) -> None:
    report = import_file(csv_file(tmp_path, "phone\n13912345678 x99\n"), CN)
    problem = report.problems[0]
    assert (problem.status, problem.reason, dict(problem.params)) == (
        RowStatus.INVALID,
        RowReason.EXTENSION,
        {"extension": "99"},
    )
