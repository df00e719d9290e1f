"""Column-name keys shared by the importer and the merge fields."""

from __future__ import annotations

import pytest

from liasmart_desktop.core.text import header_key


@pytest.mark.parametrize(
    "name",
    [
        "Phone_number ",
        "PHONENUMBER",
        "phone number",
        "ｐｈｏｎｅ＿ｎｕｍｂｅｒ",
        "\ufeffPhone Number",
        "Phone\u00a0Number",
    ],
)
def test_case_spaces_underscores_full_width_and_bom_do_not_matter(name: str) -> None:
    assert header_key(name) == "phonenumber"


def test_names_in_any_script_keep_their_letters() -> None:
    assert header_key(" 姓 名 ") == "姓名"
    assert header_key("Straße") == header_key("STRASSE")


def test_different_names_stay_different() -> None:
    assert header_key("phone-number") != header_key("phonenumber")
    assert header_key("name1") != header_key("name2")
