"""What the core needs from a connection to LiaSmart (or the simulator), and how front ends open one."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Protocol

from liasmart_desktop.core.api.outcome import Outcome
from liasmart_desktop.core.api.payloads import Balance, DeliveryReport, SmsMessage
from liasmart_desktop.core.sending.records import Route


class ProviderClient(Protocol):
    """An API client (``LiaSmartClient`` is one): sends messages, asks for their delivery status and for
    the balance (the spend guard's, before a run)."""

    def send_sms(self, message: SmsMessage) -> Outcome:
        """Submit one message and classify the result."""
        ...

    def get_delivery_status(self, message_id: str) -> DeliveryReport:
        """Ask the provider about one message."""
        ...

    def check_balance(self) -> Balance:
        """The account's balance (``ApiError`` when the provider refuses or cannot be reached)."""
        ...


#: Opens the connection a campaign's requests go through (the front end's: LiaSmart or the simulator),
#: on the thread that uses it, once the core has checked that the campaign may go there.
Connect = Callable[[Route], AbstractContextManager[ProviderClient]]
