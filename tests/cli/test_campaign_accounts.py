"""A campaign belongs to its account and mode, on the command line (the contract's "Additions").

The "real" provider here is a sandbox server reached through LIASMART_BASE_URL that accepts one
account only, with a ledger of what it received: the proof of what was and was not sent.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from liasmart_desktop.core.sending.journal import Journal
from liasmart_desktop.core.sending.records import Pacing
from liasmart_desktop.core.sending.states import MessageState
from liasmart_desktop.sandbox import SandboxConfig, SandboxServer
from tests.cli.test_campaign import PASSWORD, make_stored_campaign
from tests.helpers.cli_runs import API_ID, cli, cli_json
from tests.helpers.journal_states import settle
from tests.helpers.ledger_checks import check_against_ledger, send_requests

OTHER_ID = "API99999999"


@pytest.fixture
def provider(tmp_path: Path) -> Iterator[SandboxServer]:
    server = SandboxServer(SandboxConfig(ledger_path=tmp_path / "ledger.jsonl")).start()
    yield server
    server.stop()


@pytest.fixture
def env(provider: SandboxServer, isolated_env: Path) -> dict[str, str]:
    return {
        "LIASMART_BASE_URL": provider.base_url,
        "LIASMART_API_ID": API_ID,
        "LIASMART_API_PASSWORD": PASSWORD,
        "LIASMART_HOME": str(isolated_env),
    }


def interrupted_campaign(env: dict[str, str], count: int, **spec: object) -> str:
    """A campaign a killed sender left for ``API_ID``: its first message in flight, the rest not sent."""
    code, _ = make_stored_campaign(env, count, **spec)
    with Journal.open(Path(env["LIASMART_HOME"]) / "journal.sqlite3") as journal:
        settle(journal, journal.campaign(code), [MessageState.IN_FLIGHT])
    return code


def test_resume_under_another_api_id_exits_2_and_sends_nothing(
    env: dict[str, str], provider: SandboxServer
) -> None:
    code = interrupted_campaign(env, 6)
    before = len(send_requests(provider.ledger()))
    status, out, err = cli("resume", code, "--api-id", OTHER_ID, env=env)
    assert (status, out) == (2, "")
    assert f"Campaign {code} belongs to API ID {API_ID}, not {OTHER_ID}; nothing was sent." in err
    assert len(send_requests(provider.ledger())) == before
    status, _, _ = cli("resend", code, "--state", "unknown", "--yes", "--api-id", OTHER_ID, env=env)
    assert status == 2
    assert cli("refresh", code, "--api-id", OTHER_ID, env=env)[0] == 2
    assert len(send_requests(provider.ledger())) == before

    # Under its own account it finishes, and nobody got a message twice.
    document = cli_json("resume", code, env=env, expect=1)  # the one left in flight is unknown
    assert (document["counts"]["accepted"], document["counts"]["unknown"]) == (5, 1)
    with Journal.open(Path(env["LIASMART_HOME"]) / "journal.sqlite3") as journal:
        check_against_ledger(journal.messages(journal.campaign(code).id), provider.ledger(), campaign=code)


def test_a_sandbox_campaign_never_reaches_the_configured_provider(
    env: dict[str, str], provider: SandboxServer
) -> None:
    code = interrupted_campaign(env, 4, sandbox=True, api_id="")
    assert send_requests(provider.ledger()) == []
    document = cli_json("resume", code, env=env, expect=1)  # the configured provider is right there
    assert document["counts"]["accepted"] == 3
    assert send_requests(provider.ledger()) == []  # only a fresh simulator saw them
    listed = {c["campaign"]: c for c in cli_json("campaigns", env=env)["campaigns"]}
    assert (listed[code]["sandbox"], listed[code]["api_id"]) == (True, None)


def test_a_campaign_from_before_accounts_adopts_the_first_one_and_says_so(
    env: dict[str, str], provider: SandboxServer
) -> None:
    code = interrupted_campaign(env, 3, api_id="")
    status, _out, err = cli("resume", code, env=env)
    assert status == 1
    assert f"it now belongs to API ID {API_ID}" in err
    status, _out, err = cli("resume", code, env=env)
    assert (status, "now belongs" in err) == (1, False)  # said once
    assert cli("resume", code, "--api-id", OTHER_ID, env=env)[0] == 2


def test_resume_continues_at_the_campaigns_own_pace(env: dict[str, str], provider: SandboxServer) -> None:
    code = interrupted_campaign(env, 8, pacing=Pacing(1, 4.0))
    started = time.monotonic()
    resumed = cli_json("resume", code, env=env, expect=1)
    took = time.monotonic() - started
    assert (resumed["counts"]["accepted"], resumed["counts"]["unknown"]) == (7, 1)
    assert took >= 1.2  # seven messages at 4 per second: the campaign's pace, not the saved 20 per second
