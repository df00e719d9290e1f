"""Opening a journal for sending: take the sender lock, open the journal, recover after a crash."""

from __future__ import annotations

from pathlib import Path
from types import TracebackType
from typing import Self

from liasmart_desktop.core.paths import ensure_private_dir
from liasmart_desktop.core.sending.journal import Journal
from liasmart_desktop.core.sending.lock import SenderLock


class SendingSession:
    """Hold the journal's sender lock for as long as the session is open.

    On entry, messages a crashed sender left ``in_flight`` become ``unknown`` (``recovered`` says
    how many). A second process entering raises ``LockBusyError`` and changes nothing.
    """

    def __init__(self, journal_path: Path) -> None:
        self._path = journal_path
        self._lock = SenderLock(journal_path)
        self.journal: Journal
        self.recovered = 0

    def __enter__(self) -> Self:
        ensure_private_dir(self._path.parent)  # the data folder is made when something is first written
        self._lock.acquire()
        try:
            self.journal = Journal.open(self._path)
            self.recovered = self.journal.recover_in_flight()
        except BaseException:
            self._lock.release()
            raise
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            self.journal.close()
        finally:
            self._lock.release()
