"""The Inno Setup script: per user, a Start-menu entry, upgrades in place, the user's data left alone.

Inno Setup compiles only on Windows (the release workflow's Windows job builds the installer);
here the script's promises are read from its text, and its inputs checked against build.py's.
"""

from __future__ import annotations

import re
import uuid
from pathlib import Path

from liasmart_desktop.core.paths import APP_DIR_NAME
from tests.packaging.support import packaging_module

build = packaging_module("build")
SCRIPT = build.INNO_SETUP_SCRIPT


def sections() -> dict[str, list[str]]:
    """The script's ``[Section]`` lines, without comments and preprocessor lines."""
    found: dict[str, list[str]] = {}
    current = ""
    for raw in SCRIPT.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith((";", "#")):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            found[current] = []
        else:
            found[current].append(line)
    return found


def setup() -> dict[str, str]:
    return dict(line.split("=", 1) for line in sections()["Setup"])


def test_it_installs_per_user_without_administrator_rights() -> None:
    directives = setup()
    assert directives["PrivilegesRequired"] == "lowest"
    assert "PrivilegesRequiredOverridesAllowed" not in directives
    assert directives["DefaultDirName"].startswith("{autopf}\\")  # %LOCALAPPDATA%\Programs when per user


def test_an_upgrade_replaces_the_installed_copy_in_place() -> None:
    app_id = setup()["AppId"]
    match = re.fullmatch(r"\{\{([0-9A-F-]{36})\}", app_id)
    assert match is not None, "a fixed GUID, not one computed per build"
    uuid.UUID(match.group(1))
    assert setup()["UsePreviousAppDir"] == "yes"
    assert setup()["CloseApplications"] == "yes"
    assert 'Type: filesandordirs; Name: "{app}\\_internal"' in sections()["InstallDelete"]


def test_the_start_menu_entry_and_the_uninstaller() -> None:
    icons = sections()["Icons"]
    assert any(line.startswith('Name: "{autoprograms}\\LiaSmart Desktop"') for line in icons)
    assert all('Filename: "{app}\\liasmart-desktop.exe"' in line for line in icons)
    assert setup().get("Uninstallable", "yes") == "yes"
    assert setup()["UninstallDisplayIcon"] == "{app}\\liasmart-desktop.exe"


def test_neither_an_upgrade_nor_an_uninstall_touches_the_users_data() -> None:
    script = SCRIPT.read_text(encoding="utf-8")
    assert "UninstallDelete" not in sections()
    assert APP_DIR_NAME not in "".join("".join(lines) for lines in sections().values())
    assert "{localappdata}" not in script  # the data folder is never named, so never removed


def test_the_version_and_folders_come_from_the_build(tmp_path: Path) -> None:
    script = SCRIPT.read_text(encoding="utf-8")
    used = set(re.findall(r"\{#(\w+)\}", script))
    command = build.inno_setup_command(
        "iscc", tmp_path / "bundle", tmp_path / "work", tmp_path / "dist", "1.2.3"
    )
    given = {arg[2:].split("=", 1)[0]: arg.split("=", 1)[1] for arg in command if arg.startswith("/D")}
    assert used == set(given)
    assert given["AppVersion"] == "1.2.3"
    assert given["AppNumericVersion"] == "1.2.3.0"
    assert given["OutputBaseName"].startswith("LiaSmartDesktop-1.2.3-windows-")
    assert command[-1] == str(SCRIPT)
    assert not re.search(r"\d+\.\d+\.\d+", "".join(sections()["Setup"]))  # no version written in
