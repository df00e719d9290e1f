"""Who gets the message: numbers pasted into a box and counted live, or a list imported from a file."""

from __future__ import annotations

from pathlib import Path
from typing import Final

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from liasmart_desktop.core.importing import (
    ImportCounts,
    ImportReport,
    RowReason,
    RowStatus,
    parse_pasted_numbers,
)
from liasmart_desktop.ui import countries
from liasmart_desktop.ui.widgets.action_button import ActionButton
from liasmart_desktop.ui.widgets.compose_wording import number
from liasmart_desktop.ui.widgets.icon_label import GOOD, INFORMATION, WARNING, IconLabel
from liasmart_desktop.ui.workers.latest_task import LatestTask
from liasmart_desktop.ui.workers.task_runner import TaskRunner

#: Pasted numbers are counted once typing pauses this long (a paste of 100,000 numbers takes ~0.6 s).
PASTE_DELAY_MS: Final = 200
#: The paste box shows this many lines and scrolls beyond.
PASTE_LINES_SHOWN: Final = 8
#: Numbers that cannot be used are quoted back, up to this many.
SHOWN_INVALID: Final = 5


def _parse(text: str, country: str, homes: tuple[str, ...]) -> ImportReport:
    return parse_pasted_numbers(text, country or None, home_regions=homes)


class RecipientsBox(QGroupBox):
    """The paste box with its live counts, "Import from Excel…", and the imported list's summary.

    Numbers are counted off the GUI thread with the importer's own rules (``parse_pasted_numbers``),
    once typing pauses. While an imported list is set it is the one used; the paste box is hidden
    and keeps its text for when the list is cleared.

    Signals:
        changed(): the recipients changed (numbers counted, a list set or cleared).
    """

    changed = Signal()

    def __init__(
        self, tasks: TaskRunner, country: str, import_action: QAction, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Recipients"), parent)
        self._country = country
        #: The counted numbers of the box as it is now; ``None`` when it is empty or being counted.
        self._parsed: ImportReport | None = None
        #: The box changed (or the country did) since ``_parsed`` was counted.
        self._pending = False
        self._imported: tuple[ImportReport, Path] | None = None
        self._parser = LatestTask(tasks, PASTE_DELAY_MS, self)

        self._paste = QPlainTextEdit(self)
        self._paste.setObjectName("pastedNumbers")
        self._paste.setTabChangesFocus(True)
        self._paste.setPlaceholderText(
            self.tr(
                "Paste or type phone numbers: one per line, or separated by commas, spaces or semicolons."
            )
        )
        self._paste.setAccessibleName(self.tr("Phone numbers"))
        self._paste.setMaximumHeight(self._paste.fontMetrics().lineSpacing() * PASTE_LINES_SHOWN)
        self._paste_label = QLabel(self.tr("Phone &numbers:"), self)
        self._paste_label.setBuddy(self._paste)
        self._paste_counts = IconLabel("pastedCounts", self)
        self._country_note = QLabel(self)
        self._country_note.setObjectName("pasteCountry")
        self._country_note.setWordWrap(True)
        self._import_button = ActionButton(import_action, self)
        self._import_button.setObjectName("importButton")
        self._import_summary = IconLabel("importSummary", self)
        self._clear_button = QPushButton(self.tr("Clea&r list"), self)
        self._clear_button.setObjectName("clearImportButton")
        self._clear_button.setAccessibleName(self.tr("Clear the imported list"))
        self._clear_button.setToolTip(
            self.tr("Stop using the imported list; the pasted numbers are used again.")
        )

        import_row = QHBoxLayout()
        import_row.addWidget(self._import_summary, 1)
        import_row.addWidget(self._clear_button)
        button_row = QHBoxLayout()
        button_row.addWidget(self._import_button)
        button_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self._paste_label)
        layout.addWidget(self._paste)
        layout.addWidget(self._paste_counts)
        layout.addWidget(self._country_note)
        layout.addLayout(button_row)
        layout.addLayout(import_row)

        self._paste.textChanged.connect(self._on_paste_text_changed)
        self._clear_button.clicked.connect(self._on_clear_button_clicked)
        self._show_import()
        self._show_counts()
        self._show_country()

    # ------------------------------------------------------------------ what the panel reads

    def imported(self) -> tuple[ImportReport, Path] | None:
        """The imported list and its file, if one is set."""
        return self._imported

    @property
    def counting(self) -> bool:
        """Whether pasted numbers are waiting to be counted (their report would be out of date)."""
        return self._imported is None and self._pending

    def current_report(self) -> ImportReport | None:
        """The imported list, else the counted pasted numbers if they are up to date, else ``None``."""
        if self._imported is not None:
            return self._imported[0]
        return None if self._pending else self._parsed

    def recipients(self) -> ImportReport | None:
        """Like ``current_report``, but pasted numbers not counted yet are counted now (on this thread).

        Only a call made within the short pause after typing pays for this; it keeps a review from
        ever using numbers that were since changed.
        """
        if self._imported is None and self._pending:
            self._parser.cancel()
            self._on_numbers_counted(
                _parse(self._paste.toPlainText(), self._country, countries.home_regions())
            )
        return self.current_report()

    def pasted_count(self) -> int:
        """How many usable numbers the paste box holds (counted now if typing has not paused yet)."""
        if not self._paste.toPlainText().strip():
            return 0
        report = (
            self._parsed
            if not self._pending
            else _parse(self._paste.toPlainText(), self._country, countries.home_regions())
        )
        return report.counts.recipients if report is not None else 0

    # ------------------------------------------------------------------ what the panel sets

    def clear_all(self) -> None:
        """No recipients: the imported list is dropped and the paste box emptied."""
        self._imported = None
        self._show_import()
        if self._paste.toPlainText():
            self._paste.clear()  # counts again, and says the recipients changed
        else:
            self.changed.emit()

    def set_country(self, country: str) -> None:
        """Count pasted numbers for a new default country."""
        if country != self._country:
            self._country = country
            self._show_country()
            self._request_count(delay_ms=0)

    def set_import(self, report: ImportReport, path: Path) -> None:
        """Use an imported list instead of the pasted numbers."""
        self._imported = (report, path)
        self._show_import()
        self.changed.emit()

    def clear_import(self) -> None:
        """Go back to the pasted numbers."""
        if self._imported is not None:
            self._imported = None
            self._show_import()
            self.changed.emit()

    def set_editable(self, editable: bool) -> None:
        """Allow or forbid changes (forbidden while a send runs)."""
        self._paste.setReadOnly(not editable)
        self._clear_button.setEnabled(editable)

    # ------------------------------------------------------------------ slots and helpers

    @Slot()
    def _on_paste_text_changed(self) -> None:
        self._request_count()

    @Slot()
    def _on_clear_button_clicked(self) -> None:
        self.clear_import()

    def _request_count(self, delay_ms: int | None = None) -> None:
        text, country, homes = self._paste.toPlainText(), self._country, countries.home_regions()
        self._parsed = None
        self._pending = bool(text.strip())
        if self._pending:
            # Only the latest request's result is ever delivered, so it is always the box's count.
            self._parser.request(
                lambda _context: _parse(text, country, homes), self._on_numbers_counted, delay_ms=delay_ms
            )
        else:
            self._parser.cancel()
        self._show_counts()
        self.changed.emit()

    def _on_numbers_counted(self, report: ImportReport) -> None:
        self._parsed, self._pending = report, False
        self._show_counts()
        self.changed.emit()

    def _show_counts(self) -> None:
        if self._pending:
            self._paste_counts.show_text(self.tr("Counting the numbers…"), None)
            return
        report = self._parsed
        if report is None:
            self._paste_counts.show_text(self.tr("No numbers yet."), None)
            return
        counts = report.counts
        lines = [self._counts_line(counts)]
        invalid = [p.original for p in report.problems if p.status is not RowStatus.DUPLICATE]
        if invalid:
            shown = ", ".join(invalid[:SHOWN_INVALID]) + (" …" if len(invalid) > SHOWN_INVALID else "")
            lines.append(self.tr("Cannot be used: {numbers}").format(numbers=shown))
        if counts.ambiguous:
            lines.append(
                self.tr(
                    "Numbers that could be in more than one country are not sent: choose the default "
                    "country in Settings, or write them with + and the country code."
                )
            )
        elif any(p.reason is RowReason.NEEDS_COUNTRY for p in report.problems):
            lines.append(
                self.tr("Numbers without a country code need the default country: set it in Settings.")
            )
        problems = counts.total - counts.recipients
        self._paste_counts.show_text("\n".join(lines), WARNING if problems else GOOD)

    def _counts_line(self, counts: ImportCounts) -> str:
        parts = [self.tr("Ready: {count}").format(count=number(counts.recipients))]
        if counts.invalid:
            parts.append(self.tr("Not valid: {count}").format(count=number(counts.invalid)))
        if counts.damaged:
            parts.append(self.tr("Damaged by Excel: {count}").format(count=number(counts.damaged)))
        if counts.missing:
            parts.append(self.tr("Empty: {count}").format(count=number(counts.missing)))
        if counts.duplicate:
            parts.append(self.tr("Repeated: {count}").format(count=number(counts.duplicate)))
        if counts.ambiguous:
            parts.append(self.tr("Country unclear: {count}").format(count=number(counts.ambiguous)))
        return " · ".join(parts)

    def _show_country(self) -> None:
        if self._country:
            text = self.tr("Numbers without a country code are read as numbers of {country} (Settings).")
            self._country_note.setText(text.format(country=countries.label(self._country)))
        else:
            self._country_note.setText(
                self.tr(
                    "No default country is set (Settings): write each number with + and its country code."
                )
            )

    def _show_import(self) -> None:
        imported = self._imported
        for widget in (self._paste_label, self._paste, self._paste_counts, self._country_note):
            widget.setVisible(imported is None)
        self._import_summary.setVisible(imported is not None)
        self._clear_button.setVisible(imported is not None)
        if imported is None:
            return
        report, path = imported
        source = path.name if report.sheet is None else f"{path.name} ({report.sheet})"
        lines = [self.tr("Imported from {source}").format(source=source), self._counts_line(report.counts)]
        if report.counts.total > report.counts.recipients:
            lines.append(self.tr("The review step lists the rows set aside and why."))
        self._import_summary.show_text("\n".join(lines), INFORMATION)
