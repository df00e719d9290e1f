"""Qt's own dialog texts that Qt's Simplified Chinese catalogue (``qtbase_zh_CN.qm``) lacks.

Qt 6 changed a few file-dialog labels (``&Look in:`` gained a shortcut letter) and its Chinese
catalogue was not updated, so those stayed English in an otherwise Chinese file dialog. Written here
as the very calls Qt makes, they are collected into ``resources/i18n/liasmart_zh_CN.ts`` under Qt's
own contexts, and the app's translator answers when Qt's catalogue has nothing. Found by listing
every text a file dialog and a message box asked for that ``qtbase_zh_CN.qm`` could not translate.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def qt_own_texts() -> tuple[str, ...]:
    """Those texts in the language installed now (what Qt's dialogs will show)."""
    return (
        QCoreApplication.translate("QFileDialog", "&Look in:"),
        QCoreApplication.translate("QFileDialog", "Files of &type:"),
        QCoreApplication.translate("QAbstractFileIconProvider", "Drive"),
        QCoreApplication.translate("QAbstractFileIconProvider", "Folder", "All other platforms"),
    )
