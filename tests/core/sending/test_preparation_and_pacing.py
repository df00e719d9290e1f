"""Turning a list and a template into a campaign; the token bucket and back-off; delivery polling's pace."""

from __future__ import annotations

import hashlib
import random
import time
from pathlib import Path

import pytest

from liasmart_desktop.core.api.payloads import DeliveryReport, DeliveryState
from liasmart_desktop.core.importing import ImportOptions, RowStatus, import_file
from liasmart_desktop.core.sending.delivery import refresh_delivery
from liasmart_desktop.core.sending.journal import Journal
from liasmart_desktop.core.sending.pacing import TokenBucket, backoff_delay_s
from liasmart_desktop.core.sending.prepare import (
    FINGERPRINT_CHUNK_BYTES,
    file_fingerprint,
    import_problem,
    prepare_campaign,
)
from liasmart_desktop.core.sending.records import Transition
from liasmart_desktop.core.sending.states import MessageState, SetAsideStatus
from liasmart_desktop.core.text import TemplateError
from tests.core.sending.conftest import make_campaign


@pytest.fixture
def names(tmp_path: Path) -> Path:
    path = tmp_path / "names.csv"
    path.write_text(
        "phone,name,city\n"
        "+8613900000001,Ann,Paris\n"
        "+8613900000002,,Rome\n"  # no name: set aside, never sent with a gap
        "+8613900000003,Bob\u202eevil,Oslo\n"  # a bidi override would make the text read differently
        "+8613900000004,张三,武汉\n"
        "12,Short,Nowhere\n",
        encoding="utf-8",
    )
    return path


def test_a_campaign_keeps_every_row_as_a_message_or_a_set_aside_row(names: Path) -> None:
    report = import_file(names, ImportOptions())
    prepared = prepare_campaign(
        report,
        "Hello {name} from {city}",
        sender_id="LIASMART",
        sms_type="T",
        callback_url="https://dlr.example/x",
        source_name="names.csv",
        source_fingerprint=file_fingerprint(names),
        sandbox=True,
        base_url="http://127.0.0.1:1/api",
    )
    assert [(m.row, m.text, m.encoding) for m in prepared.messages] == [
        (2, "Hello Ann from Paris", "T"),
        (5, "Hello 张三 from 武汉", "U"),
    ]
    assert prepared.total_segments == 2
    assert prepared.unicode_messages == 1
    aside = {row.row: row for row in prepared.set_aside}
    assert [row.row for row in prepared.set_aside] == [3, 4, 6]  # in row order
    assert (aside[3].status, aside[3].reason_data) == (SetAsideStatus.MISSING_VALUE, {"fields": ["name"]})
    assert (aside[4].status, aside[4].reason) == (SetAsideStatus.BLOCKED_TEXT, "bidi_control")
    assert aside[6].status is SetAsideStatus.INVALID
    assert aside[4].fields["city"] == "Oslo"
    spec = prepared.spec
    assert (spec.columns, spec.phone_column, spec.callback_url, spec.sandbox) == (
        ("phone", "name", "city"),
        "phone",
        "https://dlr.example/x",
        True,
    )
    assert spec.source_fingerprint == hashlib.sha256(names.read_bytes()).hexdigest()


def test_a_stored_set_aside_row_leads_back_to_the_importers_problem(names: Path) -> None:
    report = import_file(names, ImportOptions())
    prepared = prepare_campaign(report, "Hello {name} from {city}", sender_id="LIASMART", sms_type="T")
    stored = {row.row: row for row in prepared.set_aside}
    assert import_problem(stored[3]) is None  # set aside when rendering, not by the importer
    assert import_problem(stored[4]) is None
    problem = import_problem(stored[6])
    assert problem is not None
    assert (problem.row, problem.status, problem.original) == (6, RowStatus.INVALID, "12")
    original = next(p for p in report.problems if p.row == 6)
    assert (problem.reason, dict(problem.params), problem.first_row) == (
        original.reason,
        dict(original.params),
        original.first_row,
    )


def test_a_template_naming_no_column_is_refused(names: Path) -> None:
    report = import_file(names, ImportOptions())
    with pytest.raises(TemplateError) as bad:
        prepare_campaign(report, "Hello {surname}", sender_id="LIASMART", sms_type="P")
    assert [p.field for p in bad.value.problems] == ["surname"]


def test_the_fingerprint_reads_large_files_in_chunks(tmp_path: Path) -> None:
    path = tmp_path / "big.bin"
    data = bytes(range(256)) * (FINGERPRINT_CHUNK_BYTES // 256 * 2 + 3)
    path.write_bytes(data)
    assert file_fingerprint(path) == hashlib.sha256(data).hexdigest()


def test_token_bucket_paces_on_its_own_clock() -> None:
    now = [100.0]
    bucket = TokenBucket(2.0, burst=3, clock=lambda: now[0])
    assert bucket.available() == 3
    bucket.take(3)
    assert bucket.available() == 0
    assert bucket.seconds_until_next() == pytest.approx(0.5)
    now[0] += 0.5
    assert bucket.available() == 1
    now[0] += 10.0
    assert bucket.available() == 3  # never more than the burst, however long it waited
    bucket.set_rate(1e-9)
    assert bucket.rate_per_s == 1e-9  # a tiny target is kept: the bucket never speeds a send up
    with pytest.raises(ValueError, match="rate must be positive"):
        bucket.set_rate(0.0)
    for rate, burst in ((0.0, 1.0), (1.0, 0.5)):
        with pytest.raises(ValueError, match="rate must be positive"):
            TokenBucket(rate, burst=burst, clock=time.monotonic)


def test_backoff_is_exponential_jittered_and_capped() -> None:
    rng = random.Random(3)
    delays = [backoff_delay_s(n, rng, base_s=1.0, cap_s=8.0) for n in range(8) for _ in range(50)]
    assert min(delays) >= 0.5
    assert max(delays) <= 8.0
    first = [backoff_delay_s(0, rng, base_s=1.0, cap_s=8.0) for _ in range(50)]
    assert max(first) <= 1.0
    assert backoff_delay_s(10_000, rng, base_s=1.0, cap_s=8.0) <= 8.0  # no overflow for huge counts


class _Reports:
    def __init__(self) -> None:
        self.asked: list[str] = []

    def get_delivery_status(self, message_id: str) -> DeliveryReport:
        self.asked.append(message_id)
        return DeliveryReport(message_id, "Delivered", DeliveryState.DELIVERED)


def _accepted(journal: Journal, count: int) -> None:
    claims = journal.claims(make_campaign(journal, count))
    claimed = claims.advance([], count, 0.0)
    claims.advance(
        [Transition(m.pk, MessageState.ACCEPTED, "ok", message_id=str(500 + m.row)) for m in claimed], 0, 0.0
    )


def test_delivery_polling_is_rate_limited(journal: Journal) -> None:
    _accepted(journal, 5)
    now = [0.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    client = _Reports()
    summary = refresh_delivery(
        journal, journal.campaign(), client, rate_per_s=2.0, concurrency=1, clock=lambda: now[0], sleep=sleep
    )
    assert summary.delivered == 5
    assert sum(slept) == pytest.approx((5 - 1) / 2.0)  # one at once, then two a second


def test_delivery_polling_stops_when_asked(journal: Journal) -> None:
    _accepted(journal, 6)
    client = _Reports()
    assert refresh_delivery(journal, journal.campaign(), client, should_stop=lambda: True).checked == 0
    assert client.asked == []
    answers = iter([False, False, False, True])
    summary = refresh_delivery(
        journal, journal.campaign(), client, rate_per_s=1000.0, should_stop=lambda: next(answers, True)
    )
    assert summary.checked == len(client.asked) == 2
    checked = [m for m in journal.messages(journal.campaign().id) if m.dlr_checked_at]
    assert len(checked) == 2
