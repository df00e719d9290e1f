"""Sending in a child process: the job goes in, reports come back, control words reach the engine, and a
child that dies is reported, never mistaken for a finished send."""

from __future__ import annotations

import io
import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from liasmart_desktop.core.credentials import Credentials
from liasmart_desktop.core.errors import CampaignError, CampaignProblem, CredentialError
from liasmart_desktop.core.importing import parse_pasted_numbers
from liasmart_desktop.core.logs import configure_logging
from liasmart_desktop.core.sending import isolation
from liasmart_desktop.core.sending.campaigns import Reach
from liasmart_desktop.core.sending.engine import SendControl
from liasmart_desktop.core.sending.isolation import (
    CHILD_FLAG,
    ClientOptions,
    Control,
    IsolatedJob,
    JobKind,
    SenderStoppedError,
    child_command,
    child_main,
    read_frame,
    run_isolated,
    run_job,
    write_frame,
)
from liasmart_desktop.core.sending.journal import Journal
from liasmart_desktop.core.sending.prepare import prepare_campaign
from liasmart_desktop.core.sending.records import Pacing
from liasmart_desktop.core.sending.states import CampaignStatus, MessageState
from liasmart_desktop.core.sending.summaries import LoadedCampaign, Progress, RunReport
from liasmart_desktop.sandbox import SandboxConfig, SandboxServer
from tests.helpers.journal_states import settle

SANDBOX = Reach(sandbox=True)


@pytest.fixture
def server() -> Iterator[SandboxServer]:
    with SandboxServer(SandboxConfig(latency_ms=2)) as running:
        yield running


def job(path: Path, server: SandboxServer, kind: JobKind = JobKind.SEND, **details: object) -> IsolatedJob:
    fields: dict[str, object] = {
        "journal_path": path,
        "kind": kind,
        "reach": SANDBOX,
        "client": ClientOptions(Credentials("SANDBOX", "practice"), server.base_url),
        "pacing": Pacing(2, 1000.0),
        **details,
    }
    if kind is JobKind.SEND and "prepared" not in fields:
        numbers = "\n".join(f"+86139000000{i:02d}" for i in range(5))
        fields["prepared"] = prepare_campaign(
            parse_pasted_numbers(numbers, None), "Hi", sender_id="LIA", sms_type="P", sandbox=True
        )
    return IsolatedJob(**fields)  # type: ignore[arg-type]


def sends(server: SandboxServer) -> int:
    return sum(1 for entry in server.ledger() if entry["endpoint"] == "SendSMS")


# ---------------------------------------------------------------------------------------- frames


def test_frames_round_trip_and_a_closed_stream_is_eof() -> None:
    stream = io.BytesIO()
    write_frame(stream, ("progress", {"n": 1}))
    write_frame(stream, Control.PAUSE)
    data = stream.getvalue()
    reader = io.BytesIO(data)
    assert read_frame(reader) == ("progress", {"n": 1})
    assert read_frame(reader) is Control.PAUSE
    with pytest.raises(EOFError):
        read_frame(reader)
    with pytest.raises(EOFError):
        read_frame(io.BytesIO(data[:7]))  # cut in the middle of a frame


def test_errors_cross_the_pipe_with_their_codes(tmp_path: Path) -> None:
    error = CampaignError(CampaignProblem.WRONG_ACCOUNT, campaign="abc", account="A1", current="A2")
    stream = io.BytesIO()
    write_frame(stream, error)
    stream.seek(0)
    again = read_frame(stream)
    assert isinstance(again, CampaignError)
    assert (again.code, again.campaign, again.account, again.current, str(again)) == (
        CampaignProblem.WRONG_ACCOUNT,
        "abc",
        "A1",
        "A2",
        str(error),
    )


# ------------------------------------------------------------------------------- the child, in process


def test_each_kind_of_job_runs_the_service_operation(tmp_path: Path, server: SandboxServer) -> None:
    path = tmp_path / "j.sqlite3"
    reports: list[tuple[str, object]] = []
    server.plan_faults(["drop"])  # the first message gets no answer: unknown
    sent = run_job(job(path, server), SendControl(), lambda kind, value: reports.append((kind, value)))
    assert sent is not None
    assert (sent.result.counts[MessageState.ACCEPTED], sent.result.counts[MessageState.UNKNOWN]) == (4, 1)
    assert reports[0][0] == "created"
    assert {kind for kind, _ in reports} == {"created", "progress"}
    code = sent.campaign.code
    resent = run_job(
        job(path, server, JobKind.RESEND, campaign=code, state=MessageState.UNKNOWN), SendControl(), print
    )
    assert resent is not None
    assert (resent.resent, resent.result.counts[MessageState.ACCEPTED]) == (1, 5)
    with Journal.open(path) as journal:
        journal.set_status(journal.campaign(code).id, CampaignStatus.PAUSED)
    resumed = run_job(job(path, server, JobKind.RESUME, campaign=code), SendControl(), print)
    assert resumed is not None
    assert resumed.result.status is CampaignStatus.FINISHED
    assert sends(server) == 6


def test_a_job_without_credentials_cannot_connect(tmp_path: Path, server: SandboxServer) -> None:
    blind = job(tmp_path / "j.sqlite3", server, client=ClientOptions(None, server.base_url))
    with pytest.raises(CredentialError):
        run_job(blind, SendControl(), lambda *_: None)
    assert sends(server) == 0


def _pipe() -> tuple[io.BufferedReader, io.BufferedWriter]:
    read_fd, write_fd = os.pipe()
    return os.fdopen(read_fd, "rb"), os.fdopen(write_fd, "wb")


def _close_after_the_listener(source: io.BufferedReader) -> None:
    """The child's control listener ends at EOF; only then may the test close its end."""
    for thread in threading.enumerate():
        if thread.name == "liasmart-control":
            thread.join(10)
    source.close()


def test_child_main_reports_and_obeys_control_words(tmp_path: Path, server: SandboxServer) -> None:
    server.set_latency_ms(40)
    source, feed = _pipe()
    sink = io.BytesIO()
    numbers = "\n".join(f"+861390000{i:04d}" for i in range(200))
    prepared = prepare_campaign(
        parse_pasted_numbers(numbers, None), "Hi", sender_id="LIA", sms_type="P", sandbox=True
    )
    write_frame(feed, job(tmp_path / "j.sqlite3", server, prepared=prepared))
    outcome: list[int] = []
    runner = threading.Thread(target=lambda: outcome.append(child_main(source, sink)))
    runner.start()
    for word in (Control.PAUSE, Control.RESUME, Control.CANCEL):
        write_frame(feed, word)
    runner.join(30)
    feed.close()
    _close_after_the_listener(source)
    assert outcome == [0]
    reports = []
    stream = io.BytesIO(sink.getvalue())
    while True:
        try:
            reports.append(read_frame(stream))
        except EOFError:
            break
    kind, report = reports[-1]
    assert kind == "done"
    assert isinstance(report, RunReport)
    assert report.result.status is CampaignStatus.CANCELLED
    assert sends(server) < 200


def test_child_main_stops_when_the_parent_goes_away_and_reports_errors(
    tmp_path: Path, server: SandboxServer
) -> None:
    source, feed = _pipe()
    sink = io.BytesIO()
    write_frame(
        feed, job(tmp_path / "j.sqlite3", server, kind=JobKind.RESUME, campaign="nope", log_dir=tmp_path)
    )
    feed.close()  # the parent is gone at once
    assert child_main(source, sink) == 1
    _close_after_the_listener(source)
    kind, error = read_frame(io.BytesIO(sink.getvalue()))
    assert kind == "error"
    assert "no_campaigns" in str(error)  # there is no journal, so no campaign to resume
    configure_logging(None)  # closes the child's file handler, set up for this test


def test_main_runs_the_child_on_stdin_and_stdout(
    tmp_path: Path, server: SandboxServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    stdin = io.BytesIO()
    write_frame(stdin, job(tmp_path / "j.sqlite3", server))
    stdin.seek(0)
    stdout = io.BytesIO()
    wrappers = (io.TextIOWrapper(stdin), io.TextIOWrapper(stdout))  # kept: dropping one closes its stream
    monkeypatch.setattr(sys, "stdin", wrappers[0])
    monkeypatch.setattr(sys, "stdout", wrappers[1])
    codes: list[int] = []

    def exit_now(code: int) -> None:
        codes.append(code)
        raise SystemExit(code)

    monkeypatch.setattr(os, "_exit", exit_now)
    with pytest.raises(SystemExit):
        isolation.main()
    assert codes == [0]
    assert sys.stdout is sys.stderr  # nothing else writes into the report stream
    frames = io.BytesIO(stdout.getvalue())
    kinds = []
    while True:
        try:
            kinds.append(read_frame(frames)[0])
        except EOFError:
            break
    assert kinds[0] == "created"
    assert kinds[-1] == "done"


def test_the_child_command(tmp_path: Path) -> None:
    assert child_command("/usr/bin/python3", frozen=False) == [
        "/usr/bin/python3",
        "-m",
        "liasmart_desktop.core.sending.isolation",
    ]
    app = tmp_path / "liasmart-desktop"
    assert child_command(str(app), frozen=True) == [str(app), CHILD_FLAG]  # no console twin
    (tmp_path / "liasmart").write_bytes(b"")
    assert child_command(str(app), frozen=True) == [str(tmp_path / "liasmart"), CHILD_FLAG]
    assert child_command()[0] == sys.executable


def test_the_parent_forwards_each_button_once() -> None:
    control = SendControl()
    stream = io.BytesIO()
    forwarder = isolation._ControlForwarder(control, stream)
    forwarder.forward()  # nothing pressed: nothing sent
    control.pause()
    forwarder.forward()
    forwarder.forward()
    control.resume()
    forwarder.forward()
    control.cancel()
    control.stop()
    forwarder.forward()
    frames = io.BytesIO(stream.getvalue())
    words = []
    while True:
        try:
            words.append(read_frame(frames))
        except EOFError:
            break
    assert words == [Control.PAUSE, Control.RESUME, Control.CANCEL, Control.STOP]


# ---------------------------------------------------------------------------------------- a real child


def test_a_real_child_sends_and_reports_back(tmp_path: Path, server: SandboxServer) -> None:
    progress: list[Progress] = []
    created: list[LoadedCampaign] = []
    report = run_isolated(job(tmp_path / "j.sqlite3", server), SendControl(), progress.append, created.append)
    assert report is not None
    assert report.result.counts[MessageState.ACCEPTED] == 5
    assert [c.campaign.code for c in created] == [report.campaign.code]
    assert progress[-1].done
    assert sends(server) == 5


def test_an_error_in_the_child_is_raised_in_the_parent(tmp_path: Path, server: SandboxServer) -> None:
    with pytest.raises(CampaignError) as refused:
        run_isolated(
            job(tmp_path / "j.sqlite3", server, reach=Reach(api_id="API1")), SendControl(), print, print
        )
    assert refused.value.code is CampaignProblem.NEEDS_SANDBOX


def test_control_words_reach_a_real_child(tmp_path: Path, server: SandboxServer) -> None:
    server.set_latency_ms(30)
    numbers = "\n".join(f"+861390000{i:04d}" for i in range(300))
    prepared = prepare_campaign(
        parse_pasted_numbers(numbers, None), "Hi", sender_id="LIA", sms_type="P", sandbox=True
    )
    control = SendControl()
    steps = iter([control.pause, control.resume, control.stop])

    def press(_progress: Progress) -> None:
        step = next(steps, None)
        if step is not None:
            step()

    report = run_isolated(job(tmp_path / "j.sqlite3", server, prepared=prepared), control, press, print)
    assert report is not None
    assert report.result.status is CampaignStatus.PAUSED
    assert report.result.counts[MessageState.IN_FLIGHT] == 0
    assert 0 < sends(server) < 300


def test_a_child_that_dies_is_reported(
    tmp_path: Path, server: SandboxServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(isolation, "child_command", lambda: [sys.executable, "-c", "import sys; sys.exit(3)"])
    control = SendControl()
    control.pause()  # a button pressed while the child is already gone changes nothing
    with pytest.raises(SenderStoppedError) as died:
        run_isolated(job(tmp_path / "j.sqlite3", server), control, print, print)
    assert died.value.returncode == 3
    assert sends(server) == 0


def test_a_crashed_child_leaves_what_any_crash_leaves(tmp_path: Path, server: SandboxServer) -> None:
    path = tmp_path / "j.sqlite3"
    prepared = job(path, server).prepared
    assert prepared is not None
    with Journal.open(path) as journal:
        campaign = journal.create_campaign(prepared.spec, prepared.messages)
        settle(journal, campaign, [MessageState.IN_FLIGHT])
    report = run_isolated(
        job(path, server, JobKind.RESUME, campaign=campaign.code), SendControl(), print, print
    )
    assert report is not None
    assert (report.recovered, report.result.counts[MessageState.UNKNOWN]) == (1, 1)
    assert report.result.counts[MessageState.ACCEPTED] == 4
