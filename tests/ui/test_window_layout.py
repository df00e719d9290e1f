"""The first window on the smallest supported screens: the whole workflow (message, recipients, review) is
in view without scrolling, nothing scrolls sideways, and the empty results grid's headings are whole —
measured from the widgets' geometry, in English and in Chinese."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QPoint, QRect, QSettings
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QMainWindow,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QWidget,
)
from pytestqt.qtbot import QtBot

from liasmart_desktop.ui.i18n import Translations
from liasmart_desktop.ui.main_window import MainWindow
from liasmart_desktop.ui.models.results_model import Column
from liasmart_desktop.ui.widgets.message_editor import MessageEditor
from tests.ui.compose_support import child, import_csv
from tests.ui.support import make_services

SIZES = [(1024, 700), (1366, 768)]
LANGUAGES = ["en", "zh_CN"]
MESSAGES = {
    "en": "Hi {name}, your order from our {shop} shop is on its way - thank you!",
    "zh_CN": "{name}您好，您在{shop}店的订单已发货，请留意查收。",
}
LIST = ["name,phone,shop"] + [f"Customer {i},139{i:08d},Kowloon" for i in range(20)] + ["Nobody,,Central"]
#: The controls a person needs to write, address and review a message, by object name.
COMPOSE_CONTROLS: list[tuple[type[QWidget], str]] = [
    (QComboBox, "senderIdCombo"),
    (QRadioButton, "promotionalRadio"),
    (QRadioButton, "transactionalRadio"),
    (QComboBox, "encodingCombo"),
    (MessageEditor, "messageEditor"),
    (QPushButton, "insertFieldButton"),
    (QPushButton, "lookalikesButton"),
    (QWidget, "counterView"),
    (QPushButton, "importButton"),
    (QPushButton, "clearImportButton"),
    (QWidget, "previewView"),
    (QWidget, "composeProblems"),
    (QPushButton, "reviewButton"),
]


@pytest.fixture
def window(
    request: pytest.FixtureRequest, qtbot: QtBot, tmp_path: Path, built_translations: Translations
) -> Iterator[MainWindow]:
    language, (width, height) = request.param
    assert built_translations.install(language) or language == "en"
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    services = make_services(
        tmp_path, default_country="CN", sender_ids=("LIASMART",), default_sender_id="LIASMART"
    )
    services.start_sandbox()
    win = MainWindow(services)
    qtbot.addWidget(win)
    win.resize(width, height)
    win.show()
    qtbot.waitExposed(win)
    win.compose.set_import(*import_csv(tmp_path, LIST))
    child(win.compose, MessageEditor, "messageEditor").setPlainText(MESSAGES[language])
    qtbot.waitUntil(lambda: not win.compose.problems(), timeout=10_000)
    QApplication.processEvents()
    yield win
    services.shutdown()
    shiboken6.delete(win)


def rect_in(widget: QWidget, ancestor: QWidget) -> QRect:
    """``widget``'s rectangle in ``ancestor``'s coordinates."""
    return QRect(widget.mapTo(ancestor, QPoint(0, 0)), widget.size())


def visible_area(widget: QWidget) -> QRect:
    """The part of the window a widget may show in: its scroll area's viewport, else the window."""
    window = widget.window()
    assert isinstance(window, QMainWindow)
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    area = parent.viewport() if isinstance(parent, QScrollArea) else window.centralWidget()
    assert area is not None
    return rect_in(area, window)


CASES = [(language, size) for language in LANGUAGES for size in SIZES]
IDS = [f"{language}-{w}x{h}" for language, (w, h) in CASES]


@pytest.mark.parametrize("window", CASES, ids=IDS, indirect=True)
def test_every_compose_control_is_in_view_and_nothing_scrolls(window: MainWindow) -> None:
    assert window.pages.currentWidget() is window.compose
    for kind, name in COMPOSE_CONTROLS:
        widget = child(window.compose, kind, name)
        assert widget.isVisible(), name
        shown = rect_in(widget, window)
        assert visible_area(widget).contains(shown), f"{name} is cut off or scrolled away: {shown}"
        assert window.rect().contains(shown), name
    for area in window.findChildren(QAbstractScrollArea):
        if area.isVisible():
            assert not area.horizontalScrollBar().isVisible(), area.objectName() or type(area).__name__
    for area in window.compose.scroll_areas:
        assert not area.verticalScrollBar().isVisible(), "the compose form needs scrolling"


@pytest.mark.parametrize("window", CASES, ids=IDS, indirect=True)
def test_the_empty_results_grid_fits_and_shows_whole_headings(window: MainWindow) -> None:
    window.pages.setCurrentWidget(window.results)
    QApplication.processEvents()
    table = window.results.table
    assert table.isVisible()
    assert not table.horizontalScrollBar().isVisible()
    header = table.horizontalHeader()
    metrics = QFontMetrics(header.font())
    shown = [column for column in Column if not table.isColumnHidden(column)]
    assert Column.MESSAGE_ID in shown
    for column in shown:
        title = str(window.results.model.headerData(column, header.orientation()))
        assert header.sectionSize(column) >= metrics.horizontalAdvance(title), f"{title!r} is cut"
    assert header.length() <= table.viewport().width()
