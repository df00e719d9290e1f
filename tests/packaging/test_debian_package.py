"""The .deb's layout, control data, desktop entry and launchers, installed by dpkg into a throwaway root.

These run on a small stand-in bundle (two shell scripts and one real program) so they take seconds;
``test_release_build.py`` does the same with the real frozen app.
"""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from tests.packaging.support import ROOT, needs_dpkg, packaging_module

deb_module = packaging_module("debian_package")

pytestmark = needs_dpkg

PROGRAM_SCRIPT = """#!/bin/sh
echo "$(basename "$0") from $(dirname "$(readlink -f "$0")") with $*"
"""


def stand_in_bundle(folder: Path) -> Path:
    """Two programs that say where they run from, a real ELF program, and a link as PyInstaller makes."""
    bundle = folder / "LiaSmartDesktop"
    internal = bundle / deb_module.BUNDLE_LIBRARY_DIR
    internal.mkdir(parents=True)
    for program in deb_module.PROGRAMS:
        (bundle / program).write_text(PROGRAM_SCRIPT, encoding="utf-8")
        (bundle / program).chmod(0o755)
    true_program = shutil.which("true")
    assert true_program is not None
    shutil.copy2(true_program, internal / "true")  # links against the C library only
    (internal / "true-link").symlink_to("true")
    return bundle


def icons(folder: Path) -> dict[int, Path]:
    rendered = {}
    for size in (16, 48, 256):
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.darkBlue)
        rendered[size] = folder / f"icon-{size}.png"
        assert image.save(str(rendered[size]))
    return rendered


@pytest.fixture
def deb(tmp_path: Path) -> Path:
    inputs = deb_module.DebInputs(
        version="1.2.0rc1", png_icons=icons(tmp_path), svg_icon=ROOT / "resources" / "icons" / "liasmart.svg"
    )
    out = tmp_path / "dist"
    out.mkdir()
    return Path(deb_module.build_deb(stand_in_bundle(tmp_path), inputs, tmp_path / "work", out))


def dpkg_deb(*args: str) -> str:
    return subprocess.run(["dpkg-deb", *args], capture_output=True, text=True, check=True).stdout


def test_the_control_data_names_the_package_version_and_what_it_needs(deb: Path) -> None:
    assert deb.name.startswith("LiaSmartDesktop-1.2.0rc1-linux-")
    fields = dict(
        line.split(": ", 1) for line in dpkg_deb("--field", str(deb)).splitlines() if not line.startswith(" ")
    )
    assert fields["Package"] == "liasmart-desktop"
    assert fields["Version"] == "1.2.0~rc1"  # sorts before 1.2.0, as a release candidate should
    assert fields["Architecture"] == deb_module.architecture()
    assert fields["Depends"].startswith("libc6 (>= ")  # from the real program's C library
    assert int(fields["Installed-Size"]) > 0


def test_the_contents_are_the_bundle_launchers_entry_and_icons(deb: Path) -> None:
    listing = dpkg_deb("--contents", str(deb)).splitlines()
    entries = {line.split()[5].removeprefix("."): line for line in listing}
    assert entries["/usr/bin/liasmart-desktop"].endswith("-> ../lib/liasmart-desktop/liasmart-desktop")
    assert entries["/usr/bin/liasmart"].endswith("-> ../lib/liasmart-desktop/liasmart")
    assert entries["/usr/lib/liasmart-desktop/liasmart-desktop"].startswith("-rwxr-xr-x root/root")
    assert entries["/usr/lib/liasmart-desktop/_internal/true-link"].endswith("-> true")
    for path in (
        "/usr/share/applications/liasmart-desktop.desktop",
        "/usr/share/icons/hicolor/48x48/apps/liasmart-desktop.png",
        "/usr/share/icons/hicolor/scalable/apps/liasmart-desktop.svg",
        "/usr/share/doc/liasmart-desktop/copyright",
    ):
        assert entries[path].startswith("-rw-r--r-- root/root"), path
    assert all(line.startswith(("-", "d", "l")) for line in listing)
    assert all(" root/root " in line for line in listing)


def test_the_desktop_entry_is_valid_and_starts_the_installed_program() -> None:
    entry = deb_module.DESKTOP_ENTRY
    validated = subprocess.run(
        ["desktop-file-validate", str(entry)], capture_output=True, text=True, check=False
    )
    assert validated.returncode == 0, validated.stdout + validated.stderr
    assert validated.stdout == ""  # not even a hint
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive there
    parser.read(entry, encoding="utf-8")
    desktop = parser["Desktop Entry"]
    assert desktop["Exec"].split()[0] in deb_module.PROGRAMS
    assert desktop["Icon"] == deb_module.ICON_NAME
    assert desktop["Comment[zh_CN]"]


def test_dpkg_installs_it_into_a_throwaway_root_and_removes_it_cleanly(deb: Path, tmp_path: Path) -> None:
    root = tmp_path / "root"
    deb_module.install_into(root, deb)
    for program in deb_module.PROGRAMS:
        ran = subprocess.run(
            [str(root / "usr" / "bin" / program), "--self-test"], capture_output=True, text=True, check=True
        )
        assert ran.stdout.strip() == f"{program} from {root}/usr/lib/liasmart-desktop with --self-test"
    status = deb_module.dpkg(root, "--status", "liasmart-desktop")
    assert "Status: install ok installed" in status
    assert (root / "var" / "log" / "dpkg.log").is_file()  # dpkg's log stays in the throwaway root
    deb_module.dpkg(root, "--purge", "liasmart-desktop")
    assert not (root / "usr" / "lib" / "liasmart-desktop").exists()
    assert not any((root / "usr" / "share").rglob("liasmart-desktop*"))
    assert not os.path.lexists(root / "usr" / "bin" / "liasmart-desktop")


def test_a_dependency_this_machine_lacks_stops_the_install(deb: Path, tmp_path: Path) -> None:
    unpacked = tmp_path / "unpacked"
    subprocess.run(["dpkg-deb", "--raw-extract", str(deb), str(unpacked)], check=True)
    control = unpacked / "DEBIAN" / "control"
    control.write_text(
        control.read_text(encoding="utf-8").replace("Depends: ", "Depends: liasmart-no-such-package, "),
        encoding="utf-8",
    )
    broken = tmp_path / "broken.deb"
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "--build", str(unpacked), str(broken)],
        check=True,
        capture_output=True,
    )
    with pytest.raises(RuntimeError, match="liasmart-no-such-package"):
        deb_module.install_into(tmp_path / "root", broken)


@pytest.mark.parametrize(
    ("version", "debian", "release"),
    [("0.1.0", "0.1.0", None), ("1.2.0rc1", "1.2.0~rc1", "1.2.0"), ("2.0.0.dev3", "2.0.0~dev3", "2.0.0")],
)
def test_debian_versions_order_pre_releases_first(version: str, debian: str, release: str | None) -> None:
    assert deb_module.debian_version(version) == debian
    if release is not None:
        done = subprocess.run(["dpkg", "--compare-versions", debian, "lt", release], check=False)
        assert done.returncode == 0
