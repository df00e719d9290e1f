"""Help › About: the version, where data and logs live, and a diagnostic summary to copy for support."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from liasmart_desktop import __version__
from liasmart_desktop.ui.diagnostics import diagnostic_summary
from liasmart_desktop.ui.resources import icon
from liasmart_desktop.ui.services import AppServices

ICON_SIZE_PX = 64


class AboutDialog(QDialog):
    """The version and the folders, selectable; buttons to copy the summary and open the logs folder."""

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About LiaSmart Desktop"))
        self._services = services
        logo = QLabel(self)
        logo.setPixmap(icon().pixmap(ICON_SIZE_PX, ICON_SIZE_PX))
        title = QLabel(self.tr("LiaSmart Desktop {version}").format(version=__version__), self)
        title.setObjectName("aboutTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        purpose = QLabel(self.tr("Send SMS through the LiaSmart (利亚智联) API."), self)
        folders = QFormLayout()
        folders.addRow(self.tr("Data (settings, history):"), self._path_label(str(services.paths.root)))
        folders.addRow(self.tr("Logs:"), self._path_label(str(services.paths.log_dir)))
        note = QLabel(
            self.tr(
                "Writing to support? Copy the diagnostic summary into your email: it names the versions, "
                "the system and these folders, never your password or any phone number."
            ),
            self,
        )
        note.setWordWrap(True)
        self.status = QLabel("", self)
        self.status.setObjectName("aboutStatus")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = self._add_button(buttons, self.tr("&Copy diagnostic summary"), "copyDiagnostics")
        self.logs_button = self._add_button(buttons, self.tr("Open the &logs folder"), "openLogs")
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        self.logs_button.clicked.connect(self._on_logs_button_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (logo, title, purpose):
            layout.addWidget(widget)
        layout.addLayout(folders)
        layout.addWidget(note)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

    def _path_label(self, path: str) -> QLabel:
        label = QLabel(path, self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _add_button(self, buttons: QDialogButtonBox, text: str, name: str) -> QPushButton:
        button = buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        button.setObjectName(name)
        button.setAutoDefault(False)
        return button

    @Slot()
    def _on_copy_button_clicked(self) -> None:
        QGuiApplication.clipboard().setText(diagnostic_summary(self._services))
        self.status.setText(self.tr("Copied. Paste it into your email to support."))

    @Slot()
    def _on_logs_button_clicked(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._services.paths.log_dir)))
