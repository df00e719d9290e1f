"""The settings dialog: the password only in the keyring (or memory), checked values, a connection test."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

import keyring
import keyring.backends.fail
import keyring.errors
import pytest
from keyring.backend import KeyringBackend
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from liasmart_desktop.core.credentials import KEYRING_SERVICE
from liasmart_desktop.core.paths import open_data_dir
from liasmart_desktop.core.settings import AppSettings, load_settings
from liasmart_desktop.sandbox import SandboxConfig, SandboxServer
from liasmart_desktop.ui.controllers.account_controller import AccountController
from liasmart_desktop.ui.dialogs.settings_dialog import SettingsDialog, store_name
from liasmart_desktop.ui.services import AppServices
from tests.helpers.memory_keyring import MemoryKeyring

#: A canary to look for in every file the test leaves behind (not a real secret).
PASSWORD = "s3cret-密钥-canary-7f3a"
API_ID = "ACME01"

MakeServices = Callable[..., AppServices]


@pytest.fixture
def make_services(tmp_path: Path) -> Iterator[MakeServices]:
    made: list[AppServices] = []

    def make(**settings: object) -> AppServices:
        services = AppServices(
            open_data_dir(str(tmp_path / "home")),
            settings=AppSettings(**settings),  # type: ignore[arg-type]
        )
        made.append(services)
        return services

    yield make
    for services in made:
        services.shutdown()


@pytest.fixture
def qsettings_dir(tmp_path: Path) -> Iterator[Path]:
    """Any QSettings the app writes during the test goes to an ini file under ``tmp_path``."""
    folder = tmp_path / "qsettings"
    probe = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "org", "app").fileName()
    old_path = str(Path(probe).parent.parent)
    old = (
        QSettings.defaultFormat(),
        QCoreApplication.organizationName(),
        QCoreApplication.applicationName(),
    )
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QCoreApplication.setOrganizationName("LiaSmartTest")
    QCoreApplication.setApplicationName("SettingsDialogTest")
    yield folder
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, old_path)
    QSettings.setDefaultFormat(old[0])
    QCoreApplication.setOrganizationName(old[1])
    QCoreApplication.setApplicationName(old[2])


def open_dialog(qtbot: QtBot, services: AppServices) -> SettingsDialog:
    dialog = SettingsDialog(services, AccountController(services))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog._password_saved is not None)
    return dialog


def save(dialog: SettingsDialog) -> None:
    dialog._save_button.click()


def assert_secret_nowhere(root: Path, secret: str) -> None:
    needle = secret.encode()
    for path in root.rglob("*"):
        if path.is_file():
            assert needle not in path.read_bytes(), f"the password was written to {path}"


# ---------------------------------------------------------------------- the password


def test_password_goes_to_the_keyring_and_nowhere_else(
    qtbot: QtBot,
    make_services: MakeServices,
    memory_keyring: MemoryKeyring,
    qsettings_dir: Path,
    tmp_path: Path,
) -> None:
    services = make_services()
    dialog = open_dialog(qtbot, services)
    assert "MemoryKeyring" in dialog._store_label.text()
    assert "No password is saved yet" in dialog._password_status.text()
    assert not dialog._remove_button.isEnabled()

    dialog._api_id_edit.setText(API_ID)
    dialog._password_edit.setText(PASSWORD)
    dialog._sender_edit.setText("ACME")
    dialog._add_sender_button.click()
    dialog._default_sender_combo.setCurrentIndex(dialog._default_sender_combo.findData("ACME"))
    dialog._country_combo.setCurrentIndex(dialog._country_combo.findData("CN"))
    dialog._price_edit.setText("0,035")
    dialog._currency_edit.setText("USD")
    dialog._test_phone_edit.setText("139 1234 5678")
    dialog._language_combo.setCurrentIndex(dialog._language_combo.findData("zh_CN"))
    dialog._concurrency_spin.setValue(16)
    dialog._rate_spin.setValue(12.5)
    dialog._trust_store_check.setChecked(True)
    with qtbot.waitSignal(services.settings_changed):
        save(dialog)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog._password_edit.text() == ""  # not kept in the closed dialog
    assert memory_keyring.store == {(KEYRING_SERVICE, API_ID): PASSWORD}
    saved = load_settings(services.paths.settings_file)
    assert saved == services.settings
    assert saved.api_id == API_ID
    assert saved.sender_ids == ("ACME",)
    assert saved.default_sender_id == "ACME"
    assert saved.default_country == "CN"
    assert saved.price_per_part == Decimal("0.035")
    assert saved.currency == "USD"
    assert saved.test_phone == "+8613912345678"
    assert saved.language == "zh_CN"
    assert (saved.concurrency, saved.rate_per_second) == (16, 12.5)
    assert saved.use_system_trust_store
    assert services.has_saved_credentials()
    assert services.credentials().password == PASSWORD

    assert PASSWORD not in services.paths.settings_file.read_text(encoding="utf-8")
    assert "password" not in json.loads(services.paths.settings_file.read_text(encoding="utf-8"))
    qsettings = QSettings()
    qsettings.sync()
    assert all(PASSWORD not in str(qsettings.value(key)) for key in qsettings.allKeys())
    assert_secret_nowhere(tmp_path, PASSWORD)  # settings file, journal, logs, QSettings ini


def test_the_saved_password_is_never_shown_and_can_be_removed(
    qtbot: QtBot, make_services: MakeServices, memory_keyring: MemoryKeyring
) -> None:
    memory_keyring.set_password(KEYRING_SERVICE, API_ID, PASSWORD)
    services = make_services(api_id=API_ID)
    dialog = open_dialog(qtbot, services)
    assert dialog._password_edit.text() == ""
    assert dialog._password_edit.echoMode() == dialog._password_edit.EchoMode.Password
    assert "A password is saved" in dialog._password_status.text()
    assert dialog._remove_button.isEnabled()

    dialog._remove_button.click()
    assert "removed when you press Save" in dialog._password_status.text()
    assert not dialog._remove_button.isEnabled()
    assert memory_keyring.store  # nothing happens before Save
    save(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert memory_keyring.store == {}
    assert not services.has_saved_credentials()


def test_a_typed_password_replaces_the_saved_one(
    qtbot: QtBot, make_services: MakeServices, memory_keyring: MemoryKeyring
) -> None:
    memory_keyring.set_password(KEYRING_SERVICE, API_ID, "old-password")
    services = make_services(api_id=API_ID)
    dialog = open_dialog(qtbot, services)
    dialog._remove_button.click()
    dialog._password_edit.setText(PASSWORD)  # a new password after "remove" wins
    assert "new password" in dialog._password_status.text()
    dialog._show_password.setChecked(True)
    assert dialog._password_edit.echoMode() == dialog._password_edit.EchoMode.Normal
    save(dialog)
    assert memory_keyring.store == {(KEYRING_SERVICE, API_ID): PASSWORD}


def test_a_changed_api_id_takes_the_old_password_away(
    qtbot: QtBot, make_services: MakeServices, memory_keyring: MemoryKeyring
) -> None:
    memory_keyring.set_password(KEYRING_SERVICE, API_ID, "old-password")
    services = make_services(api_id=API_ID)
    dialog = open_dialog(qtbot, services)
    dialog._api_id_edit.setText("OTHER02")
    assert "ACME01" in dialog._password_status.text()
    assert not dialog._remove_button.isEnabled()
    dialog._password_edit.setText(PASSWORD)
    save(dialog)
    assert memory_keyring.store == {(KEYRING_SERVICE, "OTHER02"): PASSWORD}
    assert services.settings.api_id == "OTHER02"


def test_without_a_secure_store_the_password_is_kept_in_memory_only(
    qtbot: QtBot, make_services: MakeServices, tmp_path: Path
) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())  # the autouse fixture restores the previous one
    services = make_services()
    dialog = open_dialog(qtbot, services)
    assert "no secure password store" in dialog._store_label.text()
    assert "asked for once each time you start it" in dialog._store_label.text()
    dialog._api_id_edit.setText(API_ID)
    dialog._password_edit.setText(PASSWORD)
    assert "kept in memory" in dialog._password_status.text()
    save(dialog)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert services.credentials().password == PASSWORD
    assert_secret_nowhere(tmp_path, PASSWORD)

    again = open_dialog(qtbot, services)
    assert "kept in memory until you close the app" in again._password_status.text()
    again._remove_button.click()
    save(again)
    assert not services.has_saved_credentials()


def test_a_keyring_that_fails_keeps_the_dialog_open_and_saves_nothing(
    qtbot: QtBot, make_services: MakeServices
) -> None:
    class LockedKeyring(KeyringBackend):
        priority = 1

        def get_password(self, service: str, username: str) -> str | None:
            return None

        def set_password(self, service: str, username: str, password: str) -> None:
            raise keyring.errors.KeyringLocked("locked")

        def delete_password(self, service: str, username: str) -> None:
            raise keyring.errors.PasswordDeleteError(username)

    keyring.set_keyring(LockedKeyring())
    services = make_services()
    dialog = open_dialog(qtbot, services)
    dialog._api_id_edit.setText(API_ID)
    dialog._password_edit.setText(PASSWORD)
    save(dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "did not respond" in dialog.visible_errors()["password"]
    assert not services.paths.settings_file.exists()


# ---------------------------------------------------------------------- checking values


def test_bad_values_are_shown_next_to_their_fields_and_nothing_is_saved(
    qtbot: QtBot, make_services: MakeServices
) -> None:
    services = make_services()
    before = services.settings
    dialog = open_dialog(qtbot, services)
    dialog.show()
    dialog._tabs.setCurrentIndex(4)
    dialog._api_id_edit.setText("not an id!")
    dialog._price_edit.setText("cheap")
    dialog._base_url_edit.setText("http://api.example.com/api")
    dialog._callback_edit.setText("ftp://example.com")
    dialog._test_phone_edit.setText("12")
    save(dialog)

    errors = dialog.visible_errors()
    assert set(errors) == {"api_id", "price_per_part", "base_url", "callback_url", "test_phone"}
    assert "letters, digits" in errors["api_id"]
    assert "0.035" in errors["price_per_part"]
    assert "https://" in errors["base_url"]
    assert "https://" in errors["callback_url"]
    assert "country code" in errors["test_phone"]
    assert dialog._tabs.currentIndex() == 0  # the first problem is brought into view
    assert dialog._api_id_edit.accessibleDescription() == errors["api_id"]
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert services.settings == before
    assert not services.paths.settings_file.exists()

    dialog._api_id_edit.setText(API_ID)
    dialog._price_edit.setText("-1")
    dialog._base_url_edit.setText("https://api.example.com/api")
    dialog._callback_edit.setText("")
    dialog._test_phone_edit.setText("")
    save(dialog)
    assert dialog.visible_errors() == {"price_per_part": "A price cannot be below zero."}
    dialog._price_edit.setText("")
    dialog._password_edit.setText(PASSWORD)
    dialog._api_id_edit.setText("")
    save(dialog)
    assert dialog.visible_errors() == {"api_id": "Type the API ID this password belongs to."}


def test_sender_ids_are_checked_against_the_length_setting(qtbot: QtBot, make_services: MakeServices) -> None:
    services = make_services(sender_ids=("ACME",), default_sender_id="ACME")
    dialog = open_dialog(qtbot, services)
    dialog._sender_edit.setText("LONGSENDER12")
    dialog._add_sender_button.click()
    assert "longer than 11 characters" in dialog.visible_errors()["sender_ids"]
    assert dialog._sender_ids() == ["ACME"]

    dialog._max_chars_spin.setValue(12)
    qtbot.keyClick(dialog._sender_edit, Qt.Key.Key_Return)  # Enter adds; it does not press Save
    assert dialog._sender_ids() == ["ACME", "LONGSENDER12"]
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "sender_ids" not in dialog.visible_errors()

    dialog._max_chars_spin.setValue(11)  # now too long for the saved list
    save(dialog)
    assert "“LONGSENDER12” is longer than 11" in dialog.visible_errors()["sender_ids"]
    assert dialog._tabs.currentIndex() == 1

    dialog._sender_list.setCurrentRow(0)
    dialog._remove_sender_button.click()  # ACME, the default, goes
    assert dialog._default_sender_combo.currentData() == ""
    dialog._sender_list.setCurrentRow(0)
    dialog._remove_sender_button.click()
    assert dialog._sender_ids() == []
    assert not dialog._remove_sender_button.isEnabled()
    dialog._sender_edit.setText("Ümlaut")
    dialog._add_sender_button.click()
    assert "plain Latin letters" in dialog.visible_errors()["sender_ids"]
    save(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert services.settings.sender_ids == ()
    assert services.settings.default_sender_id == ""


def test_adding_a_listed_sender_id_selects_it(qtbot: QtBot, make_services: MakeServices) -> None:
    dialog = open_dialog(qtbot, make_services(sender_ids=("ACME", "SHOP")))
    dialog._sender_edit.setText("SHOP")
    dialog._add_sender_button.click()
    assert dialog._sender_ids() == ["ACME", "SHOP"]
    assert dialog._sender_list.currentRow() == 1
    assert dialog._sender_edit.text() == ""


def test_a_password_store_that_cannot_be_asked_is_explained(
    qtbot: QtBot, make_services: MakeServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = make_services(api_id=API_ID)

    def broken() -> str | None:
        raise RuntimeError("no bus")

    monkeypatch.setattr(services, "stored_password", broken)
    dialog = open_dialog(qtbot, services)
    assert "Something went wrong (RuntimeError)" in dialog.visible_errors()["password"]
    assert "No password is saved yet" in dialog._password_status.text()
    dialog._password_edit.setText(PASSWORD)  # typing clears the problem
    assert "password" not in dialog.visible_errors()


def test_an_unwritable_settings_file_is_explained(qtbot: QtBot, make_services: MakeServices) -> None:
    services = make_services()
    services.paths.settings_file.mkdir()  # a folder where the file should go: the save fails
    dialog = open_dialog(qtbot, services)
    dialog._currency_edit.setText("CNY")
    save(dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "could not be saved" in dialog._general_error.text()
    assert dialog._general_error.isVisibleTo(dialog)
    assert services.settings.currency == ""


# ---------------------------------------------------------------------- test connection


def wait_for_test(qtbot: QtBot, dialog: SettingsDialog) -> str:
    qtbot.waitUntil(dialog._test_button.isEnabled, timeout=10_000)
    return dialog._test_result.text()


def test_connection_test_uses_the_typed_unsaved_credentials(
    qtbot: QtBot, make_services: MakeServices, memory_keyring: MemoryKeyring
) -> None:
    services = make_services()
    url = services.start_sandbox(SandboxConfig(api_id=API_ID, api_password=PASSWORD))
    dialog = open_dialog(qtbot, services)
    assert dialog._sandbox_note is not None
    assert "sandbox mode" in dialog._sandbox_note.text()
    dialog._base_url_edit.setText(url)
    dialog._api_id_edit.setText(API_ID)

    dialog._test_button.click()  # no password typed and none saved
    assert "Type the API password" in wait_for_test(qtbot, dialog)

    dialog._password_edit.setText("wrong")
    dialog._test_button.click()
    assert not dialog._test_button.isEnabled()
    assert "did not accept the API ID or password" in wait_for_test(qtbot, dialog)

    dialog._password_edit.setText(PASSWORD)
    dialog._test_button.click()
    assert wait_for_test(qtbot, dialog) == "Connected. Your balance is 10,000.00 USD."
    assert memory_keyring.store == {}  # testing saves nothing
    assert not services.paths.settings_file.exists()


def test_connection_test_with_the_saved_password(
    qtbot: QtBot, make_services: MakeServices, memory_keyring: MemoryKeyring
) -> None:
    memory_keyring.set_password(KEYRING_SERVICE, API_ID, PASSWORD)
    with SandboxServer(SandboxConfig(api_id=API_ID, api_password=PASSWORD)) as server:
        services = make_services(api_id=API_ID, base_url=server.base_url)
        dialog = open_dialog(qtbot, services)
        dialog._test_button.click()
        assert wait_for_test(qtbot, dialog) == "Connected. Your balance is 10,000.00 USD."

        services.start_sandbox()  # in sandbox mode the test is still about the real account
        dialog._test_button.click()
        assert wait_for_test(qtbot, dialog) == "Connected. Your balance is 10,000.00 USD."
        memory_keyring.store.clear()
        dialog._test_button.click()
        assert "Type the API password" in wait_for_test(qtbot, dialog)


def test_a_connection_test_ending_after_the_dialog_closed_is_ignored(
    qtbot: QtBot, make_services: MakeServices
) -> None:
    services = make_services()
    url = services.start_sandbox()
    dialog = open_dialog(qtbot, services)
    dialog._base_url_edit.setText(url)
    dialog._api_id_edit.setText(API_ID)
    dialog._password_edit.setText(PASSWORD)
    dialog._test_button.click()
    dialog.reject()
    services.tasks.wait()
    qtbot.waitUntil(lambda: not services.tasks.busy)
    assert dialog._test_result.text() == "Connecting…"


def test_connection_test_refuses_a_bad_address_before_connecting(
    qtbot: QtBot, make_services: MakeServices
) -> None:
    dialog = open_dialog(qtbot, make_services())
    dialog._api_id_edit.setText(API_ID)
    dialog._password_edit.setText(PASSWORD)
    dialog._base_url_edit.setText("http://api.example.com/api")
    dialog._test_button.click()
    assert dialog._test_result.text() == "The API address must start with https://."
    dialog._api_id_edit.setText("")
    dialog._test_button.click()
    assert dialog._test_result.text() == "No API ID is set. Enter it in Settings."


# ---------------------------------------------------------------------- wording


@pytest.mark.parametrize(
    ("backend", "name"),
    [
        ("keyring.backends.Windows.WinVaultKeyring", "Windows Credential Manager"),
        ("keyring.backends.macOS.Keyring", "macOS Keychain"),
        ("keyring.backends.SecretService.Keyring", "Secret Service (GNOME Keyring)"),
        ("keyring.backends.libsecret.Keyring", "Secret Service (libsecret)"),
        ("keyring.backends.kwallet.DBusKeyring", "KDE Wallet"),
        ("keyring.backends.chainer.ChainerBackend", "the system's password stores"),
        ("tests.helpers.memory_keyring.MemoryKeyring", "the password store “MemoryKeyring”"),
    ],
)
def test_password_stores_are_named_in_plain_words(qapp: object, backend: str, name: str) -> None:
    assert store_name(backend) == name


def test_language_choices_and_a_value_this_version_does_not_list(
    qtbot: QtBot, make_services: MakeServices
) -> None:
    dialog = open_dialog(qtbot, make_services(language="fr"))
    combo = dialog._language_combo
    assert [combo.itemData(i) for i in range(combo.count())] == ["", "en", "zh_CN", "fr"]
    assert combo.itemText(2) == "简体中文"
    assert combo.currentData() == "fr"  # kept, not silently reset
