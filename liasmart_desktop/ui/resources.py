"""Where the app's icons and translations are: the only code that knows about frozen builds."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QIcon

_PACKAGE_ROOT = Path(__file__).resolve().parent.parent.parent


def resources_dir() -> Path:
    """``resources/`` beside the package in a checkout, or inside the bundle when frozen."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None:
        return Path(frozen_root) / "resources"
    return _PACKAGE_ROOT / "resources"


def is_frozen() -> bool:
    """Whether this is a packaged build (PyInstaller) rather than a Python environment."""
    return getattr(sys, "_MEIPASS", None) is not None


def resource_path(*parts: str) -> Path:
    """A file under ``resources/``."""
    return resources_dir().joinpath(*parts)


#: The one source image every platform's application icon is made from.
APP_ICON = "liasmart.svg"


def icon(name: str = APP_ICON) -> QIcon:
    """An icon from ``resources/icons`` (an empty icon when the file is missing)."""
    path = resource_path("icons", name)
    return QIcon(str(path)) if path.exists() else QIcon()
