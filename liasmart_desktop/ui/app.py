"""The ``liasmart-desktop`` entry point: data folder, logging, translations, sandbox mode, the main window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from liasmart_desktop import __version__
from liasmart_desktop.core.errors import ConfigError, ConfigProblem
from liasmart_desktop.core.logs import configure_logging
from liasmart_desktop.core.paths import DataPaths, open_data_dir
from liasmart_desktop.core.settings import AppSettings, load_settings
from liasmart_desktop.ui.crash_handler import CrashHandler
from liasmart_desktop.ui.i18n import Translations, resolve_language
from liasmart_desktop.ui.main_window import MainWindow
from liasmart_desktop.ui.messages import describe_error
from liasmart_desktop.ui.resources import icon
from liasmart_desktop.ui.runtime import settle_startup_objects, tune_for_responsiveness
from liasmart_desktop.ui.services import AppServices

APP_NAME = "LiaSmart Desktop"
DESKTOP_FILE_NAME = "liasmart-desktop"
BROKEN_SUFFIX = ".broken"


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """The app's own options (Qt's, such as ``-platform``, pass through)."""
    parser = argparse.ArgumentParser(prog="liasmart-desktop", description=APP_NAME)
    parser.add_argument("--version", action="version", version=f"liasmart-desktop {__version__}")
    parser.add_argument("--sandbox", action="store_true", help="practise with the built-in simulator")
    parser.add_argument(
        "--home", metavar="DIR", help="data folder (settings, history, logs); env LIASMART_HOME"
    )
    parser.add_argument("--language", choices=["en", "zh_CN"], help="interface language for this run")
    parser.add_argument(
        "--self-test", action="store_true", help="check that this installation is complete, then exit"
    )
    # For the build script's start-up measurement: print a line once the window is on screen, then quit.
    parser.add_argument("--quit-when-shown", action="store_true", help=argparse.SUPPRESS)
    args, _qt_args = parser.parse_known_args(list(argv))
    return args


def _load_settings_or_ask(paths: DataPaths) -> AppSettings | None:
    """The saved settings; if the file is broken, offer to keep it aside and start with defaults."""
    try:
        return load_settings(paths.settings_file)
    except ConfigError as exc:
        if exc.code not in {ConfigProblem.SETTINGS_UNREADABLE, ConfigProblem.SETTINGS_INVALID}:
            raise
        answer = QMessageBox.question(
            None,
            APP_NAME,
            describe_error(exc)
            + "\n\n"
            + QApplication.translate(
                "App",
                "Start with default settings? The broken file is kept beside it as settings.json.broken.",
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
        paths.settings_file.replace(paths.settings_file.with_name(paths.settings_file.name + BROKEN_SUFFIX))
        return AppSettings()


def _report_shown_and_quit(app: QApplication) -> None:
    sys.stdout.write("window shown\n")
    sys.stdout.flush()
    app.quit()


def keep_qt_settings_in(paths: DataPaths) -> None:
    """Qt's own per-user settings (its file dialog remembers folders there) go into the data folder too,
    so ``LIASMART_HOME`` holds everything the app writes (on Windows Qt keeps them in the registry)."""
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(paths.root / "qt"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(paths.root / "qt"))


def main(argv: Sequence[str] | None = None) -> int:
    """Start the desktop app and run its event loop; return its exit code."""
    arguments = list(sys.argv if argv is None else argv)
    args = parse_args(arguments[1:])
    if args.self_test:
        from liasmart_desktop.ui.self_test import run_self_test  # noqa: PLC0415 - only the self-test needs it

        return run_self_test()
    tune_for_responsiveness()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(arguments)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("LiaSmart")
    app.setApplicationVersion(__version__)
    # Lets the desktop match the window to the installed menu entry (packaging/linux/*.desktop).
    app.setDesktopFileName(DESKTOP_FILE_NAME)
    app.setWindowIcon(icon())
    # The system's language until the settings (which may choose another) are read: their problems are
    # shown in it too.
    translations = Translations()
    translations.install(args.language or resolve_language(""))
    try:
        paths = open_data_dir(args.home)
    except ConfigError as exc:
        QMessageBox.critical(None, APP_NAME, describe_error(exc))
        return 2
    configure_logging(paths.log_dir)
    keep_qt_settings_in(paths)
    crash_handler = CrashHandler(paths.log_dir)
    crash_handler.install()
    try:
        return _run(app, args, paths, translations)
    finally:
        crash_handler.uninstall()


def _run(app: QApplication, args: argparse.Namespace, paths: DataPaths, translations: Translations) -> int:
    """Settings, services and the window, then the event loop."""
    settings = _load_settings_or_ask(paths)
    if settings is None:
        return 2
    translations.install(args.language or resolve_language(settings.language))
    services = AppServices(paths, settings=settings)
    if args.sandbox or not services.has_saved_credentials():
        services.start_sandbox()
    window = MainWindow(services)
    window.show()
    settle_startup_objects()
    if args.quit_when_shown:
        QTimer.singleShot(0, lambda: _report_shown_and_quit(app))
    else:
        QTimer.singleShot(0, window.start)
    try:
        return app.exec()
    finally:
        services.shutdown()


if __name__ == "__main__":
    sys.exit(main())
