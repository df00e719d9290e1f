"""What a support email needs to know about this installation: versions, system, keyring, folders.

Never a password, an API ID, a phone number or a message: only what describes the installation.
"""

from __future__ import annotations

import platform

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtGui import QGuiApplication

from liasmart_desktop import __version__
from liasmart_desktop.core.credentials import keyring_status
from liasmart_desktop.ui.resources import is_frozen
from liasmart_desktop.ui.services import AppServices


def diagnostic_summary(services: AppServices) -> str:
    """Plain lines for a support email.

    The labels stay English in every interface language on purpose: support reads the same report
    from every office, and the values (versions, paths, names) are not words to translate.
    """
    store = keyring_status()
    build = "frozen build" if is_frozen() else "Python environment"
    lines = {
        "LiaSmart Desktop": f"{__version__} ({build})",
        "Python": f"{platform.python_version()} ({platform.python_implementation()})",
        "Qt": f"{qVersion()} (PySide6 {PySide6.__version__}), platform {QGuiApplication.platformName()}",
        "System": f"{platform.platform()} ({platform.machine()})",
        "Password store": f"{store.backend} ({'secure' if store.secure else 'not secure'})",
        "Mode": "sandbox" if services.sandbox_mode else "live",
        "Interface language": services.settings.language or "system",
        "Data folder": str(services.paths.root),
        "Logs": str(services.paths.log_dir),
    }
    return "\n".join(f"{label}: {value}" for label, value in lines.items()) + "\n"
