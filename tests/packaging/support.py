"""The packaging scripts as modules (they are scripts in ``packaging/``, not part of a package)."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

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
    name = MODULE_NAMES[stem]
    if name in sys.modules:
        return sys.modules[name]
    if stem == "build":
        packaging_module("debian_package")
    spec = importlib.util.spec_from_file_location(name, PACKAGING / f"{stem}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
