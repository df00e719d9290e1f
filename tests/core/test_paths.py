"""The data folder: chosen by option, LIASMART_HOME or the OS default; created owner-only."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import platformdirs
import pytest

from liasmart_desktop.core import paths as paths_module
from liasmart_desktop.core.errors import ConfigError, ConfigProblem
from liasmart_desktop.core.paths import (
    APP_DIR_NAME,
    HOME_ENV,
    DataPaths,
    create_private_file,
    default_data_dir,
    find_data_dir,
    open_data_dir,
    resolve_data_dir,
)
from tests.core.os_support import pretend_not_posix

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_liasmart_home_from_the_environment(isolated_env: Path) -> None:
    assert os.environ[HOME_ENV] == str(isolated_env)
    assert resolve_data_dir() == isolated_env.resolve()


def test_explicit_option_wins(tmp_path: Path) -> None:
    env = {HOME_ENV: str(tmp_path / "from-env")}
    assert resolve_data_dir(str(tmp_path / "option"), env) == (tmp_path / "option").resolve()
    assert resolve_data_dir(None, env) == (tmp_path / "from-env").resolve()


def test_relative_and_home_paths_are_made_absolute(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    assert resolve_data_dir("~/lia", {}) == (tmp_path / "lia").resolve()
    assert resolve_data_dir("rel", {}) == (tmp_path / "rel").resolve()


@pytest.mark.parametrize("blank", ["", "   "])
def test_blank_choice_means_the_default(blank: str) -> None:
    assert resolve_data_dir(blank, {HOME_ENV: blank}) == default_data_dir()


def test_default_is_the_platformdirs_user_data_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    expected = platformdirs.user_data_path(APP_DIR_NAME, appauthor=False, roaming=False)
    assert resolve_data_dir(None, {}) == expected == default_data_dir()
    if sys.platform.startswith("linux"):
        assert expected == tmp_path / "xdg" / APP_DIR_NAME
    assert not expected.exists()  # resolving never creates anything


def test_layout(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path)
    assert paths.settings_file == tmp_path / "settings.json"
    assert paths.journal_file == tmp_path / "journal.sqlite3"
    assert paths.log_dir == tmp_path / "logs"
    assert paths.view_state_file == tmp_path / "view-state.ini"


def test_open_data_dir_creates_it(tmp_path: Path) -> None:
    root = tmp_path / "a" / "b" / "home"
    paths = open_data_dir(str(root), {})
    assert paths == DataPaths(root.resolve())
    assert root.is_dir()
    assert paths.log_dir.is_dir()


@posix_only
def test_created_owner_only(tmp_path: Path) -> None:
    old_umask = os.umask(0o022)
    try:
        paths = open_data_dir(str(tmp_path / "home"), {})
    finally:
        os.umask(old_umask)
    assert _mode(paths.root) == 0o700
    assert _mode(paths.log_dir) == 0o700


@posix_only
def test_existing_open_folder_is_tightened(tmp_path: Path) -> None:
    root = tmp_path / "home"
    root.mkdir()
    root.chmod(0o755)
    (root / "logs").mkdir()
    (root / "logs").chmod(0o775)
    paths = open_data_dir(str(root), {})
    assert _mode(paths.root) == 0o700
    assert _mode(paths.log_dir) == 0o700
    open_data_dir(str(root), {})  # already private: left as it is
    assert _mode(paths.root) == 0o700


def test_without_posix_modes_nothing_is_changed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    root = tmp_path / "home"
    root.mkdir()
    root.chmod(0o755)
    pretend_not_posix(monkeypatch, paths_module)
    paths = open_data_dir(str(root), {})
    assert paths.log_dir.is_dir()
    assert _mode(root) == 0o755


def test_a_file_in_the_way(tmp_path: Path) -> None:
    blocker = tmp_path / "home"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        open_data_dir(str(blocker), {})
    assert (info.value.code, info.value.subject) == (ConfigProblem.DATA_DIR_UNUSABLE, str(blocker))
    assert info.value.detail
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_a_file_in_the_way_of_a_parent(tmp_path: Path) -> None:
    blocker = tmp_path / "parent"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        open_data_dir(str(blocker / "home"), {})
    assert info.value.code is ConfigProblem.DATA_DIR_UNUSABLE


def test_a_file_named_logs_in_the_way(tmp_path: Path) -> None:
    root = tmp_path / "home"
    root.mkdir()
    (root / "logs").write_text("x", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        open_data_dir(str(root), {})
    assert (info.value.code, info.value.subject) == (ConfigProblem.DATA_DIR_UNUSABLE, str(root / "logs"))


@posix_only
def test_create_private_file(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    old_umask = os.umask(0o022)
    try:
        create_private_file(path)
    finally:
        os.umask(old_umask)
    assert path.read_bytes() == b""
    assert _mode(path) == 0o600


@posix_only
def test_create_private_file_keeps_content_and_tightens(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    path.write_bytes(b"SQLite format 3\x00")
    path.chmod(0o644)
    create_private_file(path)
    assert path.read_bytes() == b"SQLite format 3\x00"
    assert _mode(path) == 0o600
    create_private_file(path)  # already private
    assert _mode(path) == 0o600


def test_create_private_file_without_posix_modes(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    path.write_bytes(b"data")
    path.chmod(0o644)
    pretend_not_posix(monkeypatch, paths_module)
    create_private_file(path)
    assert path.read_bytes() == b"data"
    assert _mode(path) == 0o644


def test_finding_the_data_folder_creates_nothing(tmp_path: Path) -> None:
    """A command that reads (or refuses) leaves no data folder; something in its way is said at once."""
    root = tmp_path / "home"
    assert find_data_dir(str(root), {}) == DataPaths(root)
    assert not root.exists()
    root.write_text("not a folder", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        find_data_dir(str(root), {})
    assert (info.value.code, info.value.subject) == (ConfigProblem.DATA_DIR_UNUSABLE, str(root))
    assert info.value.detail == "Not a directory"
