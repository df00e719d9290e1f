"""Countries as the window shows them: names in the UI language, "China +86", search by any name or code.

One source for every country list and reading in the app (the first-start question, the import
dialog, Settings, the preview, the review). Names come from the core (phonenumbers' data, English or
Chinese as the UI speaks), with the country's own name from Qt beside them, so "CN", "China", "中国"
and "Chine" all find China. The system's region comes from ``QLocale.system()``; tests replace
``system_region``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCollator, QCoreApplication, QLocale

from liasmart_desktop.core.importing import country_name, display_phone, likely_home_regions
from liasmart_desktop.core.importing.regions import PROVIDER_HOME, all_regions, calling_code, is_region

CONTEXT = "Countries"
#: Translators: the language country names are shown in, "en" or "zh" (the Chinese translation says zh).
_NAMES_LANGUAGE = QT_TRANSLATE_NOOP("Countries", "en")
_NO_COUNTRY = QT_TRANSLATE_NOOP("Countries", "No country")
_LABEL = QT_TRANSLATE_NOOP("Countries", "{name} +{code}")
_READING = QT_TRANSLATE_NOOP("Countries", "{phone} ({country})")


def _tr(text: object) -> str:
    return QCoreApplication.translate(CONTEXT, str(text))


def names_language() -> str:
    """``zh`` when the UI speaks Chinese, else ``en``: the language country names are shown in."""
    language = _tr(_NAMES_LANGUAGE)
    return language if language in ("en", "zh") else "en"


def name(region: str) -> str:
    """A country's name in the UI language (``中国`` in the Chinese UI); "No country" for +800 …"""
    return country_name(region, names_language()) if region else _tr(_NO_COUNTRY)


def label(region: str) -> str:
    """A country as the preview and the review show it: ``China +86`` (no flag); "No country" for +800."""
    if not region:
        return name(region)
    return _tr(_LABEL).format(name=name(region), code=calling_code(region))


def reading(phone: str, region: str) -> str:
    """Where one reading of a number goes: ``+86 135 1234 5678 (China)``."""
    return _tr(_READING).format(phone=display_phone(phone), country=name(region))


def system_region() -> str | None:
    """The region of the computer's locale (``CN`` for zh_CN), ``None`` when it names none."""
    code = QLocale.territoryToCode(QLocale.system().territory())
    return code if is_region(code) else None


def home_regions() -> tuple[str, ...]:
    """The likely home countries for numbers without a country code: the system's region and China."""
    return likely_home_regions(system_region())


def first_start_country() -> str:
    """The country the first-start question proposes: China in the Chinese UI, else the system's region."""
    if names_language() == "zh":
        return PROVIDER_HOME
    return system_region() or ""


@dataclass(frozen=True, slots=True)
class CountryEntry:
    """One country in a picker: what is shown and every name it can be found by."""

    code: str
    title: str  # "China (中国) · CN · +86"
    name: str  # in the UI language
    keys: tuple[str, ...]  # casefolded: code, UI name, English, Chinese, own name


def _native_name(region: str) -> str:
    territory = QLocale.codeToTerritory(region)
    own = QLocale(QLocale.Language.AnyLanguage, territory)
    return own.nativeTerritoryName() if own.territory() == territory else ""


@functools.cache
def country_entries(language: str) -> tuple[CountryEntry, ...]:
    """Every country phone numbers are known for, sorted by name in ``language`` (as the UI collates)."""
    entries = []
    for code in all_regions():
        shown = country_name(code, language)
        native = _native_name(code)
        title = f"{shown} ({native})" if native and native != shown else shown
        keys = (code, shown, country_name(code, "en"), country_name(code, "zh"), native)
        entries.append(
            CountryEntry(
                code,
                f"{title} · {code} · +{calling_code(code)}",
                shown,
                tuple(k.casefold() for k in keys if k),
            )
        )
    collator = QCollator(QLocale(QLocale.Language.Chinese if language == "zh" else QLocale.Language.English))
    return tuple(sorted(entries, key=lambda entry: collator.sortKey(entry.name)))


def search(query: str, entries: tuple[CountryEntry, ...]) -> list[CountryEntry]:
    """The countries ``query`` finds, best first: the exact code, then names starting with it, then the
    rest that contain it. Typing ``CN`` finds China first (not Cambodia); ``中`` finds 中国."""
    wanted = query.strip().casefold()
    if not wanted:
        return list(entries)
    ranked: list[tuple[int, int, CountryEntry]] = []
    for position, entry in enumerate(entries):
        if entry.code.casefold() == wanted:
            rank = 0
        elif any(key.startswith(wanted) for key in entry.keys):
            rank = 1
        elif any(wanted in key for key in entry.keys):
            rank = 2
        else:
            continue
        ranked.append((rank, position, entry))
    return [entry for _, _, entry in sorted(ranked, key=lambda item: item[:2])]
