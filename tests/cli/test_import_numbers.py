"""``liasmart import`` and the number rule: the ``ambiguous`` bucket, its readings, the locale region."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from liasmart_desktop.cli.context import windows_region
from liasmart_desktop.core.settings import AppSettings, save_settings
from tests.cli.test_import import run
from tests.core.importing.builders import write_xlsx

# A GBK CSV of Chinese customers, as in the issue: national numbers, one with full-width digits.
LIST = (
    "姓名,手机号码\n张三,13512345678\n李四,13912345678\n王五,１５８１２３４５６７８\n赵六,+86 137 1234 5678\n"
)


@pytest.fixture
def gbk_list(tmp_path: Path) -> Path:
    path = tmp_path / "客户.csv"
    path.write_bytes(LIST.encode("gbk"))
    return path


@pytest.mark.parametrize("locale", ["en_US.UTF-8", "zh_CN.UTF-8", "C"])
def test_no_default_country_sets_national_numbers_aside_as_ambiguous(gbk_list: Path, locale: str) -> None:
    code, out, err = run(str(gbk_list), "--json", env={"LANG": locale})
    assert (code, err) == (0, "")
    document = json.loads(out)
    assert document["counts"] == {
        "recipients": 1,
        "invalid": 0,
        "missing": 0,
        "damaged": 0,
        "duplicate": 0,
        "ambiguous": 3,
        "opted_out": 0,
    }
    assert sum(document["counts"].values()) == document["rows"]
    assert [r["phone"] for r in document["recipients"]] == ["8613712345678"]
    first, second, third = document["problems"]
    assert (first["row"], first["status"], first["reason_code"]) == (2, "ambiguous", "ambiguous_country")
    # As written 13512345678 is a US number whatever the locale; in China it is a mobile.
    assert first["readings"] == [
        {"phone": "13512345678", "country": "US"},
        {"phone": "8613512345678", "country": "CN"},
    ]
    assert first["reason"].startswith(
        "The number could be +1 351-234-5678 (United States, US) or +86 135 1234 5678 (China, CN)"
    )
    # +1 391 is no number: only the national reading is left.
    assert second["readings"] == [{"phone": "8613912345678", "country": "CN"}]
    assert "no default country is set; it would be +86 139 1234 5678 (China, CN)" in second["reason"]
    assert (third["original"], third["readings"][0]["country"]) == ("１５８１２３４５６７８", "CA")


def test_the_summary_counts_the_ambiguous_rows(gbk_list: Path) -> None:
    code, out, _ = run(str(gbk_list), env={"LANG": "en_US.UTF-8"})
    assert code == 0
    assert (
        "4 data rows: 1 recipient, 0 invalid, 0 missing, 0 damaged by Excel, 0 duplicates, 3 ambiguous" in out
    )
    assert "row 2      ambiguous 13512345678: The number could be" in out


def test_the_locale_region_is_a_likely_home(tmp_path: Path) -> None:
    # 2015550123: a US national number, and as written +20 15 550123 in Egypt.
    path = tmp_path / "us.csv"
    path.write_text("phone\n2015550123\n", encoding="utf-8")
    readings = {}
    for env in ({"LANG": "zh_CN.UTF-8"}, {"LANG": "zh_CN.UTF-8", "LC_ALL": "en_US.UTF-8"}):
        _, out, _ = run(str(path), "--json", env=env)
        readings[env.get("LC_ALL", env["LANG"])] = [
            r["country"] for r in json.loads(out)["problems"][0]["readings"]
        ]
    assert readings == {"zh_CN.UTF-8": ["EG", "CN"], "en_US.UTF-8": ["EG", "US", "CN"]}


@pytest.mark.parametrize("how", ["option", "environment"])
def test_with_a_country_they_are_recipients(gbk_list: Path, how: str) -> None:
    argv = ("--country", "CN") if how == "option" else ()
    env = {"LIASMART_COUNTRY": "CN"} if how == "environment" else {}
    _, out, _ = run(str(gbk_list), "--json", *argv, env={"LANG": "en_US.UTF-8", **env})
    document = json.loads(out)
    assert document["counts"]["recipients"] == 4
    assert [r["phone"] for r in document["recipients"]] == [
        "8613512345678",
        "8613912345678",
        "8615812345678",
        "8613712345678",
    ]


def test_windows_region_is_none_elsewhere() -> None:
    assert windows_region() is None


def test_a_workbook_with_a_note_first_reads_the_sheet_with_the_list(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "book.xlsx", {"说明": [["请在第二个工作表填写名单"]], "名单": [["手机"], ["13912345678"]]}
    )
    code, out, _ = run(str(path), "--country", "CN", env={})
    assert code == 0
    assert "sheet “名单” (other sheets: 说明)" in out
    assert "Note: The first sheet “说明” holds no list of phone numbers, so the sheet “名单” was read" in out


def test_the_saved_country_is_used_and_the_option_wins(gbk_list: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    save_settings(home / "settings.json", AppSettings(default_country="CN"))
    _, out, _ = run(str(gbk_list), "--json", env={"LIASMART_HOME": str(home)})
    assert json.loads(out)["counts"]["recipients"] == 4
    _, out, _ = run(str(gbk_list), "--json", env={"LIASMART_HOME": str(home), "LIASMART_COUNTRY": "US"})
    assert json.loads(out)["country"] == "US"
    _, out, _ = run(
        str(gbk_list), "--json", "--country", "HK", env={"LIASMART_HOME": str(home), "LIASMART_COUNTRY": "US"}
    )
    assert json.loads(out)["country"] == "HK"
