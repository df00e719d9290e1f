"""The user-folders guard fails a test run that writes outside its temporary folders, and only then.

Each case runs pytest in a subprocess with the guard (``tests/helpers/home_guard.py``) on a small
test file, the way ``tests/conftest.py`` loads it for the real suite.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_guarded(folder: Path, source: str, **env_vars: str) -> subprocess.CompletedProcess[str]:
    """Run ``source`` as a test file under the guard; return pytest's result."""
    (folder / "test_inner.py").write_text(textwrap.dedent(source), encoding="utf-8")
    # TMPDIR: the inner guard's own folder (kept when it holds evidence) stays inside this test's.
    env = dict(os.environ, PYTHONPATH=str(ROOT), TMPDIR=str(folder), **env_vars)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "tests.helpers.home_guard", "-p", "no:cacheprovider", "-q"],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


#: Ways a test can end up in the user's folders, each as one statement of the inner test.
WRITES_OUTSIDE = [
    pytest.param("Path.home().joinpath('.liasmart-probe').write_text('x')", id="home"),
    pytest.param("platformdirs.user_data_path('LiaSmartDesktop').mkdir(parents=True)", id="data-folder"),
    pytest.param(
        "settings = QSettings('LiaSmart', 'LiaSmart Desktop'); settings.setValue('k', 1); settings.sync()",
        id="qt-default-settings",
    ),
    pytest.param(
        "subprocess.run([sys.executable, '-c', "
        '\'import pathlib; pathlib.Path.home().joinpath("probe").write_text("x")\'], check=True)',
        id="program-started-by-the-test",
    ),
]


@pytest.mark.parametrize("write", WRITES_OUTSIDE)
def test_a_test_writing_into_the_user_folders_fails(tmp_path: Path, write: str) -> None:
    result = run_guarded(
        tmp_path,
        f"""
        import subprocess, sys
        from pathlib import Path
        import platformdirs
        from PySide6.QtCore import QSettings

        def test_writes_outside():
            {write}

        def test_behaves():
            pass
        """,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "2 passed, 1 error" in result.stdout
    assert "ERROR at teardown of test_writes_outside" in result.stdout
    assert "This test wrote into what would be the user's own folders" in result.stdout
    assert "test_behaves" not in result.stdout  # only the test that wrote is blamed,
    assert "user folders guard" not in result.stdout  # and only once


def test_writing_outside_a_test_fails_the_run(tmp_path: Path) -> None:
    result = run_guarded(
        tmp_path,
        """
        from pathlib import Path

        Path.home().joinpath(".written-at-collection").write_text("x")

        def test_behaves():
            pass
        """,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "1 passed" in result.stdout
    assert "user folders guard" in result.stdout
    assert ".written-at-collection" in result.stdout


def test_a_run_that_writes_only_into_tmp_path_passes(tmp_path: Path) -> None:
    result = run_guarded(
        tmp_path,
        """
        import os
        import platformdirs
        from pathlib import Path

        def test_behaves(tmp_path):
            (tmp_path / "file").write_text("x")
            assert os.environ["HOME"] != os.environ["OUTER_HOME"]
            assert platformdirs.user_data_path("X").is_relative_to(Path.home())
        """,
        OUTER_HOME=os.environ["HOME"],
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 passed" in result.stdout
