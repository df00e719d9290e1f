#!/usr/bin/env python3
"""The two README commands: set up a local virtual environment, then start the app or run every check.

Usage (from the project folder; only Python 3.11+ is needed beforehand):

    python3 scripts/dev.py app [APP OPTIONS]   # install, then start LiaSmart Desktop
    python3 scripts/dev.py test [PYTEST ARGS]  # install, then ruff, mypy, import contracts, pytest

On Windows use ``py scripts\\dev.py app`` and ``py scripts\\dev.py test``.

This file uses the standard library only, because it runs before anything is installed.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = Path(os.environ.get("LIASMART_VENV", ROOT / ".venv"))
CONSTRAINTS = ROOT / "constraints.txt"
PIP_CACHE = ROOT / ".tools" / "pip-cache"
MIN_PYTHON = (3, 11)
#: Core modules are held to full branch coverage (shared/design.md, "Standards").
CORE_COVERAGE_FLOOR = 100


def venv_python() -> Path:
    """Return the interpreter inside the project's virtual environment."""
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def import_contracts_command(python: Path) -> list[str]:
    """The import-linter gate: its ``lint-imports`` program beside ``python``, run from the project folder.

    (``python -m importlinter.cli`` looks similar but runs nothing and exits 0: that module has no
    ``__main__``. ``tests/test_import_contracts.py`` proves this command fails on a forbidden import.)
    """
    program = "lint-imports.exe" if os.name == "nt" else "lint-imports"
    return [str(python.parent / program), "--no-cache"]


def run(cmd: list[str], env: dict[str, str] | None = None) -> int:
    """Run a command from the project folder and return its exit code."""
    print("+ " + " ".join(cmd), flush=True)
    return subprocess.call(cmd, cwd=ROOT, env=env)


def ensure_venv(extras: str) -> Path:
    """Create the virtual environment and install the project when its inputs changed."""
    if sys.version_info < MIN_PYTHON:
        sys.exit(
            f"LiaSmart Desktop needs Python {MIN_PYTHON[0]}.{MIN_PYTHON[1]} or newer; "
            f"this is {sys.version.split()[0]}. Install a newer Python and run this command with it."
        )
    python = venv_python()
    if not python.exists():
        print(f"Creating the virtual environment in {VENV} …", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    digest = hashlib.sha256()
    for path in (ROOT / "pyproject.toml", CONSTRAINTS):
        digest.update(path.read_bytes())
    digest.update(extras.encode())
    digest.update(sys.version.encode())
    stamp = VENV / ".liasmart-installed"
    wanted = digest.hexdigest()
    if stamp.exists() and stamp.read_text(encoding="utf-8") == wanted:
        return python
    target = f".[{extras}]" if extras else "."
    code = run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "--disable-pip-version-check",
            "--quiet",
            # pip's download cache in the project folder, not in the user's own cache folder.
            "--cache-dir",
            str(PIP_CACHE),
            "-c",
            str(CONSTRAINTS),
            "-e",
            target,
        ]
    )
    if code != 0:
        sys.exit(
            "Installing the dependencies failed (see pip's message above). "
            "Check the network connection to PyPI and run the command again."
        )
    stamp.write_text(wanted, encoding="utf-8")
    return python


def build_translations(python: Path) -> None:
    """Compile the .ts translation sources into the .qm files the app loads (quick when up to date)."""
    if run([str(python), str(ROOT / "scripts" / "translations.py"), "build"]) != 0:
        sys.exit("Building the translations failed (see the message above).")


def command_app(args: list[str]) -> int:
    """Install the runtime dependencies and start the desktop app."""
    python = ensure_venv("")
    build_translations(python)
    if (
        sys.platform.startswith("linux")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
        and not os.environ.get("QT_QPA_PLATFORM")
    ):
        print(
            "There is no display here (DISPLAY and WAYLAND_DISPLAY are unset). Start the app from a "
            "desktop session, or set QT_QPA_PLATFORM=offscreen to run it without a window.",
            file=sys.stderr,
        )
        return 2
    return run([str(python), "-m", "liasmart_desktop.ui.app", *args])


def quality_steps(python: Path, pytest_args: list[str]) -> list[tuple[str, list[str]]]:
    """Every gate of the test command, in order: (name, command run from the project folder)."""
    py = str(python)
    return [
        ("format", [py, "-m", "ruff", "format", "--check", "."]),
        ("lint", [py, "-m", "ruff", "check", "."]),
        ("types", [py, "-m", "mypy"]),
        ("imports", import_contracts_command(python)),
        ("tests", [py, "-m", "pytest", "--cov", "--cov-report=", *pytest_args]),
        (
            "core coverage",
            [
                py,
                "-m",
                "coverage",
                "report",
                "--include=liasmart_desktop/core/*",
                f"--fail-under={CORE_COVERAGE_FLOOR}",
            ],
        ),
    ]


def command_test(args: list[str]) -> int:
    """Install everything and run every quality gate; report each one and fail if any failed."""
    python = ensure_venv("dev")
    build_translations(python)
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.pop("COVERAGE_FILE", None)
    coverage_file = ROOT / ".coverage"
    for stale in ROOT.glob(".coverage*"):
        stale.unlink()
    steps = quality_steps(python, args)
    if args:
        # A developer narrowing pytest to some tests is not asking for the whole-tree gates.
        steps = [step for step in steps if step[0] == "tests"]
    results: list[tuple[str, int, float]] = []
    for name, cmd in steps:
        started = time.monotonic()
        code = run(cmd, env=env)
        results.append((name, code, time.monotonic() - started))
        if name == "tests" and code != 0:
            break
    print("\nSummary:")
    for name, code, seconds in results:
        print(f"  {'ok  ' if code == 0 else 'FAIL'} {name:<14} {seconds:6.1f} s")
    if coverage_file.exists() and not args:
        print(f"  coverage data: {coverage_file.name}")
    return 0 if all(code == 0 for _, code, _ in results) else 1


def main() -> int:
    """Dispatch ``app`` or ``test``."""
    if len(sys.argv) < 2 or sys.argv[1] not in {"app", "test"}:
        print(__doc__, file=sys.stderr)
        return 2
    command, rest = sys.argv[1], sys.argv[2:]
    if command == "app":
        return command_app(rest)
    return command_test(rest)


if __name__ == "__main__":
    sys.exit(main())
