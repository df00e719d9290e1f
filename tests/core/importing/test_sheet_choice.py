"""A workbook whose first sheet holds a note and whose list is on another sheet: the list is found.

Issue 14: with "请在第二个工作表填写名单" on sheet 1 and the list on sheet 2, the import failed and the
dialog's Sheet picker was greyed out and empty. Now the first sheet with a list is read, with a note,
and every error of a workbook names its sheets so a picker can always offer them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from liasmart_desktop.core.importing import (
    ImportFileError,
    ImportLimits,
    ImportNote,
    ImportOptions,
    ImportProblem,
    import_file,
)
from tests.core.importing.builders import write_xls, write_xlsx

NOTE = [["请在第二个工作表填写名单"]]
LIST = [["姓名", "手机号码"], ["张三", "13912345678"], ["李四", "13812345678"]]


@pytest.mark.parametrize("writer", [write_xlsx, write_xls])
def test_the_sheet_with_phone_numbers_is_found_by_itself(tmp_path: Path, writer: object) -> None:
    suffix = ".xlsx" if writer is write_xlsx else ".xls"
    path = writer(tmp_path / f"book{suffix}", {"说明": NOTE, "空": [], "名单": LIST})  # type: ignore[operator]
    report = import_file(path, ImportOptions(country="CN"))
    assert (report.sheet, report.sheets) == ("名单", ("说明", "空", "名单"))
    assert report.counts.recipients == 2
    assert report.notes[0].code is ImportNote.SHEET_CHOSEN
    assert dict(report.notes[0].params) == {"sheet": "名单", "first": "说明"}


def test_a_list_on_the_first_sheet_is_read_without_a_note(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "book.xlsx", {"名单": LIST, "说明": NOTE})
    report = import_file(path, ImportOptions(country="CN"))
    assert report.sheet == "名单"
    assert not any(note.code is ImportNote.SHEET_CHOSEN for note in report.notes)


def test_a_chosen_sheet_is_read_as_chosen(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "book.xlsx", {"说明": NOTE, "名单": LIST})
    with pytest.raises(ImportFileError) as caught:
        import_file(path, ImportOptions(country="CN", sheet="说明"))
    assert caught.value.code is ImportProblem.NO_PHONE_COLUMN
    assert (caught.value.params["sheet"], caught.value.params["sheets"]) == ("说明", ("说明", "名单"))


def test_no_sheet_with_a_list_reports_the_first_sheet_and_names_them_all(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "book.xlsx", {"说明": NOTE, "也是说明": NOTE, "只有标题": [["Phone"]]})
    with pytest.raises(ImportFileError) as caught:
        import_file(path, ImportOptions(country="CN"))
    assert caught.value.code is ImportProblem.NO_PHONE_COLUMN
    assert caught.value.params["sheet"] == "说明"
    assert caught.value.params["sheets"] == ("说明", "也是说明", "只有标题")
    assert caught.value.params["columns"] == ("请在第二个工作表填写名单",)  # the note, read as a header


def test_a_single_sheet_error_names_its_sheet(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "book.xlsx", {"说明": NOTE})
    with pytest.raises(ImportFileError) as caught:
        import_file(path, ImportOptions(country="CN"))
    assert (caught.value.params["sheet"], caught.value.params["sheets"]) == ("说明", ("说明",))


def test_another_problem_on_a_later_sheet_stops_the_search(tmp_path: Path) -> None:
    wide = [[f"c{i}" for i in range(8)], ["13912345678", *range(7)]]
    path = write_xlsx(tmp_path / "book.xlsx", {"说明": NOTE, "宽": wide, "名单": LIST})
    with pytest.raises(ImportFileError) as caught:
        import_file(path, ImportOptions(country="CN", limits=ImportLimits(max_columns=5)))
    assert caught.value.code is ImportProblem.TOO_MANY_COLUMNS
    assert (caught.value.params["sheet"], caught.value.params["sheets"]) == ("宽", ("说明", "宽", "名单"))


def test_a_text_file_error_has_no_sheets(tmp_path: Path) -> None:
    path = tmp_path / "note.csv"
    path.write_text("请在第二个工作表填写名单\n", encoding="utf-8")
    with pytest.raises(ImportFileError) as caught:
        import_file(path, ImportOptions(country="CN"))
    assert caught.value.code is ImportProblem.NO_PHONE_COLUMN
    assert "sheets" not in caught.value.params
