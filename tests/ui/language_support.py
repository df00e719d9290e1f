"""The Chinese UI for a test: the translations built into a temporary folder, English again afterwards."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from liasmart_desktop.ui import i18n
from liasmart_desktop.ui.i18n import SOURCE_LANGUAGE, Translations
from tests.ui.i18n_support import TS_FILES, build_qm


@contextmanager
def ui_language(language: str, folder: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Translations]:
    """Install ``language`` (built from resources/i18n/*.ts into ``folder``) for the block."""
    folder.mkdir(parents=True, exist_ok=True)
    for ts in TS_FILES:
        build_qm(ts, folder)
    monkeypatch.setattr(i18n, "translation_file", lambda code: str(folder / f"liasmart_{code}.qm"))
    translations = Translations()
    assert translations.install(language)
    try:
        yield translations
    finally:
        translations.install(SOURCE_LANGUAGE)
