"""Exit codes of ``liasmart`` (a contract: scripts rely on them) and the error that carries one."""

from __future__ import annotations

import enum


class ExitCode(enum.IntEnum):
    """What a ``liasmart`` process exit status means."""

    OK = 0  # done: every message ended accepted or rejected
    UNFINISHED = 1  # finished with unknown or pending messages
    USAGE = 2  # bad usage or bad input (clear message)
    REFUSED = 3  # refused by the provider (credentials, IP allow-list, balance)
    UNREACHABLE = 4  # could not reach the provider (or got no usable answer)
    LOCKED = 5  # another process is sending from the same journal
    LOCAL_RULE = 6  # refused by a local safety rule (the spend guard: balance, daily limit); nothing sent
    INTERNAL = 70  # a bug: an error we did not foresee (EX_SOFTWARE)
    # Stopped by a signal, after the requests in flight were answered and recorded: 128 + its number,
    # as a shell reports a process the signal ended.
    HANGUP = 129  # SIGHUP: the terminal was closed
    INTERRUPTED = 130  # SIGINT: Ctrl-C
    TERMINATED = 143  # SIGTERM: `kill`, a service manager stopping it


class CliError(Exception):
    """Stop the command with ``exit_code`` after printing ``message`` (one sentence) to stderr."""

    def __init__(self, exit_code: ExitCode, message: str) -> None:
        super().__init__(message)
        self.exit_code = exit_code
        self.message = message
