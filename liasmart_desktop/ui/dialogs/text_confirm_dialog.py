"""The plain question before Send when the messages lose characters or run long (shared/cli.md, "What
the text carries"): the same rules as ``liasmart send`` (``core.text.check_texts``), asked instead of
refused. A message past 255 parts cannot be sent at all: that is said, and nothing is sent.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from liasmart_desktop.core.sending.prepare import PreparedCampaign
from liasmart_desktop.core.settings import AppSettings
from liasmart_desktop.core.text import SendTextIssue, SendTextProblem, check_texts
from liasmart_desktop.ui.dialogs.review_dialog import format_money
from liasmart_desktop.ui.widgets.compose_wording import number, send_text_problem, show_characters


def _long_question(problem: SendTextProblem, count: int, settings: AppSettings) -> str:
    parts = number(problem.parts)
    price = settings.price_per_part
    if price is None:
        return QCoreApplication.translate(
            "TextConfirmDialog",
            "A message has {parts} parts, and each part is charged like a whole message: each recipient "
            "of it costs {parts} times the price of one part.",
        ).format(parts=parts)
    each = price * problem.parts
    return QCoreApplication.translate(
        "TextConfirmDialog",
        "A message has {parts} parts, and each part is charged: {each} per recipient, up to {total} "
        "for all {count} messages.",
    ).format(
        parts=parts,
        each=format_money(each, settings.currency),
        total=format_money(each * count, settings.currency),
        count=number(count),
    )


def question_text(problems: tuple[SendTextProblem, ...], count: int, settings: AppSettings) -> str:
    """The question for what may still be sent after a yes (blocking problems are not asked about)."""
    sentences = []
    for problem in problems:
        if problem.code is SendTextIssue.LOST_CHARACTERS:
            sentences.append(
                QCoreApplication.translate(
                    "TextConfirmDialog",
                    "Standard characters (T) cannot carry {characters}: phones will show question marks or "
                    "nothing in their place.",
                ).format(characters=show_characters(problem.characters))
            )
        elif problem.code is SendTextIssue.LONG_MESSAGE:
            sentences.append(_long_question(problem, count, settings))
    return "\n\n".join([*sentences, QCoreApplication.translate("TextConfirmDialog", "Send it anyway?")])


def confirm_texts(parent: QWidget | None, prepared: PreparedCampaign, settings: AppSettings) -> bool:
    """Whether to send: True when nothing needs asking or the user says yes; False after a refusal."""
    problems = check_texts(prepared.spec.encoding_policy, prepared.messages)
    blocking = [problem for problem in problems if problem.blocks_sending]
    if blocking:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("TextConfirmDialog", "The message is too long"),
            send_text_problem(blocking[0]),
        )
        return False
    if not problems:
        return True
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("TextConfirmDialog", "Check the message before sending"),
        question_text(problems, len(prepared.messages), settings),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
