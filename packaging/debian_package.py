"""The Linux ``.deb``: the bundle under /usr/lib/liasmart-desktop, launchers, desktop entry and icons.

``build_deb`` lays the package out and runs ``dpkg-deb``; ``install_into`` installs it with ``dpkg``
into a throwaway root (no administrator rights needed) so the build and the tests can run what a
user's ``apt install ./LiaSmartDesktop-….deb`` would put on disk. Used by ``packaging/build.py``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

PACKAGE = "liasmart-desktop"
#: Where the bundle goes; the launchers in /usr/bin are relative links into it (so the package also
#: works when dpkg installs it under another root, as the tests do).
INSTALL_DIR = Path("usr/lib") / PACKAGE
PROGRAMS = ("liasmart-desktop", "liasmart")
#: Where PyInstaller puts the bundle's shared libraries.
BUNDLE_LIBRARY_DIR = "_internal"
DESKTOP_ENTRY = Path(__file__).resolve().parent / "linux" / f"{PACKAGE}.desktop"
ICON_NAME = PACKAGE
#: The authors named in pyproject.toml (no support address is published yet to add here).
MAINTAINER = "LiaSmart Desktop team"
DESCRIPTION = """Desktop SMS sender for the LiaSmart (利亚智联) HTTP API
 Write a message, import a spreadsheet of recipients, check the cost, send,
 and follow every message's result; or use the liasmart command line.
 Practise first in the built-in sandbox, where nothing is sent."""
#: The lowest version of each library package the bundle was linked against is only known for the C
#: library, the one a newer build machine most often needs newer: its version there is the floor.
VERSIONED_DEPENDENCIES = ("libc6",)
_ELF_MAGIC = b"\x7fELF"
_LDD_LINE = re.compile(r"^\s*(?:(\S+) => )?(/\S+|not found)\s*(?:\(0x[0-9a-f]+\))?$")


@dataclass(frozen=True, slots=True)
class DebInputs:
    """What goes into the package besides the bundle folder."""

    version: str
    #: Rendered application icons by pixel size (square PNGs).
    png_icons: Mapping[int, Path]
    svg_icon: Path


def debian_version(version: str) -> str:
    """The project's version as Debian orders it: ``1.2.0rc1`` → ``1.2.0~rc1`` (a pre-release sorts first)."""
    return re.sub(r"\.?(a|b|rc|dev)(\d*)", r"~\1\2", version)


def architecture() -> str:
    """This machine's Debian architecture name (``amd64``, ``arm64``)."""
    return run(["dpkg", "--print-architecture"]).strip()


def run(cmd: list[str], env: Mapping[str, str] | None = None) -> str:
    """Run a program; its output, or ``RuntimeError`` with what it said."""
    result = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({result.returncode}): {result.stderr.strip()}")
    return result.stdout


def elf_files(folder: Path) -> list[Path]:
    """The executables and shared libraries in ``folder`` (symbolic links not followed)."""
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == _ELF_MAGIC:
                    found.append(path)
    return found


def system_libraries(bundle: Path) -> set[Path]:
    """The libraries outside ``bundle`` its programs and libraries load (``ldd`` resolves the chain).

    The frozen programs find their own libraries in the bundle's ``_internal`` folder (PyInstaller's
    start-up sets the library path to it), so ``ldd`` looks there first too.
    """
    env = dict(os.environ, LD_LIBRARY_PATH=str(bundle / BUNDLE_LIBRARY_DIR))
    outside: set[Path] = set()
    for path in elf_files(bundle):
        result = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env, check=False)
        if result.returncode != 0:  # "not a dynamic executable": nothing to load
            continue
        for line in result.stdout.splitlines():
            match = _LDD_LINE.match(line)
            if match is None:
                continue
            name, where = match.groups()
            if where == "not found":
                raise RuntimeError(f"{path.relative_to(bundle)} needs {name}, which is not on this machine")
            library = Path(where)
            if not library.resolve().is_relative_to(bundle.resolve()):
                outside.add(library)
    return outside


def _owner_candidates(library: Path) -> list[str]:
    """The names dpkg may list a library under (merged /usr moved /lib into /usr/lib)."""
    text = str(library)
    names = [text, str(library.resolve())]
    for short, long in (("/lib/", "/usr/lib/"), ("/lib64/", "/usr/lib64/")):
        if text.startswith(short):
            names.append(long + text.removeprefix(short))
        elif text.startswith(long):
            names.append(short + text.removeprefix(long))
    return list(dict.fromkeys(names))


def owning_packages(libraries: Iterable[Path]) -> set[str]:
    """The installed packages that hold ``libraries`` (``dpkg -S``); every library must have one."""
    packages: set[str] = set()
    for library in sorted(libraries):
        for candidate in _owner_candidates(library):
            found = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True, check=False)
            lines = [line for line in found.stdout.splitlines() if not line.startswith("diversion ")]
            if found.returncode == 0 and lines:
                # One owner or several, each with its architecture, then the path after ": ".
                owners = lines[0].rsplit(": ", 1)[0]
                packages.update(owner.strip().split(":")[0] for owner in owners.split(","))
                break
        else:
            raise RuntimeError(f"no installed package holds {library}; the .deb could not name it")
    return packages


def installed_version(package: str) -> str:
    """The upstream part of an installed package's version (``2.36-9+deb12u4`` → ``2.36``)."""
    version = run(["dpkg-query", "-W", "-f=${Version}", package]).strip()
    return version.split(":")[-1].split("-")[0]


def dependencies(bundle: Path) -> list[str]:
    """The ``Depends`` list: the packages holding every system library the bundle loads."""
    entries = []
    for package in sorted(owning_packages(system_libraries(bundle))):
        if package in VERSIONED_DEPENDENCIES:
            entries.append(f"{package} (>= {installed_version(package)})")
        else:
            entries.append(package)
    return entries


def _folder_size_kib(folder: Path) -> int:
    total = sum(p.lstat().st_size for p in folder.rglob("*") if not p.is_dir())
    return (total + 1023) // 1024


def control_text(inputs: DebInputs, depends: list[str], installed_kib: int) -> str:
    """The package's ``DEBIAN/control``."""
    fields = {
        "Package": PACKAGE,
        "Version": debian_version(inputs.version),
        "Architecture": architecture(),
        "Maintainer": MAINTAINER,
        "Installed-Size": str(installed_kib),
        "Depends": ", ".join(depends),
        "Section": "comm",
        "Priority": "optional",
        "Description": DESCRIPTION,
    }
    return "".join(f"{key}: {value}\n" for key, value in fields.items() if value)


def lay_out(bundle: Path, inputs: DebInputs, staging: Path) -> None:
    """Put every file of the package under ``staging`` (which becomes ``/``)."""
    shutil.rmtree(staging, ignore_errors=True)
    shutil.copytree(bundle, staging / INSTALL_DIR, symlinks=True)
    bin_dir = staging / "usr" / "bin"
    bin_dir.mkdir(parents=True)
    for program in PROGRAMS:
        (bin_dir / program).symlink_to(Path("..") / "lib" / PACKAGE / program)
    applications = staging / "usr" / "share" / "applications"
    applications.mkdir(parents=True)
    shutil.copyfile(DESKTOP_ENTRY, applications / f"{PACKAGE}.desktop")
    hicolor = staging / "usr" / "share" / "icons" / "hicolor"
    for size, png in sorted(inputs.png_icons.items()):
        target = hicolor / f"{size}x{size}" / "apps"
        target.mkdir(parents=True)
        shutil.copyfile(png, target / f"{ICON_NAME}.png")
    (hicolor / "scalable" / "apps").mkdir(parents=True)
    shutil.copyfile(inputs.svg_icon, hicolor / "scalable" / "apps" / f"{ICON_NAME}.svg")
    docs = staging / "usr" / "share" / "doc" / PACKAGE
    docs.mkdir(parents=True)
    (docs / "copyright").write_text(
        "LiaSmart Desktop\nCopyright: the LiaSmart Desktop team. License: proprietary.\n"
        "Bundles Qt (LGPLv3, via PySide6), Python (PSF) and the libraries listed in its pyproject.toml.\n",
        encoding="utf-8",
    )
    depends = dependencies(bundle)
    (staging / "DEBIAN").mkdir()
    (staging / "DEBIAN" / "control").write_text(
        control_text(inputs, depends, _folder_size_kib(staging)), encoding="utf-8"
    )
    for folder in [staging, *(p for p in staging.rglob("*") if p.is_dir() and not p.is_symlink())]:
        folder.chmod(0o755)  # a temporary folder is 0700; the package's folders are everyone's


def build_deb(bundle: Path, inputs: DebInputs, work: Path, out_dir: Path) -> Path:
    """Build ``LiaSmartDesktop-<version>-linux-<arch>.deb`` in ``out_dir`` from the bundle folder."""
    staging = work / "deb-root"
    lay_out(bundle, inputs, staging)
    arch = architecture()
    machine = {"amd64": "x86_64"}.get(arch, arch)  # the zip's spelling (packaging/build.py)
    deb = out_dir / f"LiaSmartDesktop-{inputs.version}-linux-{machine}.deb"
    run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(staging), str(deb)])
    return deb


def _host_status(packages: Iterable[str]) -> str:
    """This machine's dpkg records of those ``packages`` it has, for a throwaway root relying on them."""
    records = []
    for package in sorted(packages):
        found = subprocess.run(["dpkg-query", "-s", package], capture_output=True, text=True, check=False)
        if found.returncode == 0 and "Status: install ok installed" in found.stdout:
            records.append(found.stdout.strip() + "\n")
    return "\n".join(records)


def install_into(root: Path, deb: Path) -> None:
    """Install ``deb`` with dpkg under ``root`` (created), without administrator rights.

    The root's package database lists this machine's own copies of the package's dependencies,
    so dpkg checks them as ``apt install`` would, and what the package installs then runs on them.
    """
    depends = run(["dpkg-deb", "--field", str(deb), "Depends"])
    names = {entry.split()[0] for entry in depends.replace("|", ",").split(",") if entry.strip()}
    admin = root / "var" / "lib" / "dpkg"
    for folder in (admin / "updates", admin / "info", root / "var" / "log"):
        folder.mkdir(parents=True, exist_ok=True)
    (admin / "status").write_text(_host_status(names), encoding="utf-8")
    dpkg(root, "--install", str(deb))


def dpkg(root: Path, *args: str) -> str:
    """Run ``dpkg`` on the throwaway ``root`` (its own log; no root rights asked)."""
    env = dict(os.environ, PATH=os.environ.get("PATH", "") + os.pathsep + "/usr/sbin:/sbin")
    return run(
        ["dpkg", f"--root={root}", f"--log={root / 'var' / 'log' / 'dpkg.log'}", "--force-not-root", *args],
        env=env,
    )
