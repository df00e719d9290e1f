"""Build the bundle for this platform, prove what the user gets works, measure it, and pack it.

    .venv/bin/python packaging/build.py            # from the project folder, after `scripts/dev.py test`
    .venv/bin/python packaging/build.py --no-installer --dist DIR --work DIR

Steps: render the icons from ``resources/icons/liasmart.svg``, compile the translations and write the
version files into ``<work>/generated``; run PyInstaller on ``packaging/liasmart_desktop.spec`` (one
folder with ``liasmart-desktop`` and ``liasmart``); write ``<dist>/LiaSmartDesktop-<version>-<system>-
<machine>.zip``, storing each file once (links as links). Then unpack that zip as a user would (``unzip``)
and, on the unpacked copy: both programs' ``--version``, ``--self-test``, a CLI command, its size,
and the start-up time to a shown window. Last, this system's installer: a ``.deb`` installed into a
throwaway root and self-tested there (Linux, ``packaging/debian_package.py``), an Inno Setup
installer (Windows, ``packaging/windows/liasmart-desktop.iss``), a ``.dmg`` (macOS).
Exit status 1 when a step fails or a target is missed (see ``TARGETS_MB`` and ``TARGET_STARTUP_S``).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import re
import shutil
import stat
import statistics
import subprocess
import sys
import time
import tomllib
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import debian_package

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
APP = "LiaSmartDesktop"
#: Size targets in MB (10^6 bytes) of what the user gets: (unpacked, zip). The zip's is Linux's only
#: (issue 15); the unpacked target applies everywhere.
TARGETS_MB = {"linux": (150.0, 70.0), "windows": (150.0, None), "macos": (150.0, None)}
TARGET_STARTUP_S = 1.5
#: The unpacked copy may differ from the built folder by directory entries only, never by a file twice.
UNPACKED_TOLERANCE = 1.01
STARTUP_RUNS = 5
ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)
INNO_SETUP_SCRIPT = PACKAGING / "windows" / "liasmart-desktop.iss"
INNO_SETUP_DEFAULT = Path(r"C:\Program Files (x86)\Inno Setup 6\ISCC.exe")
#: A zip entry's Unix mode sits in the high 16 bits of its external attributes.
ZIP_UNIX_MODE_SHIFT = 16
ZIP_SYSTEM_UNIX = 3


@contextlib.contextmanager
def stage(name: str) -> Iterator[None]:
    """Print how long a step of the build took."""
    started = time.monotonic()
    yield
    print(f"[{name}: {time.monotonic() - started:.1f} s]", flush=True)


def version() -> str:
    """The one version: ``pyproject.toml``'s."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return str(project["version"])


def system_name() -> str:
    """``linux``, ``windows`` or ``macos``: the word in the file names."""
    return {"win32": "windows", "darwin": "macos"}.get(sys.platform, "linux")


def machine_name() -> str:
    """The processor in the file names, one spelling on every system (``x86_64``, ``arm64``)."""
    machine = platform.machine().lower()
    return {"amd64": "x86_64", "aarch64": "arm64"}.get(machine, machine)


def run(cmd: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    """Run and echo a command; fail the build when it fails."""
    print("+ " + " ".join(cmd), flush=True)
    result = subprocess.run(cmd, text=True, check=False, **kwargs)  # type: ignore[call-overload]
    if result.returncode != 0:
        output = (result.stdout or "") + (result.stderr or "")
        sys.exit(f"build step failed ({result.returncode}): {' '.join(cmd)}\n{output}")
    return result  # type: ignore[no-any-return]


def render_icons(generated: Path) -> None:
    """The platform icons, all from the one SVG source."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt  # noqa: PLC0415
    from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: PLC0415
    from PySide6.QtSvg import QSvgRenderer  # noqa: PLC0415

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(ROOT / "resources" / "icons" / "liasmart.svg"))
    generated.mkdir(parents=True, exist_ok=True)
    for size in ICON_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        image.save(str(generated / f"liasmart-{size}.png"))
        if size == 256:
            image.save(str(generated / "liasmart.ico"))
        if size == 512:
            image.save(str(generated / "liasmart.icns"))


def compile_translations(generated: Path) -> None:
    """The .qm files, into the generated folder the spec bundles."""
    target = generated / "i18n"
    target.mkdir(parents=True, exist_ok=True)
    lrelease = Path(sys.executable).parent / (
        "pyside6-lrelease.exe" if os.name == "nt" else "pyside6-lrelease"
    )
    for source in sorted((ROOT / "resources" / "i18n").glob("*.ts")):
        run([str(lrelease), "-silent", str(source), "-qm", str(target / source.with_suffix(".qm").name)])


def numeric_version(number: str) -> tuple[int, int, int, int]:
    """Four numbers for Windows' version resource and the installer (``1.2.0rc1`` → 1, 2, 0, 0)."""
    release = re.match(r"[\d.]*", number)
    parts = [int(p) for p in re.findall(r"\d+", release.group() if release else "")[:4]]
    padded = [*parts, 0, 0, 0, 0]
    return padded[0], padded[1], padded[2], padded[3]


def write_version_files(generated: Path, number: str) -> None:
    """``VERSION`` (beside the frozen package) and a Windows version resource."""
    (generated / "VERSION").write_text(number + "\n", encoding="utf-8")
    four = numeric_version(number)
    (generated / "version_info.txt").write_text(
        f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={four}, prodvers={four}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('040904B0', [
      StringStruct('CompanyName', 'LiaSmart'),
      StringStruct('FileDescription', 'LiaSmart Desktop'),
      StringStruct('FileVersion', '{number}'),
      StringStruct('ProductName', 'LiaSmart Desktop'),
      StringStruct('ProductVersion', '{number}')])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
""",
        encoding="utf-8",
    )


def pyinstaller(work: Path, dist: Path) -> Path:
    """Run PyInstaller (its cache in the work folder, not the user's); return the bundle folder."""
    env = dict(os.environ, LIASMART_BUILD_GENERATED=str(work / "generated"))
    env["PYINSTALLER_CONFIG_DIR"] = str(work / "pyinstaller-cache")
    run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--clean",
            "--noconfirm",
            "--distpath",
            str(dist),
            "--workpath",
            str(work / "pyinstaller"),
            str(PACKAGING / "liasmart_desktop.spec"),
        ],
        cwd=ROOT,
        env=env,
    )
    return dist / APP


def _walk(folder: Path) -> Iterator[Path]:
    """Every entry under ``folder`` in a stable order; links (to folders too) are not followed."""
    for current, dirs, files in os.walk(folder):
        dirs.sort()
        here = Path(current)
        for name in [*dirs, *sorted(files)]:
            yield here / name


def write_zip(folder: Path, archive: Path, top: str) -> None:
    """Zip ``folder`` as ``top/…``, storing each symbolic link as a link, not its target a second time.

    Links are stored the way Info-ZIP's ``zip -y`` does (Unix mode S_IFLNK, the target as content),
    which ``unzip``, macOS's Archive Utility and GNOME's file manager restore as links. A link must
    be relative and stay inside ``folder``.
    """
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in _walk(folder):
            name = f"{top}/{path.relative_to(folder).as_posix()}"
            if path.is_symlink():
                target = str(path.readlink())
                resolved = (path.parent / target).resolve()
                if Path(target).is_absolute() or not resolved.is_relative_to(folder.resolve()):
                    raise ValueError(f"{path} links outside the bundle ({target})")
                info = zipfile.ZipInfo(name, date_time=time.localtime(path.lstat().st_mtime)[:6])
                info.create_system = ZIP_SYSTEM_UNIX
                info.external_attr = (stat.S_IFLNK | 0o777) << ZIP_UNIX_MODE_SHIFT
                zf.writestr(info, target, compress_type=zipfile.ZIP_STORED)
            else:
                zf.write(path, name)


def unpack(archive: Path, destination: Path) -> None:
    """Unpack as a user would: ``unzip`` (which restores links), or Windows' own zip support."""
    shutil.rmtree(destination, ignore_errors=True)
    destination.mkdir(parents=True)
    unzip = shutil.which("unzip")
    if unzip is not None:
        run([unzip, "-q", str(archive), "-d", str(destination)])
    elif os.name == "nt":
        with zipfile.ZipFile(archive) as zf:
            zf.extractall(destination)
    else:
        sys.exit("unzip is needed to unpack the archive as a user would (apt-get install unzip)")


def tree_size_mb(folder: Path) -> float:
    """The bytes a folder takes: every file once, a link as the link itself."""
    return sum(path.lstat().st_size for path in _walk(folder) if not path.is_dir() or path.is_symlink()) / 1e6


def executable(bundle: Path, name: str) -> Path:
    """A program inside the bundle folder."""
    return bundle / (name + (".exe" if os.name == "nt" else ""))


def frozen_env(home: Path) -> dict[str, str]:
    """Offscreen unless there is a display; a data folder of its own."""
    env = dict(os.environ)
    if sys.platform.startswith("linux") and not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    env["LIASMART_HOME"] = str(home)
    return env


def check_programs(bundle: Path, home: Path, number: str) -> None:
    """Both programs report the version; the app checks itself; the CLI answers."""
    env = frozen_env(home)
    env["QT_QPA_PLATFORM"] = "offscreen"
    # The windowed Windows program has no console to print to: its version is the CLI's, same bundle.
    programs = ("liasmart",) if os.name == "nt" else ("liasmart-desktop", "liasmart")
    for program in programs:
        printed = run([str(executable(bundle, program)), "--version"], env=env, capture_output=True).stdout
        if printed.strip() != f"{program} {number}":
            sys.exit(f"{program} --version printed {printed.strip()!r}, not version {number}")
    result = run([str(executable(bundle, "liasmart-desktop")), "--self-test"], env=env, capture_output=True)
    print(result.stdout.strip())
    if result.stderr.strip():
        sys.exit(f"the self-test wrote to stderr:\n{result.stderr}")
    cli = run(
        [str(executable(bundle, "liasmart")), "analyze", "您好 world", "--json"], env=env, capture_output=True
    )
    print(f"frozen liasmart analyze: {cli.stdout.strip()}")


def startup_seconds(bundle: Path, home: Path) -> list[float]:
    """Times from launch to the main window shown (process start included), ``STARTUP_RUNS`` runs."""
    times = []
    for _ in range(STARTUP_RUNS):
        started = time.perf_counter()
        process = subprocess.Popen(
            [str(executable(bundle, "liasmart-desktop")), "--quit-when-shown"],
            env=frozen_env(home),
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert process.stdout is not None
        line = process.stdout.readline()
        elapsed = time.perf_counter() - started
        process.wait(30)
        process.stdout.close()
        if "window shown" not in line:
            sys.exit("the frozen app did not show its window")
        times.append(elapsed)
    return times


def linux_installer(bundle: Path, work: Path, dist: Path, number: str) -> Path:
    """The .deb; installed into a throwaway root, where the installed app must pass its self-test."""
    generated = work / "generated"
    inputs = debian_package.DebInputs(
        version=number,
        png_icons={size: generated / f"liasmart-{size}.png" for size in ICON_SIZES},
        svg_icon=ROOT / "resources" / "icons" / "liasmart.svg",
    )
    deb = debian_package.build_deb(bundle, inputs, work, dist)
    root = work / "deb-installed"
    shutil.rmtree(root, ignore_errors=True)
    debian_package.install_into(root, deb)
    check_programs(root / "usr" / "bin", work / "deb-home", number)
    return deb


def inno_setup_command(iscc: str, bundle: Path, work: Path, dist: Path, number: str) -> list[str]:
    """The ISCC command line: every value the script takes with ``/D`` (it has no defaults)."""
    defines = {
        "AppVersion": number,
        "AppNumericVersion": ".".join(map(str, numeric_version(number))),
        "BundleDir": str(bundle),
        "IconFile": str(work / "generated" / "liasmart.ico"),
        "OutputDir": str(dist),
        "OutputBaseName": f"{APP}-{number}-windows-{machine_name()}-setup",
    }
    return [iscc, *(f"/D{name}={value}" for name, value in defines.items()), str(INNO_SETUP_SCRIPT)]


def windows_installer(bundle: Path, work: Path, dist: Path, number: str) -> Path:
    """The Inno Setup installer (per user, no administrator rights)."""
    iscc = shutil.which("iscc") or (str(INNO_SETUP_DEFAULT) if INNO_SETUP_DEFAULT.exists() else None)
    if iscc is None:
        sys.exit("Inno Setup's ISCC.exe was not found: install Inno Setup 6, or pass --no-installer")
    command = inno_setup_command(iscc, bundle, work, dist, number)
    run(command)
    base = next(arg for arg in command if arg.startswith("/DOutputBaseName=")).split("=", 1)[1]
    return dist / f"{base}.exe"


def macos_installer(dist: Path, archive: Path) -> Path:
    """The .dmg of the .app."""
    dmg = archive.with_suffix(".dmg")
    run(
        [
            "hdiutil",
            "create",
            "-volname",
            "LiaSmart Desktop",
            "-srcfolder",
            str(dist / f"{APP}.app"),
            "-ov",
            "-format",
            "UDZO",
            str(dmg),
        ]
    )
    return dmg


def archive_path(dist: Path, number: str, system: str) -> Path:
    """``LiaSmartDesktop-<version>-<system>-<machine>.zip``."""
    return dist / f"{APP}-{number}-{system}-{machine_name()}.zip"


def make_installer(system: str, bundle: Path, work: Path, dist: Path, number: str) -> Path:
    """This system's installer."""
    if system == "linux":
        return linux_installer(bundle, work, dist, number)
    if system == "windows":
        return windows_installer(bundle, work, dist, number)
    return macos_installer(dist, archive_path(dist, number, system))


@dataclass(frozen=True, slots=True)
class Measurements:
    """What the build measured of what the user gets."""

    built_mb: float
    unpacked_mb: float
    archive_mb: float
    startup_s: list[float]

    @property
    def median_startup_s(self) -> float:
        """The middle start-up time of the runs."""
        return statistics.median(self.startup_s)


def missed_targets(system: str, measured: Measurements) -> list[str]:
    """One sentence per target missed (size, archive, start-up), or none."""
    unpacked_target, archive_target = TARGETS_MB[system]
    problems = []
    if measured.unpacked_mb > unpacked_target:
        problems.append(f"unpacked {measured.unpacked_mb:.1f} MB > {unpacked_target:.0f} MB")
    if archive_target is not None and measured.archive_mb > archive_target:
        problems.append(f"zip {measured.archive_mb:.1f} MB > {archive_target:.0f} MB")
    if measured.unpacked_mb > measured.built_mb * UNPACKED_TOLERANCE:
        problems.append(
            f"the zip unpacks to more than was built ({measured.unpacked_mb:.1f} > "
            f"{measured.built_mb:.1f} MB): something is stored twice"
        )
    if measured.median_startup_s > TARGET_STARTUP_S:
        problems.append(f"start-up {measured.median_startup_s:.2f} s > {TARGET_STARTUP_S} s")
    return problems


def parse_args(argv: list[str]) -> argparse.Namespace:
    """Where to build and whether to make this system's installer."""
    parser = argparse.ArgumentParser(description="Build, check, measure and pack LiaSmart Desktop.")
    parser.add_argument("--dist", type=Path, default=PACKAGING / "dist", help="where the packages go")
    parser.add_argument("--work", type=Path, default=PACKAGING / "build", help="intermediate files")
    parser.add_argument("--no-installer", action="store_true", help="only the zip, no installer")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Build, pack, unpack, check, measure, make the installer."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    work, dist = args.work.resolve(), args.dist.resolve()
    number = version()
    generated = work / "generated"
    shutil.rmtree(generated, ignore_errors=True)
    shutil.rmtree(work / "frozen-home", ignore_errors=True)
    with stage("icons, translations, version"):
        render_icons(generated)
        compile_translations(generated)
        write_version_files(generated, number)
    with stage("PyInstaller"):
        bundle = pyinstaller(work, dist)
    system = system_name()
    archive = archive_path(dist, number, system)
    unpacked = work / "unpacked"
    users_copy = unpacked / APP
    with stage("zip and unpack"):
        write_zip(bundle, archive, APP)
        unpack(archive, unpacked)
    with stage("checks of the unpacked copy"):
        check_programs(users_copy, work / "frozen-home", number)
    measured = Measurements(
        built_mb=tree_size_mb(bundle),
        unpacked_mb=tree_size_mb(users_copy),
        archive_mb=archive.stat().st_size / 1e6,
        startup_s=startup_seconds(users_copy, work / "frozen-home"),
    )
    packages = [archive]
    if not args.no_installer:
        with stage("installer"):
            packages.append(make_installer(system, bundle, work, dist, number))
    print(f"bundle: {bundle} — {measured.built_mb:.1f} MB built, {measured.unpacked_mb:.1f} MB unpacked")
    runs = ", ".join(f"{t:.2f}" for t in measured.startup_s)
    print(f"start-up to a shown window: {measured.median_startup_s:.2f} s median ({runs})")
    for package in packages:
        print(f"package: {package} ({package.stat().st_size / 1e6:.1f} MB)")
    problems = missed_targets(system, measured)
    print("targets met" if not problems else "TARGET MISSED: " + "; ".join(problems))
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
