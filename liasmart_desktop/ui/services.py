"""What the windows share, passed explicitly: data folder, settings, credentials, sandbox, task runner.

No global registry: the app builds one ``AppServices`` and hands it to the main window, which hands
the parts each panel needs to that panel.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Signal

from liasmart_desktop.core.credentials import (
    Credentials,
    KeyringStatus,
    keyring_status,
    read_password,
    resolve_credentials,
)
from liasmart_desktop.core.errors import ConfigError, CredentialError
from liasmart_desktop.core.paths import DataPaths
from liasmart_desktop.core.settings import AppSettings, load_settings, save_settings, updated
from liasmart_desktop.sandbox import SandboxConfig, SandboxServer
from liasmart_desktop.ui.workers.task_runner import TaskRunner

log = logging.getLogger(__name__)

#: The sandbox accepts any credentials; these are never a real account's.
SANDBOX_CREDENTIALS = Credentials("SANDBOX", "sandbox-practice")
SANDBOX_DLR_DELAY_S = 5.0


class AppServices(QObject):
    """Shared state and collaborators of one running app.

    Signals:
        settings_changed(object): the new ``AppSettings`` after a save.
        mode_changed(bool): sandbox mode switched on (True) or off.
    """

    settings_changed = Signal(object)
    mode_changed = Signal(bool)

    def __init__(
        self,
        paths: DataPaths,
        *,
        settings: AppSettings | None = None,
        env: Mapping[str, str] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.paths = paths
        self.env: Mapping[str, str] = env if env is not None else {}
        self._settings = settings if settings is not None else load_settings(paths.settings_file)
        self.tasks = TaskRunner(self)
        self._sandbox: SandboxServer | None = None
        self._session_password: str | None = None

    # ------------------------------------------------------------------ settings

    @property
    def settings(self) -> AppSettings:
        """The current settings."""
        return self._settings

    def save_settings(self, settings: AppSettings) -> None:
        """Write the settings file (``ConfigError`` if it cannot be) and tell every listener."""
        save_settings(self.paths.settings_file, settings)
        self._settings = settings
        self.settings_changed.emit(settings)

    def start_folder(self) -> Path:
        """Where a file chooser opens: the folder last used, else the documents folder, else home."""
        last = Path(self._settings.last_folder) if self._settings.last_folder else None
        if last is not None and last.is_dir():
            return last
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        if documents and Path(documents).is_dir():
            return Path(documents)
        return Path.home()

    def remember_folder(self, folder: Path) -> None:
        """Open file choosers in ``folder`` from now on (kept in the settings file, in the data folder)."""
        text = str(folder)
        if text == self._settings.last_folder:
            return
        try:
            self.save_settings(updated(self._settings, last_folder=text))
        except ConfigError as exc:  # a convenience: failing to remember it must not stop the user
            log.warning("the last folder could not be remembered: %s", exc)

    # ------------------------------------------------------------------ sandbox

    @property
    def sandbox_mode(self) -> bool:
        """Whether messages go to the built-in simulator."""
        return self._sandbox is not None

    def start_sandbox(self, config: SandboxConfig | None = None) -> str:
        """Run the simulator on 127.0.0.1 and send there; return its base URL."""
        if self._sandbox is None:
            self._sandbox = SandboxServer(config or SandboxConfig(dlr_delay_s=SANDBOX_DLR_DELAY_S)).start()
            log.info("sandbox mode on at %s", self._sandbox.base_url)
            self.mode_changed.emit(True)
        return self._sandbox.base_url

    def stop_sandbox(self) -> None:
        """Stop the simulator; messages go to LiaSmart again."""
        if self._sandbox is not None:
            self._sandbox.stop()
            self._sandbox = None
            self.mode_changed.emit(False)

    @property
    def sandbox(self) -> SandboxServer | None:
        """The running simulator, if any."""
        return self._sandbox

    # ------------------------------------------------------------------ credentials

    def keyring_status(self) -> KeyringStatus:
        """Which password store is active and whether it is secure."""
        return keyring_status()

    def remember_for_session(self, password: str) -> None:
        """Keep a password in memory for this run only (no secure store on this computer)."""
        self._session_password = password or None

    def has_saved_credentials(self) -> bool:
        """Whether an API ID is saved and its password can be found (keyring, environment or session)."""
        if not self._settings.api_id:
            return False
        try:
            resolve_credentials(self._settings.api_id, self.env, session_password=self._session_password)
        except CredentialError:
            return False
        return True

    def stored_password(self) -> str | None:
        """The keyring's password for the saved API ID (``None`` when there is none or no keyring)."""
        try:
            return read_password(self._settings.api_id) if self._settings.api_id else None
        except CredentialError:
            return None

    def credentials(self) -> Credentials:
        """The credentials to send with (the sandbox's in sandbox mode); ``CredentialError`` if missing."""
        if self.sandbox_mode:
            return SANDBOX_CREDENTIALS
        return resolve_credentials(self._settings.api_id, self.env, session_password=self._session_password)

    def base_url(self) -> str:
        """Where requests go: the sandbox, or the configured LiaSmart address."""
        if self._sandbox is not None:
            return self._sandbox.base_url
        return self._settings.base_url

    def shutdown(self) -> None:
        """Wait for short tasks and stop the sandbox."""
        self.tasks.wait()
        self.stop_sandbox()
