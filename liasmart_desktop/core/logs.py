"""Logging that cannot leak: secrets redacted from every line, phone numbers masked, no log injection."""

from __future__ import annotations

import contextlib
import io
import json
import logging
import logging.handlers
import os
import threading
import urllib.parse
from pathlib import Path
from typing import TextIO

from liasmart_desktop.core.paths import PRIVATE_FILE_MODE, ensure_private_dir

LOG_FILE_NAME = "liasmart.log"
LOG_MAX_BYTES = 2 * 1024 * 1024
LOG_BACKUPS = 5
REDACTED = "***"
PHONE_VISIBLE_DIGITS = 3
_MIN_SECRET_LEN = 4
_LOUD_LIBRARIES = ("httpx", "httpcore", "hpack", "asyncio", "urllib3", "keyring")

_secrets: set[str] = set()
_secrets_lock = threading.Lock()


def register_secret(value: str) -> None:
    """Make every later log line replace ``value`` with ``***`` (for the API password).

    The forms it takes in a JSON request body (``\\u5bc6`` for non-ASCII) and in a URL are
    registered too, so a logged body or URL is redacted whatever the password's characters.
    """
    if len(value) >= _MIN_SECRET_LEN:
        variants = {
            value,
            json.dumps(value, ensure_ascii=True)[1:-1],
            urllib.parse.quote(value, safe=""),
            urllib.parse.quote_plus(value, safe=""),
        }
        with _secrets_lock:
            _secrets.update(variants)


def redact(text: str) -> str:
    """Replace every registered secret in ``text``."""
    with _secrets_lock:
        secrets = sorted(_secrets, key=len, reverse=True)
    for secret in secrets:
        if secret in text:
            text = text.replace(secret, REDACTED)
    return text


def mask_phone(phone: str) -> str:
    """Keep only the last few digits of a phone number for logs: ``8613912345678`` → ``**********678``."""
    if len(phone) <= PHONE_VISIBLE_DIGITS:
        return "*" * len(phone)
    return "*" * (len(phone) - PHONE_VISIBLE_DIGITS) + phone[-PHONE_VISIBLE_DIGITS:]


class RedactingFormatter(logging.Formatter):
    """Escape line breaks in messages (CWE-117) and redact secrets from the whole formatted line."""

    def formatMessage(self, record: logging.LogRecord) -> str:  # noqa: N802 - logging's own name
        """Escape CR and LF that came from data so one record stays one line."""
        record.message = record.message.replace("\r", "\\r").replace("\n", "\\n")
        return super().formatMessage(record)

    def format(self, record: logging.LogRecord) -> str:
        """Format as usual, then redact (tracebacks included)."""
        return redact(super().format(record))


class _PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose files are created owner-only: the file started after each rollover too,
    which the stock handler would create with the process umask (usually readable by everyone).

    The log folder is made when the first record is written, and only inside a data folder that
    exists: a command that changed nothing leaves no folder behind for its log. A log that cannot be
    written (a full disk, a read-only folder) drops the record in silence: the stock handler would
    print its own traceback ("--- Logging error ---") over the one sentence the user should read.
    """

    def _open(self) -> io.TextIOWrapper:
        folder = Path(self.baseFilename).parent
        if not folder.is_dir() and folder.parent.is_dir():
            ensure_private_dir(folder)
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE_FILE_MODE)
        return open(fd, "a", encoding=self.encoding, errors=self.errors)  # noqa: PTH123

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's own name
        """Drop a record that could not be written; try again with the next one."""
        if self.stream is not None:
            with contextlib.suppress(OSError, ValueError):
                self.stream.close()
            self.stream = None  # reopened by the next record


def _private_file_handler(log_dir: Path) -> logging.Handler:
    return _PrivateRotatingFileHandler(
        log_dir / LOG_FILE_NAME,
        maxBytes=LOG_MAX_BYTES,
        backupCount=LOG_BACKUPS,
        encoding="utf-8",
        delay=True,
    )


def configure_logging(log_dir: Path | None, *, debug: bool = False, stream: TextIO | None = None) -> None:
    """Send the package's log records to a rotating file (and ``stream`` when debugging).

    httpx logs every request line at INFO; our URLs never carry the password, but the libraries
    are kept at WARNING unless ``debug`` to keep logs short. Either way the formatter redacts.
    """
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_liasmart", False):
            root.removeHandler(handler)
            handler.close()
    formatter = RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    handlers: list[logging.Handler] = []
    if log_dir is not None:
        handlers.append(_private_file_handler(log_dir))
    if stream is not None:
        handlers.append(logging.StreamHandler(stream))
    for handler in handlers:
        handler.setFormatter(formatter)
        handler._liasmart = True  # type: ignore[attr-defined]  # marks our own handlers for re-configuration
        root.addHandler(handler)
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    for name in _LOUD_LIBRARIES:
        logging.getLogger(name).setLevel(logging.DEBUG if debug else logging.WARNING)
