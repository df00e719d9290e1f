"""The release zip keeps symbolic links as links and unpacks to what was built; missed targets fail."""

from __future__ import annotations

import os
import stat
import zipfile
from pathlib import Path

import pytest

from tests.packaging.support import packaging_module

build = packaging_module("build")

LIBRARY_BYTES = 200_000
posix_links = pytest.mark.skipif(
    os.name != "posix", reason="symbolic links in bundles are a Linux and macOS matter"
)


def make_bundle(folder: Path) -> Path:
    """A bundle shaped like PyInstaller's: a library, a link to it beside it, a linked folder."""
    bundle = folder / "Bundle"
    lib_dir = bundle / "_internal" / "PySide6" / "Qt" / "lib"
    lib_dir.mkdir(parents=True)
    (lib_dir / "libQt6Core.so.6").write_bytes(os.urandom(LIBRARY_BYTES))  # does not compress
    (bundle / "_internal" / "libQt6Core.so.6").symlink_to(Path("PySide6") / "Qt" / "lib" / "libQt6Core.so.6")
    (bundle / "_internal" / "Qt").symlink_to(Path("PySide6") / "Qt", target_is_directory=True)
    program = bundle / "liasmart-desktop"
    program.write_text("#!/bin/sh\necho hello\n", encoding="utf-8")
    program.chmod(0o755)
    return bundle


@posix_links
def test_links_are_stored_as_links_and_targets_once(tmp_path: Path) -> None:
    archive = tmp_path / "bundle.zip"
    build.write_zip(make_bundle(tmp_path), archive, "App")
    with zipfile.ZipFile(archive) as zf:
        links = {
            info.filename: zf.read(info).decode()
            for info in zf.infolist()
            if stat.S_ISLNK(info.external_attr >> 16)
        }
        assert links == {
            "App/_internal/libQt6Core.so.6": "PySide6/Qt/lib/libQt6Core.so.6",
            "App/_internal/Qt": "PySide6/Qt",
        }
        stored = sum(info.compress_size for info in zf.infolist())
    assert LIBRARY_BYTES < stored < 1.5 * LIBRARY_BYTES  # the library once, not once per link


@posix_links
def test_unzip_restores_the_links_and_the_size_that_was_built(tmp_path: Path) -> None:
    bundle = make_bundle(tmp_path)
    archive = tmp_path / "bundle.zip"
    build.write_zip(bundle, archive, "App")
    build.unpack(archive, tmp_path / "user")
    unpacked = tmp_path / "user" / "App"
    assert (unpacked / "_internal" / "libQt6Core.so.6").is_symlink()
    assert (unpacked / "_internal" / "Qt").is_symlink()
    assert (unpacked / "_internal" / "libQt6Core.so.6").read_bytes() == (
        bundle / "_internal" / "PySide6" / "Qt" / "lib" / "libQt6Core.so.6"
    ).read_bytes()
    assert os.access(unpacked / "liasmart-desktop", os.X_OK)
    assert build.tree_size_mb(unpacked) == pytest.approx(build.tree_size_mb(bundle))


@posix_links
@pytest.mark.parametrize("target", ["/usr/lib/libc.so.6", "../../outside"])
def test_a_link_leaving_the_bundle_is_refused(tmp_path: Path, target: str) -> None:
    bundle = make_bundle(tmp_path)
    (bundle / "_internal" / "stray").symlink_to(target)
    with pytest.raises(ValueError, match="links outside the bundle"):
        build.write_zip(bundle, tmp_path / "bundle.zip", "App")


def measurements(**values: object) -> object:
    fields: dict[str, object] = {
        "built_mb": 140.0,
        "unpacked_mb": 140.0,
        "archive_mb": 60.0,
        "startup_s": [0.6],
    }
    return build.Measurements(**{**fields, **values})


@pytest.mark.parametrize(
    ("values", "problem"),
    [
        ({}, None),
        ({"built_mb": 151.0, "unpacked_mb": 151.0}, "unpacked 151.0 MB > 150 MB"),
        ({"archive_mb": 71.0}, "zip 71.0 MB > 70 MB"),
        ({"unpacked_mb": 145.0}, "something is stored twice"),
        ({"startup_s": [1.4, 1.6, 1.7]}, "start-up 1.60 s > 1.5 s"),
    ],
)
def test_a_missed_target_fails_the_build(values: dict[str, object], problem: str | None) -> None:
    problems = build.missed_targets("linux", measurements(**values))
    if problem is None:
        assert problems == []
    else:
        assert len(problems) == 1
        assert problem in problems[0]


def test_the_zip_target_is_linux_only_and_the_unpacked_one_everywhere() -> None:
    big_zip = measurements(archive_mb=90.0)
    assert build.missed_targets("windows", big_zip) == []
    assert build.missed_targets("linux", big_zip) != []
    for system in ("linux", "windows", "macos"):
        assert build.missed_targets(system, measurements(built_mb=160.0, unpacked_mb=160.0)) != []


def test_the_file_names_carry_the_one_version(tmp_path: Path) -> None:
    number = build.version()
    name = build.archive_path(tmp_path, number, build.system_name()).name
    assert name.startswith(f"LiaSmartDesktop-{number}-")
    assert build.numeric_version("1.2.3rc1") == (1, 2, 3, 0)
    assert build.numeric_version(number)[:2] == tuple(int(p) for p in number.split(".")[:2])
