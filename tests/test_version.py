"""One version, from ``pyproject.toml``: the package, both programs' ``--version``, and frozen builds."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest

from liasmart_desktop import VERSION_FILE_NAME, __version__, read_version

ROOT = Path(__file__).resolve().parent.parent


def project_version() -> str:
    return str(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"])


def test_the_package_version_is_the_project_version() -> None:
    assert __version__ == project_version()


def test_a_frozen_build_reads_the_version_file_beside_the_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def not_installed(_name: str) -> str:
        raise metadata.PackageNotFoundError(_name)

    monkeypatch.setattr(metadata, "version", not_installed)
    (tmp_path / VERSION_FILE_NAME).write_text("9.8.7\n", encoding="utf-8")
    assert read_version(tmp_path) == "9.8.7"
    (tmp_path / VERSION_FILE_NAME).unlink()
    with pytest.raises(metadata.PackageNotFoundError):
        read_version(tmp_path)


@pytest.mark.parametrize(
    ("module", "program"),
    [("liasmart_desktop.ui.app", "liasmart-desktop"), ("liasmart_desktop.cli.main", "liasmart")],
)
def test_both_programs_print_the_version(module: str, program: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", module, "--version"],
        capture_output=True,
        text=True,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        timeout=60,
        check=False,
    )
    assert (result.returncode, result.stdout.strip()) == (0, f"{program} {project_version()}")
