"""The compose form keeps its word: look-alikes are offered only where replacing them can save money, a new
default sender ID applies at once, and the form starts afresh on request."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from liasmart_desktop.core.settings import updated
from liasmart_desktop.ui.dialogs.lookalikes_dialog import LookalikesDialog
from liasmart_desktop.ui.services import AppServices
from liasmart_desktop.ui.widgets.compose_panel import ComposePanel
from liasmart_desktop.ui.widgets.message_editor import MessageEditor
from liasmart_desktop.ui.widgets.sms_type_field import SmsTypeField
from tests.ui.compose_support import child, compose_panel, is_shown, shown_text


@pytest.fixture
def form(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[ComposePanel, AppServices]]:
    with compose_panel(
        tmp_path, sender_ids=("LIASMART", "SHOP"), default_sender_id="LIASMART", default_country="CN"
    ) as made:
        yield made


def type_text(panel: ComposePanel, text: str) -> None:
    child(panel, MessageEditor, "messageEditor").setPlainText(text)


@pytest.mark.parametrize(
    "text",
    ["您好，订单已发货！请留意查收。", "您好，「会员日」全场八折～"],
    ids=["full-width-punctuation", "brackets-and-tilde"],
)
def test_chinese_punctuation_is_not_offered_when_nothing_is_saved(
    form: tuple[ComposePanel, AppServices], text: str
) -> None:
    panel, _services = form
    type_text(panel, text)
    assert not panel.lookalikes_action.isEnabled()
    assert not is_shown(panel, "counterLookalikes")
    panel.lookalikes_action.trigger()
    assert panel.findChild(LookalikesDialog) is None


def test_an_invisible_character_in_chinese_text_is_offered_alone(
    qtbot: QtBot, form: tuple[ComposePanel, AppServices]
) -> None:
    panel, _services = form
    type_text(panel, "您好，\u200b订单已发货！")
    assert panel.lookalikes_action.isEnabled()  # a hidden character is wrong in any message
    panel.lookalikes_action.trigger()
    dialog = child(panel, LookalikesDialog, "lookalikesDialog")
    listed = shown_text(dialog, "lookalikesList")
    assert "U+200B" in listed
    assert "，" not in listed
    assert "！" not in listed
    dialog.accept()
    qtbot.waitUntil(lambda: panel.findChild(LookalikesDialog) is None)
    assert child(panel, MessageEditor, "messageEditor").message_text() == "您好，订单已发货！"


def test_a_lookalike_that_makes_the_message_standard_is_offered(
    form: tuple[ComposePanel, AppServices],
) -> None:
    panel, _services = form
    type_text(panel, "Your order is on its way – thank you!")  # one part either way, but 160 a part, not 70
    assert panel.lookalikes_action.isEnabled()
    assert is_shown(panel, "counterLookalikes")
    assert shown_text(panel, "counterLookalikes") == (
        "Replacing – with plain look-alikes makes the message Standard characters (T): up to 160 characters "
        "per part instead of 70."
    )


def test_a_new_default_sender_id_applies_at_once(form: tuple[ComposePanel, AppServices]) -> None:
    panel, services = form
    assert panel.state().sender_id == "LIASMART"
    services.save_settings(updated(services.settings, default_sender_id="SHOP"))
    assert panel.state().sender_id == "SHOP"  # not after a restart
    # Another change of the settings leaves the sender ID the user chose alone.
    services.save_settings(updated(services.settings, price_per_part=None, currency="USD"))
    assert panel.state().sender_id == "SHOP"


def test_the_message_type_is_one_row_with_the_chosen_type_explained(
    form: tuple[ComposePanel, AppServices],
) -> None:
    panel, _services = form
    field = panel.findChild(SmsTypeField)
    assert field is not None
    assert field.explanation() == "Offers, news and invitations sent to many people at once."
    field.set_sms_type("T")
    assert field.explanation().startswith("Messages a person expects from you")
    assert panel.state().sms_type == "T"
