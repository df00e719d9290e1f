"""The banner above the window (sandbox, or no account), and the connection and balance in the status bar."""

from __future__ import annotations

from urllib.parse import urlsplit

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QStatusBar, QWidget

from liasmart_desktop.core.api.payloads import Balance
from liasmart_desktop.ui.controllers.account_controller import AccountController
from liasmart_desktop.ui.messages import describe_error
from liasmart_desktop.ui.services import AppServices


class ModeBanner(QFrame):
    """A visible band above everything: practising in the sandbox, or no account set up (nothing can be
    sent), with the way out of each.

    Signals:
        setup_requested(): the user wants to enter the API credentials.
        sandbox_requested(): the user wants to practise in the sandbox.
    """

    setup_requested = Signal()
    sandbox_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("modeBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        palette = self.palette()
        # The highlight pair is readable in light and dark palettes alike.
        palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.Highlight))
        palette.setColor(QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.HighlightedText))
        self.setPalette(palette)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.setup_button = QPushButton(self.tr("Set up my LiaSmart account…"))
        self.setup_button.clicked.connect(self.setup_requested)
        self.sandbox_button = QPushButton(self.tr("Practise in the sandbox"))
        self.sandbox_button.clicked.connect(self.sandbox_requested)
        layout = QHBoxLayout(self)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.sandbox_button)
        layout.addWidget(self.setup_button)
        self.show_mode(sandbox=True, can_send=True)

    def show_mode(self, *, sandbox: bool, can_send: bool) -> None:
        """Say what the app sends to now: the simulator, or nothing (no account); hidden otherwise."""
        if sandbox:
            self.label.setText(
                self.tr("Sandbox mode: you are practising. No real messages are sent and nothing is charged.")
            )
            self.setAccessibleName(self.tr("Sandbox mode notice"))
        else:
            self.label.setText(
                self.tr(
                    "No LiaSmart account is set up, so no message can be sent yet. Set up your account, "
                    "or practise in the sandbox first."
                )
            )
            self.setAccessibleName(self.tr("Account not set up"))
        self.sandbox_button.setVisible(not sandbox)
        self.setVisible(sandbox or not can_send)


class StatusArea(QObject):
    """Two permanent status-bar labels: where messages go, and the account balance."""

    def __init__(self, services: AppServices, account: AccountController, bar: QStatusBar) -> None:
        super().__init__(bar)
        self._services = services
        self._account = account
        self.connection = QLabel()
        self.balance = QLabel()
        self.connection.setAccessibleName(self.tr("Connection"))
        self.balance.setAccessibleName(self.tr("Balance"))
        bar.addPermanentWidget(self.connection)
        bar.addPermanentWidget(self.balance)
        self._bar = bar
        self._update_connection()

    def _update_connection(self) -> None:
        services = self._services
        if services.sandbox_mode:
            text = self.tr("Sandbox (practice)")
        elif not services.has_saved_credentials():
            text = self.tr("No account set up: open Settings")
        else:
            host = urlsplit(services.base_url()).hostname or services.base_url()
            text = self.tr("{api_id} at {host}").format(api_id=services.settings.api_id, host=host)
        self.connection.setText(text)

    def refresh_balance(self) -> None:
        """Ask for the balance off the GUI thread and show it (or why it could not be had)."""
        self._update_connection()
        services = self._services
        if not services.sandbox_mode and not services.has_saved_credentials():
            self.balance.setText("")
            return
        self.balance.setText(self.tr("Balance: checking…"))
        self._account.check_balance(self.balance, self._show_balance, self._show_problem)

    def _show_balance(self, balance: Balance) -> None:
        self.balance.setText(
            self.tr("Balance: {amount} {currency}").format(
                amount=f"{balance.amount:,}", currency=balance.currency
            )
        )
        self.balance.setToolTip("")

    def _show_problem(self, error: BaseException) -> None:
        self.balance.setText(self.tr("Balance: unavailable"))
        self.balance.setToolTip(describe_error(error, self._services.base_url()))
