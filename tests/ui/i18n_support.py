"""Building the app's translations for a test (never from ``resources/``: tests pass on a fresh checkout)."""

from __future__ import annotations

import importlib.util
import subprocess
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "resources" / "i18n"
TS_FILES = sorted(I18N.glob("*.ts"))


def _load_translations_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("translations_script", ROOT / "scripts" / "translations.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SCRIPT = _load_translations_script()


def build_qm(ts: Path, folder: Path) -> Path:
    """Compile ``ts`` with lrelease into ``folder`` (as ``scripts/translations.py build`` does)."""
    target = folder / ts.with_suffix(".qm").name
    subprocess.run([SCRIPT.tool("lrelease"), "-silent", str(ts), "-qm", str(target)], check=True)
    assert target.stat().st_size > 0
    return target
