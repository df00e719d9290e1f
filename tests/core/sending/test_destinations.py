"""The prepared campaign counts its messages per destination country, for the review."""

from __future__ import annotations

from liasmart_desktop.core.importing import parse_pasted_numbers
from liasmart_desktop.core.sending.prepare import prepare_campaign


def test_destinations_count_the_messages_per_country() -> None:
    report = parse_pasted_numbers(
        "+8613900000001\n+8613900000002\n+12015550123\n+80012345678\n12", None, home_regions=("CN",)
    )
    prepared = prepare_campaign(report, "Hi", sender_id="LIASMART", sms_type="P")
    assert prepared.destinations == {"CN": 2, "US": 1, "": 1}
    assert sum(prepared.destinations.values()) == len(prepared.messages)
