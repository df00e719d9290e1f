"""``liasmart import`` words the importer's loose ends: a stray NUL byte, formulas without a value."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_import import run
from tests.core.importing.test_loose_ends import formula_workbook


def test_a_nul_byte_is_exit_2_naming_its_row(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(b"name,phone\nAnn,139123\x0045678\n")
    code, out, err = run(str(path), "--country", "CN")
    assert (code, out) == (2, "")
    assert err == (
        "Row 2 (column B) holds a NUL byte, an invisible character no one types (a damaged export, or a "
        "wrong --encoding); remove it in a text editor, or open the file in Excel and save it again as "
        "“CSV UTF-8”.\n"
    )


def test_formula_cells_are_reported_as_such(tmp_path: Path) -> None:
    code, out, _ = run(str(formula_workbook(tmp_path / "f.xlsx")), "--country", "CN", "--json")
    assert code == 0
    problems = {p["row"]: p for p in json.loads(out)["problems"]}
    assert (problems[3]["status"], problems[3]["reason_code"]) == ("damaged", "formula_not_calculated")
    assert problems[3]["reason"].startswith("The cell holds a formula whose value was never calculated")
    assert problems[5]["reason"].startswith("The cell's formula gives #N/A instead of a phone number")
    assert problems[4]["reason"] == "The phone cell is empty."
