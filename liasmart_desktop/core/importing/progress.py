"""Progress reports and cancellation for an import running off the GUI thread."""

from __future__ import annotations

import enum
import threading
from collections.abc import Callable
from dataclasses import dataclass

CHECK_EVERY_ROWS = 1_000  # progress and cancel are looked at this often (about every 5 ms)


class ImportStage(enum.Enum):
    """Where an import is."""

    READING = "reading"  # checking and opening the file (not divisible into steps)
    ROWS = "rows"  # going through the rows


@dataclass(frozen=True, slots=True)
class ImportProgress:
    """How far an import has come; ``total`` is None while it is not known."""

    stage: ImportStage
    done: int = 0
    total: int | None = None


ProgressCallback = Callable[[ImportProgress], None]
CancelCheck = Callable[[], bool]


class CancelToken:
    """A flag the GUI thread sets and the import's thread polls; safe across threads."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        """Ask the import to stop (it raises ImportCancelled at its next check)."""
        self._event.set()

    def is_cancelled(self) -> bool:
        """Whether cancel() was called; pass this method as ``should_cancel``."""
        return self._event.is_set()
