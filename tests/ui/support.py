"""Shared helpers for GUI tests: app services over a temporary data folder, and journal records."""

from __future__ import annotations

import random
from pathlib import Path

from liasmart_desktop.core.paths import open_data_dir
from liasmart_desktop.core.sending.journal import Journal
from liasmart_desktop.core.sending.prepare import PreparedCampaign
from liasmart_desktop.core.sending.records import Campaign, CampaignSpec, MessageRecord, NewMessage
from liasmart_desktop.core.settings import AppSettings
from liasmart_desktop.ui.controllers.account_controller import AccountController
from liasmart_desktop.ui.controllers.campaign_controller import CampaignController, ReadyCampaign
from liasmart_desktop.ui.dialogs.review_dialog import ReviewDialog
from liasmart_desktop.ui.services import AppServices


def make_services(tmp_path: Path, **settings: object) -> AppServices:
    """Services over ``tmp_path`` with the given settings (call ``shutdown()`` when done)."""
    return AppServices(open_data_dir(str(tmp_path / "home")), settings=AppSettings(**settings))  # type: ignore[arg-type]


def make_campaign(journal_path: Path, count: int, **spec: object) -> Campaign:
    """A stored campaign of ``count`` pending messages."""
    fields = {"template": "Hello", "sender_id": "LIASMART", "sms_type": "P", **spec}
    journal = Journal.open(journal_path)
    try:
        return journal.create_campaign(
            CampaignSpec(**fields),  # type: ignore[arg-type]
            [
                NewMessage(row=i + 2, phone=f"86139{i:08d}", text=f"Hello {i}", encoding="T", segments=1)
                for i in range(count)
            ],
        )
    finally:
        journal.close()


def records(journal_path: Path, campaign: Campaign) -> list[MessageRecord]:
    """Every message of ``campaign`` as stored now."""
    journal = Journal.open(journal_path)
    try:
        return list(journal.messages(campaign.id, with_fields=False))
    finally:
        journal.close()


def make_review(
    services: AppServices, prepared: PreparedCampaign, seed: int = 7, sent_before: Campaign | None = None
) -> ReviewDialog:
    """The review of ``prepared`` with its own controllers, as the main window opens it."""
    account = AccountController(services)
    campaigns = CampaignController(services, account)
    ready = ReadyCampaign(prepared, sent_before)
    dialog = ReviewDialog(services, ready, campaigns, account, rng=random.Random(seed))
    # The controllers live as long as the dialog, as the main window's do.
    account.setParent(dialog)
    campaigns.setParent(dialog)
    return dialog
