"""The ``liasmart-desktop`` entry point: it starts, shows its window, checks itself, and fails kindly."""

from __future__ import annotations

import gc
import logging
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from liasmart_desktop.ui.app import parse_args
from liasmart_desktop.ui.crash_handler import CRASH_LOG_NAME, CrashHandler

ROOT = Path(__file__).resolve().parent.parent.parent


def run_app(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LIASMART_HOME=str(home))
    return subprocess.run(
        [sys.executable, "-m", "liasmart_desktop.ui.app", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_the_app_starts_in_sandbox_mode_without_credentials(tmp_path: Path) -> None:
    result = run_app("--quit-when-shown", home=tmp_path / "home")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "window shown"
    assert (tmp_path / "home" / "logs").is_dir()


def test_the_self_test_passes_in_a_complete_installation(tmp_path: Path) -> None:
    # The translations are build output: make sure they exist, as the two README commands do.
    subprocess.run([sys.executable, str(ROOT / "scripts" / "translations.py"), "build"], check=True)
    result = run_app("--self-test", home=tmp_path / "home")
    assert result.returncode == 0, result.stdout + result.stderr
    checks = ("imports", "translations", "icons", "input methods", "keyring", "defusedxml", "tls", "sending")
    for check in (*checks, "window"):
        assert f"ok   {check}:" in result.stdout
    assert "self-test passed" in result.stdout
    assert result.stderr == ""  # Qt's offscreen notices included: a clean run prints nothing there


def test_an_unusable_data_folder_is_explained(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from liasmart_desktop.ui.app import main

    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *_a: shown.append(text))
    assert main(["liasmart-desktop", "--home", str(blocker / "home")]) == 2
    assert len(shown) == 1
    assert "cannot be used" in shown[0]


def test_options_pass_qt_arguments_through() -> None:
    args = parse_args(["--sandbox", "-platform", "offscreen", "--language", "zh_CN"])
    assert args.sandbox
    assert args.language == "zh_CN"
    assert not args.self_test


def test_the_crash_handler_logs_and_shows_one_sentence(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *_a: shown.append(text))
    handler = CrashHandler(tmp_path)
    handler.install()
    error = RuntimeError("boom in a slot")
    try:
        with caplog.at_level(logging.CRITICAL):
            sys.excepthook(type(error), error, None)
    finally:
        handler.uninstall()
    assert len(shown) == 1
    assert "Something went wrong (RuntimeError)" in shown[0]
    assert str(tmp_path) in shown[0]
    assert "boom in a slot" in caplog.text
    assert (tmp_path / CRASH_LOG_NAME).exists()
    assert sys.excepthook is sys.__excepthook__


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
@pytest.mark.parametrize("existing", [False, True])
def test_the_crash_log_is_owner_only_like_the_log(tmp_path: Path, existing: bool) -> None:
    crash_log = tmp_path / CRASH_LOG_NAME
    if existing:  # one left readable by everyone by an earlier version is tightened
        crash_log.write_text("earlier\n", encoding="utf-8")
        crash_log.chmod(0o644)
    handler = CrashHandler(tmp_path)
    handler.install()
    handler.uninstall()
    assert stat.S_IMODE(crash_log.stat().st_mode) == 0o600
    assert crash_log.read_text(encoding="utf-8") == ("earlier\n" if existing else "")


def test_a_broken_settings_file_is_kept_aside_when_the_user_agrees(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from liasmart_desktop.core.paths import open_data_dir
    from liasmart_desktop.core.settings import AppSettings
    from liasmart_desktop.ui.app import _load_settings_or_ask

    paths = open_data_dir(str(tmp_path / "home"))
    paths.settings_file.write_text("{broken", encoding="utf-8")
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_a: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    assert _load_settings_or_ask(paths) == AppSettings()
    assert "settings.json" in asked[0]
    assert paths.settings_file.with_name("settings.json.broken").read_text(encoding="utf-8") == "{broken"
    assert not paths.settings_file.exists()


def test_a_broken_settings_file_stops_the_app_when_the_user_declines(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from liasmart_desktop.core.logs import configure_logging
    from liasmart_desktop.ui.app import main

    home = tmp_path / "home"
    home.mkdir()
    (home / "settings.json").write_text("[]", encoding="utf-8")
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.No)
    thresholds, interval = gc.get_threshold(), sys.getswitchinterval()
    try:
        assert main(["liasmart-desktop", "--home", str(home)]) == 2
    finally:
        configure_logging(None)
        gc.set_threshold(*thresholds)
        sys.setswitchinterval(interval)
    assert (home / "settings.json").read_text(encoding="utf-8") == "[]"
