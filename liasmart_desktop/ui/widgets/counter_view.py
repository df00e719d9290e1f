"""The live counter under the message: encoding, characters, parts, what to cut, and the whole list's cost."""

from __future__ import annotations

from decimal import Decimal
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from liasmart_desktop.core.text import (
    CampaignSummary,
    Encoding,
    EncodingPolicy,
    LookalikeAdvice,
    SendTextProblem,
    TextAnalysis,
    TextIssue,
    written_in_unicode_script,
)
from liasmart_desktop.core.text.gsm import GSM_EXTENSION_CHARACTERS
from liasmart_desktop.ui.widgets.compose_wording import (
    encoding_name,
    number,
    send_text_problem,
    show_characters,
    text_problem,
)
from liasmart_desktop.ui.widgets.icon_label import GOOD, INFORMATION, WARNING, IconLabel

W = TypeVar("W", bound=QWidget)


class CounterView(QWidget):
    """What the message costs as typed, and after an import what the whole list costs.

    Plain labels in two columns: each value is text a screen reader can read, with an icon where it
    warns. The panel computes; this view only words the results.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # A grid, not a QFormLayout: the form misjudged the height of word-wrapped rows with icons,
        # clipping some lines and leaving gaps under others.
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setColumnStretch(1, 1)
        self._captions: dict[QWidget, QLabel] = {}
        self._encoding = self._row(self.tr("Encoding:"), IconLabel("counterEncoding", self))
        self._characters = self._row(self.tr("Characters:"), self._value("counterCharacters"))
        self._parts = self._row(self.tr("Parts:"), self._value("counterParts"))
        self._remaining = self._row(self.tr("Left in this part:"), self._value("counterRemaining"))
        self._save_part = self._row(self.tr("To save a part:"), self._value("counterSavePart"))
        self._forcing = self._row(self.tr("Forcing Unicode:"), IconLabel("counterForcingUnicode", self))
        self._advice = self._row(self.tr("Look-alikes:"), IconLabel("counterLookalikes", self))
        self._warnings = self._row("", IconLabel("counterWarnings", self))
        self._campaign = self._row(self.tr("Whole list:"), IconLabel("campaignTotals", self))
        self._showing_totals = False
        self._text_warnings: list[str] = []
        self._send_warnings: list[str] = []
        self.hide_campaign()

    def _row(self, caption: str, field: W) -> W:
        row = self._grid.rowCount()
        if caption:
            label = QLabel(caption, self)
            label.setBuddy(field)
            self._captions[field] = label
            self._grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
            self._grid.addWidget(field, row, 1)
        else:
            self._grid.addWidget(field, row, 0, 1, 2)
        return field

    def _value(self, object_name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(object_name)
        label.setWordWrap(True)
        return label

    def _show_row(self, field: QWidget, visible: bool) -> None:
        field.setVisible(visible)
        caption = self._captions.get(field)
        if caption is not None:
            caption.setVisible(visible)

    # ------------------------------------------------------------------ the message

    def show_text(
        self,
        analysis: TextAnalysis,
        advice: LookalikeAdvice,
        *,
        has_fields: bool,
        notes: list[str],
        offered: bool = False,
    ) -> None:
        """Show the counts of the message as sent, without its merge fields, and ``notes`` to heed;
        ``offered`` says whether replacing look-alikes is offered (it can save money)."""
        self._show_encoding(analysis)
        characters = number(analysis.characters)
        if has_fields:
            characters = self.tr("{count} plus the merge fields").format(count=characters)
        doubled = analysis.double_unit_characters
        if analysis.encoding is Encoding.GSM7 and doubled:
            extension = (char for char in dict.fromkeys(analysis.text) if char in GSM_EXTENSION_CHARACTERS)
            characters = self.tr("{characters} ({count} of them count twice: {extension})").format(
                characters=characters, count=number(doubled), extension=show_characters(extension)
            )
        self._characters.setText(characters)
        self._parts.setText(
            self.tr("{parts} (up to {per_part} characters each)").format(
                parts=number(analysis.segments), per_part=number(analysis.per_segment)
            )
        )
        self._remaining.setText(number(analysis.remaining))
        to_save = analysis.to_save_part
        if to_save == 1:
            self._save_part.setText(self.tr("Remove 1 character from the end."))
        else:
            self._save_part.setText(
                self.tr("Remove {count} characters from the end.").format(count=number(to_save))
            )
        self._show_row(self._save_part, to_save > 0)
        self._show_forcing(analysis)
        self._show_advice(advice, offered or advice.worthwhile)
        # Characters encoding T loses are told by ``show_send_problems``, for the whole list.
        warnings = [
            text_problem(problem)
            for problem in analysis.problems
            if problem.code is TextIssue.INVISIBLE_CHARACTER
        ]
        self._text_warnings = warnings + notes
        self._show_warnings()

    def show_send_problems(self, problems: tuple[SendTextProblem, ...]) -> None:
        """What must be confirmed or changed before sending: lost characters, many parts, too many."""
        self._send_warnings = [send_text_problem(problem) for problem in problems]
        self._show_warnings()

    def _show_warnings(self) -> None:
        warnings = self._send_warnings + self._text_warnings
        self._warnings.show_text("\n".join(warnings), WARNING)
        self._show_row(self._warnings, bool(warnings))

    def _show_encoding(self, analysis: TextAnalysis) -> None:
        name = encoding_name(analysis.encoding)
        if analysis.policy is EncodingPolicy.AUTO:
            text = self.tr("{encoding}, detected from the text").format(encoding=name)
        else:
            text = self.tr("{encoding}, chosen by you").format(encoding=name)
        if analysis.encoding is Encoding.UCS2:
            text += "\n" + self.tr("Unicode parts hold 70 characters (67 when split) instead of 160.")
            self._encoding.show_text(text, WARNING)
        else:
            self._encoding.show_text(text, GOOD)

    def _show_forcing(self, analysis: TextAnalysis) -> None:
        characters = analysis.unicode_characters
        forced_gsm = analysis.policy is EncodingPolicy.GSM7
        if characters and not forced_gsm and written_in_unicode_script(characters):
            self._forcing.show_text(
                self.tr("the text's own script (Chinese, for example) needs Unicode"), INFORMATION
            )
        elif characters and not forced_gsm:
            self._forcing.show_text(
                self.tr("{characters} (marked in the text)").format(characters=show_characters(characters)),
                INFORMATION,
            )
        self._show_row(self._forcing, bool(characters) and not forced_gsm)

    def _show_advice(self, advice: LookalikeAdvice, offered: bool) -> None:
        # Offered only when it can save money (as Sinch does): full-width commas in Chinese text cost
        # nothing extra, and suggesting to change them would be noise.
        before, after = advice.before, advice.after
        characters = show_characters(r.character for r in advice.replacements)
        if advice.worthwhile:
            self._advice.show_text(
                self.tr(
                    "Replacing {characters} with plain look-alikes changes the parts per message from "
                    "{parts_before} ({encoding_before}) to {parts_after} ({encoding_after})."
                ).format(
                    characters=characters,
                    parts_before=number(before.segments),
                    encoding_before=encoding_name(before.encoding),
                    parts_after=number(after.segments),
                    encoding_after=encoding_name(after.encoding),
                ),
                INFORMATION,
            )
        elif offered:
            self._advice.show_text(
                self.tr(
                    "Replacing {characters} with plain look-alikes makes the message {encoding}: up to "
                    "{per_part} characters per part instead of {per_part_now}."
                ).format(
                    characters=characters,
                    encoding=encoding_name(after.encoding),
                    per_part=number(after.per_segment),
                    per_part_now=number(before.per_segment),
                ),
                INFORMATION,
            )
        self._show_row(self._advice, offered)

    # ------------------------------------------------------------------ the whole list

    def hide_campaign(self) -> None:
        """No list: no totals."""
        self._showing_totals = False
        self._campaign.setEnabled(True)
        self._show_row(self._campaign, False)

    def show_campaign_pending(self) -> None:
        """The totals are being computed again: the previous ones stay, greyed, to avoid flicker."""
        if not self._showing_totals:
            self._campaign.show_text(self.tr("Counting the whole list…"), None)
        self._campaign.setEnabled(False)
        self._show_row(self._campaign, True)

    def show_campaign_failed(self) -> None:
        """The totals could not be computed (the log says why)."""
        self._showing_totals = False
        self._campaign.setEnabled(True)
        self._campaign.show_text(
            self.tr("The total could not be worked out. The log has the details."), WARNING
        )
        self._show_row(self._campaign, True)

    def show_campaign(self, summary: CampaignSummary, price_per_part: Decimal | None, currency: str) -> None:
        """The totals for every recipient, with their values filled in."""
        self._showing_totals = True
        self._campaign.setEnabled(True)
        lines = [
            self.tr("Messages: {messages} · Parts: {parts}").format(
                messages=number(summary.sendable), parts=number(summary.total_segments)
            )
        ]
        if price_per_part is None:
            lines.append(self.tr("Set a price per part in Settings to see the cost."))
        else:
            cost = price_per_part * summary.total_segments
            lines.append(
                self.tr("Estimated cost: {cost} {currency}")
                .format(cost=f"{cost:,f}", currency=currency)
                .strip()
            )
        if summary.unicode_rows:
            lines.append(
                self.tr("Recipients in Unicode because of their values ({characters}): {count}").format(
                    characters=show_characters(summary.value_unicode_characters),
                    count=number(len(summary.unicode_rows)),
                )
            )
        if summary.spilled_rows:
            lines.append(
                self.tr("Recipients needing more parts because of their values: {count}").format(
                    count=number(len(summary.spilled_rows))
                )
            )
        if summary.empty_value_rows:
            lines.append(
                self.tr("Recipients set aside because a merge field is empty: {count}").format(
                    count=number(len(summary.empty_value_rows))
                )
            )
        if summary.blocked_rows:
            lines.append(
                self.tr(
                    "Recipients set aside because their values hold characters that cannot be sent: {count}"
                ).format(count=number(len(summary.blocked_rows)))
            )
        # Every line after the first two is a recipient that costs more than the template or is set aside.
        self._campaign.show_text("\n".join(lines), WARNING if len(lines) > 2 else INFORMATION)
        self._show_row(self._campaign, True)
