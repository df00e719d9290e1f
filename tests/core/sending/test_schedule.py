"""Time rules of sending: send times people type, quiet hours (also across midnight and clock changes),
the hold where messages are claimed, and when a campaign will finish."""

from __future__ import annotations

import pickle
from datetime import UTC, datetime, timedelta

import pytest

from liasmart_desktop.core.errors import ConfigError, ConfigProblem, ValueRule
from liasmart_desktop.core.sending.schedule import (
    FORESEEABLE,
    QuietHold,
    QuietHours,
    ScheduleError,
    ScheduleProblem,
    check_send_time,
    estimate_finish,
    from_utc_text,
    journal_zoned_text,
    local,
    parse_quiet_hours,
    parse_send_time,
    quiet_hours_for,
    to_utc_text,
    zoned_text,
)
from tests.helpers.zones import CET

#: Saturday 28 March 2026, 12:00 CET; summer time starts the next night (02:00 → 03:00).
NOW = datetime(2026, 3, 28, 11, 0, tzinfo=UTC)


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


# ---------------------------------------------------------------------------------------- send times


def test_a_send_time_is_local_wall_time() -> None:
    at = parse_send_time("2026-03-28 18:30", NOW, CET)
    assert at.astimezone(UTC) == utc(2026, 3, 28, 17, 30)
    # After the clock change the same reading is an hour earlier in UTC.
    assert parse_send_time("2026-03-29 18:30", NOW, CET).astimezone(UTC) == utc(2026, 3, 29, 16, 30)


def test_the_system_zone_is_used_when_none_is_given() -> None:
    now = datetime.now().astimezone()
    later = now + timedelta(days=2)
    at = parse_send_time(f"{later:%Y-%m-%d %H:%M}", now)
    assert at.replace(tzinfo=None) == later.replace(tzinfo=None, second=0, microsecond=0)


@pytest.mark.parametrize("text", ["tomorrow", "2026-03-28", "28/03/2026 18:30", "2026-03-28 18:30:00", ""])
def test_a_send_time_in_another_shape_is_refused(text: str) -> None:
    with pytest.raises(ScheduleError) as refused:
        parse_send_time(text, NOW, CET)
    assert (refused.value.code, refused.value.text, refused.value.now) == (
        ScheduleProblem.BAD_TIME,
        text,
        NOW,
    )


@pytest.mark.parametrize("text", ["2026-02-30 10:00", "2026-03-28 24:00", "2026-03-28 18:60"])
def test_a_date_or_time_that_does_not_exist_is_refused(text: str) -> None:
    with pytest.raises(ScheduleError) as refused:
        parse_send_time(text, NOW, CET)
    assert refused.value.code is ScheduleProblem.BAD_TIME


@pytest.mark.parametrize("text", ["2026-03-28 11:59", "2026-03-28 12:00", "2025-12-31 23:00"])
def test_a_time_now_or_in_the_past_is_refused(text: str) -> None:
    with pytest.raises(ScheduleError) as refused:
        parse_send_time(text, NOW, CET)
    assert refused.value.code is ScheduleProblem.IN_THE_PAST


def test_a_time_the_clock_skips_is_refused() -> None:
    with pytest.raises(ScheduleError) as refused:
        parse_send_time("2026-03-29 02:30", NOW, CET)
    assert refused.value.code is ScheduleProblem.SKIPPED_BY_CLOCK_CHANGE
    assert parse_send_time("2026-03-29 03:00", NOW, CET).astimezone(UTC) == utc(2026, 3, 29, 1, 0)


def test_check_send_time_takes_aware_times() -> None:
    assert check_send_time(NOW + timedelta(minutes=1), NOW) == NOW + timedelta(minutes=1)
    with pytest.raises(ScheduleError) as refused:
        check_send_time(NOW, NOW)
    assert refused.value.code is ScheduleProblem.IN_THE_PAST
    assert "in_the_past" in str(refused.value)


def test_schedule_errors_travel_between_processes() -> None:
    error = ScheduleError(ScheduleProblem.NOT_SCHEDULED, text="abc123")
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.code, copy.text, copy.now) == (ScheduleProblem.NOT_SCHEDULED, "abc123", None)


def test_journal_times_round_trip() -> None:
    moment = datetime(2026, 3, 28, 12, 0, 0, 123000, tzinfo=CET)
    text = to_utc_text(moment)
    assert text == "2026-03-28T11:00:00.123Z"
    assert from_utc_text(text) == moment
    assert local(moment, UTC).hour == 11


# ---------------------------------------------------------------------------------------- quiet hours


def test_quiet_hours_parse_and_print() -> None:
    hours = parse_quiet_hours(" 21:00 - 8:00 ")
    assert hours == QuietHours(21 * 60, 8 * 60)
    assert hours is not None
    assert (hours.text, str(hours.start), str(hours.end)) == ("21:00-08:00", "21:00:00", "08:00:00")
    assert parse_quiet_hours("") is None
    assert parse_quiet_hours("   ") is None


@pytest.mark.parametrize("text", ["21:00", "21-08", "25:00-08:00", "21:00-08:61", "08:00-08:00", "a-b"])
def test_quiet_hours_that_are_no_window_are_refused_naming_the_setting(text: str) -> None:
    with pytest.raises(ConfigError) as bad:
        parse_quiet_hours(text, "--quiet-hours")
    error = bad.value
    assert (error.code, error.subject, error.rule, error.detail) == (
        ConfigProblem.BAD_VALUE,
        "--quiet-hours",
        ValueRule.TIME_WINDOW,
        text,
    )


def test_only_promotional_messages_are_held() -> None:
    assert quiet_hours_for("P", "21:00-08:00") == QuietHours(21 * 60, 8 * 60)
    assert quiet_hours_for("T", "21:00-08:00") is None
    assert quiet_hours_for("P", "") is None


@pytest.mark.parametrize(
    ("local_hm", "inside"),
    [((20, 59), False), ((21, 0), True), ((23, 30), True), ((0, 0), True), ((7, 59), True), ((8, 0), False)],
)
def test_a_window_across_midnight(local_hm: tuple[int, int], inside: bool) -> None:
    hours = parse_quiet_hours("21:00-08:00", zone=CET)
    assert hours is not None
    moment = datetime(2026, 1, 10, *local_hm, tzinfo=CET)
    assert hours.contains(moment) is inside


@pytest.mark.parametrize(
    ("local_hm", "inside"), [((12, 59), False), ((13, 0), True), ((13, 59), True), ((14, 0), False)]
)
def test_a_window_within_a_day(local_hm: tuple[int, int], inside: bool) -> None:
    hours = parse_quiet_hours("13:00-14:00", zone=CET)
    assert hours is not None
    assert hours.contains(datetime(2026, 1, 10, *local_hm, tzinfo=CET)) is inside


def test_when_a_window_ends_and_the_next_begins() -> None:
    night = parse_quiet_hours("21:00-08:00", zone=CET)
    assert night is not None
    evening = datetime(2026, 1, 10, 22, 0, tzinfo=CET)
    morning = datetime(2026, 1, 11, 6, 0, tzinfo=CET)
    noon = datetime(2026, 1, 11, 12, 0, tzinfo=CET)
    assert night.ends_after(evening) == datetime(2026, 1, 11, 8, 0, tzinfo=CET)
    assert night.ends_after(morning) == datetime(2026, 1, 11, 8, 0, tzinfo=CET)
    assert night.next_start(noon) == datetime(2026, 1, 11, 21, 0, tzinfo=CET)
    lunch = parse_quiet_hours("13:00-14:00", zone=CET)
    assert lunch is not None
    assert lunch.next_start(datetime(2026, 1, 11, 15, 0, tzinfo=CET)) == datetime(
        2026, 1, 12, 13, 0, tzinfo=CET
    )
    assert lunch.ends_after(datetime(2026, 1, 11, 13, 30, tzinfo=CET)) == datetime(
        2026, 1, 11, 14, 0, tzinfo=CET
    )


def test_a_window_edge_the_clock_skips_never_shortens_the_window() -> None:
    # 02:30 does not exist on 29 March: the window opens at the earlier reading and closes at the later.
    opens = parse_quiet_hours("02:30-06:00", zone=CET)
    closes = parse_quiet_hours("22:00-02:30", zone=CET)
    assert opens is not None
    assert closes is not None
    midnight = datetime(2026, 3, 29, 0, 0, tzinfo=CET)
    jump = utc(2026, 3, 29, 1, 0)  # 02:00 CET becomes 03:00 CEST
    assert opens.next_start(midnight).astimezone(UTC) < jump
    assert closes.ends_after(midnight).astimezone(UTC) > jump


# ---------------------------------------------------------------------------------------- the hold


def test_the_hold_answers_by_epoch_and_is_worked_out_again_only_at_an_edge() -> None:
    hours = parse_quiet_hours("21:00-08:00", zone=CET)
    assert hours is not None
    calls: list[datetime] = []

    class Counting(QuietHours):
        def contains(self, moment: datetime) -> bool:
            calls.append(moment)
            return super().contains(moment)

    hold = QuietHold(Counting(hours.start_min, hours.end_min, CET))
    evening = datetime(2026, 1, 10, 21, 30, tzinfo=CET).timestamp()
    assert hold.holds(evening)
    assert hold.holds(evening + 3600)
    assert len(calls) == 1  # same answer until 08:00
    morning = datetime(2026, 1, 11, 8, 0, tzinfo=CET).timestamp()
    assert not hold.holds(morning)
    assert not hold.holds(morning + 3600)
    assert len(calls) == 2
    # The computer's clock set back into the window: worked out again, held again.
    assert hold.holds(morning - 60)
    assert len(calls) == 3


# ---------------------------------------------------------------------------------------- finishing


def test_without_quiet_hours_the_last_message_leaves_after_one_interval_per_message_before_it() -> None:
    start = datetime(2026, 1, 10, 12, 0, tzinfo=CET)
    # The first leaves at once (as the engine sends it), then one every 1/20 s.
    assert estimate_finish(start, 1201, 20.0) == start + timedelta(minutes=1)
    assert estimate_finish(start, 1, 1e-9) == start
    assert estimate_finish(start, 0, 20.0) == start


@pytest.mark.parametrize(("messages", "rate"), [(2, 1e-300), (2, 1e-9), (3_200_000, 0.01)])
def test_a_send_that_would_take_more_than_ten_years_has_no_estimate(messages: int, rate: float) -> None:
    start = datetime(2026, 1, 10, 12, 0, tzinfo=CET)
    assert estimate_finish(start, messages, rate) is None
    assert estimate_finish(start, messages, rate, parse_quiet_hours("21:00-08:00", zone=CET)) is None


def test_ten_years_is_the_horizon_of_an_estimate() -> None:
    start = datetime(2026, 1, 10, 12, 0, tzinfo=CET)
    just_inside = 1 + int(FORESEEABLE.total_seconds())
    assert estimate_finish(start, just_inside, 1.0) == start + FORESEEABLE
    assert estimate_finish(start, just_inside + 1, 1.0) is None
    # Quiet hours push a send that fits in ten years of sending time past the horizon.
    night = parse_quiet_hours("00:01-23:59", zone=CET)  # two minutes a day to send in
    assert estimate_finish(start, 1 + 3 * 60 * 3000, 1.0, night) is None
    assert estimate_finish(start, 1 + 3 * 60 * 3000, 1.0) is not None


def test_quiet_hours_push_the_finish_past_the_window() -> None:
    night = parse_quiet_hours("21:00-08:00", zone=CET)
    # Started inside the window: nothing before 08:00, then an hour of sending.
    start = datetime(2026, 1, 10, 23, 0, tzinfo=CET)
    assert estimate_finish(start, 3601, 1.0, night) == datetime(2026, 1, 11, 9, 0, tzinfo=CET)
    # A single message waits for the window to end too.
    assert estimate_finish(start, 1, 1.0, night) == datetime(2026, 1, 11, 8, 0, tzinfo=CET)
    # Started at 20:30 with two hours of work: 30 minutes, the night, then 90 minutes.
    start = datetime(2026, 1, 10, 20, 30, tzinfo=CET)
    assert estimate_finish(start, 7201, 1.0, night) == datetime(2026, 1, 11, 9, 30, tzinfo=CET)
    # Done before the window opens: untouched.
    start = datetime(2026, 1, 10, 12, 0, tzinfo=CET)
    assert estimate_finish(start, 61, 1.0, night) == start + timedelta(minutes=1)


def test_times_are_shown_on_the_local_clock_with_their_offset() -> None:
    winter, summer = utc(2026, 3, 28, 17, 30), utc(2026, 3, 29, 16, 30)
    assert zoned_text(winter, CET) == "2026-03-28 18:30 (UTC+01:00)"
    assert zoned_text(summer, CET) == "2026-03-29 18:30 (UTC+02:00)"  # the offset follows summer time
    assert journal_zoned_text(to_utc_text(summer), CET) == "2026-03-29 18:30 (UTC+02:00)"
    assert journal_zoned_text(None) == journal_zoned_text("") == ""
