"""Translations: collect the app's texts into ``resources/i18n/*.ts`` and build the ``.qm`` files Qt loads.

    python scripts/translations.py update   # refresh the .ts sources from the code (lupdate)
    python scripts/translations.py build    # compile every .ts into .qm (lrelease); run by dev.py

The ``.qm`` files are build output (not committed); translators edit the ``.ts`` files (Qt Linguist
or any XML editor).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
SOURCES = ROOT / "liasmart_desktop" / "ui"
LANGUAGES = ("zh_CN",)


def tool(name: str) -> str:
    """A PySide6 tool installed beside this interpreter (``pyside6-lupdate`` …)."""
    folder = Path(sys.executable).parent
    for candidate in (folder / f"pyside6-{name}", folder / f"pyside6-{name}.exe"):
        if candidate.exists():
            return str(candidate)
    sys.exit(f"pyside6-{name} was not found beside {sys.executable}; install PySide6-Essentials there.")


def update() -> int:
    """Refresh every .ts from the sources, dropping texts the code no longer has."""
    files = sorted(str(p) for p in SOURCES.rglob("*.py"))
    I18N.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        target = I18N / f"liasmart_{language}.ts"
        code = subprocess.call([tool("lupdate"), "-no-obsolete", *files, "-ts", str(target)])
        if code:
            return code
    return 0


def copy_qt_catalogues() -> None:
    """Put Qt's own ``qtbase_<lang>.qm`` beside the app's, so every package carries Qt's dialog texts."""
    from PySide6.QtCore import QLibraryInfo  # noqa: PLC0415 - only building needs Qt here

    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    for language in LANGUAGES:
        source = folder / f"qtbase_{language}.qm"
        target = I18N / source.name
        if source.exists() and (not target.exists() or target.stat().st_mtime < source.stat().st_mtime):
            shutil.copy2(source, target)


def build() -> int:
    """Compile every .ts into the .qm beside it, and copy Qt's own catalogues there."""
    for source in sorted(I18N.glob("liasmart_*.ts")):
        target = source.with_suffix(".qm")
        if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
            continue
        code = subprocess.call([tool("lrelease"), "-silent", str(source), "-qm", str(target)])
        if code:
            return code
    copy_qt_catalogues()
    return 0


def main() -> int:
    """Run ``update`` or ``build``."""
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "update":
        return update()
    if command == "build":
        return build()
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
