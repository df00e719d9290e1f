"""Compare what a sender believes (its messages' states) with what the sandbox's ledger says it received.

The guarantees checked are docs/guarantees.md G2 and G3:

- no automatic duplicate: per ``uid`` prefix (campaign and row), at most one processed request,
  unless the message was explicitly resent;
- ``accepted`` ⊆ ledger-processed (with the same message ID, to the same number);
- ledger-processed ⊆ ``accepted`` ∪ ``unknown``;
- a ``rejected`` message was never processed, and a message not sent yet (``pending``,
  ``retry_wait``, ``cancelled``) never reached the provider as processed.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FINAL_STATES = frozenset({"accepted", "rejected", "unknown"})
NOT_SENT_STATES = frozenset({"pending", "retry_wait", "cancelled"})


@dataclass(frozen=True, slots=True)
class Sent:
    """One message as the sender recorded it (from the journal or from ``--json`` output)."""

    row: int
    phone: str
    state: str
    uid: str | None
    message_id: str | None


def uid_prefix(uid: str) -> str:
    """``<campaign>-<row>`` of ``<campaign>-<row>-<attempt>``."""
    return uid.rsplit("-", 1)[0]


def sent_from(messages: Iterable[Any]) -> list[Sent]:
    """``Sent`` rows from ``MessageRecord`` objects or ``--json`` message dicts."""
    out = []
    for m in messages:
        if isinstance(m, Mapping):
            out.append(Sent(m["row"], m["phone"], m["state"], m["uid"], m["message_id"]))
        else:
            out.append(Sent(m.row, m.phone, m.state.value, m.uid, m.message_id))
    return out


def read_ledger_file(path: Path) -> list[dict[str, Any]]:
    """Every complete JSON line of a ledger file (a line being written may be cut off)."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.endswith("}")]


def send_requests(
    ledger: Iterable[Mapping[str, Any]], campaign: str | None = None
) -> list[Mapping[str, Any]]:
    """The SendSMS entries (of one campaign's uids when ``campaign`` is given)."""
    return [
        e
        for e in ledger
        if e["endpoint"] == "SendSMS" and (campaign is None or str(e["uid"] or "").startswith(campaign + "-"))
    ]


def check_against_ledger(
    messages: Iterable[Any],
    ledger: Iterable[Mapping[str, Any]],
    *,
    campaign: str,
    resent: frozenset[str] = frozenset(),
) -> Counter[str]:
    """Assert G2 and G3 for one campaign; return the count of messages per state.

    ``resent`` names ``uid`` prefixes the user explicitly sent again (they may be processed twice).
    """
    sent = sent_from(messages)
    requests = send_requests(ledger, campaign)
    processed = [e for e in requests if e["processed"]]
    by_uid = {e["uid"]: e for e in processed}
    per_prefix = Counter(uid_prefix(e["uid"]) for e in processed)
    duplicates = {p: n for p, n in per_prefix.items() if n > 1 and p not in resent}
    assert not duplicates, f"processed more than once without a resend: {duplicates}"
    assert len(by_uid) == len(processed), "one uid processed twice"

    current = {m.uid: m for m in sent if m.uid}
    for m in sent:
        prefix = f"{campaign}-{m.row}"
        if m.state == "accepted":
            assert m.uid in by_uid, f"row {m.row} accepted but the provider never processed {m.uid}"
            entry = by_uid[m.uid]
            assert entry["message_id"] == m.message_id, f"row {m.row}: message ID differs from the ledger"
            assert entry["phonenumber"] == m.phone
            assert entry["status"] == "S"
        elif m.state == "rejected":
            assert m.uid not in by_uid, f"row {m.row} rejected but processed"
        elif m.state in NOT_SENT_STATES:
            assert per_prefix[prefix] == 0 or prefix in resent, f"row {m.row} is {m.state} but was processed"
    for entry in processed:
        owner = current.get(entry["uid"])
        if owner is None:
            assert uid_prefix(entry["uid"]) in resent, f"{entry['uid']} processed but no message has it"
            continue
        assert owner.state in {"accepted", "unknown"}, (
            f"{entry['uid']} processed but the message is {owner.state}"
        )
    return Counter(m.state for m in sent)
