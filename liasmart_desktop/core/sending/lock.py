"""One sender per journal: an operating-system file lock, released by the OS when a process dies."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from types import TracebackType
from typing import Self

from liasmart_desktop.core.errors import JournalError, JournalProblem, LiaSmartError
from liasmart_desktop.core.paths import PRIVATE_FILE_MODE


class LockBusyError(LiaSmartError):
    """Another process holds the sender lock of this journal."""

    def __init__(self, path: Path, holder_pid: int | None) -> None:
        super().__init__(f"{path} is locked by process {holder_pid}")
        self.path = path
        self.holder_pid = holder_pid


if sys.platform == "win32":  # pragma: no cover - exercised on the Windows runner
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True


class SenderLock:
    """Hold ``<journal>.lock`` while sending; a second process gets ``LockBusyError`` at once.

    A lock left by a killed process never blocks: the kernel drops it with the process, so no
    stale-lock detection is needed (unlike a PID file).
    """

    def __init__(self, journal_path: Path) -> None:
        self.path = journal_path.with_name(journal_path.name + ".lock")
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock or raise ``LockBusyError`` naming the holder's PID when known.

        A lock file that cannot be made or written (a read-only or full folder, a folder in its place)
        raises ``JournalError(WRITE_FAILED)`` naming it: nobody can send from this journal then.
        """
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE_MODE)
        except OSError as exc:
            raise JournalError(
                JournalProblem.WRITE_FAILED, exc.strerror or str(exc), subject=str(self.path)
            ) from exc
        if not _try_lock(fd):
            try:
                os.lseek(fd, 0, os.SEEK_SET)
                holder = int(os.read(fd, 32).decode("ascii").strip() or "0") or None
            except (OSError, ValueError):
                holder = None  # Windows refuses to read a locked region; the PID is only a courtesy
            os.close(fd)
            raise LockBusyError(self.path, holder)
        # Windows cannot rewrite a locked region; the PID is only a courtesy (the branch is platform-bound).
        if os.name != "nt":  # pragma: no branch
            # A full disk refuses even the few bytes of the PID: the lock is held all the same.
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)
                os.lseek(fd, 0, os.SEEK_SET)
                os.write(fd, str(os.getpid()).encode("ascii"))
        self._fd = fd

    def release(self) -> None:
        """Let go of the lock (closing the file releases it)."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    @property
    def held(self) -> bool:
        """Whether this object holds the lock."""
        return self._fd is not None

    def __enter__(self) -> Self:
        self.acquire()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()
