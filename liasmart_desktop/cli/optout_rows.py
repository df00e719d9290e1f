"""Rows whose number is on the do-not-message list, as the command line shows them (``import``, reports)."""

from __future__ import annotations

from collections.abc import Mapping

from liasmart_desktop.core.importing import ImportReport
from liasmart_desktop.core.optout import OptOutEntry, opted_out_row
from liasmart_desktop.core.sending.records import SetAsideRow
from liasmart_desktop.core.sending.schedule import from_utc_text


def describe_set_aside(row: SetAsideRow) -> str:
    """A row set aside because its number is on the do-not-message list."""
    reason = str(row.reason_data.get("reason", "")).strip()
    added = str(row.reason_data.get("added_at", ""))
    when = f" on {from_utc_text(added):%Y-%m-%d}" if added else ""
    why = f": “{reason}”" if reason else ""
    return f"The number is on the do-not-message list (added{when}{why}); it is never messaged."


def withhold_in_import(
    fields: dict[str, object], report: ImportReport, listed: Mapping[str, OptOutEntry]
) -> None:
    """``import``'s JSON document with the listed recipients moved to ``problems`` as ``opted_out``.

    Every row stays in exactly one bucket: ``counts`` (with ``opted_out``) still add up to ``rows``.
    """
    kept = []
    problems = list(fields["problems"])  # type: ignore[call-overload]
    for recipient in report.recipients:
        entry = listed.get(recipient.phone)
        if entry is None:
            kept.append(
                {
                    "row": recipient.row,
                    "phone": recipient.phone,
                    "original": recipient.original,
                    "fields": report.fields(recipient),
                }
            )
            continue
        row = opted_out_row(recipient.row, recipient.original, entry)
        problems.append(
            {
                "row": recipient.row,
                "original": recipient.original,
                "status": row.status.value,
                "reason": describe_set_aside(row),
                "reason_code": row.reason,
                "added_at": entry.added_at,
                "opt_out_reason": entry.reason,
                "fields": report.fields(recipient),
            }
        )
    counts = dict(fields["counts"])  # type: ignore[call-overload]
    counts["recipients"] = len(kept)
    counts["opted_out"] = len(report.recipients) - len(kept)
    fields["recipients"] = kept
    fields["problems"] = sorted(problems, key=lambda problem: int(problem["row"]))
    fields["counts"] = counts
