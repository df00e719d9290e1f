"""The Qt-free engine of LiaSmart Desktop: API client, text engine, import, sending, settings.

Nothing under this package imports PySide6; ``tests/core/test_core_is_qt_free.py`` and the
import-linter contracts in ``pyproject.toml`` enforce that.
"""
