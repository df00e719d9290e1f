"""The LiaSmart HTTP API: typed requests and results, and the one rule that classifies every outcome."""

from liasmart_desktop.core.api.client import (
    CONNECT_TIMEOUT_S,
    MAX_RESPONSE_BYTES,
    POOL_TIMEOUT_S,
    READ_TIMEOUT_S,
    REQUEST_DEADLINE_S,
    WRITE_TIMEOUT_S,
    LiaSmartClient,
)
from liasmart_desktop.core.api.outcome import Outcome, OutcomeKind, Reason, classify
from liasmart_desktop.core.api.payloads import (
    Balance,
    DeliveryReport,
    DeliveryState,
    Endpoint,
    SmsMessage,
)

__all__ = [
    "CONNECT_TIMEOUT_S",
    "MAX_RESPONSE_BYTES",
    "POOL_TIMEOUT_S",
    "READ_TIMEOUT_S",
    "REQUEST_DEADLINE_S",
    "WRITE_TIMEOUT_S",
    "Balance",
    "DeliveryReport",
    "DeliveryState",
    "Endpoint",
    "LiaSmartClient",
    "Outcome",
    "OutcomeKind",
    "Reason",
    "SmsMessage",
    "classify",
]
