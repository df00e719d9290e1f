"""The compose form: sender ID, type, the message with its live counter, recipients, preview, and review.

Every slot reads the widgets, calls the core (``analyze`` through ``compile_template``, ``advise``,
``render``), and shows the result. The only slow computation, rendering the message for every
recipient of a large list, runs off the GUI thread once typing pauses (``LatestTask``), and a stale
render stops at its next check.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from PySide6.QtCore import QPoint, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from liasmart_desktop.core.importing import ImportReport
from liasmart_desktop.core.sender_id import SenderIdRule
from liasmart_desktop.core.settings import AppSettings
from liasmart_desktop.core.templates import SavedTemplate
from liasmart_desktop.core.text import (
    CampaignSummary,
    Encoding,
    EncodingPolicy,
    LookalikeAdvice,
    LookalikeKind,
    MergeTemplate,
    SendTextProblem,
    TemplateIssue,
    advise,
    analyze,
    check_texts,
    compile_template,
    replace_lookalikes,
    written_in_unicode_script,
)
from liasmart_desktop.ui.dialogs.lookalikes_dialog import LookalikesDialog
from liasmart_desktop.ui.phone_text import readable_phone
from liasmart_desktop.ui.services import AppServices
from liasmart_desktop.ui.widgets.action_button import ActionButton
from liasmart_desktop.ui.widgets.compose_wording import (
    number,
    send_text_problem,
    template_problem,
    text_problem,
)
from liasmart_desktop.ui.widgets.counter_view import CounterView
from liasmart_desktop.ui.widgets.icon_label import GOOD, INFORMATION, WARNING, IconLabel
from liasmart_desktop.ui.widgets.message_editor import MessageEditor
from liasmart_desktop.ui.widgets.preview_view import PreviewView
from liasmart_desktop.ui.widgets.recipients_box import RecipientsBox
from liasmart_desktop.ui.widgets.sender_id_field import SenderIdField
from liasmart_desktop.ui.widgets.sms_type_field import SmsTypeField
from liasmart_desktop.ui.workers.latest_task import LatestTask, checkpoint
from liasmart_desktop.ui.workers.task_runner import TaskContext

#: The whole list is rendered again once typing pauses this long.
RENDER_DELAY_MS: Final = 300
#: A render stops if stale, and lets the GUI thread in, every this many recipients (~1 ms of work).
CHECKPOINT_ROWS: Final = 250
#: Look-alikes that are problems in themselves (they block sending or hide text): always offered.
PROBLEM_LOOKALIKES: Final = frozenset({LookalikeKind.INVISIBLE, LookalikeKind.CONTROL})


def saves_money(advice: LookalikeAdvice) -> bool:
    """Whether replacing the look-alikes can lower the cost: fewer parts, or the whole message in standard
    characters (160 per part instead of 70, which a longer merge value may need)."""
    return advice.worthwhile or (
        advice.before.encoding is Encoding.UCS2 and advice.after.encoding is Encoding.GSM7
    )


def lookalike_offer(advice: LookalikeAdvice) -> LookalikeAdvice | None:
    """What "Replace look-alikes" offers: every replacement when that can save money; otherwise only the
    invisible and control characters, which are wrong in any message; ``None`` when there is nothing.

    Full-width commas in a Chinese text save nothing (the text stays Unicode), so they are not offered.
    """
    if saves_money(advice):
        return advice
    problems = tuple(r for r in advice.replacements if r.kind in PROBLEM_LOOKALIKES)
    if not problems:
        return None
    before = advice.before
    after = analyze(replace_lookalikes(before.text, (r.character for r in problems)), before.policy)
    return LookalikeAdvice(before, after, problems)


@dataclass(frozen=True)
class ComposeState:
    """What the form holds, for the review step."""

    sender_id: str
    sms_type: str  # "P" or "T"
    encoding_policy: str  # "auto", "T" or "U"
    text: str  # as typed (the core normalises)
    recipients: ImportReport | None  # the imported list, else the parsed pasted numbers, else None
    source_path: Path | None  # the imported file, None for pasted numbers
    template_name: str = ""  # the saved template the text is, "" once edited


@dataclass(frozen=True)
class ListRender:
    """The whole list's messages counted: the totals, and what must be asked before sending."""

    summary: CampaignSummary
    send_problems: tuple[SendTextProblem, ...]


def render_summary(template: MergeTemplate, report: ImportReport, context: TaskContext) -> ListRender:
    """Every recipient's message counted (on a pool thread); stops early when superseded."""

    def rows() -> Iterator[dict[str, str]]:
        for index, recipient in enumerate(report.recipients):
            if index % CHECKPOINT_ROWS == 0:
                checkpoint(context)
            yield report.fields(recipient)

    render = template.render_all(rows())
    sendable = (
        analysis for analysis in render.analyses if analysis is not None and not analysis.blocks_sending
    )
    # Only the totals leave the thread: 100,000 analyses would hold tens of megabytes for nothing.
    return ListRender(render.summary, check_texts(template.policy, sendable))


class ComposePanel(QWidget):
    """Sender ID, type, encoding, message, recipients and preview; "Review and send…" when ready.

    Its actions (``import_action``, ``review_action``, ``lookalikes_action``, ``insert_field_action``)
    may also be put in a window's menus. While the focus is in the panel, Ctrl+Shift+L replaces
    look-alikes and Ctrl+Shift+I opens the field menu; import and review take the window's keys.

    Signals:
        import_requested(): "Import from Excel…" was chosen.
        review_requested(): "Review and send…" was chosen (only possible when ``problems()`` is empty).
        changed(): anything in ``state()`` or ``problems()`` may have changed.
    """

    import_requested = Signal()
    review_requested = Signal()
    changed = Signal()

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._busy = False
        #: What must be set up before anything can be sent (no account), as a sentence; "" when nothing.
        self._setup_problem = ""
        #: The campaign this very message and list were just sent as ("" when edited since).
        self._sent_as = ""
        self._default_sender = services.settings.default_sender_id
        self._summary: CampaignSummary | None = None
        # What the whole list's messages carry (None: not counted; the typed text's are shown then).
        self._list_problems: tuple[SendTextProblem, ...] | None = None
        self._render = LatestTask(services.tasks, RENDER_DELAY_MS, self)
        self._lookalikes_dialog: LookalikesDialog | None = None
        self._applied_template: SavedTemplate | None = None
        self._create_actions()
        self._create_widgets(services.settings)
        self._lay_out()
        self._apply_settings(services.settings)
        self._connect()
        self._template, self._advice = self._compile()
        self._offer = lookalike_offer(self._advice)
        self._show_text()

    # ------------------------------------------------------------------ construction

    def _action(self, text: str, slot: Callable[[], None], shortcut: str = "") -> QAction:
        action = QAction(text, self)
        action.triggered.connect(slot)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            # Active only while the focus is in the panel.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        return action

    def _create_actions(self) -> None:
        # Import and review carry no key of their own: the main window's menu gives them Ctrl+I and
        # Ctrl+Return, and the same key on two actions is ambiguous in Qt (neither fires).
        self.import_action = self._action(self.tr("Imp&ort from Excel…"), self._on_import_action_triggered)
        self.import_action.setToolTip(self.tr("Import the recipients from a spreadsheet or CSV file"))
        self.review_action = self._action(self.tr("Re&view and send…"), self._on_review_action_triggered)
        self.review_action.setToolTip(
            self.tr("Check the count, the cost and samples before anything is sent")
        )
        self.lookalikes_action = self._action(
            self.tr("Replace look-&alikes…"), self._on_lookalikes_action_triggered, "Ctrl+Shift+L"
        )
        self.lookalikes_action.setToolTip(
            self.tr("Replace curly quotes, dashes and other look-alikes with plain characters that cost less")
        )
        self.insert_field_action = self._action(
            self.tr("Insert fie&ld"), self._on_insert_field_action_triggered, "Ctrl+Shift+I"
        )
        self.insert_field_action.setToolTip(self.tr("Insert a column of the imported list at the cursor"))
        self.new_message_action = self._action(self.tr("New mes&sage"), self.clear_message)
        self.new_message_action.setToolTip(
            self.tr("Clear the message and the recipients, keeping the sender ID, to write the next one")
        )

    def _create_widgets(self, settings: AppSettings) -> None:
        self._sender = SenderIdField(self)
        self._sender_label = QLabel(self.tr("S&ender ID:"), self)
        self._sender_label.setBuddy(self._sender)
        self._sms_type = SmsTypeField(self)
        self._encoding = QComboBox(self)
        self._encoding.setObjectName("encodingCombo")
        self._encoding.setAccessibleName(self.tr("Encoding"))
        self._encoding.addItem(self.tr("Automatic"), EncodingPolicy.AUTO.value)
        self._encoding.addItem(self.tr("Standard characters only (T)"), EncodingPolicy.GSM7.value)
        self._encoding.addItem(self.tr("Unicode (U)"), EncodingPolicy.UCS2.value)
        self._encoding_label = QLabel(self.tr("Encodin&g:"), self)
        self._encoding_label.setBuddy(self._encoding)
        self._editor = MessageEditor(self)
        self._editor.setObjectName("messageEditor")
        self._editor.setAccessibleName(self.tr("Message"))
        self._editor.setPlaceholderText(self.tr("Write the message. Insert a field to personalise it."))
        self._message_label = QLabel(self.tr("&Message:"), self)
        self._message_label.setBuddy(self._editor)
        self._insert_field_menu = QMenu(self)
        self._insert_field_menu.setObjectName("insertFieldMenu")
        self._insert_field_button = QPushButton(self.insert_field_action.text(), self)
        self._insert_field_button.setObjectName("insertFieldButton")
        self._insert_field_button.setAccessibleName(self.tr("Insert field"))
        self._insert_field_button.setMenu(self._insert_field_menu)
        self._insert_field_button.setToolTip(
            self.insert_field_action.toolTip()
            + f" ({self.insert_field_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
        )
        self._lookalikes_button = ActionButton(self.lookalikes_action, self)
        self._lookalikes_button.setObjectName("lookalikesButton")
        self._counter = CounterView(self)
        self._counter.setObjectName("counterView")
        self._recipients = RecipientsBox(
            self._services.tasks, settings.default_country, self.import_action, self
        )
        self._recipients.setObjectName("recipientsBox")
        self._preview = PreviewView(self)
        self._preview.setObjectName("previewView")
        self._readiness = IconLabel("composeProblems", self)
        self._review_button = ActionButton(self.review_action, self)
        self._review_button.setObjectName("reviewButton")
        self._review_button.setDefault(True)
        self._new_message_button = ActionButton(self.new_message_action, self)
        self._new_message_button.setObjectName("newMessageButton")
        self._new_message_button.hide()

    def _lay_out(self) -> None:
        message_row = QHBoxLayout()
        message_row.addWidget(self._message_label)
        message_row.addStretch(1)
        message_row.addWidget(self._encoding_label)
        message_row.addWidget(self._encoding)
        tools = QHBoxLayout()
        tools.addWidget(self._insert_field_button)
        tools.addWidget(self._lookalikes_button)
        tools.addStretch(1)
        # One column of blocks rather than one big form: a form gives a word-wrapped row the height
        # of its narrowest wrapping, which left a gap under the counter.
        sender_row = QFormLayout()
        sender_row.addRow(self._sender_label, self._sender)
        message = QWidget(self)
        message.setObjectName("messageColumn")
        left = QVBoxLayout(message)
        left.setContentsMargins(0, 0, 0, 0)
        left.addLayout(sender_row)
        left.addWidget(self._sms_type)
        left.addLayout(message_row)
        left.addWidget(self._editor, 1)
        left.addLayout(tools)
        left.addWidget(self._counter)
        self._column = left  # the saved-templates picker goes on top (``set_template_picker``)
        recipients = QWidget(self)
        recipients.setObjectName("recipientsColumn")
        right = QVBoxLayout(recipients)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self._recipients)
        right.addWidget(self._preview)
        right.addStretch(1)
        # The message and who gets it side by side, so the whole form fits a 1024×700 screen; each side
        # scrolls up and down only if the window is smaller still, and never sideways.
        self.scroll_areas = (self._scrolling(message), self._scrolling(recipients))
        columns = QHBoxLayout()
        for area in self.scroll_areas:
            columns.addWidget(area, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self._readiness, 1)
        bottom.addWidget(self._new_message_button, 0, Qt.AlignmentFlag.AlignBottom)
        bottom.addWidget(self._review_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addLayout(bottom)

    def _scrolling(self, contents: QWidget) -> QScrollArea:
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(contents)
        return scroll

    def _connect(self) -> None:
        self._sender.changed.connect(self._on_sender_changed)
        self._sms_type.changed.connect(self._on_sms_type_changed)
        self._editor.textChanged.connect(self._on_editor_text_changed)
        self._encoding.currentIndexChanged.connect(self._on_encoding_current_index_changed)
        self._insert_field_menu.triggered.connect(self._on_insert_field_menu_triggered)
        self._recipients.changed.connect(self._on_recipients_changed)
        self._preview.recipient_changed.connect(self._on_preview_recipient_changed)
        self._render.busy_changed.connect(self._on_render_busy_changed)
        self._services.settings_changed.connect(self._on_services_settings_changed)

    def _apply_settings(self, settings: AppSettings) -> None:
        self._sender.set_rule(SenderIdRule(max_alphanumeric=settings.sender_id_max_chars))
        self._sender.set_choices(
            settings.sender_ids, settings.default_sender_id or next(iter(settings.sender_ids), "")
        )
        self._sms_type.set_sms_type(settings.sms_type)

    # ------------------------------------------------------------------ the interface

    def set_import(self, report: ImportReport, path: Path) -> None:
        """Send to an imported list (after the import dialog)."""
        self._recipients.set_import(report, path)

    def clear_import(self) -> None:
        """Go back to the pasted numbers."""
        self._recipients.clear_import()

    def pasted_count(self) -> int:
        """How many usable numbers are in the paste box (hidden while an imported list is used)."""
        return self._recipients.pasted_count()

    def clear_message(self) -> None:
        """Start a new message: no text and no recipients; the sender ID, type and encoding stay."""
        if self._busy:
            return
        self._recipients.clear_all()
        self._editor.replace_text("")  # one step that Undo reverts
        self._preview.set_recipient_index(0)
        self._sent_as = ""
        self._refresh_readiness()
        self._editor.setFocus()

    def set_setup_problem(self, problem: str) -> None:
        """What must be set up before anything can be sent ("" when nothing): it heads the checklist."""
        self._setup_problem = problem
        self._refresh_readiness()

    def mark_sent(self, name: str) -> None:
        """This message just went to this list as campaign ``name``: say so, and offer a new message."""
        self._sent_as = name
        self._refresh_readiness()

    def state(self) -> ComposeState:
        """What the form holds now."""
        imported = self._recipients.imported()
        return ComposeState(
            sender_id=self._sender.sender_id(),
            sms_type=self._sms_type.sms_type(),
            encoding_policy=self._policy().value,
            text=self._editor.message_text(),
            recipients=self._recipients.recipients(),
            source_path=imported[1] if imported is not None else None,
            template_name=self._template_name(),
        )

    # ------------------------------------------------------------------ saved templates (office rules)

    def set_template_picker(self, picker: QWidget) -> None:
        """Show the saved-templates picker above the sender ID (the window makes it with its controller)."""
        self._column.insertWidget(0, picker)

    def apply_template(self, template: SavedTemplate) -> None:
        """Fill the message, and the sender ID and type the template has, from a saved template."""
        self._editor.replace_text(template.text)
        if template.sender_id:
            self._sender.set_choices(self._services.settings.sender_ids, template.sender_id)
        if template.sms_type:
            self._sms_type.set_sms_type(template.sms_type)
        self._applied_template = template

    def current_template(self) -> SavedTemplate:
        """The form's message, sender ID and type as a template without a name (to save one)."""
        return SavedTemplate(
            "", self._editor.message_text(), self._sender.sender_id(), self._sms_type.sms_type()
        )

    def _template_name(self) -> str:
        applied = self._applied_template
        return applied.name if applied is not None and applied.text == self._editor.message_text() else ""

    def problems(self) -> list[str]:
        """What keeps the form from review, in sentences; empty when it is ready."""
        found: list[str] = []
        if self._setup_problem:
            found.append(self._setup_problem)
        if self._busy:
            found.append(self.tr("Wait until the current send has finished."))
        sender_problem = self._sender.problem()
        if sender_problem is not None:
            found.append(sender_problem)
        typed = analyze(self._editor.message_text(), self._policy())
        found += [text_problem(p) for p in typed.problems if p.code.blocks_sending]
        has_list = self._recipients.imported() is not None
        found += [
            template_problem(p, has_list=has_list) for p in self._template.problems if p.code.blocks_rendering
        ]
        found += self._recipient_problems()
        found += [send_text_problem(p) for p in self._send_problems() if p.blocks_sending]
        return found

    def _send_problems(self) -> tuple[SendTextProblem, ...]:
        """What the messages carry that is asked before Send: the list's when counted, else the text's."""
        if self._list_problems is not None:  # reset whenever the list is counted again
            return self._list_problems
        literal = self._template.literal
        return check_texts(literal.policy, [literal]) if literal.text.strip() else ()

    def _recipient_problems(self) -> list[str]:
        if self._recipients.counting:
            return [self.tr("Counting the pasted numbers…")]
        report = self._recipients.current_report()
        if report is None:
            return [self.tr("Add recipients: paste phone numbers or import a list.")]
        if not report.recipients:
            if self._recipients.imported() is not None:
                return [self.tr("The imported list has no number to send to. Clear it and import another.")]
            return [self.tr("None of the pasted numbers can be used. Check them, or the default country.")]
        summary = self._summary
        if summary is not None and not self._render.busy and summary.rows and not summary.sendable:
            return [self.tr("No recipient would get this message: each one lacks a value for a merge field.")]
        return []

    def set_busy(self, busy: bool) -> None:
        """Forbid editing while a send runs (and allow it again afterwards)."""
        self._busy = busy
        self._editor.setReadOnly(busy)
        for widget in (self._sender, self._sms_type, self._encoding):
            widget.setEnabled(not busy)
        self._recipients.set_editable(not busy)
        self.import_action.setEnabled(not busy)
        self._refresh_tools()
        self._refresh_readiness()

    # ------------------------------------------------------------------ slots

    @Slot()
    def _on_sender_changed(self) -> None:
        self._refresh_readiness()
        self.changed.emit()

    @Slot()
    def _on_sms_type_changed(self) -> None:
        self.changed.emit()

    @Slot()
    def _on_editor_text_changed(self) -> None:
        self._sent_as = ""
        self._recompile()
        self._show_text()

    @Slot(int)
    def _on_encoding_current_index_changed(self, _index: int) -> None:
        self._recompile()
        self._show_text()

    @Slot()
    def _on_recipients_changed(self) -> None:
        self._sent_as = ""
        self._recompile()
        self._refresh_field_menu()
        self._show_text(render_delay_ms=0)

    def _recompile(self) -> None:
        self._template, self._advice = self._compile()
        self._offer = lookalike_offer(self._advice)

    @Slot(int)
    def _on_preview_recipient_changed(self, _index: int) -> None:
        self._show_preview()

    @Slot(bool)
    def _on_render_busy_changed(self, busy: bool) -> None:
        if busy:
            self._counter.show_campaign_pending()
        self._refresh_readiness()

    @Slot(object)
    def _on_services_settings_changed(self, settings: AppSettings) -> None:
        self._sender.set_rule(SenderIdRule(max_alphanumeric=settings.sender_id_max_chars))
        # A new default sender ID is what the user just chose: it applies now, not after a restart.
        current = self._sender.sender_id()
        if settings.default_sender_id != self._default_sender:
            current = settings.default_sender_id or current
        self._default_sender = settings.default_sender_id
        self._sender.set_choices(settings.sender_ids, current)
        self._recipients.set_country(settings.default_country)
        if self._summary is not None and not self._render.busy:
            self._counter.show_campaign(self._summary, settings.price_per_part, settings.currency)

    @Slot()
    def _on_import_action_triggered(self) -> None:
        self.import_requested.emit()

    @Slot()
    def _on_review_action_triggered(self) -> None:
        if not self.problems():
            self.review_requested.emit()

    @Slot()
    def _on_insert_field_action_triggered(self) -> None:
        if self._insert_field_button.isEnabled():
            button = self._insert_field_button
            self._insert_field_menu.popup(button.mapToGlobal(QPoint(0, button.height())))

    @Slot(QAction)
    def _on_insert_field_menu_triggered(self, action: QAction) -> None:
        self._editor.insert_field(str(action.data()))

    @Slot()
    def _on_lookalikes_action_triggered(self) -> None:
        if self._offer is None or self._lookalikes_dialog is not None:
            return
        dialog = LookalikesDialog(self._offer, self)
        dialog.accepted.connect(self._on_lookalikes_dialog_accepted)
        dialog.finished.connect(self._on_lookalikes_dialog_finished)
        self._lookalikes_dialog = dialog
        dialog.open()

    @Slot()
    def _on_lookalikes_dialog_accepted(self) -> None:
        if self._lookalikes_dialog is not None:
            characters = self._lookalikes_dialog.characters()
            self._editor.replace_text(replace_lookalikes(self._editor.message_text(), characters))

    @Slot(int)
    def _on_lookalikes_dialog_finished(self, _result: int) -> None:
        if self._lookalikes_dialog is not None:
            self._lookalikes_dialog.deleteLater()
            self._lookalikes_dialog = None

    # ------------------------------------------------------------------ showing results

    def _policy(self) -> EncodingPolicy:
        return EncodingPolicy(self._encoding.currentData())

    def _columns(self) -> tuple[str, ...]:
        imported = self._recipients.imported()
        return imported[0].columns if imported is not None else ()

    def _compile(self) -> tuple[MergeTemplate, LookalikeAdvice]:
        """The message bound to the list's columns, and look-alike advice on the text that is sent."""
        policy = self._policy()
        template = compile_template(self._editor.message_text(), self._columns(), policy)
        return template, advise(template.literal.text, policy)

    def _show_text(self, render_delay_ms: int | None = None) -> None:
        template, advice = self._template, self._advice
        literal = template.literal
        self._editor.set_columns(self._columns())
        characters = literal.unicode_characters
        # Marking every character of a Chinese text as "forcing Unicode" is noise, not help.
        self._editor.set_unicode_characters(() if written_in_unicode_script(characters) else characters)
        has_list = self._recipients.imported() is not None
        notes = [
            template_problem(p, has_list=has_list)
            for p in template.problems
            if p.code is TemplateIssue.ESCAPED_FIELD
        ]
        self._counter.show_text(
            literal, advice, has_fields=bool(template.fields), notes=notes, offered=saves_money(advice)
        )
        self._refresh_tools()
        self._request_render(render_delay_ms)
        self._counter.show_send_problems(self._send_problems())
        self._show_preview()
        self._refresh_readiness()
        self.changed.emit()

    def _refresh_tools(self) -> None:
        self.lookalikes_action.setEnabled(self._offer is not None and not self._busy)
        has_fields = bool(self._insert_field_menu.actions()) and not self._busy
        self._insert_field_button.setEnabled(has_fields)
        self.insert_field_action.setEnabled(has_fields)

    def _refresh_field_menu(self) -> None:
        self._insert_field_menu.clear()
        for column in self._columns():
            if "{" in column or "}" in column:
                continue  # a field name cannot hold a brace; such a column cannot be merged
            action = self._insert_field_menu.addAction(column.replace("&", "&&"))
            action.setData(column)
        self._refresh_tools()

    def _request_render(self, delay_ms: int | None) -> None:
        template = self._template
        if self._recipients.counting:
            # New numbers are on their way and will ask for a render: keep the old totals, greyed.
            self._render.cancel()
            self._list_problems = None
            self._counter.show_campaign_pending()
            return
        report = self._recipients.current_report()
        if report is None or not report.recipients or not template.ok or not template.source.strip():
            self._render.cancel()
            self._summary = self._list_problems = None
            self._counter.hide_campaign()
            return
        self._list_problems = None
        self._render.request(
            lambda context: render_summary(template, report, context),
            self._on_render_finished,
            self._on_render_failed,
            delay_ms=delay_ms,
        )

    def _on_render_finished(self, rendered: ListRender) -> None:
        self._summary, self._list_problems = rendered.summary, rendered.send_problems
        settings = self._services.settings
        self._counter.show_campaign(rendered.summary, settings.price_per_part, settings.currency)
        self._counter.show_send_problems(self._send_problems())
        self._refresh_readiness()

    def _on_render_failed(self, _error: BaseException) -> None:
        self._summary = self._list_problems = None
        self._counter.show_campaign_failed()

    def _show_preview(self) -> None:
        report = self._recipients.current_report()
        count = len(report.recipients) if report is not None else 0
        self._preview.set_recipient_count(count)
        index = self._preview.recipient_index()
        template = self._template
        who = ""
        if report is not None and index >= 0:
            recipient = report.recipients[index]
            who = self.tr("Row {row} · {phone}").format(
                row=number(recipient.row), phone=readable_phone(recipient.phone)
            )
        if not template.source.strip():
            self._preview.show_note(who, self.tr("Write the message to see it here."))
            return
        if not template.ok:
            self._preview.show_note(who, self.tr("Fix the merge fields to see the message."))
            return
        if report is None or index < 0:
            self._preview.show_message(who, template.literal)
            return
        rendered = template.render(report.fields(report.recipients[index]))
        if rendered.analysis is None:
            fields = ", ".join("{" + name + "}" for name in rendered.empty_fields)
            self._preview.show_note(
                who,
                self.tr(
                    "This recipient has no value for {fields}, so they will not get this message."
                ).format(fields=fields),
            )
            return
        self._preview.show_message(who, rendered.analysis)

    def _refresh_readiness(self) -> None:
        problems = self.problems()
        self.review_action.setEnabled(not problems)
        self.new_message_action.setEnabled(not self._busy)
        self._new_message_button.setVisible(bool(self._sent_as) and not self._busy)
        if problems:
            text = self.tr("Before review:") + "\n" + "\n".join(f"• {problem}" for problem in problems)
            self._readiness.show_text(text, WARNING)
        elif self._sent_as:
            self._readiness.show_text(
                self.tr(
                    "This message was just sent to this list as “{name}”. Press New message to write "
                    "the next one; reviewing this one again would send it to everyone a second time."
                ).format(name=self._sent_as),
                INFORMATION,
            )
        else:
            self._readiness.show_text(self.tr("Ready for review."), GOOD)
