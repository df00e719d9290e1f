"""Logs that cannot leak: registered secrets redacted, phones masked, one record per line, private files."""

from __future__ import annotations

import io
import json
import logging
import os
import stat
import sys
import urllib.parse
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from liasmart_desktop.core import logs
from liasmart_desktop.core.logs import (
    LOG_FILE_NAME,
    REDACTED,
    RedactingFormatter,
    configure_logging,
    mask_phone,
    redact,
    register_secret,
)

LIBRARIES = ("httpx", "httpcore", "hpack", "asyncio", "urllib3", "keyring")


def _canary() -> str:
    return f"CANARY-{uuid.uuid4()}"


@pytest.fixture
def clean_logging() -> Iterator[None]:
    """Undo what configure_logging does to the process-wide loggers."""
    root = logging.getLogger()
    handlers = list(root.handlers)
    level = root.level
    library_levels = {name: logging.getLogger(name).level for name in LIBRARIES}
    yield
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)
    for name, lib_level in library_levels.items():
        logging.getLogger(name).setLevel(lib_level)


def _ours() -> list[logging.Handler]:
    return [h for h in logging.getLogger().handlers if getattr(h, "_liasmart", False)]


# ---------------------------------------------------------------- redact


def test_registered_secret_is_redacted() -> None:
    secret = _canary()
    assert redact(f"password={secret}!") == f"password={secret}!"
    register_secret(secret)
    assert redact(f"password={secret}! again {secret}") == f"password={REDACTED}! again {REDACTED}"
    assert redact("nothing to hide") == "nothing to hide"


def test_short_values_are_not_registered() -> None:
    register_secret("abc")
    assert redact("abc abcabc") == "abc abcabc"


def test_longest_secret_wins() -> None:
    short = f"{uuid.uuid4().hex[:8]}"
    register_secret(short)
    register_secret(short + "-and-more")
    assert redact(f"x {short}-and-more y") == f"x {REDACTED} y"


def test_body_and_url_forms_are_redacted() -> None:
    secret = f"密码-{uuid.uuid4().hex[:8]} &+/"
    register_secret(secret)
    body = json.dumps({"api_password": secret}, ensure_ascii=True)
    assert secret not in body  # the body only holds the escaped form...
    assert "密码" not in redact(body)  # ...and that is redacted too
    assert json.dumps(secret)[1:-1] not in redact(body)
    assert REDACTED in redact(body)
    for form in (urllib.parse.quote(secret, safe=""), urllib.parse.quote_plus(secret, safe="")):
        assert redact(f"?p={form}") == f"?p={REDACTED}"


# ---------------------------------------------------------------- mask_phone


@pytest.mark.parametrize(
    ("phone", "masked"),
    [("8613912345678", "**********678"), ("1234", "*234"), ("123", "***"), ("12", "**"), ("", "")],
)
def test_mask_phone(phone: str, masked: str) -> None:
    assert mask_phone(phone) == masked


# ---------------------------------------------------------------- the formatter


def _record(msg: str, *args: object, exc_info: logging._SysExcInfoType | None = None) -> logging.LogRecord:
    return logging.LogRecord("liasmart.test", logging.WARNING, __file__, 1, msg, args, exc_info)


def test_formatter_escapes_line_breaks_and_redacts() -> None:
    secret = _canary()
    register_secret(secret)
    formatter = RedactingFormatter("%(levelname)s %(message)s")
    line = formatter.format(_record("remark %s from %s", "Bad\r\nFAKE 200 OK", secret))
    assert line == f"WARNING remark Bad\\r\\nFAKE 200 OK from {REDACTED}"
    assert "\n" not in line
    assert "\r" not in line


def _fail_with(secret: str) -> None:
    raise ValueError(f"body was {secret}")


def test_formatter_redacts_tracebacks() -> None:
    secret = _canary()
    register_secret(secret)
    try:
        _fail_with(secret)
    except ValueError:
        record = _record("request failed", exc_info=sys.exc_info())
    text = RedactingFormatter("%(message)s").format(record)
    assert "Traceback" in text
    assert f"ValueError: body was {REDACTED}" in text
    assert secret not in text


# ---------------------------------------------------------------- configure_logging


@pytest.mark.usefixtures("clean_logging")
def test_configure_logging_to_a_private_file(tmp_path: Path) -> None:
    secret = _canary()
    register_secret(secret)
    configure_logging(tmp_path)
    assert logging.getLogger().level == logging.INFO
    assert all(logging.getLogger(name).level == logging.WARNING for name in LIBRARIES)
    (handler,) = _ours()
    logging.getLogger("liasmart.test").info("sent with %s\nnext", secret)
    logging.getLogger("liasmart.test").debug("not at INFO")
    handler.flush()
    path = tmp_path / LOG_FILE_NAME
    text = path.read_text(encoding="utf-8")
    assert text.endswith(f"INFO liasmart.test: sent with {REDACTED}\\nnext\n")
    assert "not at INFO" not in text
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.mark.usefixtures("clean_logging")
def test_configure_logging_again_replaces_its_handlers(tmp_path: Path) -> None:
    configure_logging(tmp_path)
    first = _ours()
    stream = io.StringIO()
    configure_logging(None, debug=True, stream=stream)
    second = _ours()
    assert len(second) == 1
    assert second[0] not in first
    assert logging.getLogger().level == logging.DEBUG
    assert all(logging.getLogger(name).level == logging.DEBUG for name in LIBRARIES)
    secret = _canary()
    register_secret(secret)
    logging.getLogger("httpx").debug("HTTP Request: POST https://x/api/SendSMS %s", secret)
    assert stream.getvalue().endswith(f"DEBUG httpx: HTTP Request: POST https://x/api/SendSMS {REDACTED}\n")
    configure_logging(None)
    assert _ours() == []


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
@pytest.mark.usefixtures("clean_logging")
def test_rotated_logs_stay_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(logs, "LOG_MAX_BYTES", 200)
    old_umask = os.umask(0o022)  # the usual umask: the stock handler would create 0644 files
    try:
        configure_logging(tmp_path)
        for n in range(40):
            logging.getLogger("liasmart.test").info("line %d %s", n, "x" * 40)
        for handler in _ours():
            handler.flush()
    finally:
        os.umask(old_umask)
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files[0] == LOG_FILE_NAME
    assert f"{LOG_FILE_NAME}.1" in files
    assert len(files) == 1 + logs.LOG_BACKUPS
    for path in tmp_path.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name


class _FullDisk(io.StringIO):
    """A log stream on a disk that has just filled up: every write and the flush at close fail."""

    def write(self, _text: str) -> int:
        raise OSError(28, "No space left on device")

    def close(self) -> None:
        raise OSError(28, "No space left on device")


@pytest.mark.usefixtures("clean_logging")
def test_a_log_that_cannot_be_written_never_prints_its_own_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 11: a full disk printed a 51-line "--- Logging error ---" over the one sentence that mattered."""
    folder = tmp_path / "logs"
    folder.mkdir()
    (folder / LOG_FILE_NAME).mkdir()  # a folder where the log file should be: it cannot be opened
    configure_logging(folder)
    log = logging.getLogger("liasmart.test")
    log.info("dropped")
    (folder / LOG_FILE_NAME).rmdir()
    log.info("written")
    (handler,) = _ours()
    handler.stream.close()  # type: ignore[attr-defined]
    handler.stream = _FullDisk()  # type: ignore[attr-defined]  # the disk fills up under an open log
    log.info("dropped too")
    log.info("written again")  # reopened once there is room
    handler.flush()
    assert capsys.readouterr().err == ""
    lines = (folder / LOG_FILE_NAME).read_text(encoding="utf-8").splitlines()
    assert [line.rsplit(": ", 1)[1] for line in lines] == ["written", "written again"]


@pytest.mark.usefixtures("clean_logging")
def test_the_log_folder_is_made_only_inside_a_data_folder_that_exists(tmp_path: Path) -> None:
    """A command that changed nothing leaves no data folder behind just for its log."""
    configure_logging(tmp_path / "home" / "logs")
    logging.getLogger("liasmart.test").info("nowhere to go")
    assert list(tmp_path.iterdir()) == []
    (tmp_path / "home").mkdir()
    logging.getLogger("liasmart.test").info("kept")
    for handler in _ours():
        handler.flush()
    log_file = tmp_path / "home" / "logs" / LOG_FILE_NAME
    assert log_file.read_text(encoding="utf-8").endswith("kept\n")
    if os.name == "posix":
        assert stat.S_IMODE(log_file.parent.stat().st_mode) == 0o700
