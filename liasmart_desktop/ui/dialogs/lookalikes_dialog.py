"""Asks before replacing look-alike characters: what changes, how often, and the parts before and after."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from liasmart_desktop.core.text import LookalikeAdvice, Replacement
from liasmart_desktop.ui.widgets.compose_wording import encoding_name, number, show_character, show_characters


class LookalikesDialog(QDialog):
    """Shows a ``LookalikeAdvice``; accepting it means "replace these characters", nothing else does.

    Open it with ``open()`` and act on ``accepted``: the text is never changed without this step.
    """

    def __init__(self, advice: LookalikeAdvice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lookalikesDialog")
        self.setWindowTitle(self.tr("Replace look-alike characters"))
        self._advice = advice
        intro = QLabel(
            self.tr(
                "These characters make the message cost more than it looks. Each has a plain "
                "look-alike with the same meaning:"
            ),
            self,
        )
        intro.setWordWrap(True)
        replacements = QLabel("\n".join(self._describe(r) for r in advice.replacements), self)
        replacements.setObjectName("lookalikesList")
        replacements.setTextFormat(Qt.TextFormat.PlainText)
        before, after = advice.before, advice.after
        comparison = self.tr(
            "Before: {encoding_before}, parts per message: {parts_before}\n"
            "After: {encoding_after}, parts per message: {parts_after}"
        ).format(
            encoding_before=encoding_name(before.encoding),
            parts_before=number(before.segments),
            encoding_after=encoding_name(after.encoding),
            parts_after=number(after.segments),
        )
        if advice.unreplaceable:
            comparison += "\n" + self.tr("Still Unicode afterwards because of: {characters}").format(
                characters=show_characters(advice.unreplaceable)
            )
        counts = QLabel(comparison, self)
        counts.setObjectName("lookalikesCounts")
        counts.setTextFormat(Qt.TextFormat.PlainText)
        counts.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        replace = buttons.addButton(self.tr("&Replace"), QDialogButtonBox.ButtonRole.AcceptRole)
        replace.setObjectName("replaceButton")
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(replacements)
        layout.addWidget(counts)
        layout.addWidget(buttons)

    def characters(self) -> tuple[str, ...]:
        """The characters the user agreed to replace."""
        return tuple(replacement.character for replacement in self._advice.replacements)

    def _describe(self, replacement: Replacement) -> str:
        if replacement.replacement == "":
            becomes = self.tr("removed")
        elif replacement.replacement == " ":
            becomes = self.tr("a plain space")
        elif replacement.replacement == "\n":
            becomes = self.tr("a line break")
        else:
            becomes = replacement.replacement
        return self.tr("{character} → {replacement} (times: {count})").format(
            character=show_character(replacement.character),
            replacement=becomes,
            count=number(replacement.occurrences),
        )
