"""Countries as the number rule and its readers need them: codes, calling codes, names, likely homes.

Names are phonenumbers' CLDR names in English and Chinese (copied into ``country_names`` by
scripts/country_names.py: importing ``phonenumbers.geodata`` costs 100 MB), so the CLI's English and
the app's Chinese name a country the same way everywhere; the few names that data lacks are here.

"Likely home countries" are where a number written without a country code most probably belongs
when no default country is set: the system's region (from the locale) and China, the provider's home
market (shared/cli.md, "Where a number goes"). The rule never sends to them on a guess; it only
uses them to notice that a number could be read two ways.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Final

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat

from liasmart_desktop.core.importing.country_names import NAMES

#: The provider's home market: always a likely home country.
PROVIDER_HOME: Final = "CN"
#: Name languages offered (phonenumbers has many more; the app speaks these two).
NAME_LANGUAGES: Final = ("en", "zh")
#: Names phonenumbers lacks: three regions it names nowhere, and Samoa's Chinese (its entry points to
#: itself).
_MISSING_NAMES: Final[Mapping[str, Mapping[str, str]]] = {
    "AC": {"en": "Ascension Island", "zh": "阿森松岛"},
    "TA": {"en": "Tristan da Cunha", "zh": "特里斯坦-达库尼亚"},
    "XK": {"en": "Kosovo", "zh": "科索沃"},
    "WS": {"zh": "萨摩亚"},
}
#: POSIX locale variables, the one that wins first (``LC_ALL`` overrides the others).
LOCALE_VARIABLES: Final = ("LC_ALL", "LC_MESSAGES", "LANG")
# "zh_CN.UTF-8", "en-US", "zh_Hans_CN", "sr_RS@latin": the region is two letters after the language.
_LOCALE_REGION = re.compile(r"^[A-Za-z]{2,3}(?:[_-][A-Za-z]{4})?[_-]([A-Za-z]{2})(?:[.@]|$)")


def is_region(code: str) -> bool:
    """Whether ``code`` is an ISO 3166 alpha-2 region phone numbers are known for."""
    return code in phonenumbers.SUPPORTED_REGIONS


def all_regions() -> tuple[str, ...]:
    """Every region phone numbers are known for, by code."""
    return tuple(sorted(phonenumbers.SUPPORTED_REGIONS))


def calling_code(region: str) -> int:
    """The country calling code of a region (``CN`` → 86); 0 for an unknown region."""
    return int(phonenumbers.country_code_for_region(region))


def country_name(region: str, language: str = "en") -> str:
    """The region's name in ``language`` (``en`` or ``zh``); the code itself when none is known."""
    english, chinese = NAMES.get(region, ("", ""))
    name = chinese if language == "zh" else english
    return name or _MISSING_NAMES.get(region, {}).get(language, "") or region


def display_phone(phone: str) -> str:
    """Country code + number (digits) as people read it: ``+86 139 1234 5678``."""
    try:
        number = phonenumbers.parse("+" + phone, None)
    except NumberParseException:
        return "+" + phone
    return str(phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL))


def region_from_locale(name: str) -> str | None:
    """The region of a locale name (``zh_CN.UTF-8`` → ``CN``); ``None`` for ``C``, ``POSIX`` or none."""
    match = _LOCALE_REGION.match(name.strip())
    if match is None:
        return None
    region = match[1].upper()
    return region if is_region(region) else None


def region_from_env(env: Mapping[str, str]) -> str | None:
    """The region of the POSIX locale in ``env`` (``LC_ALL``, else ``LC_MESSAGES``, else ``LANG``)."""
    for variable in LOCALE_VARIABLES:
        value = env.get(variable, "")
        if value:
            return region_from_locale(value)
    return None


def likely_home_regions(system_region: str | None) -> tuple[str, ...]:
    """The system's region (when it is one) and China, without repeats, in that order."""
    homes = [system_region] if system_region and is_region(system_region) else []
    if PROVIDER_HOME not in homes:
        homes.append(PROVIDER_HOME)
    return tuple(homes)


DEFAULT_HOME_REGIONS: Final = likely_home_regions(None)
