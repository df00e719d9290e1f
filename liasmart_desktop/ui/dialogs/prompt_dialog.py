"""The main window's questions and notices (standard message boxes), worded once, one and many apart.

Each function shows one box over ``parent`` and returns what the user chose. The texts keep the main
window's translation context, where they were first written.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from liasmart_desktop.core.sending.states import MessageState
from liasmart_desktop.ui.controllers.campaign_controller import Step, UnfinishedCampaign
from liasmart_desktop.ui.messages import campaign_title, count_text, describe_campaign_error, join_sentences

CONTEXT = "MainWindow"


def _ask(parent: QWidget, title: str, text: str) -> bool:
    return QMessageBox.question(parent, title, text) == QMessageBox.StandardButton.Yes


def ask_to_close_while_sending(parent: QWidget) -> bool:
    """Closing during a send: stop after the requests on their way and close?"""
    return _ask(
        parent,
        QCoreApplication.translate(CONTEXT, "Sending in progress"),
        QCoreApplication.translate(
            CONTEXT,
            "Messages are being sent. Stop after the messages already on their way and close? "
            "The rest can be sent later from History.",
        ),
    )


def ask_to_use_import(parent: QWidget, pasted: int) -> bool:
    """A list was imported while numbers are pasted: send to the list instead (the numbers are kept)?"""
    typed = count_text(
        pasted,
        QCoreApplication.translate(CONTEXT, "You also typed or pasted 1 number."),
        QCoreApplication.translate(CONTEXT, "You also typed or pasted {count} numbers."),
    )
    instead = QCoreApplication.translate(
        CONTEXT,
        "The imported list is sent instead of them; they are kept and come back if you clear the list. "
        "Use the imported list?",
    )
    return _ask(
        parent,
        QCoreApplication.translate(CONTEXT, "Use the imported list?"),
        join_sentences((typed, instead)),
    )


def ask_to_cancel(parent: QWidget) -> bool:
    """Cancel what is not sent yet?"""
    return _ask(
        parent,
        QCoreApplication.translate(CONTEXT, "Cancel sending"),
        QCoreApplication.translate(
            CONTEXT, "Cancel the messages not sent yet? Messages already on their way still finish."
        ),
    )


def ask_to_resend(parent: QWidget, state: MessageState, count: int) -> bool:
    """Send the unknown or rejected messages again (each is charged again)?"""
    if state is MessageState.UNKNOWN:
        first = count_text(
            count,
            QCoreApplication.translate(CONTEXT, "Send 1 unknown message again?"),
            QCoreApplication.translate(CONTEXT, "Send {count} unknown messages again?"),
        )
        second = QCoreApplication.translate(
            CONTEXT,
            "They may already have been delivered: some people may receive the message twice, and each "
            "one is charged again.",
        )
    else:
        first = count_text(
            count,
            QCoreApplication.translate(CONTEXT, "Send 1 rejected message again?"),
            QCoreApplication.translate(CONTEXT, "Send {count} rejected messages again?"),
        )
        second = QCoreApplication.translate(
            CONTEXT, "LiaSmart refused them before; unless the cause is fixed they will be refused again."
        )
    return _ask(parent, QCoreApplication.translate(CONTEXT, "Send again"), join_sentences((first, second)))


def tell_recovered(parent: QWidget, count: int) -> None:
    """Messages a stopped app left on their way are now unknown."""
    QMessageBox.information(
        parent,
        QCoreApplication.translate(CONTEXT, "Interrupted messages"),
        join_sentences(
            (
                count_text(
                    count,
                    QCoreApplication.translate(
                        CONTEXT, "1 message was being sent when the app last stopped."
                    ),
                    QCoreApplication.translate(
                        CONTEXT, "{count} messages were being sent when the app last stopped."
                    ),
                ),
                QCoreApplication.translate(
                    CONTEXT,
                    "They are marked Unknown: they may or may not have been delivered, and they are not "
                    "sent again unless you choose Resend unknown.",
                ),
            )
        ),
    )


def tell_adopted(parent: QWidget, api_id: str) -> None:
    """A campaign from before accounts were recorded now belongs to ``api_id``."""
    QMessageBox.information(
        parent,
        QCoreApplication.translate(CONTEXT, "Campaign account recorded"),
        QCoreApplication.translate(
            CONTEXT,
            "This campaign was created before campaigns recorded their account. It now belongs to "
            "the account {api_id} and will only ever be sent through it.",
        ).format(api_id=api_id),
    )


def tell_failure(parent: QWidget, step: Step, sentence: str) -> None:
    """A campaign task failed: titled by what failed, never "Something went wrong"."""
    titles = {
        Step.PREPARE: QCoreApplication.translate(CONTEXT, "The messages could not be prepared"),
        Step.OPEN: QCoreApplication.translate(CONTEXT, "The campaign could not be opened"),
        Step.REFRESH: QCoreApplication.translate(CONTEXT, "Delivery reports not checked"),
        Step.EXPORT: QCoreApplication.translate(CONTEXT, "The results were not saved"),
        Step.FIND_UNFINISHED: QCoreApplication.translate(CONTEXT, "The history could not be read"),
    }
    QMessageBox.warning(parent, titles[step], sentence)


def ask_to_resume(parent: QWidget, found: UnfinishedCampaign) -> bool:
    """An unfinished campaign at start-up: resume it (or say why it cannot go on from here)?"""
    overview = found.overview
    campaign = overview.campaign
    where = (
        QCoreApplication.translate(CONTEXT, "a practice campaign (sandbox)")
        if campaign.sandbox
        else QCoreApplication.translate(CONTEXT, "sent through the account {api_id}").format(
            api_id=campaign.api_id or "—"
        )
    )
    text = count_text(
        overview.waiting,
        QCoreApplication.translate(
            CONTEXT, "Campaign “{name}” ({where}) was not finished: 1 message is still waiting to be sent."
        ),
        QCoreApplication.translate(
            CONTEXT,
            "Campaign “{name}” ({where}) was not finished: {count} messages are still waiting to be sent.",
        ),
    ).format(name=campaign_title(campaign), where=where)
    if overview.in_flight:
        on_their_way = count_text(
            overview.in_flight,
            QCoreApplication.translate(
                CONTEXT,
                "1 message was on its way when the app stopped; it will be marked Unknown and not sent "
                "again automatically.",
            ),
            QCoreApplication.translate(
                CONTEXT,
                "{count} messages were on their way when the app stopped; they will be marked Unknown "
                "and not sent again automatically.",
            ),
        )
        text = join_sentences((text, on_their_way))
    if found.refusal is not None:
        QMessageBox.information(
            parent,
            QCoreApplication.translate(CONTEXT, "Unfinished campaign"),
            join_sentences((text, describe_campaign_error(found.refusal))),
        )
        return False
    resume = QCoreApplication.translate(CONTEXT, "Resume now?")
    return _ask(parent, QCoreApplication.translate(CONTEXT, "Resume sending?"), text + "\n\n" + resume)
