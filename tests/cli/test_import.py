"""``liasmart import``: the JSON contract of shared/cli.md, the summary, options, and one-sentence errors."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest

from liasmart_desktop.cli.commands.import_list import (
    describe_import_error,
    describe_note,
    describe_row_problem,
)
from liasmart_desktop.cli.main import main
from liasmart_desktop.core.importing import (
    ImportFileError,
    ImportNote,
    ImportProblem,
    Note,
    RowProblem,
    RowReason,
    RowStatus,
)
from tests.core.importing.builders import write_xlsx

CONTRACT_FIELDS = {
    "file",
    "sheet",
    "sheets",
    "columns",
    "phone_column",
    "rows",
    "recipients",
    "problems",
    "counts",
}
LIST = (
    "客户名单\n"
    "姓名,手机号码,城市\n"
    "张三,13912345678,武汉\n"
    "李四,139 1234 5678,北京\n"
    ",,\n"
    "王五,,上海\n"
    "赵六,1.39123E+10,广州\n"
    "钱七,1391234567a,深圳\n"
)


def run(*argv: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    # The test's own data folder always (set by isolated_env): the CLI would otherwise use the user's.
    given = {"LIASMART_HOME": os.environ["LIASMART_HOME"], **(env or {})}
    code = main(["import", *argv], env=given, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def gbk_list(tmp_path: Path) -> Path:
    path = tmp_path / "名单.csv"
    path.write_bytes(LIST.encode("gbk"))
    return path


def test_json_contract(gbk_list: Path) -> None:
    code, out, err = run(str(gbk_list), "--country", "CN", "--json")
    assert (code, err) == (0, "")
    document = json.loads(out)
    assert set(document) >= CONTRACT_FIELDS
    assert out.count("\n") == 1
    assert document["file"] == str(gbk_list)
    assert (document["sheet"], document["sheets"]) == (None, [])
    assert document["columns"] == ["姓名", "手机号码", "城市"]
    assert (document["phone_column"], document["header_row"]) == ("手机号码", 2)
    assert (document["rows"], document["empty_rows"]) == (5, 1)
    assert (document["encoding"], document["encoding_source"], document["delimiter"]) == (
        "gb18030",
        "guessed",
        ",",
    )
    assert document["counts"] == {
        "recipients": 1,
        "invalid": 1,
        "missing": 1,
        "damaged": 1,
        "duplicate": 1,
        "ambiguous": 0,
        "opted_out": 0,
    }
    assert sum(document["counts"].values()) == document["rows"]
    assert document["recipients"] == [
        {
            "row": 3,
            "phone": "8613912345678",
            "original": "13912345678",
            "fields": {"姓名": "张三", "手机号码": "13912345678", "城市": "武汉"},
        }
    ]
    problems = {problem["row"]: problem for problem in document["problems"]}
    assert set(problems) == {4, 6, 7, 8}
    assert {key: problems[4][key] for key in ("row", "original", "status", "first_row", "reason_code")} == {
        "row": 4,
        "original": "139 1234 5678",
        "status": "duplicate",
        "first_row": 3,
        "reason_code": "duplicate",
    }
    assert problems[4]["reason"] == "The same number as row 3, which is kept."
    assert problems[6]["status"] == "missing"
    assert problems[7]["status"] == "damaged"
    assert "format the column as Text" in problems[7]["reason"]
    assert problems[8]["reason"] == "The cell contains letters (“a”), not only a phone number."
    assert "first_row" not in problems[8]
    assert document["notes"][0]["code"] == "encoding_guessed"


def test_human_summary(gbk_list: Path) -> None:
    code, out, err = run(str(gbk_list), "--country", "cn")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == f"{gbk_list}: text, encoding gb18030 (guessed), columns separated by “,”"
    assert lines[1] == "header on row 2; phone numbers in column “手机号码”; default country CN"
    assert lines[2] == (
        "5 data rows: 1 recipient, 1 invalid, 1 missing, 1 damaged by Excel, 1 duplicate "
        "(1 empty row skipped)"
    )
    assert lines[3].startswith("Note: The file has no encoding mark")
    assert lines[4] == "Rows with problems:"
    assert lines[5].split() == [
        "row",
        "4",
        "duplicate",
        "139",
        "1234",
        "5678:",
        "The",
        "same",
        "number",
        "as",
        "row",
        "3,",
        "which",
        "is",
        "kept.",
    ]
    assert "(empty): The phone cell is empty." in lines[6]


def test_long_problem_lists_are_cut_in_the_summary(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("phone\n" + "x\n" * 30 + "13912345678\n", encoding="utf-8")
    code, out, _ = run(str(path), "--country", "CN")
    assert code == 0
    assert "Rows with problems (the first 20; --json lists all 30):" in out
    assert out.count("invalid ") == 20


def test_workbook_summary_and_sheet_option(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "book.xlsx",
        {
            "一": [["手机"], ["13912345678"]],
            "二": [["Mobile", "Name"], [13812345678, "Bob"], [13812345678, "Bo"]],
        },
    )
    code, out, _ = run(str(path), "--sheet", "二", "--country", "CN")
    assert code == 0
    assert out.splitlines()[:3] == [
        f"{path}: xlsx, sheet “二” (other sheets: 一)",
        "header on row 1; phone numbers in column “Mobile”; default country CN",
        "2 data rows: 1 recipient, 0 invalid, 0 missing, 0 damaged by Excel, 1 duplicate",
    ]
    _, out, _ = run(str(path), "--json", "--country", "CN")
    assert json.loads(out)["sheets"] == ["一", "二"]


def test_no_header_phone_column_encoding_delimiter_and_env_country(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_bytes("张三\t13912345678\n李四\t13812345678\n".encode("gbk"))
    code, out, _ = run(
        str(path),
        "--no-header",
        "--phone-column",
        "B",
        "--encoding",
        "gbk",
        "--delimiter",
        "\\t",
        "--json",
        env={"LIASMART_COUNTRY": "cn"},
    )
    document = json.loads(out)
    assert code == 0
    assert (document["columns"], document["phone_column"], document["header_row"], document["rows"]) == (
        ["A", "B"],
        "B",
        None,
        2,
    )
    assert (
        document["encoding"],
        document["encoding_source"],
        document["delimiter"],
        document["country"],
    ) == (
        "gbk",
        "given",
        "\t",
        "CN",
    )
    code, out, _ = run(str(path), "--no-header", "--file-encoding", "gbk", "--country", "CN")
    assert code == 0
    assert "encoding gbk (as given), columns separated by tab" in out
    assert "no header row" in out


@pytest.mark.parametrize(
    ("content", "source"),
    [
        ("\ufeffphone\n13912345678\n".encode(), "from its byte-order mark"),
        (b"phone\n13912345678\n", "checked"),
        ("phone\n13912345678\n".encode("utf-16-le"), "recognised"),
    ],
)
def test_encoding_sources_in_the_summary(tmp_path: Path, content: bytes, source: str) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(content)
    _, out, _ = run(str(path), "--country", "CN")
    assert f"({source})" in out.splitlines()[0]


def test_problems_export(tmp_path: Path, gbk_list: Path) -> None:
    target = tmp_path / "to-fix.csv"
    code, out, err = run(str(gbk_list), "--country", "CN", "--problems", str(target))
    assert code == 0
    assert err == f"4 rows with problems written to {target}.\n"
    rows = list(csv.reader(target.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0] == ["Row", "Status", "Reason", "姓名", "手机号码", "城市"]
    assert [row[:2] for row in rows[1:]] == [
        ["4", "duplicate"],
        ["6", "missing"],
        ["7", "damaged"],
        ["8", "invalid"],
    ]
    code, out, err = run(str(gbk_list), "--country", "CN", "--problems", str(tmp_path / "fix.xlsx"), "--json")
    assert (code, err) == (0, "")
    assert (tmp_path / "fix.xlsx").exists()
    json.loads(out)


@pytest.mark.parametrize(
    ("argv", "sentence"),
    [
        (["missing.csv"], "The file missing.csv does not exist; check its name and folder."),
        (["{dir}/empty.csv"], "is empty; save the list again and retry."),
        (["{dir}/page.xls"], "This file is a web page saved under a spreadsheet name"),
        (
            ["{dir}/list.csv", "--country", "XX"],
            "“XX” is not a country code; use two letters such as CN, HK or SG.",
        ),
        (
            ["{dir}/list.csv", "--phone-column", "Fax"],
            "There is no column “Fax”; the columns are: “name”, “phone”.",
        ),
        (["{dir}/list.csv", "--encoding", "nope"], "“nope” is not a known text encoding"),
        (
            ["{dir}/header.csv"],
            "The file has only a header row (row 1) and no data rows; add the recipients below it.",
        ),
        (["{dir}/blank.csv"], "The file is empty; check that this is the right file."),
        (
            ["{dir}/city.csv"],
            (
                "No column looks like phone numbers; name it with --phone-column "
                "(the columns are: “name”, “city”)."
            ),
        ),
        (
            ["{dir}/book.xlsx", "--sheet", "Nope"],
            "There is no worksheet named “Nope”; the visible sheets are: “Empty”, “S”.",
        ),
        (
            ["{dir}/book.xlsx", "--sheet", "Empty"],
            "The sheet “Empty” is empty; choose the sheet with the list with --sheet (other sheets: S).",
        ),
    ],
)
def test_bad_files_exit_2_with_one_sentence(tmp_path: Path, argv: list[str], sentence: str) -> None:
    (tmp_path / "empty.csv").write_bytes(b"")
    (tmp_path / "page.xls").write_bytes(b"<html><table><tr><td>1</td></tr></table></html>")
    (tmp_path / "list.csv").write_text("name,phone\nA,13912345678\n", encoding="utf-8")
    (tmp_path / "header.csv").write_text("name,phone\n", encoding="utf-8")
    (tmp_path / "blank.csv").write_text("\n , \n", encoding="utf-8")
    (tmp_path / "city.csv").write_text("name,city\nA,Wuhan\n", encoding="utf-8")
    write_xlsx(tmp_path / "book.xlsx", {"Empty": [], "S": [["phone"], ["13912345678"]]})
    code, out, err = run(*[arg.format(dir=tmp_path) for arg in argv])
    assert (code, out) == (2, "")
    assert sentence in err
    assert err.count("\n") == 1
    assert "Traceback" not in err


SAMPLE_PARAMS: dict[str, str | int | tuple[str, ...]] = {
    "path": "list.xlsx",
    "detail": "technical detail",
    "size_bytes": 60 * 1024 * 1024,
    "limit_bytes": 50 * 1024 * 1024,
    "kind": "xlsx",
    "count": 120,
    "limit": 100,
    "member": "xl/worksheets/sheet1.xml",
    "ratio": 900,
    "sheet": "名单",
    "sheets": ("名单", "Sheet2"),
    "cells": 7_000_000,
    "row": 7,
    "column": "C",
    "length": 40_000,
    "encoding": "utf-8",
    "line": 3,
    "delimiter": "ab",
    "columns": ("name", "phone"),
    "country": "XX",
    "header_row": 1,
}


@pytest.mark.parametrize(
    "code", [code for code in ImportProblem if code is not ImportProblem.UNSUPPORTED_FORMAT]
)
def test_every_file_problem_has_a_sentence(code: ImportProblem) -> None:
    sentence = describe_import_error(ImportFileError(code, **SAMPLE_PARAMS))
    assert sentence.endswith(".")
    assert "{" not in sentence
    assert sentence.count(". ") == 0  # one sentence


@pytest.mark.parametrize("kind", ["pdf", "html", "xml_spreadsheet", "xlsb", "document", "zip", "binary"])
def test_every_unsupported_kind_has_a_sentence(kind: str) -> None:
    assert describe_import_error(ImportFileError(ImportProblem.UNSUPPORTED_FORMAT, kind=kind)).endswith(".")


def test_sizes_are_given_in_megabytes() -> None:
    sentence = describe_import_error(
        ImportFileError(
            ImportProblem.FILE_TOO_LARGE, size_bytes=60 * 1024 * 1024, limit_bytes=50 * 1024 * 1024
        )
    )
    assert sentence == "The file is 60.0 MB, more than the 50.0 MB limit; split the list into smaller files."


@pytest.mark.parametrize("reason", list(RowReason))
def test_every_row_reason_has_a_sentence(reason: RowReason) -> None:
    params: dict[str, str | int] = {
        "count": 2,
        "extension": "12",
        "character": "a",
        "kind": "date",
        "digits": 5,
        "country": "CN",
        "first_row": 3,
    }
    problem = RowProblem(9, "x", RowStatus.INVALID, reason, (), params)
    sentence = describe_row_problem(problem)
    assert sentence.endswith(".")
    assert "{" not in sentence


def test_invalid_for_an_unnamed_country() -> None:
    problem = RowProblem(9, "x", RowStatus.INVALID, RowReason.INVALID_FOR_COUNTRY, (), {"country": ""})
    assert describe_row_problem(problem) == "Not a valid phone number."
    named = RowProblem(9, "x", RowStatus.INVALID, RowReason.INVALID_FOR_COUNTRY, (), {"country": "CN"})
    assert describe_row_problem(named) == "Not a valid phone number in China (CN)."


@pytest.mark.parametrize("note", list(ImportNote))
def test_every_note_has_a_sentence(note: ImportNote) -> None:
    params: dict[str, str | int] = {
        "encoding": "gb18030",
        "row": 1,
        "column": "B",
        "name": "x (B)",
        "sheet": "S2",
    }
    params["first"] = "S1"
    sentence = describe_note(Note(note, params))
    assert sentence.endswith(".")
    assert "{" not in sentence
