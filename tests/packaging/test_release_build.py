"""The real release build, checked as a user meets it: the zip unpacked, the .deb installed by dpkg.

The slowest test of the suite (two to three minutes): ``packaging/build.py`` builds the frozen app
with PyInstaller into a temporary folder, then this test unpacks the zip with ``unzip``, measures it
and runs its self-test, and installs the .deb into a throwaway root and runs the installed
``liasmart-desktop --self-test`` and both programs' ``--version`` there.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.packaging.support import PACKAGING, needs_dpkg, packaging_module

build = packaging_module("build")
deb_module = packaging_module("debian_package")

BUILD_TIMEOUT_S = 1200


def run_frozen(program: Path, option: str, home: Path) -> subprocess.CompletedProcess[str]:
    """Run an installed or unpacked program offscreen with a data folder of its own."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LIASMART_HOME=str(home))
    return subprocess.run(
        [str(program), option], capture_output=True, text=True, env=env, timeout=120, check=False
    )


def self_test(program: Path, home: Path) -> None:
    result = run_frozen(program, "--self-test", home)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test passed" in result.stdout
    assert "ok   window: main window shown" in result.stdout
    assert result.stderr == ""


def printed_version(program: Path, home: Path) -> str:
    result = run_frozen(program, "--version", home)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.fixture
def built(tmp_path: Path) -> Iterator[Path]:
    """``packaging/build.py`` run as a release runs it (the bundle is large: removed afterwards)."""
    dist, work = tmp_path / "dist", tmp_path / "work"
    # Coverage of the test run has nothing to measure in the build (and would slow PyInstaller down).
    env = {name: value for name, value in os.environ.items() if not name.startswith("COV_CORE_")}
    result = subprocess.run(
        [sys.executable, str(PACKAGING / "build.py"), "--dist", str(dist), "--work", str(work)],
        capture_output=True,
        text=True,
        env=env,
        timeout=BUILD_TIMEOUT_S,
        check=False,
    )
    try:
        assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-6000:]
        assert "targets met" in result.stdout
        yield dist
    finally:
        for folder in tmp_path.iterdir():
            shutil.rmtree(folder, ignore_errors=True)


@needs_dpkg
@pytest.mark.slow
@pytest.mark.timeout(BUILD_TIMEOUT_S + 300)
def test_the_release_unpacks_installs_and_passes_its_self_test(built: Path, tmp_path: Path) -> None:
    number = build.version()
    archive = build.archive_path(built, number, "linux")
    debs = list(built.glob("*.deb"))
    assert [deb.name for deb in debs] == [archive.with_suffix(".deb").name]

    build.unpack(archive, tmp_path / "user")
    unpacked = tmp_path / "user" / build.APP
    assert build.tree_size_mb(unpacked) < build.TARGETS_MB["linux"][0]
    assert archive.stat().st_size / 1e6 < build.TARGETS_MB["linux"][1]
    # No links at all on Linux: a tool that cannot restore links unpacks the same working app.
    with zipfile.ZipFile(archive) as zf:
        assert not [info.filename for info in zf.infolist() if stat.S_ISLNK(info.external_attr >> 16)]
    self_test(unpacked / "liasmart-desktop", tmp_path / "home")

    root = tmp_path / "root"
    deb_module.install_into(root, debs[0])
    installed = root / "usr" / "bin"
    assert printed_version(installed / "liasmart-desktop", tmp_path / "home") == f"liasmart-desktop {number}"
    assert printed_version(installed / "liasmart", tmp_path / "home") == f"liasmart {number}"
    self_test(installed / "liasmart-desktop", tmp_path / "home")
