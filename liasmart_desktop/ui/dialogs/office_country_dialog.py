"""The first-start question: which country the office is in, so numbers without a country code are read there.

Asked once, when no default country is set and the question was never answered; pre-filled with the
system's region (China in the Chinese UI). "Ask me later" saves nothing, so it is asked at the next
start; Settings changes the answer at any time.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from liasmart_desktop.core.errors import ConfigError
from liasmart_desktop.core.settings import updated
from liasmart_desktop.ui import countries
from liasmart_desktop.ui.messages import describe_error
from liasmart_desktop.ui.services import AppServices
from liasmart_desktop.ui.widgets.country_picker import CountryPicker

log = logging.getLogger(__name__)
MIN_WIDTH_PX = 480
_ERROR_STYLE = "color: #d32f2f;"


def needs_office_country(services: AppServices) -> bool:
    """Whether the question is still to be asked."""
    settings = services.settings
    return not settings.default_country and not settings.country_asked


def ask_office_country(services: AppServices, parent: QWidget | None = None) -> OfficeCountryDialog | None:
    """At start-up: open the question when it was never answered (window-modal, not blocking)."""
    if not needs_office_country(services):
        return None
    dialog = OfficeCountryDialog(services, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


class OfficeCountryDialog(QDialog):
    """Asks for the office's country and saves it as the default country.

    Signals:
        none of its own; ``accepted`` means the answer was saved (``AppServices.settings_changed``
        told every listener), ``rejected`` that the user will answer later.
    """

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.setWindowTitle(self.tr("Your office's country"))
        intro = QLabel(
            self.tr(
                "Which country is your office in? Phone numbers written without a country code, such as "
                "139 1234 5678, are read as numbers of this country. Numbers written with + and their "
                "country code always keep their own."
            )
        )
        intro.setWordWrap(True)
        self.picker = CountryPicker(none_text=self.tr("None: every number in my lists has its country code"))
        self.picker.setAccessibleName(self.tr("Your office's country"))
        self.picker.set_country(countries.first_start_country())
        later = QLabel(self.tr("You can change it later in Settings, on the Messages page."))
        later.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(_ERROR_STYLE)
        self.error_label.setVisible(False)
        buttons = QDialogButtonBox()
        self.use_button = buttons.addButton(
            self.tr("&Use this country"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.later_button = buttons.addButton(
            self.tr("Ask me &later"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.use_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Country:"), self.picker)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(later)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(MIN_WIDTH_PX)
        self.picker.setFocus()

    def accept(self) -> None:
        """Override: save the country (or "none") as answered; stay open if the settings cannot be saved."""
        services = self._services
        try:
            services.save_settings(
                updated(services.settings, default_country=self.picker.country(), country_asked=True)
            )
        except ConfigError as exc:
            log.warning("the office's country could not be saved: %s", exc)
            self.error_label.setText(describe_error(exc))
            self.error_label.setVisible(True)
            return
        super().accept()
