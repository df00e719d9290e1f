"""The import-contract gate of ``scripts/dev.py test`` really runs: it fails on an import a contract forbids.

Each case copies the package and ``pyproject.toml`` to a temporary folder, adds one import to one
module, and runs the very command the test command runs there. To cover a new contract, add one
``pytest.param`` line to ``BREAKING_IMPORTS`` (``test_every_contract_has_a_breaking_case`` asks for it).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

from tests.helpers.scripts import load_script

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "liasmart_desktop"

#: (module that gains an import, the import line, the name of the contract that must report it)
BREAKING_IMPORTS = [
    pytest.param(
        "liasmart_desktop/core/paths.py",
        "import PySide6.QtCore",
        "core never imports Qt, the GUI, the CLI or the sandbox",
        id="core-imports-qt",
    ),
    pytest.param(
        "liasmart_desktop/cli/main.py",
        "import liasmart_desktop.ui.app",
        "the CLI and the sandbox are built on the core only",
        id="cli-imports-the-gui",
    ),
    pytest.param(
        "liasmart_desktop/sandbox/config.py",
        "import liasmart_desktop.cli.main",
        "layers",
        id="sandbox-imports-the-cli",
    ),
    pytest.param(
        "liasmart_desktop/ui/dialogs/history_dialog.py",
        "import liasmart_desktop.core.sending.journal",
        "views reach campaigns and the provider only through controllers",
        id="a-view-opens-the-journal",
    ),
]


def dev_script() -> ModuleType:
    """``scripts/dev.py`` as a module."""
    return load_script(ROOT / "scripts" / "dev.py", "liasmart_dev_script")


def gate_command() -> list[str]:
    """The "imports" step exactly as ``scripts/dev.py test`` runs it."""
    steps = dict(dev_script().quality_steps(Path(sys.executable), []))
    return list(steps["imports"])


def run_gate_on_copy(
    folder: Path, module: str | None = None, line: str = ""
) -> subprocess.CompletedProcess[str]:
    """Copy the package and its contracts into ``folder``, add ``line`` to ``module``, run the real gate."""
    shutil.copytree(ROOT / PACKAGE, folder / PACKAGE, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "pyproject.toml", folder / "pyproject.toml")
    if module is not None:
        target = folder / module
        target.write_text(target.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
    return subprocess.run(
        gate_command(), cwd=folder, capture_output=True, text=True, timeout=120, check=False
    )


def contract_names() -> set[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return {contract["name"] for contract in config["tool"]["importlinter"]["contracts"]}


def test_the_gate_passes_on_the_unmodified_package(tmp_path: Path) -> None:
    result = run_gate_on_copy(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(contract_names())} kept, 0 broken" in result.stdout


@pytest.mark.parametrize(("module", "line", "contract"), BREAKING_IMPORTS)
def test_the_gate_fails_on_a_forbidden_import(tmp_path: Path, module: str, line: str, contract: str) -> None:
    result = run_gate_on_copy(tmp_path, module, line)
    assert result.returncode != 0, result.stdout + result.stderr
    assert f"{contract} BROKEN" in result.stdout
    assert module.removesuffix(".py").replace("/", ".") in result.stdout


def test_every_contract_has_a_breaking_case() -> None:
    covered = {str(case.values[2]) for case in BREAKING_IMPORTS}
    assert contract_names() == covered
