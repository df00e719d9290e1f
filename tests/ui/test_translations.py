"""Translations: every .ts is complete, keeps its placeholders, matches the code, builds and is used.

The ``.qm`` files are built here into ``tmp_path`` (never from ``resources/``), so these tests pass on a
fresh checkout before ``scripts/dev.py`` has built anything. No window is shown or painted: painting
Chinese offscreen can log font warnings on machines without CJK fonts.
"""

from __future__ import annotations

import dataclasses
import re
import string
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, Qt
from pytestqt.qtbot import QtBot

from liasmart_desktop.ui.controllers.account_controller import AccountController
from liasmart_desktop.ui.dialogs.settings_dialog import SettingsDialog
from liasmart_desktop.ui.i18n import LANGUAGES, SOURCE_LANGUAGE, Translations, resolve_language
from liasmart_desktop.ui.main_window import MainWindow
from liasmart_desktop.ui.messages import join_sentences
from liasmart_desktop.ui.models.results_model import Column, ResultsModel
from liasmart_desktop.ui.widgets.action_button import plain_text
from tests.ui.i18n_support import SCRIPT, TS_FILES
from tests.ui.support import make_campaign, make_services, records

#: Translation states that mean "not done": new, or no longer in the code.
NOT_DONE = frozenset({"unfinished", "vanished", "obsolete"})
#: A keyboard mnemonic: ``&F`` (``&&`` is a literal ampersand).
MNEMONIC = re.compile(r"&(?!&)(\w)")


@dataclass(frozen=True)
class Message:
    """One ``<message>`` of a .ts file."""

    context: str
    source: str
    comment: str
    translation: str
    state: str  # the translation's ``type`` ("" when finished)

    @property
    def key(self) -> tuple[str, str, str]:
        """What identifies a message to Qt: context, source text and disambiguation."""
        return (self.context, self.source, self.comment)

    def __str__(self) -> str:
        return f"[{self.context}] {self.source!r}"


def read_ts(path: Path) -> list[Message]:
    """Every message of a .ts file, in file order."""
    messages = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            messages.append(
                Message(
                    context=name,
                    source=message.findtext("source", ""),
                    comment=message.findtext("comment", ""),
                    translation="" if translation is None else "".join(translation.itertext()),
                    state="" if translation is None else translation.get("type", ""),
                )
            )
    return messages


def placeholders(text: str) -> set[str]:
    """The ``{named}`` fields ``str.format`` would fill (``ValueError`` if the braces are broken)."""
    return {name for _literal, name, _spec, _conversion in string.Formatter().parse(text) if name is not None}


def language_of(path: Path) -> str:
    """``liasmart_zh_CN.ts`` → ``zh_CN``."""
    return path.stem.removeprefix("liasmart_")


# ---------------------------------------------------------------------- the .ts sources


def test_every_supported_language_but_english_has_a_ts_file() -> None:
    expected = {language for language in LANGUAGES if language != SOURCE_LANGUAGE}
    assert {language_of(path) for path in TS_FILES} == expected
    assert set(SCRIPT.LANGUAGES) == expected


@pytest.mark.parametrize("ts", TS_FILES, ids=language_of)
def test_every_message_is_translated_and_keeps_its_placeholders(ts: Path) -> None:
    messages = read_ts(ts)
    assert messages
    problems = []
    for message in messages:
        if message.state in NOT_DONE or not message.translation.strip():
            problems.append(f"{message}: not translated ({message.state or 'empty'})")
            continue
        try:
            source_fields = placeholders(message.source)
            translated_fields = placeholders(message.translation)
        except ValueError as exc:
            problems.append(f"{message}: broken braces in {message.translation!r} ({exc})")
            continue
        if source_fields != translated_fields:
            problems.append(
                f"{message}: placeholders {sorted(source_fields)} became {sorted(translated_fields)} "
                f"in {message.translation!r}"
            )
        try:
            message.translation.format(**dict.fromkeys(translated_fields, "x"))
        except (IndexError, KeyError, ValueError) as exc:
            problems.append(f"{message}: {message.translation!r} cannot be filled in ({exc!r})")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("ts", TS_FILES, ids=language_of)
def test_translations_keep_the_keyboard_mnemonic_letter(ts: Path) -> None:
    problems = []
    for message in read_ts(ts):
        source = MNEMONIC.findall(message.source)
        translated = MNEMONIC.findall(message.translation)
        if [letter.casefold() for letter in source] != [letter.casefold() for letter in translated]:
            problems.append(f"{message}: mnemonic {source} became {translated} in {message.translation!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("ts", TS_FILES, ids=language_of)
def test_the_ts_file_is_up_to_date_with_the_code(ts: Path, tmp_path: Path) -> None:
    fresh = tmp_path / ts.name
    sources = sorted(str(path) for path in SCRIPT.SOURCES.rglob("*.py"))
    subprocess.run(
        [SCRIPT.tool("lupdate"), "-silent", "-no-obsolete", *sources, "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    in_code = {message.key for message in read_ts(fresh)}
    committed = {message.key for message in read_ts(ts)}
    hint = f"run `python scripts/translations.py update` and translate the new texts in {ts.name}"
    missing = sorted(in_code - committed)
    assert not missing, f"texts in the code but not in {ts.name} ({hint}): {missing}"
    vanished = sorted(committed - in_code)
    assert not vanished, f"texts in {ts.name} that the code no longer has ({hint}): {vanished}"


# ---------------------------------------------------------------------- building and installing


@pytest.fixture
def qsettings_in_tmp(tmp_path: Path) -> Iterator[None]:
    """The window's geometry is read from (and never written to) a private ini file."""
    old_format = QSettings.defaultFormat()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    yield
    QSettings.setDefaultFormat(old_format)


def menu_titles(qtbot: QtBot, folder: Path) -> list[str]:
    """The menu titles of a main window built now (in the language installed now)."""
    services = make_services(folder)
    window = MainWindow(services)
    qtbot.addWidget(window)
    try:
        return [action.text() for action in window.menuBar().actions()]
    finally:
        services.shutdown()
        shiboken6.delete(window)


@pytest.mark.usefixtures("qsettings_in_tmp")
def test_chinese_is_built_installed_and_used_by_the_window_and_english_comes_back(
    qtbot: QtBot, tmp_path: Path, built_translations: Translations
) -> None:
    assert built_translations.install("zh_CN")
    assert QCoreApplication.translate("Messages", "Accepted") == "已受理"
    # Qt's own texts (standard buttons) come from Qt's translation, installed alongside.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    titles = menu_titles(qtbot, tmp_path / "chinese")
    assert titles[0] == "文件(&F)"
    assert titles == ["文件(&F)", "发送(&C)", "名单(&L)", "设置(&S)", "帮助(&H)"]

    assert built_translations.install("en")
    assert QCoreApplication.translate("Messages", "Accepted") == "Accepted"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    assert menu_titles(qtbot, tmp_path / "english") == ["&File", "&Campaign", "&Lists", "&Settings", "&Help"]


def test_a_language_without_a_built_file_is_reported_and_leaves_english(
    built_translations: Translations,
) -> None:
    assert not built_translations.install("xx")
    assert QCoreApplication.translate("Messages", "Accepted") == "Accepted"


# ---------------------------------------------------------------------- choosing the language


@pytest.fixture
def system_locale(monkeypatch: pytest.MonkeyPatch) -> list[QLocale]:
    """Set ``[0]`` to the locale ``QLocale.system()`` should report."""
    chosen = [QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)]
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: chosen[0]))
    return chosen


@pytest.mark.parametrize(
    ("language", "country", "expected"),
    [
        (QLocale.Language.Chinese, QLocale.Country.China, "zh_CN"),
        (QLocale.Language.Chinese, QLocale.Country.Singapore, "zh_CN"),
        (QLocale.Language.English, QLocale.Country.UnitedStates, "en"),
        (QLocale.Language.English, QLocale.Country.HongKong, "en"),
        (QLocale.Language.French, QLocale.Country.France, "en"),
    ],
)
def test_no_saved_choice_follows_the_system_language(
    system_locale: list[QLocale], language: QLocale.Language, country: QLocale.Country, expected: str
) -> None:
    system_locale[0] = QLocale(language, country)
    assert resolve_language("") == expected


def test_a_saved_choice_wins_over_the_system_language(system_locale: list[QLocale]) -> None:
    system_locale[0] = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    assert resolve_language("en") == "en"
    system_locale[0] = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    assert resolve_language("zh_CN") == "zh_CN"
    # A language this version does not have falls back to the system's.
    assert resolve_language("fr") == "en"


def test_the_settings_dialog_saves_the_language_choice(qtbot: QtBot, tmp_path: Path) -> None:
    services = make_services(tmp_path)
    try:
        dialog = SettingsDialog(services, AccountController(services))
        qtbot.addWidget(dialog)
        combo = dialog._language_combo
        assert combo.currentData() == ""  # "Same as the computer"
        assert [combo.itemData(i) for i in range(combo.count())] == ["", *LANGUAGES]
        combo.setCurrentIndex(combo.findData("zh_CN"))
        with qtbot.waitSignal(services.settings_changed):
            dialog.accept()
        assert services.settings.language == "zh_CN"

        dialog = SettingsDialog(services, AccountController(services))
        qtbot.addWidget(dialog)
        assert dialog._language_combo.currentData() == "zh_CN"
        dialog._language_combo.setCurrentIndex(0)
        with qtbot.waitSignal(services.settings_changed):
            dialog.accept()
        assert services.settings.language == ""
    finally:
        services.shutdown()


# ---------------------------------------------------------------------- texts put together in code


def test_sentences_are_joined_as_the_language_writes_them(built_translations: Translations) -> None:
    assert join_sentences(["One.", "", "Two."]) == "One. Two."
    assert join_sentences([]) == ""
    built_translations.install("zh_CN")
    assert join_sentences(["第一句。", "第二句。", "第三句。"]) == "第一句。第二句。第三句。"


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("&Import from Excel…", "Import from Excel"),
        ("Save && &close", "Save & close"),
        ("从 Excel 导入(&O)…", "从 Excel 导入"),
        ("发送 1,234 条短信(&S)", "发送 1,234 条短信"),
        ("营销短信（P）(&I)", "营销短信（P）"),
    ],
)
def test_accessible_names_drop_bracketed_chinese_mnemonics(text: str, plain: str) -> None:
    assert plain_text(text) == plain


def test_the_delivery_column_is_worded_in_the_users_language(
    tmp_path: Path, built_translations: Translations
) -> None:
    path = tmp_path / "journal.sqlite3"
    pending, delivered, failed, other = records(path, make_campaign(path, 4))
    shown = [
        pending,
        dataclasses.replace(delivered, dlr_status="DELIVRD", dlr_state="delivered"),
        dataclasses.replace(
            failed, dlr_status="UNDELIV", dlr_state="failed", dlr_error="1 Absent subscriber"
        ),
        dataclasses.replace(other, dlr_status="Strange", dlr_state="other"),
    ]
    model = ResultsModel()

    def column(role: Qt.ItemDataRole) -> list[object]:
        return [model.data(model.index(row, Column.DELIVERY), role) for row in range(len(shown))]

    model.load(shown)
    assert column(Qt.ItemDataRole.DisplayRole) == ["", "Delivered", "Not delivered", "Strange"]
    tips = column(Qt.ItemDataRole.ToolTipRole)
    assert tips[0] is None
    assert tips[2] == "LiaSmart's delivery status: UNDELIV\n1 Absent subscriber"
    built_translations.install("zh_CN")
    model.load(shown)
    assert column(Qt.ItemDataRole.DisplayRole) == ["", "已送达", "未送达", "Strange"]
    assert str(column(Qt.ItemDataRole.ToolTipRole)[1]).endswith("DELIVRD")
