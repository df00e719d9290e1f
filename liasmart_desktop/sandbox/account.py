"""The simulated account: balance, the messages it accepted and their delivery reports settling over time."""

from __future__ import annotations

import math
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from liasmart_desktop.sandbox.config import SandboxConfig

GSM_SINGLE_SEPTETS = 160
GSM_PART_SEPTETS = 153
UCS2_SINGLE_UNITS = 70
UCS2_PART_UNITS = 67
#: GSM 03.38 extension characters: an escape septet plus one, so they count twice.
GSM_EXTENSION_CHARACTERS = frozenset("^{}\\[]~|€\f")
#: 19-digit IDs above 2**53: neighbouring IDs are equal as floats, so a client that lets one
#: become a float (JSON numbers in JavaScript, a REAL column, pandas) is caught at once.
MESSAGE_ID_BASE = 2**62
MESSAGE_ID_SPREAD = 10**12
#: Older messages are forgotten (their status query says "Invalid Message ID") past this many.
MAX_REMEMBERED_MESSAGES = 1_000_000
DLR_PENDING = "Pending"
DLR_DELIVERED = "Delivered"
DLR_FAILED = "Failed"
DLR_FAILURE_CODE = "101"
DLR_FAILURE_DESCRIPTION = "Absent Subscriber"
SENT_DATE_FORMAT = "%Y-%m-%d %H:%M:%S"


def count_parts(text: str, encoding: str) -> int:
    """SMS parts for ``text``: GSM 160/153 septets for ``T``, UCS-2 70/67 units for ``U``.

    Approximate on purpose (split points are not checked for escape or surrogate pairs); the
    project's own text engine is the exact one.
    """
    if encoding == "U":
        units = len(text.encode("utf-16-le")) // 2
        single, per_part = UCS2_SINGLE_UNITS, UCS2_PART_UNITS
    else:
        units = len(text) + sum(text.count(char) for char in GSM_EXTENSION_CHARACTERS)
        single, per_part = GSM_SINGLE_SEPTETS, GSM_PART_SEPTETS
    if units <= single:
        return 1
    return math.ceil(units / per_part)


@dataclass(slots=True)  # not frozen: created once per accepted SMS, and frozen __init__ is slow
class SentMessage:
    """One accepted message, as GetDeliveryStatus reports it."""

    message_id: str
    phone: str
    text: str
    sms_type: str
    encoding: str
    parts: int
    cost: Decimal
    sent_at: float  # seconds since the epoch
    settle_at: float  # on the account's monotonic clock
    fails: bool


def _json_number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


class Account:
    """Balance and messages. Submissions happen on the server's loop; the balance may be read or
    set from any thread."""

    def __init__(
        self,
        config: SandboxConfig,
        *,
        clock: Callable[[], float] = time.monotonic,
        max_messages: int = MAX_REMEMBERED_MESSAGES,
    ) -> None:
        self._config = config
        self._clock = clock
        self._max_messages = max_messages
        self._lock = threading.Lock()
        self._balance = config.balance
        # A stream of its own, so fault draws and delivery draws do not move in lockstep.
        self._random = random.Random(None if config.seed is None else f"{config.seed}:account")  # noqa: S311
        self._next_id = MESSAGE_ID_BASE + self._random.randrange(MESSAGE_ID_SPREAD)
        self._messages: dict[str, SentMessage] = {}
        self._prices: dict[int, Decimal] = {}

    @property
    def balance(self) -> Decimal:
        """The money left."""
        with self._lock:
            return self._balance

    def set_balance(self, amount: Decimal) -> None:
        """Set the money left (tests use it to run out of balance mid-send)."""
        with self._lock:
            self._balance = Decimal(str(amount))

    def price(self, parts: int) -> Decimal:
        """What ``parts`` SMS parts cost."""
        price = self._prices.get(parts)
        if price is None:
            price = self._prices[parts] = self._config.price_per_part * parts
        return price

    def submit(self, phone: str, text: str, sms_type: str, encoding: str) -> SentMessage | None:
        """Charge and record one message; ``None`` when the balance does not cover it."""
        parts = count_parts(text, encoding)
        cost = self.price(parts)
        with self._lock:
            if cost > self._balance:
                return None
            self._balance -= cost
        message_id = str(self._next_id)
        self._next_id += 1
        rate = self._config.dlr_fail_rate
        fails = phone in self._config.dlr_fail_phones or (rate > 0 and self._random.random() < rate)
        message = SentMessage(
            message_id=message_id,
            phone=phone,
            text=text,
            sms_type=sms_type,
            encoding=encoding,
            parts=parts,
            cost=cost,
            sent_at=time.time(),
            settle_at=self._clock() + self._config.dlr_delay_s,
            fails=fails,
        )
        self._messages[message_id] = message
        if len(self._messages) > self._max_messages:
            del self._messages[next(iter(self._messages))]
        return message

    def lookup(self, message_id: str) -> SentMessage | None:
        """The message with this ID, if this account issued it (and still remembers it)."""
        return self._messages.get(message_id.strip())

    def delivery_report(self, message: SentMessage) -> dict[str, Any]:
        """The GetDeliveryStatus reply: "Pending" until the settle delay passes, then final."""
        if self._clock() < message.settle_at:
            status, code, description = DLR_PENDING, "", ""
        elif message.fails:
            status, code, description = DLR_FAILED, DLR_FAILURE_CODE, DLR_FAILURE_DESCRIPTION
        else:
            status, code, description = DLR_DELIVERED, "0", ""
        return {
            "message_id": int(message.message_id),
            "PhoneNumber": message.phone,
            "SMSMessage": message.text,
            "MessageType": message.sms_type,
            "MessageLength": len(message.text),
            "MessageParts": message.parts,
            "ClientCost": _json_number(message.cost),
            "DLRStatus": status,
            "SMSID": f"{int(message.message_id) - MESSAGE_ID_BASE:012x}",  # the provider's internal ID
            "ErrorCode": code,
            "ErrorDescription": description,
            "SentDateUTC": time.strftime(SENT_DATE_FORMAT, time.gmtime(message.sent_at)),
            "Remarks": "Success",
        }

    def balance_reply(self) -> dict[str, Any]:
        """The CheckBalance reply, with the vendor's spelling ``CurrenceCode``."""
        return {"BalanceAmount": _json_number(self.balance), "CurrenceCode": self._config.currency}
