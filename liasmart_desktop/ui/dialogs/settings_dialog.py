"""Settings: the account (API ID, the password in the OS keyring), sending defaults, cost, pace, language.

The password is never shown or prefilled: the dialog says whether one is saved and where, and offers
to set, change or remove it. It goes to the OS keyring (``core.credentials``) or, on a computer
without a secure store, to ``AppServices.remember_for_session`` — nowhere else.
"""

from __future__ import annotations

import logging
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import urlsplit

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from liasmart_desktop.core.api.payloads import Balance
from liasmart_desktop.core.api.urls import check_base_url
from liasmart_desktop.core.credentials import check_api_id, delete_password, save_password
from liasmart_desktop.core.errors import ConfigError, CredentialError, CredentialProblem, LiaSmartError
from liasmart_desktop.core.sender_id import SenderIdProblem, SenderIdRule, check_sender_id
from liasmart_desktop.core.settings import (
    MAX_CONCURRENCY,
    MAX_RATE_PER_S,
    MAX_SENDER_ID_CHARS,
    AppSettings,
    updated,
)
from liasmart_desktop.ui.controllers.account_controller import AccountController, ConnectionTest
from liasmart_desktop.ui.dialogs.review_dialog import format_money
from liasmart_desktop.ui.i18n import LANGUAGES
from liasmart_desktop.ui.import_messages import check_typed_number
from liasmart_desktop.ui.messages import describe_error
from liasmart_desktop.ui.services import AppServices
from liasmart_desktop.ui.widgets.country_picker import CountryPicker
from liasmart_desktop.ui.widgets.office_rules_fields import OfficeRulesFields
from liasmart_desktop.ui.workers.task_runner import TaskContext

log = logging.getLogger(__name__)

CONTEXT = "SettingsDialog"
MIN_RATE_PER_S = 0.1
MAX_CURRENCY_CHARS = 8
_ERROR_STYLE = "color: #d32f2f;"

#: keyring backend module → the store's name as people know it.
_STORE_NAMES: dict[str, object] = {
    "keyring.backends.Windows": QT_TRANSLATE_NOOP("SettingsDialog", "Windows Credential Manager"),
    "keyring.backends.macOS": QT_TRANSLATE_NOOP("SettingsDialog", "macOS Keychain"),
    "keyring.backends.SecretService": QT_TRANSLATE_NOOP("SettingsDialog", "Secret Service (GNOME Keyring)"),
    "keyring.backends.libsecret": QT_TRANSLATE_NOOP("SettingsDialog", "Secret Service (libsecret)"),
    "keyring.backends.kwallet": QT_TRANSLATE_NOOP("SettingsDialog", "KDE Wallet"),
    "keyring.backends.chainer": QT_TRANSLATE_NOOP("SettingsDialog", "the system's password stores"),
}
_OTHER_STORE = QT_TRANSLATE_NOOP("SettingsDialog", "the password store “{name}”")


def store_name(backend: str) -> str:
    """The password store in plain words, from ``KeyringStatus.backend`` (``module.Class``)."""
    module, _, cls = backend.rpartition(".")
    for prefix, name in _STORE_NAMES.items():
        if module == prefix or module.startswith(prefix + "."):
            return QCoreApplication.translate(CONTEXT, str(name))
    return QCoreApplication.translate(CONTEXT, str(_OTHER_STORE)).format(name=cls or backend)


class SettingsDialog(QDialog):
    """Edit the settings; "Save" checks every value, stores the password, then saves the settings.

    Nothing is saved while any value is wrong: each problem is shown under its field.

    Signals:
        none of its own; ``accepted`` means the settings (and any password change) were saved, and
        ``AppServices.settings_changed`` has told every listener.
    """

    def __init__(
        self, services: AppServices, account: AccountController, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._account = account
        self._saved = services.settings
        self._store = services.keyring_status()
        self._store_name = store_name(self._store.backend)
        #: Whether a password is saved for the saved API ID (None while the store is being asked).
        self._password_saved: bool | None = None
        self._remove_password = False
        self._closed = False
        self._test_base_url = ""
        self._errors: dict[str, QLabel] = {}
        self._error_targets: dict[str, tuple[QWidget, int]] = {}
        self.setWindowTitle(self.tr("Settings"))

        self._tabs = QTabWidget()
        self._tabs.addTab(self._build_account_tab(), self.tr("&Account"))
        self._tabs.addTab(self._build_messages_tab(), self.tr("&Messages"))
        self._tabs.addTab(self._build_sending_tab(), self.tr("Cost and &speed"))
        self._tabs.addTab(self._build_language_tab(), self.tr("&Language"))
        self._tabs.addTab(self._build_advanced_tab(), self.tr("Ad&vanced"))

        self._general_error = QLabel()
        self._general_error.setWordWrap(True)
        self._general_error.setStyleSheet(_ERROR_STYLE)
        self._general_error.setVisible(False)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self._save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self._save_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self._tabs)
        layout.addWidget(self._general_error)
        layout.addWidget(buttons)

        self._fill(self._saved)
        self._api_id_edit.textChanged.connect(self._on_api_id_edit_text_changed)
        self._password_edit.textChanged.connect(self._on_password_edit_text_changed)
        self.finished.connect(self._on_self_finished)
        self._check_password_store()

    # ------------------------------------------------------------------ building

    def _field(self, key: str, widget: QWidget, tab: int, hint: str = "") -> QWidget:
        """``widget`` with an optional hint and a (hidden) error line under it."""
        box = QWidget()
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.setSpacing(2)
        box_layout.addWidget(widget)
        if hint:
            # Plain text colour: a greyed hint is hard to read for many people.
            hint_label = QLabel(hint)
            hint_label.setWordWrap(True)
            box_layout.addWidget(hint_label)
        error = QLabel()
        error.setWordWrap(True)
        error.setStyleSheet(_ERROR_STYLE)
        error.setVisible(False)
        box_layout.addWidget(error)
        box.setFocusProxy(widget)  # a label's mnemonic focuses the field itself
        self._errors[key] = error
        self._error_targets[key] = (widget, tab)
        return box

    def _build_account_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        if self._store.secure:
            store_text = self.tr(
                "Your API password is kept in {store}, this computer's secure password store. "
                "It is never written to a file."
            ).format(store=self._store_name)
        else:
            store_text = self.tr(
                "This computer has no secure password store, so the API password is not saved: "
                "it is kept in memory until you close the app, and asked for once each time you start it."
            )
        self._store_label = QLabel(store_text)
        self._store_label.setWordWrap(True)
        form.addRow(self._store_label)
        self._sandbox_note: QLabel | None = None
        if self._services.sandbox_mode:
            self._sandbox_note = QLabel(
                self.tr(
                    "The app is in sandbox mode: messages go to the built-in simulator. "
                    "These settings are for your real LiaSmart account."
                )
            )
            self._sandbox_note.setWordWrap(True)
            form.addRow(self._sandbox_note)

        self._api_id_edit = QLineEdit()
        self._api_id_edit.setMaxLength(64)
        self._api_id_edit.setAccessibleName(self.tr("API ID"))
        self._api_id_edit.setPlaceholderText(self.tr("As shown in your LiaSmart account"))
        form.addRow(self.tr("API &ID:"), self._field("api_id", self._api_id_edit, 0))

        self._add_password_rows(form)
        self._add_test_row(form)
        return page

    def _add_password_rows(self, form: QFormLayout) -> None:
        self._password_edit = QLineEdit()
        self._password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self._password_edit.setAccessibleName(self.tr("API password"))
        self._password_edit.setAccessibleDescription(
            self.tr("Leave empty to keep the saved password. The saved password is never shown.")
        )
        self._show_password = QCheckBox(self.tr("S&how"))
        self._show_password.setAccessibleName(self.tr("Show the password as you type"))
        self._show_password.toggled.connect(self._on_show_password_toggled)
        password_row = QWidget()
        row_layout = QHBoxLayout(password_row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(self._password_edit, stretch=1)
        row_layout.addWidget(self._show_password)
        password_row.setFocusProxy(self._password_edit)
        form.addRow(self.tr("API &password:"), self._field("password", password_row, 0))

        self._password_status = QLabel()
        self._password_status.setWordWrap(True)
        self._password_status.setAccessibleName(self.tr("Password status"))
        self._remove_button = QPushButton(self.tr("&Remove saved password"))
        self._remove_button.setAutoDefault(False)
        self._remove_button.clicked.connect(self._on_remove_button_clicked)
        status_row = QWidget()
        status_layout = QHBoxLayout(status_row)
        status_layout.setContentsMargins(0, 0, 0, 0)
        status_layout.addWidget(self._password_status, stretch=1)
        status_layout.addWidget(self._remove_button)
        form.addRow("", status_row)

    def _add_test_row(self, form: QFormLayout) -> None:
        self._test_button = QPushButton(self.tr("&Test connection"))
        self._test_button.setAutoDefault(False)
        self._test_button.setToolTip(
            self.tr("Ask LiaSmart for the balance with the API ID and password above (nothing is sent)")
        )
        self._test_button.clicked.connect(self._on_test_button_clicked)
        self._test_result = QLabel()
        self._test_result.setWordWrap(True)
        self._test_result.setAccessibleName(self.tr("Connection test result"))
        self._test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        test_row = QWidget()
        test_layout = QHBoxLayout(test_row)
        test_layout.setContentsMargins(0, 0, 0, 0)
        # At the top: a result that grows to several lines must not move the button under the pointer.
        test_layout.addWidget(self._test_button, 0, Qt.AlignmentFlag.AlignTop)
        test_layout.addWidget(self._test_result, stretch=1)
        form.addRow("", test_row)

    def _build_messages_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self._country_combo = CountryPicker(none_text=self.tr("None (every number has its country code)"))
        self._country_combo.setAccessibleName(self.tr("Default country"))
        form.addRow(
            self.tr("Default &country:"),
            self._field(
                "default_country",
                self._country_combo,
                1,
                self.tr(
                    "Used for numbers written without a country code, such as 139 1234 5678. Type a "
                    "country's name or code to find it."
                ),
            ),
        )

        self._sender_list = QListWidget()
        self._sender_list.setAccessibleName(self.tr("Saved sender IDs"))
        self._sender_list.setMaximumHeight(110)
        self._sender_edit = QLineEdit()
        self._sender_edit.setAccessibleName(self.tr("New sender ID"))
        self._sender_edit.setPlaceholderText(self.tr("New sender ID"))
        self._sender_edit.installEventFilter(self)
        self._add_sender_button = QPushButton(self.tr("A&dd"))
        self._add_sender_button.setAutoDefault(False)
        self._add_sender_button.setAccessibleName(self.tr("Add sender ID"))
        self._remove_sender_button = QPushButton(self.tr("&Remove"))
        self._remove_sender_button.setAutoDefault(False)
        self._remove_sender_button.setAccessibleName(self.tr("Remove the selected sender ID"))
        self._add_sender_button.clicked.connect(self._on_add_sender_button_clicked)
        self._remove_sender_button.clicked.connect(self._on_remove_sender_button_clicked)
        self._sender_list.currentRowChanged.connect(self._on_sender_list_current_row_changed)
        senders = QWidget()
        senders_layout = QVBoxLayout(senders)
        senders_layout.setContentsMargins(0, 0, 0, 0)
        senders_layout.addWidget(self._sender_list)
        add_row = QHBoxLayout()
        add_row.addWidget(self._sender_edit, stretch=1)
        add_row.addWidget(self._add_sender_button)
        add_row.addWidget(self._remove_sender_button)
        senders_layout.addLayout(add_row)
        senders.setFocusProxy(self._sender_edit)
        form.addRow(self.tr("Saved sender &IDs:"), self._field("sender_ids", senders, 1))

        self._default_sender_combo = QComboBox()
        self._default_sender_combo.setAccessibleName(self.tr("Default sender ID"))
        form.addRow(
            self.tr("Default s&ender ID:"),
            self._field("default_sender_id", self._default_sender_combo, 1),
        )

        self._max_chars_spin = QSpinBox()
        self._max_chars_spin.setRange(1, MAX_SENDER_ID_CHARS)
        self._max_chars_spin.setAccessibleName(self.tr("Longest sender ID"))
        form.addRow(
            self.tr("Lon&gest sender ID:"),
            self._field(
                "sender_id_max_chars",
                self._max_chars_spin,
                1,
                self.tr("Characters allowed in a sender ID with letters; 11 in most countries."),
            ),
        )

        self._type_combo = QComboBox()
        self._type_combo.setAccessibleName(self.tr("Default message type"))
        self._type_combo.addItem(self.tr("Promotional (P): offers and news"), "P")
        self._type_combo.addItem(self.tr("Transactional (T): codes, reminders and notices"), "T")
        form.addRow(self.tr("Default message &type:"), self._field("sms_type", self._type_combo, 1))

        self._test_phone_edit = QLineEdit()
        self._test_phone_edit.setAccessibleName(self.tr("My phone number for test messages"))
        self._test_phone_edit.setPlaceholderText(self.tr("For example +86 139 1234 5678"))
        form.addRow(
            self.tr("My &number for tests:"),
            self._field(
                "test_phone",
                self._test_phone_edit,
                1,
                self.tr("“Send a test to my number” sends the first message here before a campaign."),
            ),
        )
        return page

    def _build_sending_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self._price_edit = QLineEdit()
        self._price_edit.setAccessibleName(self.tr("Price per message part"))
        self._price_edit.setPlaceholderText(self.tr("For example 0.035"))
        form.addRow(
            self.tr("&Price per part:"),
            self._field(
                "price_per_part",
                self._price_edit,
                2,
                self.tr("What LiaSmart charges for one part of a message; leave empty if you do not know."),
            ),
        )
        self._currency_edit = QLineEdit()
        self._currency_edit.setMaxLength(MAX_CURRENCY_CHARS)
        self._currency_edit.setAccessibleName(self.tr("Currency"))
        self._currency_edit.setPlaceholderText(self.tr("For example USD or CNY"))
        form.addRow(self.tr("C&urrency:"), self._field("currency", self._currency_edit, 2))

        self._concurrency_spin = QSpinBox()
        self._concurrency_spin.setRange(1, MAX_CONCURRENCY)
        self._concurrency_spin.setAccessibleName(self.tr("Messages sent at the same time"))
        form.addRow(
            self.tr("Messages sent at &once:"),
            self._field(
                "concurrency",
                self._concurrency_spin,
                2,
                self.tr("More is faster on a slow connection; 8 suits most offices."),
            ),
        )
        self._rate_spin = QDoubleSpinBox()
        self._rate_spin.setRange(MIN_RATE_PER_S, MAX_RATE_PER_S)
        self._rate_spin.setDecimals(1)
        self._rate_spin.setAccessibleName(self.tr("Messages per second at most"))
        form.addRow(
            self.tr("Highest &rate (messages per second):"),
            self._field(
                "rate_per_second",
                self._rate_spin,
                2,
                self.tr("Keep it within what your LiaSmart account allows."),
            ),
        )
        # The office rules: the spend guard's daily limit, and quiet hours for promotional messages.
        self._office_rules = OfficeRulesFields(self)
        form.addRow(
            self.tr("&Daily limit (parts):"),
            self._field(
                "daily_limit_parts",
                self._office_rules.daily_limit,
                2,
                self.tr("Nothing is sent beyond it in one day; parts already sent that day count."),
            ),
        )
        form.addRow(
            self.tr("&Quiet hours:"),
            self._field(
                "quiet_hours",
                self._office_rules.quiet_hours,
                2,
                self.tr("Promotional messages wait while they last; transactional ones still go."),
            ),
        )
        return page

    def _build_language_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self._language_combo = QComboBox()
        self._language_combo.setAccessibleName(self.tr("Language"))
        self._language_combo.addItem(self.tr("Same as the computer"), "")
        for code, name in LANGUAGES.items():
            self._language_combo.addItem(name, code)
        form.addRow(
            self.tr("&Display language:"),
            self._field(
                "language",
                self._language_combo,
                3,
                self.tr("A new language is used the next time you start LiaSmart Desktop."),
            ),
        )
        return page

    def _build_advanced_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        note = QLabel(self.tr("Change these only when LiaSmart or your IT department asks you to."))
        note.setWordWrap(True)
        form.addRow(note)
        self._base_url_edit = QLineEdit()
        self._base_url_edit.setAccessibleName(self.tr("API address"))
        form.addRow(self.tr("API a&ddress:"), self._field("base_url", self._base_url_edit, 4))
        self._callback_edit = QLineEdit()
        self._callback_edit.setAccessibleName(self.tr("Delivery report address"))
        self._callback_edit.setPlaceholderText(self.tr("Optional, for example https://example.com/dlr"))
        form.addRow(
            self.tr("Delivery &report address:"),
            self._field(
                "callback_url",
                self._callback_edit,
                4,
                self.tr("Where LiaSmart should send delivery reports; the app checks them itself anyway."),
            ),
        )
        self._trust_store_check = QCheckBox(self.tr("Use the system &certificate store"))
        self._trust_store_check.setToolTip(
            self.tr("Needed when the office network inspects secure connections with its own certificate.")
        )
        form.addRow("", self._field("use_system_trust_store", self._trust_store_check, 4))
        self._uid_echo_check = QCheckBox(self.tr("Require LiaSmart to &echo each message's reference"))
        self._uid_echo_check.setToolTip(
            self.tr(
                "An answer that does not repeat the message's reference is treated as unclear. "
                "Turn on only if LiaSmart confirms it always does."
            )
        )
        form.addRow("", self._field("require_uid_echo", self._uid_echo_check, 4))
        return page

    def _fill(self, settings: AppSettings) -> None:
        self._api_id_edit.setText(settings.api_id)
        self._country_combo.set_country(settings.default_country)
        self._sender_list.addItems(list(settings.sender_ids))
        self._max_chars_spin.setValue(settings.sender_id_max_chars)
        self._refresh_default_sender(settings.default_sender_id)
        self._select_data(self._type_combo, settings.sms_type)
        self._test_phone_edit.setText(settings.test_phone)
        self._price_edit.setText("" if settings.price_per_part is None else str(settings.price_per_part))
        self._currency_edit.setText(settings.currency)
        self._concurrency_spin.setValue(settings.concurrency)
        self._rate_spin.setValue(settings.rate_per_second)
        self._office_rules.fill(settings)
        self._select_data(self._language_combo, settings.language)
        self._base_url_edit.setText(settings.base_url)
        self._callback_edit.setText(settings.callback_url)
        self._trust_store_check.setChecked(settings.use_system_trust_store)
        self._uid_echo_check.setChecked(settings.require_uid_echo)
        self._on_sender_list_current_row_changed(self._sender_list.currentRow())

    @staticmethod
    def _select_data(combo: QComboBox, value: str) -> None:
        index = combo.findData(value)
        if index < 0 and value:
            combo.addItem(value, value)  # a value this version does not list is kept, not lost
            index = combo.count() - 1
        combo.setCurrentIndex(max(index, 0))

    # ------------------------------------------------------------------ the password store

    def _check_password_store(self) -> None:
        """Ask the store whether a password is saved, off the GUI thread (a keyring may prompt)."""
        services = self._services
        secure = self._store.secure

        def work(_ctx: TaskContext) -> bool:
            if secure:
                return services.stored_password() is not None
            return services.has_saved_credentials()

        self._update_password_status()
        services.tasks.run(work, self._on_store_checked, self._on_store_check_failed, owner=self)

    @Slot(object)
    def _on_store_checked(self, saved: bool) -> None:
        if self._closed:
            return
        self._password_saved = saved
        self._update_password_status()

    @Slot(object)
    def _on_store_check_failed(self, error: BaseException) -> None:
        if self._closed:
            return
        if not isinstance(error, LiaSmartError):
            log.error("asking the password store failed", exc_info=error)
        self._password_saved = False
        self._update_password_status()
        self._show_error("password", describe_error(error))

    def _api_id_changed(self) -> bool:
        return self._api_id_edit.text().strip() != self._saved.api_id

    def _update_password_status(self) -> None:
        secure = self._store.secure
        typed = bool(self._password_edit.text())
        changed_id = self._api_id_changed()
        saved = bool(self._password_saved) and not changed_id
        if typed:
            text = (
                self.tr("The new password is saved in {store} when you press Save.").format(
                    store=self._store_name
                )
                if secure
                else self.tr("The password is kept in memory until you close the app when you press Save.")
            )
        elif self._password_saved is None and not changed_id:
            text = self.tr("Checking whether a password is saved…")
        elif self._remove_password and not changed_id:
            text = self.tr("The saved password is removed when you press Save.")
        elif saved:
            text = (
                self.tr("A password is saved. Type a new one to change it, or remove it.")
                if secure
                else self.tr("A password is kept in memory until you close the app.")
            )
        elif changed_id and self._password_saved and secure:
            text = self.tr(
                "The password saved for “{api_id}” is removed when you press Save. "
                "Type the password for the new API ID."
            ).format(api_id=self._saved.api_id)
        else:
            text = self.tr("No password is saved yet. Type it above.")
        self._password_status.setText(text)
        self._remove_button.setEnabled(saved and not self._remove_password and not typed)
        self._password_edit.setPlaceholderText(
            self.tr("Type a new password to change it") if saved else self.tr("API password")
        )

    @Slot(str)
    def _on_api_id_edit_text_changed(self, _text: str) -> None:
        self._update_password_status()

    @Slot(str)
    def _on_password_edit_text_changed(self, _text: str) -> None:
        self._clear_error("password")
        self._update_password_status()

    @Slot(bool)
    def _on_show_password_toggled(self, shown: bool) -> None:
        self._password_edit.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)

    @Slot()
    def _on_remove_button_clicked(self) -> None:
        self._remove_password = True
        self._password_edit.clear()
        self._update_password_status()
        self._password_edit.setFocus()

    def _store_password(self, api_id: str) -> bool:
        """Apply the password change (typed, removed, or moved off a changed API ID); False on failure."""
        typed = self._password_edit.text()
        services = self._services
        if not self._store.secure:
            if typed or self._remove_password:
                services.remember_for_session(typed)
            return True
        old_id = self._saved.api_id
        try:
            if typed:
                save_password(api_id, typed)
            # The keyring entry follows the API ID: a replaced account leaves no password behind.
            drop_old = old_id != api_id or (self._remove_password and not typed)
            if old_id and drop_old and self._password_saved is not False:
                delete_password(old_id)
        except CredentialError as exc:
            self._show_error("password", describe_error(exc))
            return False
        return True

    # ------------------------------------------------------------------ test connection

    @Slot()
    def _on_test_button_clicked(self) -> None:
        self._test_result.setText("")
        api_id_text = self._api_id_edit.text()
        base_url_text = self._base_url_edit.text().strip()
        try:
            api_id = check_api_id(api_id_text)
            base_url = check_base_url(base_url_text)
        except LiaSmartError as exc:
            self._test_result.setText(describe_error(exc))
            return
        typed = self._password_edit.text()
        use_saved = not typed and not self._remove_password and api_id == self._saved.api_id
        if not typed and not use_saved:
            self._on_test_failed(CredentialError(CredentialProblem.NO_PASSWORD))
            return
        test = ConnectionTest(
            api_id=api_id,
            password=typed,
            base_url=base_url,
            use_system_trust_store=self._trust_store_check.isChecked(),
            require_uid_echo=self._uid_echo_check.isChecked(),
        )
        self._test_button.setEnabled(False)
        self._test_result.setText(self.tr("Connecting…"))
        self._test_base_url = base_url
        self._account.test_connection(test, self, self._on_test_succeeded, self._on_test_failed)

    @Slot(object)
    def _on_test_succeeded(self, balance: Balance) -> None:
        if self._closed:
            return
        self._test_button.setEnabled(True)
        self._test_result.setText(
            self.tr("Connected. Your balance is {amount}.").format(
                amount=format_money(balance.amount, balance.currency)
            )
        )

    @Slot(object)
    def _on_test_failed(self, error: BaseException) -> None:
        if self._closed:
            return
        self._test_button.setEnabled(True)
        if isinstance(error, CredentialError) and error.code is CredentialProblem.NO_PASSWORD:
            text = self.tr("Type the API password to test the connection.")
        else:
            if not isinstance(error, LiaSmartError):
                log.error("connection test failed", exc_info=error)
            text = describe_error(error, self._test_base_url)
        self._test_result.setText(self.tr("Not connected. {reason}").format(reason=text))

    # ------------------------------------------------------------------ sender IDs

    def _sender_rule(self) -> SenderIdRule:
        return SenderIdRule(max_alphanumeric=self._max_chars_spin.value())

    def _sender_ids(self) -> list[str]:
        return [self._sender_list.item(i).text() for i in range(self._sender_list.count())]

    def _sender_problem_text(self, sender_id: str, problem: SenderIdProblem) -> str:
        limit = self._max_chars_spin.value()
        return {
            SenderIdProblem.EMPTY: self.tr("Type a sender ID first."),
            SenderIdProblem.SURROUNDING_SPACE: self.tr("“{sender}” starts or ends with a space."),
            SenderIdProblem.NOT_ASCII: self.tr(
                "“{sender}” may hold only plain Latin letters and digits (no accents, Chinese or "
                "look-alike letters)."
            ),
            SenderIdProblem.BAD_CHARACTER: self.tr("“{sender}” may hold only letters, digits and spaces."),
            SenderIdProblem.TOO_LONG: self.tr("“{sender}” is longer than {limit} characters."),
            SenderIdProblem.NUMERIC_TOO_LONG: self.tr("A sender ID of digits only has at most 15 digits."),
        }[problem].format(sender=sender_id, limit=limit)

    def _refresh_default_sender(self, chosen: str) -> None:
        combo = self._default_sender_combo
        combo.clear()
        combo.addItem(self.tr("None (choose each time)"), "")
        for sender_id in self._sender_ids():
            combo.addItem(sender_id, sender_id)
        combo.setCurrentIndex(max(combo.findData(chosen), 0))

    @Slot()
    def _on_add_sender_button_clicked(self) -> None:
        sender_id = self._sender_edit.text()
        self._clear_error("sender_ids")
        problem = check_sender_id(sender_id, self._sender_rule())
        if problem is not None:
            self._show_error("sender_ids", self._sender_problem_text(sender_id, problem))
            return
        if sender_id not in self._sender_ids():
            self._sender_list.addItem(sender_id)
            self._refresh_default_sender(self._default_sender_combo.currentData() or sender_id)
        self._sender_list.setCurrentRow(self._sender_ids().index(sender_id))
        self._sender_edit.clear()

    @Slot()
    def _on_remove_sender_button_clicked(self) -> None:
        row = self._sender_list.currentRow()
        if row < 0:
            return
        self._sender_list.takeItem(row)
        self._refresh_default_sender(self._default_sender_combo.currentData() or "")
        self._clear_error("sender_ids")

    @Slot(int)
    def _on_sender_list_current_row_changed(self, row: int) -> None:
        self._remove_sender_button.setEnabled(row >= 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Override: Enter in the new sender ID box adds it rather than pressing Save."""
        if (
            watched is self._sender_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in {Qt.Key.Key_Return, Qt.Key.Key_Enter}
        ):
            self._on_add_sender_button_clicked()
            return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ errors

    def _show_error(self, key: str, text: str) -> None:
        label = self._errors[key]
        label.setText(text)
        label.setVisible(True)
        self._error_targets[key][0].setAccessibleDescription(text)

    def _clear_error(self, key: str) -> None:
        self._errors[key].setVisible(False)
        self._errors[key].clear()
        self._error_targets[key][0].setAccessibleDescription("")

    def _clear_errors(self) -> None:
        for key in self._errors:
            self._clear_error(key)
        self._general_error.setVisible(False)

    def visible_errors(self) -> dict[str, str]:
        """The problems shown now (on any tab), by setting name (``password`` for the password)."""
        return {key: label.text() for key, label in self._errors.items() if label.text()}

    def _focus_first_error(self) -> None:
        for key, label in self._errors.items():
            if label.text():
                widget, tab = self._error_targets[key]
                self._tabs.setCurrentIndex(tab)
                widget.setFocus()
                return

    # ------------------------------------------------------------------ reading and saving

    def _read_values(self) -> dict[str, Any]:
        """The settings as typed, each checked; problems are shown and left out of the result."""
        values: dict[str, Any] = {}
        api_id = self._api_id_edit.text().strip()
        if api_id:
            try:
                values["api_id"] = check_api_id(api_id)
            except CredentialError:
                self._show_error(
                    "api_id",
                    self.tr(
                        "An API ID has only letters, digits, dots, dashes and underscores. "
                        "Copy it from your account."
                    ),
                )
        elif self._password_edit.text():
            self._show_error("api_id", self.tr("Type the API ID this password belongs to."))
        else:
            values["api_id"] = ""
        country = self._country_combo.country()
        values["default_country"] = country
        values["country_asked"] = True  # seen and saved here: the first-start question is answered
        values["sms_type"] = str(self._type_combo.currentData())
        values["sender_id_max_chars"] = self._max_chars_spin.value()
        senders = self._sender_ids()
        for sender_id in senders:
            problem = check_sender_id(sender_id, self._sender_rule())
            if problem is not None:
                self._show_error("sender_ids", self._sender_problem_text(sender_id, problem))
                break
        else:
            values["sender_ids"] = tuple(senders)
        values["default_sender_id"] = str(self._default_sender_combo.currentData() or "")
        values["test_phone"] = self._read_test_phone(country)
        values["price_per_part"] = self._read_price()
        currency = self._currency_edit.text().strip()
        values["currency"] = currency
        values["concurrency"] = self._concurrency_spin.value()
        values["rate_per_second"] = self._rate_spin.value()
        values.update(self._office_rules.values())
        values["language"] = str(self._language_combo.currentData() or "")
        try:
            values["base_url"] = check_base_url(self._base_url_edit.text().strip())
        except ConfigError as exc:
            self._show_error("base_url", describe_error(exc))
        callback = self._callback_edit.text().strip()
        parts = urlsplit(callback)
        if callback and (parts.scheme not in {"https", "http"} or not parts.hostname):
            self._show_error(
                "callback_url", self.tr("Type a full web address starting with https://, or leave it empty.")
            )
        values["callback_url"] = callback
        values["use_system_trust_store"] = self._trust_store_check.isChecked()
        values["require_uid_echo"] = self._uid_echo_check.isChecked()
        return values

    def _read_test_phone(self, country: str) -> str:
        text = self._test_phone_edit.text().strip()
        if not text:
            return ""
        phone, problem = check_typed_number(text, country)
        if problem:
            self._show_error("test_phone", problem)
            return ""
        return "+" + phone

    def _read_price(self) -> Decimal | None:
        text = self._price_edit.text().strip()
        if not text:
            return None
        if "," in text and "." not in text:
            text = text.replace(",", ".")  # a decimal comma, as many countries write it
        try:
            price = Decimal(text)
        except InvalidOperation:
            price = None
        if price is None or not price.is_finite():
            self._show_error("price_per_part", self.tr("Type a number such as 0.035, or leave it empty."))
            return None
        if price < 0:
            self._show_error("price_per_part", self.tr("A price cannot be below zero."))
            return None
        return price

    def settings_from_fields(self) -> AppSettings | None:
        """The settings the fields describe, or ``None`` (with the problems shown) when a value is wrong."""
        self._clear_errors()
        values = self._read_values()
        if any(label.text() for label in self._errors.values()):
            self._focus_first_error()
            return None
        try:
            return updated(self._saved, **values)
        except ConfigError as exc:  # the core's own range checks, as a last line of defence
            key = exc.subject if exc.subject in self._errors else "api_id"
            self._show_error(key, describe_error(exc))
            self._focus_first_error()
            return None

    def accept(self) -> None:
        """Override: save only when every value is right; the password first, then the settings file."""
        settings = self.settings_from_fields()
        if settings is None:
            return
        if not self._store_password(settings.api_id):
            self._focus_first_error()
            return
        try:
            self._services.save_settings(settings)
        except ConfigError as exc:
            self._general_error.setText(describe_error(exc))
            self._general_error.setVisible(True)
            return
        super().accept()

    @Slot(int)
    def _on_self_finished(self, _result: int) -> None:
        # A store check or connection test still under way reports to a closed dialog; it is ignored.
        self._closed = True
        # The dialog may live on (its parent keeps it): the typed password must not.
        self._password_edit.clear()
