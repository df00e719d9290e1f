"""The ledger: every field, the JSON-lines file, the memory bound, and never the password."""

from __future__ import annotations

import json
import logging
import stat
from pathlib import Path

import httpx
import pytest

from liasmart_desktop.sandbox import LedgerEntry
from liasmart_desktop.sandbox.ledger import Ledger
from tests.sandbox.conftest import ServerFactory, send_body

CANARY_PASSWORD = "canary-Pa55word-7f3a9c"

LEDGER_FIELDS = {
    "seq",
    "time",
    "connection",
    "method",
    "path",
    "endpoint",
    "api_id",
    "password_in_url",
    "credentials_ok",
    "phonenumber",
    "uid",
    "sms_type",
    "encoding",
    "sender_id",
    "callback_url",
    "text_length",
    "parts",
    "fault",
    "processed",
    "status",
    "remarks",
    "message_id",
    "http_status",
    "answered",
    "complete",
}


def test_ledger_file_has_one_flushed_json_line_per_request(
    start_sandbox: ServerFactory, tmp_path: Path
) -> None:
    path = tmp_path / "ledger.jsonl"
    server = start_sandbox(ledger_path=path, fsync_ledger=True)
    with httpx.Client(base_url=server.base_url) as client:
        reply = client.post("/SendSMS", json=send_body(textmessage="你好")).json()
        # Flushed per line: readable while the server still runs.
        lines = path.read_text(encoding="utf-8").splitlines()
        assert len(lines) == 1
        client.get("/CheckBalance", params={"api_id": "API1", "api_password": "x"})

    first, second = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines())
    assert set(first) == LEDGER_FIELDS
    assert first == dict(server.ledger()[0])
    assert first["seq"] == 1
    assert first["time"].endswith("Z")
    assert first["method"] == "POST"
    assert first["endpoint"] == "SendSMS"
    assert first["api_id"] == "API43404236"
    assert first["password_in_url"] is False
    assert first["credentials_ok"] is True
    assert first["phonenumber"] == "8613912345678"
    assert first["uid"] == "c1-1-1"
    assert (first["sms_type"], first["encoding"], first["sender_id"]) == ("P", "T", "LIASMART")
    assert first["callback_url"] is None  # none was sent
    assert first["text_length"] == 2
    assert first["parts"] == 1
    assert first["fault"] is None
    assert first["processed"] is True
    assert first["status"] == "S"
    assert first["message_id"] == str(reply["message_id"])
    assert isinstance(first["message_id"], str)
    assert first["http_status"] == 200
    assert second["seq"] == 2
    assert second["password_in_url"] is True
    assert second["endpoint"] == "CheckBalance"
    if hasattr(stat, "S_IMODE"):
        assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0


def test_ledger_records_the_callback_url_a_client_asked_for(start_sandbox: ServerFactory) -> None:
    server = start_sandbox()
    httpx.post(server.base_url + "/SendSMS", json=send_body(callback_url="https://dlr.example/x?a=1"))
    (entry,) = server.ledger()
    assert entry["callback_url"] == "https://dlr.example/x?a=1"


def test_ledger_file_is_appended_to_across_runs(start_sandbox: ServerFactory, tmp_path: Path) -> None:
    path = tmp_path / "ledger.jsonl"
    for _ in range(2):
        server = start_sandbox(ledger_path=str(path))
        httpx.post(server.base_url + "/SendSMS", json=send_body())
        server.stop()

    assert [json.loads(line)["seq"] for line in path.read_text().splitlines()] == [1, 1]


def test_the_password_never_reaches_ledger_or_logs(
    start_sandbox: ServerFactory,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    caplog.set_level(logging.DEBUG)
    path = tmp_path / "ledger.jsonl"
    server = start_sandbox(
        ledger_path=path, api_password=CANARY_PASSWORD, fault_rates={"http500": 0.5}, seed=1
    )
    body = send_body(api_password=CANARY_PASSWORD)
    with httpx.Client(base_url=server.base_url) as client:
        for _ in range(4):
            client.post("/SendSMS", json=body)
            client.get("/SendSMS", params=body)
            client.post("/SendSMS", data=body)
        client.post("/SendSMS", json={**body, "api_password": CANARY_PASSWORD + "-wrong"})
        client.get("/nowhere", params={"api_password": CANARY_PASSWORD})
        client.post("/SendSMS", content=b"{" + CANARY_PASSWORD.encode())
    server.stop()

    assert CANARY_PASSWORD not in repr(server.config)
    # The sandbox's own log lines (httpx logs the client's GET URLs, password included: that is the
    # client's problem, and the reason the app never uses GET).
    sandbox_log = "\n".join(
        record.getMessage() for record in caplog.records if record.name.startswith("liasmart_desktop.sandbox")
    )
    everything = path.read_text(encoding="utf-8") + json.dumps(server.ledger()) + sandbox_log
    captured = capsys.readouterr()
    everything += captured.out + captured.err
    assert CANARY_PASSWORD not in everything
    assert "api_password" not in path.read_text(encoding="utf-8")
    entries = server.ledger()
    assert len(entries) == 15
    assert {entry["password_in_url"] for entry in entries} == {True, False}
    assert [entry["credentials_ok"] for entry in entries[:13]] == [True] * 12 + [False]
    assert "injected fault http500" in sandbox_log
    assert entries[13]["path"] == "/api/nowhere"
    assert entries[13]["password_in_url"] is True


def test_memory_ledger_keeps_the_newest_entries(start_sandbox: ServerFactory) -> None:
    server = start_sandbox(ledger_memory_entries=2)
    with httpx.Client(base_url=server.base_url) as client:
        for _ in range(3):
            client.post("/SendSMS", json=send_body())

    assert [entry["seq"] for entry in server.ledger()] == [2, 3]
    assert server.stats().requests == 3


def test_ledger_snapshot_is_a_copy(start_sandbox: ServerFactory) -> None:
    server = start_sandbox()
    httpx.post(server.base_url + "/SendSMS", json=send_body())

    snapshot = server.ledger()
    snapshot[0]["processed"] = False

    assert server.ledger()[0]["processed"] is True


def entry(**fields: object) -> LedgerEntry:
    base = LedgerEntry(
        seq=1,
        time="2026-01-01T00:00:00.000Z",
        connection=1,
        method="POST",
        path="/api/SendSMS",
        endpoint=None,
        api_id=None,
        password_in_url=False,
        credentials_ok=None,
        phonenumber=None,
        uid=None,
        sms_type=None,
        encoding=None,
        sender_id=None,
        callback_url=None,
        text_length=None,
        parts=None,
        fault=None,
        processed=False,
        status=None,
        remarks=None,
        message_id=None,
        http_status=None,
        answered=False,
        complete=True,
    )
    base.update(fields)  # type: ignore[typeddict-item]
    return base


def test_ledger_without_a_file_and_closing_twice() -> None:
    ledger = Ledger(None, fsync=True, memory_entries=None)
    ledger.open_file()
    ledger.record(entry(status="F"))
    ledger.close()
    ledger.close()

    assert ledger.stats().status_f == 1
    assert len(ledger.entries()) == 1


def test_entries_after_close_stay_in_memory(tmp_path: Path) -> None:
    path = tmp_path / "ledger.jsonl"
    ledger = Ledger(path, fsync=False, memory_entries=10)
    ledger.open_file()
    ledger.open_file()  # opening twice keeps the one file
    ledger.record(entry())
    ledger.close()
    ledger.record(entry(seq=2))

    assert len(path.read_text().splitlines()) == 1
    assert [item["seq"] for item in ledger.entries()] == [1, 2]
