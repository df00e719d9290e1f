"""``liasmart`` run in the test's own process, with the environment it is given and nothing else."""

from __future__ import annotations

import contextlib
import io
import json
from collections.abc import Iterator
from typing import Any, TextIO

from liasmart_desktop.cli.main import main
from liasmart_desktop.sandbox import SandboxConfig, SandboxServer

API_ID = "API43404236"


def cli(
    *argv: str, env: dict[str, str], stdin: str | TextIO = "", stderr: io.StringIO | None = None
) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of one command; ``stdin`` is text, or a stream (a fake terminal)."""
    out, err = io.StringIO(), stderr if stderr is not None else io.StringIO()
    given = io.StringIO(stdin) if isinstance(stdin, str) else stdin
    code = main(list(argv), env=env, stdout=out, stderr=err, stdin=given)
    return code, out.getvalue(), err.getvalue()


def cli_json(*argv: str, env: dict[str, str], expect: int = 0) -> dict[str, Any]:
    """The one JSON document a command prints with ``--json`` (nothing else on stdout)."""
    code, out, err = cli(*argv, "--json", env=env)
    assert code == expect, err
    document: dict[str, Any] = json.loads(out)
    return document


def sandbox_env(server: SandboxServer, password: str, home: str, *, country: str = "") -> dict[str, str]:
    """The environment that points the command line at ``server`` with the test's data folder."""
    env = {
        "LIASMART_BASE_URL": server.base_url,
        "LIASMART_API_ID": API_ID,
        "LIASMART_API_PASSWORD": password,
        "LIASMART_HOME": home,
    }
    return env | ({"LIASMART_COUNTRY": country} if country else {})


@contextlib.contextmanager
def running_sandbox(password: str, **config: Any) -> Iterator[SandboxServer]:
    """The simulator on 127.0.0.1 for account ``API_ID`` with ``password``, stopped afterwards."""
    server = SandboxServer(SandboxConfig(api_id=API_ID, api_password=password, **config)).start()
    try:
        yield server
    finally:
        server.stop()
