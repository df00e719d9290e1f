"""``liasmart-desktop --self-test``: prove an installed or frozen build has every part it needs.

Offscreen, in a temporary data folder: every module imports, translations and icons load, the
input-method plugin for typing Chinese is there (Linux), the keyring finds this system's backend,
openpyxl parses with defusedxml, the TLS bundle is there, the sandbox answers ten messages sent
through the real engine and journal, and the main window builds.
Prints one line per check and exits 0, or 1 naming what is missing. Frozen builds lose what
PyInstaller was not told about (keyring's entry points, certifi's bundle, Qt plugins): this catches it.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import pkgutil
import ssl
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path

import liasmart_desktop

#: The backend each system's keyring must offer (found through entry points, which frozen builds lose).
NATIVE_KEYRING = {
    "win32": "keyring.backends.Windows",
    "darwin": "keyring.backends.macOS",
    "linux": "keyring.backends.SecretService",
}
SELF_TEST_MESSAGES = 10
MIN_CA_CERTIFICATES = 50
WINDOW_SETTLE_S = 0.3
OFFSCREEN_SIZE_HINTS_NOTICE = "This plugin does not support propagateSizeHints()"


def check_imports() -> str:
    """Every module of the package imports."""
    names = [liasmart_desktop.__name__]
    names += [
        m.name for m in pkgutil.walk_packages(liasmart_desktop.__path__, liasmart_desktop.__name__ + ".")
    ]
    for name in names:
        importlib.import_module(name)
    return f"{len(names)} modules"


def check_keyring() -> str:
    """keyring finds its backends (through entry points), this system's own among them."""
    from importlib.metadata import entry_points  # noqa: PLC0415

    import keyring  # noqa: PLC0415

    modules = {entry.value.split(":")[0] for entry in entry_points(group="keyring.backends")}
    wanted = next(
        (module for prefix, module in NATIVE_KEYRING.items() if sys.platform.startswith(prefix)), None
    )
    if wanted is not None:
        if wanted not in modules:
            raise RuntimeError(f"{wanted} is not registered; keyring's entry points list {sorted(modules)}")
        importlib.import_module(wanted)
    active = type(keyring.get_keyring())
    return f"{len(modules)} backends registered; active {active.__module__}.{active.__name__}"


def check_defusedxml() -> str:
    """openpyxl refuses XML entity tricks because defusedxml is present and on."""
    import openpyxl.xml  # noqa: PLC0415

    if openpyxl.xml.DEFUSEDXML is not True:
        raise RuntimeError("openpyxl does not use defusedxml (is it installed? is OPENPYXL_DEFUSEDXML set?)")
    return "openpyxl.xml.DEFUSEDXML is True"


def check_tls() -> str:
    """The CA bundle is shipped and loads into a verifying context."""
    import certifi  # noqa: PLC0415

    from liasmart_desktop.core.api.tls import make_ssl_context  # noqa: PLC0415

    bundle = Path(certifi.where())
    if not bundle.is_file():
        raise RuntimeError(f"certifi's CA bundle is missing at {bundle}")
    context = make_ssl_context(use_system_trust_store=False)
    count = context.cert_store_stats()["x509_ca"]
    if context.verify_mode is not ssl.CERT_REQUIRED or count < MIN_CA_CERTIFICATES:
        raise RuntimeError(f"the TLS context verifies nothing useful ({count} CA certificates)")
    return f"{count} CA certificates, verification on"


def check_sending(folder: Path) -> str:
    """Ten messages the app's way: the sending process (this installation's ``--run-sender``), the real
    engine, a journal (WAL, synchronous=FULL) and the sandbox."""
    from liasmart_desktop.core.credentials import Credentials  # noqa: PLC0415
    from liasmart_desktop.core.importing import parse_pasted_numbers  # noqa: PLC0415
    from liasmart_desktop.core.sending.campaigns import Reach  # noqa: PLC0415
    from liasmart_desktop.core.sending.engine import SendControl  # noqa: PLC0415
    from liasmart_desktop.core.sending.isolation import (  # noqa: PLC0415
        ClientOptions,
        IsolatedJob,
        JobKind,
        run_isolated,
    )
    from liasmart_desktop.core.sending.journal import Journal  # noqa: PLC0415
    from liasmart_desktop.core.sending.prepare import prepare_campaign  # noqa: PLC0415
    from liasmart_desktop.core.sending.records import Pacing  # noqa: PLC0415
    from liasmart_desktop.core.sending.states import MessageState  # noqa: PLC0415
    from liasmart_desktop.sandbox import SandboxConfig, SandboxServer  # noqa: PLC0415

    numbers = "\n".join(f"+86139{i:08d}" for i in range(SELF_TEST_MESSAGES))
    prepared = prepare_campaign(
        parse_pasted_numbers(numbers, None),
        "Self-test 自检",
        sender_id="SELFTEST",
        sms_type="T",
        sandbox=True,
    )
    journal_path = folder / "journal.sqlite3"
    with SandboxServer(SandboxConfig()) as server:
        job = IsolatedJob(
            journal_path=journal_path,
            kind=JobKind.SEND,
            reach=Reach(sandbox=True, sandbox_url=server.base_url),
            client=ClientOptions(Credentials("SELFTEST", "self-test"), server.base_url),
            prepared=prepared,
            pacing=Pacing(4, 1000.0),
        )
        report = run_isolated(job, SendControl(), lambda _progress: None, lambda _created: None)
    if report is None:
        raise RuntimeError("the sending process reported nothing")
    accepted = report.result.counts[MessageState.ACCEPTED]
    if accepted != SELF_TEST_MESSAGES:
        raise RuntimeError(
            f"only {accepted} of {SELF_TEST_MESSAGES} messages were accepted ({report.result.status})"
        )
    with Journal.open(journal_path) as journal:
        if journal.pragma("journal_mode") != "wal" or journal.pragma("synchronous") != 2:
            raise RuntimeError("the journal is not in WAL mode with synchronous=FULL")
    import sqlite3  # noqa: PLC0415

    return f"{accepted} messages accepted by a sending process; SQLite {sqlite3.sqlite_version}"


def check_translations() -> str:
    """The Chinese translation is shipped and translates."""
    from PySide6.QtCore import QCoreApplication, QTranslator  # noqa: PLC0415

    from liasmart_desktop.ui.i18n import translation_file  # noqa: PLC0415

    translator = QTranslator()
    if not translator.load(translation_file("zh_CN")):
        raise RuntimeError(f"{translation_file('zh_CN')} is missing or unreadable")
    QCoreApplication.installTranslator(translator)
    try:
        text = QCoreApplication.translate("MainWindow", "&File")
    finally:
        QCoreApplication.removeTranslator(translator)
    if text == "&File":
        raise RuntimeError("the Chinese translation does not translate the main menu")
    return f"zh_CN loaded (&File → {text})"


def check_input_methods() -> str:
    """On Linux, Qt's ibus input-method plugin is shipped: typing Chinese goes through it."""
    if not sys.platform.startswith("linux"):
        return "the system's own input methods"
    from PySide6.QtCore import QLibraryInfo  # noqa: PLC0415

    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforminputcontexts"
    plugins = sorted(path.name for path in folder.glob("*ibus*"))
    if not plugins:
        raise RuntimeError(f"no ibus input-method plugin in {folder}: Chinese could not be typed")
    return ", ".join(plugins)


def check_icons() -> str:
    """The application icon renders."""
    from liasmart_desktop.ui.resources import icon, resource_path  # noqa: PLC0415

    image = icon().pixmap(64, 64)
    if image.isNull():
        raise RuntimeError(f"the icon {resource_path('icons')} did not render (image plugins missing?)")
    return "application icon renders"


@contextlib.contextmanager
def offscreen_notice_hidden() -> Iterator[None]:
    """Drop the offscreen platform's notice about size hints; pass every other Qt message to stderr.

    Qt's offscreen platform prints it whenever a shown window's minimum or maximum size changes
    (it cannot pass size hints to a window manager, having none): not a problem of the build.
    """
    from PySide6.QtCore import QMessageLogContext, QtMsgType, qFormatLogMessage, qInstallMessageHandler  # noqa: PLC0415

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if message != OFFSCREEN_SIZE_HINTS_NOTICE and sys.stderr is not None:
            sys.stderr.write(qFormatLogMessage(kind, context, message) + "\n")

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


def check_window(folder: Path) -> str:
    """The main window builds and shows (offscreen) over a fresh data folder."""
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from liasmart_desktop.core.paths import open_data_dir  # noqa: PLC0415
    from liasmart_desktop.ui.main_window import MainWindow  # noqa: PLC0415
    from liasmart_desktop.ui.services import AppServices  # noqa: PLC0415

    services = AppServices(open_data_dir(str(folder / "home")))
    services.start_sandbox()
    with offscreen_notice_hidden():
        window = MainWindow(services)
        window.show()
        started = time.monotonic()
        while time.monotonic() - started < WINDOW_SETTLE_S:
            QApplication.processEvents()
        shown = window.isVisible()
        window.close()
    services.shutdown()
    if not shown:
        raise RuntimeError("the main window did not show")
    return f"main window shown on the {QApplication.platformName()} platform"


def run_self_test(out: Callable[[str], None] = print) -> int:
    """Run every check; 0 when all pass, 1 otherwise."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    app = QApplication.instance() or QApplication(["liasmart-desktop", "--self-test"])
    failures = 0
    with tempfile.TemporaryDirectory(prefix="liasmart-self-test-") as tmp:
        folder = Path(tmp)
        checks: list[tuple[str, Callable[[], str]]] = [
            ("imports", check_imports),
            ("translations", check_translations),
            ("icons", check_icons),
            ("input methods", check_input_methods),
            ("keyring", check_keyring),
            ("defusedxml", check_defusedxml),
            ("tls", check_tls),
            ("sending", lambda: check_sending(folder)),
            ("window", lambda: check_window(folder)),
        ]
        for name, check in checks:
            try:
                detail = check()
            except Exception as exc:  # noqa: BLE001 - each check reports its own failure and the rest still run
                failures += 1
                out(f"FAIL {name}: {exc}")
                if os.environ.get("LIASMART_SELF_TEST_DEBUG"):
                    out(traceback.format_exc())
            else:
                out(f"ok   {name}: {detail}")
    del app
    out("self-test passed" if failures == 0 else f"self-test FAILED ({failures} check(s))")
    return 0 if failures == 0 else 1
