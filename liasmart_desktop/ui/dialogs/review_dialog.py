"""Review before sending: what goes out, to how many, at what cost, how it looks; a test to your own number.

Nothing is sent without this step: ``exec() == Accepted`` means "send now". The button that sends
names the count, and the safe "Back" is the default button, so Enter never sends by accident.
"""

from __future__ import annotations

import logging
import random
from collections import Counter
from datetime import datetime
from decimal import Decimal

from PySide6.QtCore import QDateTime, Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from liasmart_desktop.core.api.payloads import Balance
from liasmart_desktop.core.errors import ConfigError, LiaSmartError
from liasmart_desktop.core.importing import RowStatus, normalise_phone
from liasmart_desktop.core.sending.records import MessageRecord, NewMessage
from liasmart_desktop.core.sending.states import MessageState, SetAsideStatus
from liasmart_desktop.core.settings import updated
from liasmart_desktop.core.text import Encoding
from liasmart_desktop.ui.controllers.account_controller import AccountController
from liasmart_desktop.ui.controllers.campaign_controller import CampaignController, ReadyCampaign
from liasmart_desktop.ui.import_messages import check_typed_number
from liasmart_desktop.ui.messages import (
    campaign_title,
    describe_error,
    describe_message,
    local_time_text,
    typed_numbers_name,
)
from liasmart_desktop.ui.phone_text import readable_phone
from liasmart_desktop.ui.services import AppServices
from liasmart_desktop.ui.widgets.action_button import plain_text
from liasmart_desktop.ui.widgets.compose_wording import encoding_name
from liasmart_desktop.ui.widgets.destinations_view import DestinationsView
from liasmart_desktop.ui.widgets.schedule_box import ScheduleBox
from liasmart_desktop.ui.widgets.spend_guard_box import SpendGuardBox

log = logging.getLogger(__name__)

#: Height of a sample's text box, in lines (longer texts scroll).
SAMPLE_LINES = 3
#: The summary and the samples side by side: wide enough for both, and the dialog stays low enough
#: for a 700-pixel screen even with every kind of set-aside row listed.
MIN_WIDTH_PX = 900
PHONE_DIALOG_MIN_WIDTH_PX = 420
_ERROR_STYLE = "color: #d32f2f;"
_WARNING_STYLE = "font-weight: bold;"
#: Order the set-aside groups are listed in.
_STATUS_ORDER = tuple(SetAsideStatus)


def sample_positions(count: int, rng: random.Random) -> list[tuple[str, int]]:
    """Which messages to show: ("first", 0), ("last", n-1) and ("random", one in between)."""
    picks: list[tuple[str, int]] = []
    if count >= 1:
        picks.append(("first", 0))
    if count >= 2:
        picks.append(("last", count - 1))
    if count >= 3:
        picks.append(("random", rng.randrange(1, count - 1)))
    return picks


def format_money(amount: Decimal, currency: str = "") -> str:
    """An amount with grouped thousands and at least two decimals (``1,234.50 USD``); never rounded."""
    exponent = amount.as_tuple().exponent
    decimals = isinstance(exponent, int) and exponent < -2
    text = f"{amount:,}" if decimals else f"{amount:,.2f}"
    return f"{text} {currency}".strip()


def estimated_cost(price_per_part: Decimal | None, parts: int) -> Decimal | None:
    """Price × parts, or ``None`` when the price is not known."""
    return None if price_per_part is None else price_per_part * parts


class PhoneNumberDialog(QDialog):
    """Asks for the number test messages go to, and whether to keep it in Settings.

    Signals:
        none of its own; ``accepted`` means ``phone`` holds a number a message can be sent to.
    """

    def __init__(self, country: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._country = country
        self.phone = ""
        self.setWindowTitle(self.tr("Your phone number"))
        intro = QLabel(self.tr("Which number should the test message go to?"))
        intro.setWordWrap(True)
        self.phone_edit = QLineEdit()
        self.phone_edit.setAccessibleName(self.tr("Your phone number"))
        self.phone_edit.setPlaceholderText(self.tr("For example +86 139 1234 5678"))
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(_ERROR_STYLE)
        self.error_label.setVisible(False)
        self.remember_check = QCheckBox(self.tr("&Remember this number in Settings"))
        self.remember_check.setChecked(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Number:"), self.phone_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.remember_check)
        layout.addWidget(buttons)
        # Wide enough that the question fits on a line; the dialog grows when the error appears.
        self.setMinimumWidth(PHONE_DIALOG_MIN_WIDTH_PX)

    @property
    def remember(self) -> bool:
        """Whether the number should be saved as the test number."""
        return self.remember_check.isChecked()

    def accept(self) -> None:
        """Override: close only with a number a message can be sent to."""
        phone, text = check_typed_number(self.phone_edit.text(), self._country)
        if text:
            self.error_label.setText(text)
            self.error_label.setVisible(True)
            self.adjustSize()  # a wrapped label does not make a shown dialog taller by itself
            self.phone_edit.setAccessibleDescription(text)
            self.phone_edit.setFocus()
            return
        self.phone = phone
        super().accept()


class ReviewDialog(QDialog):
    """The summary a campaign must pass before it is sent.

    Shows the number of messages, the rows set aside and why, the parts and the estimated cost beside
    the balance (checked off the GUI thread), the sender ID and type, and three rendered samples. "Send
    a test to my number" sends the first message's text to the user's own number through the journal.

    Signals:
        none of its own; ``accepted`` (``exec() == Accepted``) means "send now".
    """

    def __init__(
        self,
        services: AppServices,
        ready: ReadyCampaign,
        campaigns: CampaignController,
        account: AccountController,
        parent: QWidget | None = None,
        *,
        rng: random.Random | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._campaigns = campaigns
        self._account = account
        prepared = ready.prepared
        self._prepared = prepared
        self._sent_before = ready.sent_before
        self._rng = rng or random.Random()  # noqa: S311 - picking a sample, not cryptography
        self._closed = False
        self._testing = False
        self._count = len(prepared.messages)
        self._parts = prepared.total_segments
        settings = services.settings
        self._cost = estimated_cost(settings.price_per_part, self._parts)
        self._currency = settings.currency
        self.setWindowTitle(self.tr("Check before sending"))
        self.setSizeGripEnabled(True)

        # Prepared for one place, about to go to the other (the mode was switched in between).
        self._mode_changed = services.sandbox_mode != prepared.spec.sandbox
        #: No account and no sandbox: nothing can be sent from here at all.
        self._no_account = not account.can_send()
        layout = QVBoxLayout(self)
        if services.sandbox_mode:
            banner = QLabel(
                self.tr(
                    "Sandbox mode: these messages go to the built-in simulator. "
                    "No real messages are sent and nothing is charged."
                )
            )
            banner.setWordWrap(True)
            banner.setStyleSheet(_WARNING_STYLE)
            layout.addWidget(banner)
        layout.addWidget(self._build_warning())
        # The office rules: the spend guard refuses over budget, and the campaign may wait for a time.
        self.spend_box = SpendGuardBox(self._parts, campaigns.office, self)
        self.schedule_box = ScheduleBox(prepared, campaigns.office.pacing(), self)
        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self._build_summary())
        left.addWidget(self.schedule_box)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self._build_samples())
        right.addWidget(self._build_test())
        right.addWidget(self.spend_box)
        right.addStretch(1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout.addLayout(columns)

        layout.addWidget(self._build_buttons())

        self.finished.connect(self._on_self_finished)
        self.setMinimumWidth(MIN_WIDTH_PX)
        self.back_button.setFocus()
        self._check_balance()

    # ------------------------------------------------------------------ building

    def _build_buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox()
        self.back_button = buttons.addButton(self.tr("&Back"), QDialogButtonBox.ButtonRole.RejectRole)
        self.back_button.setToolTip(self.tr("Return to the message without sending anything"))
        self.send_button = buttons.addButton(self._send_text(), QDialogButtonBox.ButtonRole.AcceptRole)
        self.send_button.setAccessibleName(plain_text(self._send_text()))
        self._refresh_send_button()
        self.spend_box.changed.connect(self._refresh_send_button)
        self.schedule_box.changed.connect(self._on_schedule_box_changed)
        # The safe choice is the default: Enter goes back, sending takes a deliberate click or Alt+S.
        self.back_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        return buttons

    def _build_warning(self) -> QLabel:
        """The one warning that matters most: a mode switched since preparing, or the same list again."""
        self.warning_label = QLabel()
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet(_WARNING_STYLE)
        self.warning_label.setAccessibleName(self.tr("Warning"))
        self.warning_label.setVisible(False)
        earlier = self._sent_before
        if self._no_account:
            self.warning_label.setText(
                self.tr(
                    "⚠ No LiaSmart account is set up, so nothing can be sent. Go back, then set up your "
                    "account in Settings or practise in the sandbox."
                )
            )
            self.warning_label.setVisible(True)
        elif self._mode_changed:
            self.warning_label.setText(
                self.tr(
                    "⚠ Sandbox mode was switched on or off after this campaign was prepared. "
                    "Go back and review it again before sending."
                )
            )
            self.warning_label.setVisible(True)
        elif earlier is not None:
            self.warning_label.setText(
                self.tr(
                    "⚠ This message already went to this list on {date} (campaign “{name}”). Sending it "
                    "again messages everyone a second time."
                ).format(date=local_time_text(earlier.created_at), name=campaign_title(earlier))
            )
            self.warning_label.setVisible(True)
        return self.warning_label

    def _can_send(self) -> bool:
        return self._count > 0 and not self._mode_changed and not self._no_account

    def campaign_name(self) -> str:
        """The name the campaign is stored under (what History, the results and exports call it)."""
        return self.name_edit.text().strip() or self._default_name

    @Slot()
    def _refresh_send_button(self) -> None:
        text = self.schedule_box.send_text()
        self.send_button.setText(text)
        self.send_button.setAccessibleName(plain_text(text))
        self.send_button.setEnabled(not self._testing and self._can_send() and self.spend_box.allows())

    @Slot()
    def _on_schedule_box_changed(self) -> None:
        self.spend_box.set_day(self.schedule_box.scheduled_at())
        self._refresh_send_button()

    def scheduled_at(self) -> datetime | None:
        """When the campaign is to be sent (``None``: now), once the dialog was accepted."""
        return self.schedule_box.scheduled_at()

    def accept(self) -> None:
        """Override: a send time in the past is refused (the box says why); nothing is sent or stored."""
        if self.schedule_box.problem() is None:
            super().accept()

    def _send_text(self) -> str:
        if self._count == 1:
            return self.tr("&Send 1 message")
        return self.tr("&Send {count} messages").format(count=f"{self._count:,}")

    def _add_value(self, form: QFormLayout, label: str, text: str, name: str) -> QLabel:
        value = QLabel(text)
        value.setWordWrap(True)
        value.setTextFormat(Qt.TextFormat.PlainText)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        value.setAccessibleName(name)
        form.addRow(label, value)
        return value

    def _build_summary(self) -> QGroupBox:
        prepared = self._prepared
        spec = prepared.spec
        box = QGroupBox(self.tr("Summary"))
        form = QFormLayout(box)
        now = QDateTime.currentDateTime()
        self._default_name = (
            f"{spec.source_name} {now.toString('yyyy-MM-dd')}"
            if spec.source_name
            else typed_numbers_name(now.toString("yyyy-MM-dd HH:mm"))
        )
        self.name_edit = QLineEdit(spec.name or self._default_name)
        self.name_edit.setAccessibleName(self.tr("Campaign name"))
        self.name_edit.setToolTip(self.tr("What History, the results and exported files call this campaign"))
        self.name_edit.setMaxLength(100)
        form.addRow(self.tr("Campaign &name:"), self.name_edit)
        messages = (
            self.tr("1 message")
            if self._count == 1
            else self.tr("{count} messages").format(count=f"{self._count:,}")
        )
        unicode_count = prepared.unicode_messages
        if unicode_count:
            messages = self.tr(
                "{messages} ({unicode} in Unicode, which fits fewer characters per part)"
            ).format(messages=messages, unicode=f"{unicode_count:,}")
        self.messages_label = self._add_value(form, self.tr("Messages:"), messages, self.tr("Messages"))
        self.destinations_view = DestinationsView(
            prepared.destinations, self._services.settings.default_country
        )
        form.addRow(self.tr("Countries:"), self.destinations_view)
        source = spec.source_name or self.tr("Typed or pasted numbers")
        self._add_value(form, self.tr("Recipients from:"), source, self.tr("Recipients from"))
        self.set_aside_label = self._add_value(
            form, self.tr("Not sent:"), self._set_aside_text(), self.tr("Rows not sent")
        )
        parts = (
            self.tr("1 part")
            if self._parts == 1
            else self.tr("{count} parts").format(count=f"{self._parts:,}")
        )
        self.parts_label = self._add_value(form, self.tr("Parts in total:"), parts, self.tr("Parts in total"))
        self.cost_label = self._add_value(
            form, self.tr("Estimated cost:"), self._cost_text(), self.tr("Estimated cost")
        )
        self.balance_label = self._add_value(
            form, self.tr("Balance:"), self.tr("Checking…"), self.tr("Account balance")
        )
        sender = spec.sender_id or self.tr("(none)")
        self.sender_label = self._add_value(form, self.tr("Sender ID:"), sender, self.tr("Sender ID"))
        kind = (
            self.tr("Transactional (T): codes, reminders and notices")
            if spec.sms_type == "T"
            else self.tr("Promotional (P): offers and news")
        )
        self.type_label = self._add_value(form, self.tr("Message type:"), kind, self.tr("Message type"))
        return box

    def _status_reason(self, status: SetAsideStatus) -> str:
        return {
            SetAsideStatus.INVALID: self.tr("Not a valid phone number"),
            SetAsideStatus.MISSING: self.tr("No phone number in the row"),
            SetAsideStatus.DAMAGED: self.tr("Number damaged by Excel (re-export the column as Text)"),
            SetAsideStatus.DUPLICATE: self.tr("Number already earlier in the list (sent once)"),
            SetAsideStatus.AMBIGUOUS: self.tr(
                "Number that could be in more than one country (choose the default country, or write +)"
            ),
            SetAsideStatus.MISSING_VALUE: self.tr(
                "A merge field is empty, so the message would be incomplete"
            ),
            SetAsideStatus.BLOCKED_TEXT: self.tr(
                "The message for the row cannot be sent (a hidden character, or blank)"
            ),
            SetAsideStatus.OPTED_OUT: self.tr("The number is on the do-not-message list"),
        }[status]

    def _set_aside_text(self) -> str:
        set_aside = self._prepared.set_aside
        if not set_aside:
            return self.tr("None: every row gets a message.")
        counts = Counter(row.status for row in set_aside)
        order = [s for s in _STATUS_ORDER if s in counts]
        total = len(set_aside)
        head = (
            self.tr("1 row of the list is set aside:")
            if total == 1
            else self.tr("{count} rows of the list are set aside:").format(count=f"{total:,}")
        )
        lines = [
            self.tr("• {reason}: {count}").format(
                reason=self._status_reason(status), count=f"{counts[status]:,}"
            )
            for status in order
        ]
        tail = self.tr("They stay with the campaign and are included when you export its results.")
        return "\n".join([head, *lines, tail])

    def _cost_text(self) -> str:
        price = self._services.settings.price_per_part
        if self._cost is None or price is None:
            return self.tr("Unknown: set the price per part in Settings to see it.")
        return self.tr("{cost} ({price} per part)").format(
            cost=format_money(self._cost, self._currency), price=format_money(price, self._currency)
        )

    def _sample_title(self, kind: str, message: NewMessage) -> str:
        titles = {
            "first": self.tr("First message, row {row}, to {phone}"),
            "last": self.tr("Last message, row {row}, to {phone}"),
            "random": self.tr("A message picked at random, row {row}, to {phone}"),
        }
        encoding = encoding_name(Encoding.UCS2 if message.encoding == "U" else Encoding.GSM7)
        parts = (
            self.tr("1 part")
            if message.segments == 1
            else self.tr("{count} parts").format(count=message.segments)
        )
        return self.tr("{title} · {encoding} · {parts}").format(
            title=titles[kind].format(row=message.row, phone=readable_phone(message.phone)),
            encoding=encoding,
            parts=parts,
        )

    def _build_samples(self) -> QGroupBox:
        box = QGroupBox(self.tr("How the messages will look"))
        layout = QVBoxLayout(box)
        self.sample_titles: list[QLabel] = []
        self.sample_texts: list[QPlainTextEdit] = []
        messages = self._prepared.messages
        for kind, position in sample_positions(len(messages), self._rng):
            message = messages[position]
            title = QLabel(self._sample_title(kind, message))
            title.setTextFormat(Qt.TextFormat.PlainText)
            title.setWordWrap(True)
            text = QPlainTextEdit(message.text)
            text.setReadOnly(True)
            text.setTabChangesFocus(True)
            text.setAccessibleName(title.text())
            text.setFixedHeight(text.fontMetrics().lineSpacing() * SAMPLE_LINES + 12)
            title.setBuddy(text)
            layout.addWidget(title)
            layout.addWidget(text)
            self.sample_titles.append(title)
            self.sample_texts.append(text)
        if not messages:
            none = QLabel(self.tr("There is nothing to send: every row was set aside."))
            none.setWordWrap(True)
            layout.addWidget(none)
        return box

    def _build_test(self) -> QGroupBox:
        box = QGroupBox(self.tr("Try it first"))
        layout = QVBoxLayout(box)
        self.test_button = QPushButton(self.tr("Send a &test to my number…"))
        self.test_button.setAutoDefault(False)
        self.test_button.setToolTip(
            self.tr("Send the first message's text to your own phone, to see how it arrives (it is charged)")
        )
        self.test_button.setEnabled(self._can_send())
        self.test_button.clicked.connect(self._on_test_button_clicked)
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        self.test_result.setTextFormat(Qt.TextFormat.PlainText)
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.test_result.setAccessibleName(self.tr("Test message result"))
        layout.addWidget(self.test_button, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.test_result)
        return box

    # ------------------------------------------------------------------ balance

    def _check_balance(self) -> None:
        self._account.check_balance(self, self._on_balance_checked, self._on_balance_failed)

    @Slot(object)
    def _on_balance_checked(self, balance: Balance) -> None:
        if self._closed:
            return
        amount = format_money(balance.amount, balance.currency)
        if self._services.sandbox_mode:
            amount = self.tr("{amount} in the sandbox (practice money, nothing is charged)").format(
                amount=amount
            )
        self.balance_label.setText(amount)
        # A cost above the balance is the spend guard's to refuse, with both figures (spend_guard_box.py).
        self.spend_box.set_balance(balance)

    @Slot(object)
    def _on_balance_failed(self, error: BaseException) -> None:
        if self._closed:
            return
        if not isinstance(error, LiaSmartError):
            log.error("balance check failed", exc_info=error)
        self.spend_box.set_balance(None)
        self.balance_label.setText(
            self.tr("Could not be checked. {reason}").format(
                reason=describe_error(error, self._services.base_url())
            )
        )

    # ------------------------------------------------------------------ test message

    def _own_number(self) -> str | None:
        """The test number from Settings, or one the user types now (``None`` if they cancel)."""
        services = self._services
        settings = services.settings
        if settings.test_phone:
            result = normalise_phone(settings.test_phone, settings.default_country or None)
            if result.status is RowStatus.RECIPIENT:
                return result.phone
        dialog = PhoneNumberDialog(settings.default_country, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        if dialog.remember:
            try:
                services.save_settings(updated(services.settings, test_phone="+" + dialog.phone))
            except ConfigError as exc:
                log.warning("the test number could not be saved: %s", exc)
        return dialog.phone

    @Slot()
    def _on_test_button_clicked(self) -> None:
        phone = self._own_number()
        if phone is None:
            return
        self._set_testing(True)
        self.test_result.setText(
            self.tr("Sending the test message to {phone}…").format(phone=readable_phone(phone))
        )
        self._campaigns.send_test(self._prepared, phone, self, self._on_test_sent, self._on_test_failed)

    def _set_testing(self, testing: bool) -> None:
        # The test holds the journal's sender lock: the campaign must wait for it.
        self._testing = testing
        self.test_button.setEnabled(not testing and self._can_send())
        self._refresh_send_button()

    @property
    def testing(self) -> bool:
        """Whether a test message is being sent."""
        return self._testing

    @Slot(object)
    def _on_test_sent(self, record: MessageRecord) -> None:
        if self._closed:
            return
        self._set_testing(False)
        phone = record.phone
        if record.state is MessageState.ACCEPTED and self._services.sandbox_mode:
            text = self.tr("The sandbox accepted the test message to {phone}. No real message was sent.")
        elif record.state is MessageState.ACCEPTED:
            text = self.tr(
                "LiaSmart accepted the test message to {phone}. It should arrive within a minute or two: "
                "check how it looks before sending to everyone."
            )
        elif record.state is MessageState.REJECTED:
            text = self.tr(
                "LiaSmart refused the test message to {phone} ({remarks}). The campaign would probably be "
                "refused the same way: check the sender ID and the message type."
            )
        else:
            text = self.tr(
                "The test message to {phone}: {reason} Wait a few minutes and check your phone before "
                "trying again."
            )
        self.test_result.setText(
            text.format(
                phone=readable_phone(phone), remarks=record.remarks or "—", reason=describe_message(record)
            )
        )

    @Slot(object)
    def _on_test_failed(self, error: BaseException) -> None:
        if self._closed:
            return
        self._set_testing(False)
        if not isinstance(error, LiaSmartError):
            log.error("test message failed", exc_info=error)
        self.test_result.setText(
            self.tr("The test message was not sent. {reason}").format(
                reason=describe_error(error, self._services.base_url())
            )
        )

    @Slot(int)
    def _on_self_finished(self, _result: int) -> None:
        # Balance checks and tests still under way report to a closed dialog; they are ignored.
        self._closed = True
