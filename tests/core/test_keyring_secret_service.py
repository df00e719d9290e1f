"""The credential code against a real Secret Service (gnome-keyring in a private D-Bus session)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
TOOLS = ("dbus-run-session", "gnome-keyring-daemon")

# docs/decisions.md, "Keyring on headless Linux": unlock (creating the login keyring) with a throwaway
# password, then start the secrets component in the same session; without --unlock, gcr-prompter needs
# a display.
SESSION_SCRIPT = """
set -e
eval "$(printf throwaway-unlock-pw | gnome-keyring-daemon --unlock --components=secrets)"
eval "$(gnome-keyring-daemon --start --components=secrets)"
export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK
exec "$PYTHON" -m tests.helpers.keyring_roundtrip
"""


def _missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Secret Service is the Linux keyring")
def test_roundtrip_through_gnome_keyring(tmp_path: Path) -> None:
    missing = _missing_tools()
    if missing:
        pytest.skip(
            f"{' and '.join(missing)} not on PATH; install them with "
            "`apt-get install gnome-keyring dbus` (Debian/Ubuntu) to run this test"
        )
    home = tmp_path / "home"
    runtime = tmp_path / "run"
    for folder in (home, runtime):
        folder.mkdir(mode=0o700)
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DBUS_", "GNOME_KEYRING", "XDG_", "PYTHON_KEYRING", "KEYRING_"))
    }
    env.update(
        HOME=str(home),
        XDG_RUNTIME_DIR=str(runtime),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        PYTHON=sys.executable,
        PYTHONPATH=str(REPO),
    )
    done = subprocess.run(
        ["dbus-run-session", "--", "sh", "-c", SESSION_SCRIPT],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, f"stdout: {done.stdout}\nstderr: {done.stderr}"
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report == {
        "backend": "keyring.backends.SecretService.Keyring",
        "secure": True,
        "read_back_equal": True,
        "deleted": True,
        "gone_after_delete": True,
        "second_delete": False,
    }
    assert "s3cret" not in done.stdout + done.stderr
