"""The compose form's saved templates: pick one (its text, sender ID and type fill the form), save the
current message as one, or manage them (rename, delete)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QInputDialog, QLabel, QMessageBox, QPushButton, QWidget

from liasmart_desktop.core.templates import SavedTemplate
from liasmart_desktop.ui.controllers.office_controller import OfficeController
from liasmart_desktop.ui.dialogs.templates_dialog import TemplatesDialog
from liasmart_desktop.ui.messages import describe_error


class TemplatePicker(QWidget):
    """A template chooser with "Save as template…" and "Manage…".

    ``current`` gives the form's message as a template without a name (for saving).

    Signals:
        chosen(object): the ``SavedTemplate`` the user picked.
        saved(str): the name a template was saved under.
    """

    chosen = Signal(object)
    saved = Signal(str)

    def __init__(
        self, office: OfficeController, current: Callable[[], SavedTemplate], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._office = office
        self._current = current
        self._templates: list[SavedTemplate] = []
        self.combo = QComboBox(self)
        self.combo.setObjectName("templateCombo")
        self.combo.setAccessibleName(self.tr("Saved template"))
        self.combo.setToolTip(self.tr("Fill the message, sender ID and type from a saved template"))
        label = QLabel(self.tr("&Template:"), self)
        label.setBuddy(self.combo)
        self.save_button = QPushButton(self.tr("Save as template…"), self)
        self.save_button.setToolTip(self.tr("Keep this message, sender ID and type under a name"))
        self.manage_button = QPushButton(self.tr("Manage…"), self)
        self.manage_button.setToolTip(self.tr("Rename or delete saved templates"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.combo, 1)
        layout.addWidget(self.save_button)
        layout.addWidget(self.manage_button)
        self.combo.activated.connect(self._on_combo_activated)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.manage_button.clicked.connect(self._on_manage_button_clicked)
        office.templates_changed.connect(self.reload)
        self.reload()

    @Slot()
    def reload(self) -> None:
        """Read the saved templates again (off the GUI thread)."""
        self._office.templates(self, self._on_templates_loaded, self._on_failed)

    @property
    def templates(self) -> list[SavedTemplate]:
        """The templates the chooser offers."""
        return list(self._templates)

    @Slot(object)
    def _on_templates_loaded(self, templates: list[SavedTemplate]) -> None:
        self._templates = templates
        self.combo.clear()
        self.combo.addItem(self.tr("Choose a template…") if templates else self.tr("No saved templates yet"))
        for template in templates:
            self.combo.addItem(template.name, template.name)
        self.combo.setEnabled(bool(templates))
        self.manage_button.setEnabled(bool(templates))

    def choose(self, name: str) -> None:
        """Pick the template called ``name`` (as the user would in the list)."""
        index = self.combo.findData(name)
        if index > 0:
            self.combo.setCurrentIndex(index)
            self._on_combo_activated(index)

    @Slot(int)
    def _on_combo_activated(self, index: int) -> None:
        if index <= 0:
            return
        self.chosen.emit(self._templates[index - 1])
        self.combo.setCurrentIndex(0)  # a template fills the form once; the form is then the user's

    @Slot()
    def _on_save_button_clicked(self) -> None:
        name, ok = QInputDialog.getText(
            self, self.tr("Save as template"), self.tr("Name of the template (an existing one is replaced):")
        )
        if ok:
            self.save_as(name)

    def save_as(self, name: str) -> None:
        """Save the form's message under ``name`` (an existing template of that name is replaced)."""
        template = self._current()
        self._office.save_template(
            SavedTemplate(name, template.text, template.sender_id, template.sms_type),
            self,
            self._on_template_saved,
            self._on_failed,
        )

    @Slot(object)
    def _on_template_saved(self, template: SavedTemplate) -> None:
        self.saved.emit(template.name)

    @Slot()
    def _on_manage_button_clicked(self) -> None:
        TemplatesDialog(self._office, self).exec()

    @Slot(object)
    def _on_failed(self, error: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Templates"), describe_error(error))
