"""Build the bundle for this platform, prove it works, measure it, and pack it.

    .venv/bin/python packaging/build.py            # from the project folder, after `scripts/dev.py test`

Steps: render the icons from ``resources/icons/liasmart.svg`` and compile the translations into
``packaging/build/generated``; run PyInstaller on ``packaging/liasmart_desktop.spec`` (one folder
with ``liasmart-desktop`` and ``liasmart``); run ``--self-test`` on the frozen app and a command on
the frozen CLI; print the bundle's size and the frozen app's start-up time to a shown window;
write ``packaging/dist/LiaSmartDesktop-<version>-<platform>.zip`` (and a ``.dmg`` on macOS).
Exit status 1 when a step fails or a target is missed (bundle ≤ 150 MB, start-up ≤ 1.5 s).
"""

from __future__ import annotations

import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
BUILD = PACKAGING / "build"
GENERATED = BUILD / "generated"
DIST = PACKAGING / "dist"
APP = "LiaSmartDesktop"
TARGET_SIZE_MB = 150.0
TARGET_STARTUP_S = 1.5
STARTUP_RUNS = 5
ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)


def version() -> str:
    """The package version (one place: liasmart_desktop/__init__.py)."""
    text = (ROOT / "liasmart_desktop" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'__version__ = "([^"]+)"', text)
    assert match is not None
    return match.group(1)


def run(cmd: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    """Run and echo a command; fail the build when it fails."""
    print("+ " + " ".join(cmd), flush=True)
    result = subprocess.run(cmd, text=True, check=False, **kwargs)  # type: ignore[call-overload]
    if result.returncode != 0:
        sys.exit(f"build step failed ({result.returncode}): {' '.join(cmd)}")
    return result  # type: ignore[no-any-return]


def render_icons() -> None:
    """The platform icons, all from the one SVG source."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt  # noqa: PLC0415
    from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: PLC0415
    from PySide6.QtSvg import QSvgRenderer  # noqa: PLC0415

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(ROOT / "resources" / "icons" / "liasmart.svg"))
    GENERATED.mkdir(parents=True, exist_ok=True)
    for size in ICON_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        image.save(str(GENERATED / f"liasmart-{size}.png"))
        if size == 256:
            image.save(str(GENERATED / "liasmart.ico"))
        if size == 512:
            image.save(str(GENERATED / "liasmart.icns"))


def compile_translations() -> None:
    """The .qm files, into the generated folder the spec bundles."""
    target = GENERATED / "i18n"
    target.mkdir(parents=True, exist_ok=True)
    lrelease = Path(sys.executable).parent / (
        "pyside6-lrelease.exe" if os.name == "nt" else "pyside6-lrelease"
    )
    for source in sorted((ROOT / "resources" / "i18n").glob("*.ts")):
        run([str(lrelease), "-silent", str(source), "-qm", str(target / source.with_suffix(".qm").name)])


def write_version_file(number: str) -> None:
    """A Windows version resource (antivirus heuristics and Explorer both look for one)."""
    parts = [int(p) for p in re.findall(r"\d+", number)[:4]] + [0, 0, 0, 0]
    four = tuple(parts[:4])
    (GENERATED / "version_info.txt").write_text(
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


def pyinstaller() -> Path:
    """Run PyInstaller; return the bundle folder."""
    run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--clean",
            "--noconfirm",
            "--distpath",
            str(DIST),
            "--workpath",
            str(BUILD / "pyinstaller"),
            str(PACKAGING / "liasmart_desktop.spec"),
        ],
        cwd=ROOT,
    )
    return DIST / APP


def executable(bundle: Path, name: str) -> Path:
    """A program inside the bundle folder."""
    return bundle / (name + (".exe" if os.name == "nt" else ""))


def frozen_env() -> dict[str, str]:
    """Offscreen unless there is a display; a data folder of its own."""
    env = dict(os.environ)
    if sys.platform.startswith("linux") and not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    env["LIASMART_HOME"] = str(BUILD / "frozen-home")
    return env


def self_test(bundle: Path) -> None:
    """The frozen app checks itself; the frozen CLI answers."""
    env = frozen_env()
    env["QT_QPA_PLATFORM"] = "offscreen"
    result = run([str(executable(bundle, "liasmart-desktop")), "--self-test"], env=env, capture_output=True)
    print(result.stdout.strip())
    cli = run(
        [str(executable(bundle, "liasmart")), "analyze", "您好 world", "--json"], env=env, capture_output=True
    )
    print(f"frozen liasmart analyze: {cli.stdout.strip()}")


def bundle_size_mb(bundle: Path) -> float:
    """Unpacked size of the bundle folder (symbolic links, which PyInstaller uses, counted once)."""
    return sum(p.lstat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def startup_seconds(bundle: Path) -> float:
    """Median time from launch to the main window shown (process start included)."""
    times = []
    for _ in range(STARTUP_RUNS):
        started = time.perf_counter()
        process = subprocess.Popen(
            [str(executable(bundle, "liasmart-desktop")), "--quit-when-shown"],
            env=frozen_env(),
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
    return statistics.median(times)


def pack(bundle: Path, number: str) -> Path:
    """A zip of the bundle (and a .dmg of the .app on macOS)."""
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, "linux")
    archive = DIST / f"{APP}-{number}-{system}-{platform.machine().lower()}.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(bundle.rglob("*")):
            zf.write(path, Path(APP) / path.relative_to(bundle))
    if sys.platform == "darwin":
        dmg = archive.with_suffix(".dmg")
        run(
            [
                "hdiutil",
                "create",
                "-volname",
                "LiaSmart Desktop",
                "-srcfolder",
                str(DIST / f"{APP}.app"),
                "-ov",
                "-format",
                "UDZO",
                str(dmg),
            ]
        )
    return archive


def main() -> int:
    """Build, test, measure, pack."""
    number = version()
    shutil.rmtree(GENERATED, ignore_errors=True)
    shutil.rmtree(BUILD / "frozen-home", ignore_errors=True)
    render_icons()
    compile_translations()
    write_version_file(number)
    bundle = pyinstaller()
    self_test(bundle)
    size = bundle_size_mb(bundle)
    startup = startup_seconds(bundle)
    archive = pack(bundle, number)
    print(f"bundle: {bundle} — {size:.0f} MB unpacked (target ≤ {TARGET_SIZE_MB:.0f} MB)")
    print(
        f"start-up to a shown window: {startup:.2f} s median of {STARTUP_RUNS} "
        f"(target ≤ {TARGET_STARTUP_S} s)"
    )
    print(f"archive: {archive} ({archive.stat().st_size / 1e6:.0f} MB)")
    ok = size <= TARGET_SIZE_MB and startup <= TARGET_STARTUP_S
    print("targets met" if ok else "TARGET MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
