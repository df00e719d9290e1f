"""LiaSmart Desktop: send SMS through the LiaSmart HTTP API from a desktop app or the command line."""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

#: The distribution name in ``pyproject.toml``, whose version is the one version of everything.
DISTRIBUTION = "liasmart-desktop"
#: Written beside the package by ``packaging/build.py``: a frozen build carries no package metadata.
VERSION_FILE_NAME = "VERSION"


def read_version(package_dir: Path) -> str:
    """The installed distribution's version; else the version file beside the package (frozen builds)."""
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        version_file = package_dir / VERSION_FILE_NAME
        if not version_file.is_file():
            raise
        return version_file.read_text(encoding="utf-8").strip()


__version__ = read_version(Path(__file__).parent)
