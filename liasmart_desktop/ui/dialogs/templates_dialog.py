"""Saved templates: each with its text, sender ID and type; rename or delete them."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from liasmart_desktop.core.sending.schedule import journal_zoned_text as journal_time
from liasmart_desktop.core.templates import SavedTemplate
from liasmart_desktop.ui.controllers.office_controller import OfficeController
from liasmart_desktop.ui.messages import describe_error


class TemplatesDialog(QDialog):
    """The saved templates, by name; the selected one's text and details, with Rename and Delete.

    Signals:
        none of its own; every change goes through the office controller (which says so to everyone).
    """

    def __init__(self, office: OfficeController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._office = office
        self._templates: list[SavedTemplate] = []
        self.setWindowTitle(self.tr("Templates"))
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Saved templates"))
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Template text"))
        self.rename_button = QPushButton(self.tr("&Rename…"), self)
        self.delete_button = QPushButton(self.tr("&Delete…"), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        actions = QHBoxLayout()
        actions.addWidget(self.rename_button)
        actions.addWidget(self.delete_button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.details)
        layout.addWidget(self.text, 1)
        layout.addLayout(actions)
        layout.addWidget(buttons)
        buttons.rejected.connect(self.reject)
        self.list.currentRowChanged.connect(self._on_list_current_row_changed)
        self.rename_button.clicked.connect(self._on_rename_button_clicked)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        office.templates_changed.connect(self.reload)
        self.resize(560, 420)
        self.reload()

    @Slot()
    def reload(self) -> None:
        """Read the templates again."""
        self._office.templates(self, self._on_templates_loaded, self._on_failed)

    @Slot(object)
    def _on_templates_loaded(self, templates: list[SavedTemplate]) -> None:
        selected = self.selected()
        self._templates = templates
        self.list.clear()
        for template in templates:
            self.list.addItem(QListWidgetItem(template.name))
        names = [t.name.casefold() for t in templates]
        wanted = selected.name.casefold() if selected is not None else ""
        self.list.setCurrentRow(names.index(wanted) if wanted in names else min(0, len(templates) - 1))
        self._show_selected()

    def selected(self) -> SavedTemplate | None:
        """The template selected in the list."""
        row = self.list.currentRow()
        return self._templates[row] if 0 <= row < len(self._templates) else None

    def _show_selected(self) -> None:
        template = self.selected()
        self.rename_button.setEnabled(template is not None)
        self.delete_button.setEnabled(template is not None)
        if template is None:
            self.details.setText(self.tr("No saved templates yet. Save one from the message form."))
            self.text.clear()
            return
        kind = {"P": self.tr("promotional"), "T": self.tr("transactional")}.get(
            template.sms_type, self.tr("not set")
        )
        self.details.setText(
            self.tr("Sender ID: {sender} · Type: {kind} · Saved {when} by {who}").format(
                sender=template.sender_id or self.tr("not set"),
                kind=kind,
                when=journal_time(template.updated_at),
                who=template.updated_by or "—",
            )
        )
        self.text.setPlainText(template.text)

    @Slot(int)
    def _on_list_current_row_changed(self, _row: int) -> None:
        self._show_selected()

    @Slot()
    def _on_rename_button_clicked(self) -> None:
        template = self.selected()
        if template is None:
            return
        name, ok = QInputDialog.getText(
            self, self.tr("Rename template"), self.tr("New name:"), text=template.name
        )
        if ok:
            self.rename(template.name, name)

    def rename(self, old: str, new: str) -> None:
        """Rename a template (a name another template has is refused, with a sentence)."""
        self._office.rename_template(old, new, self, lambda _renamed: None, self._on_failed)

    @Slot()
    def _on_delete_button_clicked(self) -> None:
        template = self.selected()
        if template is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete template"),
            self.tr("Delete the template “{name}”? Campaigns already sent with it keep their text.").format(
                name=template.name
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._office.delete_template(template.name, self, lambda _none: None, self._on_failed)

    @Slot(object)
    def _on_failed(self, error: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Templates"), describe_error(error))
