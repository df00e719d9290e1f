"""Turning an imported list and a message template into a campaign ready for the journal.

Every source row ends up either as a message (the exact normalised text that will be sent, its
encoding and parts) or as a set-aside row with a code: the importer's buckets (invalid, missing,
damaged, duplicate), a number on the do-not-message list (``opted_out``), a merge value that is empty
(``missing_value``) or a rendered text that must not be sent (``blocked_text``). Nothing is dropped and
nothing is sent with a placeholder in it.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from liasmart_desktop.core.importing import ImportReport, RowProblem, RowReason, RowStatus
from liasmart_desktop.core.optout import OptOutEntry, opted_out_row
from liasmart_desktop.core.sending.records import CampaignSpec, NewMessage, SetAsideRow
from liasmart_desktop.core.sending.schedule import parse_quiet_hours
from liasmart_desktop.core.sending.states import SetAsideStatus
from liasmart_desktop.core.text import (
    CampaignSummary,
    EncodingPolicy,
    MergeTemplate,
    TemplateError,
    compile_template,
)

FINGERPRINT_CHUNK_BYTES = 1 << 20


@dataclass(frozen=True, slots=True)
class PreparedCampaign:
    """A campaign before it is stored: what will be sent, what is set aside, and what it costs."""

    spec: CampaignSpec
    messages: tuple[NewMessage, ...]
    set_aside: tuple[SetAsideRow, ...]
    template: MergeTemplate
    summary: CampaignSummary
    #: Messages per destination country (ISO2; "" for non-geographic numbers), for the review.
    destinations: Mapping[str, int] = field(default_factory=dict)

    @property
    def total_segments(self) -> int:
        """Parts billed if every message is accepted."""
        return sum(message.segments for message in self.messages)

    @property
    def unicode_messages(self) -> int:
        """Messages that go out as Unicode (``U``)."""
        return sum(1 for message in self.messages if message.encoding == "U")


def file_fingerprint(path: Path) -> str:
    """SHA-256 of a file's bytes, to recognise the same list sent again."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(FINGERPRINT_CHUNK_BYTES):
            digest.update(chunk)
    return digest.hexdigest()


def import_problem(record: SetAsideRow) -> RowProblem | None:
    """The importer's problem behind a stored set-aside row (``None`` for the rows set aside at rendering)."""
    if not record.status.from_import:
        return None
    return RowProblem(
        row=record.row,
        original=record.original,
        status=RowStatus(record.status.value),
        reason=RowReason(record.reason),
        values=(),
        params=dict(record.reason_data),
        first_row=record.first_row,
    )


def _import_set_aside(report: ImportReport) -> Iterable[SetAsideRow]:
    for problem in report.problems:
        yield SetAsideRow(
            row=problem.row,
            original=problem.original,
            status=SetAsideStatus(problem.status.value),
            reason=problem.reason.value,
            reason_data=dict(problem.params),
            first_row=problem.first_row,
            fields=report.fields(problem),
        )


def prepare_campaign(
    report: ImportReport,
    template_text: str,
    *,
    sender_id: str,
    sms_type: str,
    encoding_policy: str = "auto",
    callback_url: str = "",
    source_name: str = "",
    source_fingerprint: str = "",
    sandbox: bool = False,
    base_url: str = "",
    opted_out: Mapping[str, OptOutEntry] | None = None,
    template_name: str = "",
    quiet_hours: str = "",
) -> PreparedCampaign:
    """Render ``template_text`` for every recipient of ``report``; recipients whose number is in
    ``opted_out`` (the do-not-message list's entries for the list's numbers) are set aside.

    ``template_name`` is the saved template the text came from; ``quiet_hours`` ("HH:MM-HH:MM") holds
    a promotional campaign's messages inside that daily window. Raises ``TemplateError`` when the
    template itself has problems (an unknown field, a lone brace), ``ConfigError`` for quiet hours
    that are no window.
    """
    quiet = parse_quiet_hours(quiet_hours)
    template = compile_template(template_text, report.columns, EncodingPolicy(encoding_policy))
    if not template.ok:
        raise TemplateError([p for p in template.problems if p.code.blocks_rendering])
    listed = opted_out or {}
    set_aside = list(_import_set_aside(report))
    recipients = []
    for recipient in report.recipients:
        entry = listed.get(recipient.phone)
        if entry is None:
            recipients.append(recipient)
        else:
            set_aside.append(
                opted_out_row(recipient.row, recipient.original, entry, report.fields(recipient))
            )
    fields = [report.fields(recipient) for recipient in recipients]
    render = template.render_all(fields)
    messages: list[NewMessage] = []
    destinations: Counter[str] = Counter()
    for index, recipient in enumerate(recipients):
        analysis = render.analyses[index]
        if analysis is None:
            set_aside.append(
                SetAsideRow(
                    row=recipient.row,
                    original=recipient.original,
                    status=SetAsideStatus.MISSING_VALUE,
                    reason="empty_field",
                    reason_data={"fields": list(render.empty_fields.get(index, ()))},
                    fields=fields[index],
                )
            )
        elif analysis.blocks_sending:
            blocking = [p.code.value for p in analysis.problems if p.code.blocks_sending]
            set_aside.append(
                SetAsideRow(
                    row=recipient.row,
                    original=recipient.original,
                    status=SetAsideStatus.BLOCKED_TEXT,
                    reason=blocking[0],
                    reason_data={"problems": blocking},
                    fields=fields[index],
                )
            )
        else:
            destinations[recipient.region] += 1
            messages.append(
                NewMessage(
                    row=recipient.row,
                    phone=recipient.phone,
                    text=analysis.text,
                    encoding=analysis.encoding.value,
                    segments=analysis.segments,
                    fields=fields[index],
                )
            )
    set_aside.sort(key=lambda row: row.row)
    spec = CampaignSpec(
        template=template_text,
        sender_id=sender_id,
        sms_type=sms_type,
        encoding_policy=encoding_policy,
        callback_url=callback_url,
        source_name=source_name,
        source_fingerprint=source_fingerprint,
        columns=report.columns,
        phone_column=report.phone_column,
        sandbox=sandbox,
        base_url=base_url,
        template_name=template_name,
        quiet_hours=quiet.text if quiet is not None else "",
    )
    return PreparedCampaign(
        spec, tuple(messages), tuple(set_aside), template, render.summary, dict(destinations)
    )


def withhold_opted_out(prepared: PreparedCampaign, opted_out: Mapping[str, OptOutEntry]) -> PreparedCampaign:
    """``prepared`` with the messages to numbers in ``opted_out`` moved to the rows set aside (its
    ``destinations`` stay as the review counted them)."""
    if not any(message.phone in opted_out for message in prepared.messages):
        return prepared
    kept = tuple(message for message in prepared.messages if message.phone not in opted_out)
    withheld = (
        opted_out_row(message.row, message.phone, opted_out[message.phone], message.fields)
        for message in prepared.messages
        if message.phone in opted_out
    )
    set_aside = tuple(sorted((*prepared.set_aside, *withheld), key=lambda row: row.row))
    return dataclasses.replace(prepared, messages=kept, set_aside=set_aside)
