"""Helpers for the compose form's tests: a panel over test services, an imported CSV, widgets by name."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import shiboken6
from PySide6.QtWidgets import QLabel, QWidget

from liasmart_desktop.core.importing import ImportOptions, ImportReport, import_file
from liasmart_desktop.ui.services import AppServices
from liasmart_desktop.ui.widgets.compose_panel import ComposePanel
from liasmart_desktop.ui.widgets.icon_label import IconLabel
from tests.ui.support import make_services

W = TypeVar("W", bound=QWidget)


@contextmanager
def compose_panel(tmp_path: Path, **settings: object) -> Iterator[tuple[ComposePanel, AppServices]]:
    """A panel over fresh services; afterwards the panel is deleted and the background tasks waited for."""
    services = make_services(tmp_path, **settings)
    panel = ComposePanel(services)
    try:
        yield panel, services
    finally:
        # Deleting the panel at once stops its timers; results of tasks still running are then
        # dropped (the panel's LatestTask is gone) instead of reaching a later test.
        shiboken6.delete(panel)
        services.shutdown()


def child(parent: QWidget, kind: type[W], name: str) -> W:
    """The descendant of ``parent`` of type ``kind`` named ``name`` (fails the test when missing)."""
    found = parent.findChild(kind, name)
    assert found is not None, f"no {kind.__name__} named {name!r}"
    return found


def shown_text(parent: QWidget, name: str) -> str:
    """The text of a label or icon label of ``parent``."""
    widget = parent.findChild(QWidget, name)
    if isinstance(widget, IconLabel):
        return widget.text()
    assert isinstance(widget, QLabel), f"no label named {name!r}"
    return widget.text()


def is_shown(parent: QWidget, name: str) -> bool:
    """Whether the named widget is shown (as far as its own visibility goes)."""
    return not child(parent, QWidget, name).isHidden()


def import_csv(tmp_path: Path, lines: list[str], country: str = "CN") -> tuple[ImportReport, Path]:
    """Import a CSV made of ``lines`` (the first is the header) as the import dialog would."""
    path = tmp_path / "customers.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return import_file(path, ImportOptions(country=country)), path
