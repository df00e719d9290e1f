"""The packaging scripts as modules (they are scripts in ``packaging/``, not part of a package)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.helpers.scripts import load_script

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"

#: What the .deb tests need besides Python (``.ci/run`` installs them on Debian and Ubuntu).
DEB_TOOLS = ("dpkg", "dpkg-deb", "ldd", "desktop-file-validate")
needs_dpkg = pytest.mark.skipif(
    not sys.platform.startswith("linux") or any(shutil.which(tool) is None for tool in DEB_TOOLS),
    reason=f"the .deb is built and installed on Debian or Ubuntu, with {', '.join(DEB_TOOLS)} "
    "(apt-get install dpkg desktop-file-utils)",
)


#: The name each script is imported under (``build.py`` imports ``debian_package`` by that name).
MODULE_NAMES = {"debian_package": "debian_package", "build": "liasmart_packaging_build"}


def packaging_module(stem: str) -> ModuleType:
    """``packaging/<stem>.py`` as a module, imported once."""
    if stem == "build":
        packaging_module("debian_package")
    return load_script(PACKAGING / f"{stem}.py", MODULE_NAMES[stem])
