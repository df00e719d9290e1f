"""Countries: names in English and Chinese, calling codes, readable numbers, the locale's region."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from liasmart_desktop.core.importing.regions import (
    all_regions,
    calling_code,
    country_name,
    display_phone,
    is_region,
    region_from_env,
    region_from_locale,
)

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize(
    ("region", "english", "chinese"),
    [
        ("CN", "China", "中国"),
        ("US", "United States", "美国"),
        ("KH", "Cambodia", "柬埔寨"),
        ("HK", "Hong Kong", "香港"),  # the Chinese name is held under Japanese ("*ja")
        ("XK", "Kosovo", "科索沃"),  # phonenumbers names it nowhere
        ("AC", "Ascension Island", "阿森松岛"),
    ],
)
def test_country_names(region: str, english: str, chinese: str) -> None:
    assert (country_name(region), country_name(region, "zh")) == (english, chinese)


def test_every_region_has_a_name_in_both_languages() -> None:
    for region in all_regions():
        for language in ("en", "zh"):
            assert country_name(region, language) != region, (region, language)


def test_an_unknown_code_is_its_own_name() -> None:
    assert country_name("ZZ") == "ZZ"


def test_calling_codes_and_regions() -> None:
    assert (calling_code("CN"), calling_code("US"), calling_code("XX")) == (86, 1, 0)
    assert (is_region("CN"), is_region("cn"), is_region("XX")) == (True, False, False)
    assert len(all_regions()) > 240


@pytest.mark.parametrize(
    ("phone", "shown"),
    [
        ("8613912345678", "+86 139 1234 5678"),
        ("13512345678", "+1 351-234-5678"),
        ("999", "+999"),  # no such country code: shown as it is
    ],
)
def test_display_phone(phone: str, shown: str) -> None:
    assert display_phone(phone) == shown


@pytest.mark.parametrize(
    ("name", "region"),
    [
        ("zh_CN.UTF-8", "CN"),
        ("en_US", "US"),
        ("en-GB", "GB"),
        ("zh_Hans_CN.UTF-8", "CN"),
        ("sr_RS@latin", "RS"),
        ("C", None),
        ("C.UTF-8", None),
        ("POSIX", None),
        ("en", None),
        ("xx_QQ", None),
        ("", None),
    ],
)
def test_region_from_locale(name: str, region: str | None) -> None:
    assert region_from_locale(name) == region


def test_region_from_env_follows_posix_precedence() -> None:
    assert region_from_env({"LANG": "en_US.UTF-8", "LC_ALL": "zh_CN.UTF-8"}) == "CN"
    assert region_from_env({"LANG": "en_US.UTF-8", "LC_MESSAGES": "de_DE"}) == "DE"
    assert region_from_env({"LANG": "en_GB.UTF-8", "LC_ALL": ""}) == "GB"
    assert region_from_env({"LANG": "C.UTF-8"}) is None
    assert region_from_env({}) is None


def test_a_name_that_points_to_itself_is_not_followed_forever() -> None:
    # phonenumbers' Chinese entry for Samoa is "*zh", a reference to itself.
    assert country_name("WS", "zh") == "萨摩亚"


def test_the_copied_names_match_the_installed_phonenumbers() -> None:
    # scripts/country_names.py writes core/importing/country_names.py; run it after upgrading phonenumbers.
    spec = importlib.util.spec_from_file_location(
        "country_names_script", ROOT / "scripts" / "country_names.py"
    )
    assert spec is not None
    assert spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    assert (ROOT / "liasmart_desktop" / "core" / "importing" / "country_names.py").read_text(
        encoding="utf-8"
    ) == (script.render())


def test_reading_names_does_not_load_the_geocoding_data() -> None:
    # phonenumbers.geodata holds 100 MB of place names; the import must never load it.
    code = "import sys; from liasmart_desktop.core.importing import import_file, country_name; "
    code += "country_name('CN', 'zh'); print(any(m.startswith('phonenumbers.geodata') for m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
