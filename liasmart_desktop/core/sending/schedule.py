"""Time rules of sending: a campaign's send time, quiet hours for promotional messages, when it will finish.

Times people type are this computer's local time; the journal stores UTC (ISO 8601, ``…Z``). A send
time must be in the future and must exist on the local clock (the hour skipped when clocks go forward
does not). Quiet hours are a daily window of local time, ``HH:MM-HH:MM``, that may wrap past midnight
(``21:00-08:00``); no promotional (``P``) message is claimed inside it (``QuietHold``, used by
``claims.py``), whatever front end runs the send. Transactional (``T``) messages are not held.

Local time is this computer's zone; every function takes another ``zone`` (tests use one with
summer time, on any system).
"""

from __future__ import annotations

import enum
import math
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from liasmart_desktop.core.errors import ConfigError, ConfigProblem, LiaSmartError, ValueRule

#: What ``send --at`` takes (local time).
SEND_TIME_FORMAT = "%Y-%m-%d %H:%M"
MINUTES_PER_DAY = 24 * 60
PROMOTIONAL = "P"
#: A finish further away than this is no estimate (``estimate_finish`` gives ``None``).
FORESEEABLE = timedelta(days=3653)  # ten years
_WINDOW = re.compile(r"\s*(\d{1,2}):(\d{2})\s*[-–~]\s*(\d{1,2}):(\d{2})\s*")
_SEND_TIME = re.compile(r"\s*\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}\s*")


class ScheduleProblem(enum.Enum):
    """Why a send time cannot be used; the error carries ``text`` (as given) and ``now`` (local)."""

    BAD_TIME = "bad_time"  # not "YYYY-MM-DD HH:MM", or no such date
    IN_THE_PAST = "in_the_past"  # at or before now
    SKIPPED_BY_CLOCK_CHANGE = "skipped_by_clock_change"  # the local clock jumps over it (summer time)
    NOT_SCHEDULED = "not_scheduled"  # changing the time of a campaign that is not waiting for one


class ScheduleError(LiaSmartError):
    """A send time was refused; nothing was stored or changed."""

    def __init__(self, code: ScheduleProblem, *, text: str = "", now: datetime | None = None) -> None:
        super().__init__(f"{code.value}: {text!r}")
        self.code = code
        self.text = text
        self.now = now


def local(moment: datetime, zone: tzinfo | None = None) -> datetime:
    """``moment`` in ``zone`` (this computer's time zone by default)."""
    return moment.astimezone(zone)


def zoned_text(moment: datetime, zone: tzinfo | None = None) -> str:
    """A time on the local clock with its offset, the same in every language: ``2026-03-28 18:30
    (UTC+08:00)``."""
    shown = local(moment, zone)
    offset = shown.strftime("%z")
    return f"{shown:{SEND_TIME_FORMAT}} (UTC{offset[:3]}:{offset[3:]})"


def journal_zoned_text(iso: str | None, zone: tzinfo | None = None) -> str:
    """A journal time (ISO 8601 UTC) as ``zoned_text`` shows it; "" for none."""
    return zoned_text(from_utc_text(iso), zone) if iso else ""


def to_utc_text(moment: datetime) -> str:
    """An aware time as the journal stores it (ISO 8601 UTC, milliseconds, ``Z``)."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def from_utc_text(text: str) -> datetime:
    """A journal time (ISO 8601 UTC) as an aware ``datetime`` in this computer's zone."""
    return local(datetime.fromisoformat(text))


def _aware(naive: datetime, zone: tzinfo | None) -> datetime:
    return naive.astimezone() if zone is None else naive.replace(tzinfo=zone)


def _existing_local(naive: datetime, zone: tzinfo | None) -> datetime | None:
    """The aware time a wall-clock reading in ``zone`` names, ``None`` when the clock skips it."""
    aware = _aware(naive, zone)
    return aware if local(aware.astimezone(UTC), zone).replace(tzinfo=None) == naive else None


def check_send_time(at: datetime, now: datetime) -> datetime:
    """``at`` (aware) if it is a usable send time after ``now``; raise ``ScheduleError`` otherwise."""
    if at <= now:
        raise ScheduleError(ScheduleProblem.IN_THE_PAST, text=f"{local(at):{SEND_TIME_FORMAT}}", now=now)
    return at


def parse_send_time(text: str, now: datetime, zone: tzinfo | None = None) -> datetime:
    """``"YYYY-MM-DD HH:MM"`` (local time) as an aware time after ``now``; ``ScheduleError`` otherwise."""
    if not _SEND_TIME.fullmatch(text):
        raise ScheduleError(ScheduleProblem.BAD_TIME, text=text, now=now)
    try:
        naive = datetime.strptime(text.strip().replace("T", " "), SEND_TIME_FORMAT)  # noqa: DTZ007 - local wall time
    except ValueError as exc:  # 2026-02-30, 25:00 …
        raise ScheduleError(ScheduleProblem.BAD_TIME, text=text, now=now) from exc
    at = _existing_local(naive, zone)
    if at is None:
        raise ScheduleError(ScheduleProblem.SKIPPED_BY_CLOCK_CHANGE, text=text, now=now)
    return check_send_time(at, now)


@dataclass(frozen=True, slots=True)
class QuietHours:
    """A daily window of local time in which promotional messages wait (``start`` included, ``end`` not)."""

    start_min: int  # minutes after midnight
    end_min: int
    zone: tzinfo | None = field(default=None, compare=False)

    @property
    def text(self) -> str:
        """``HH:MM-HH:MM``, as settings store it and the command line takes it."""
        return f"{_clock(self.start_min)}-{_clock(self.end_min)}"

    @property
    def start(self) -> time:
        """When the window opens."""
        return time(*divmod(self.start_min, 60))

    @property
    def end(self) -> time:
        """When the window closes."""
        return time(*divmod(self.end_min, 60))

    def _minute(self, moment: datetime) -> float:
        wall = local(moment, self.zone)
        return wall.hour * 60 + wall.minute + (wall.second + wall.microsecond / 1e6) / 60

    def contains(self, moment: datetime) -> bool:
        """Whether ``moment`` is inside the window (on this computer's clock)."""
        minute = self._minute(moment)
        if self.start_min < self.end_min:
            return self.start_min <= minute < self.end_min
        return minute >= self.start_min or minute < self.end_min

    def _on(self, day: date, minute: int, *, late: bool) -> datetime:
        naive = datetime.combine(day, time(*divmod(minute, 60)))
        found = _existing_local(naive, self.zone)
        if found is not None:
            return found
        # The clock skips this reading (summer time begins): of its two meanings, the window opens at the
        # earlier and closes at the later, so it never holds less than asked.
        meanings = sorted(_aware(naive.replace(fold=fold), self.zone).astimezone(UTC) for fold in (0, 1))
        return local(meanings[-1] if late else meanings[0], self.zone)

    def ends_after(self, moment: datetime) -> datetime:
        """When the window that holds ``moment`` closes (``moment`` must be inside it)."""
        day = local(moment, self.zone).date()
        if self.start_min > self.end_min and self._minute(moment) >= self.start_min:
            day += timedelta(days=1)
        return self._on(day, self.end_min, late=True)

    def next_start(self, moment: datetime) -> datetime:
        """When the window next opens after ``moment`` (``moment`` must be outside it)."""
        day = local(moment, self.zone).date()
        if self._minute(moment) >= self.start_min:
            day += timedelta(days=1)
        return self._on(day, self.start_min, late=False)


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def parse_quiet_hours(
    text: str, subject: str = "quiet_hours", zone: tzinfo | None = None
) -> QuietHours | None:
    """``"21:00-08:00"`` as a window, "" as none; ``ConfigError(BAD_VALUE)`` naming ``subject`` otherwise."""
    if not text.strip():
        return None
    match = _WINDOW.fullmatch(text)
    bad = ConfigError(ConfigProblem.BAD_VALUE, text, subject=subject, rule=ValueRule.TIME_WINDOW)
    if match is None:
        raise bad
    start_h, start_m, end_h, end_m = (int(part) for part in match.groups())
    if max(start_h, end_h) > 23 or max(start_m, end_m) > 59:
        raise bad
    start, end = start_h * 60 + start_m, end_h * 60 + end_m
    if start == end:
        raise bad  # an empty window, or a whole day in which nothing may be sent
    return QuietHours(start, end, zone)


def quiet_hours_for(sms_type: str, quiet_hours: str) -> QuietHours | None:
    """The window that holds a campaign's messages: only promotional ones wait."""
    return parse_quiet_hours(quiet_hours) if sms_type == PROMOTIONAL else None


class QuietHold:
    """Answers "may messages be claimed at this epoch second?" cheaply, once per send-engine turn.

    The answer only changes at a window's edge, so it is worked out again only when the clock passes
    that edge (or goes back, when the computer's clock is set back).
    """

    def __init__(self, hours: QuietHours) -> None:
        self._hours = hours
        self._from = math.inf  # the answer holds for epochs in [from, until)
        self._until = -math.inf
        self._held = False

    def holds(self, epoch_s: float) -> bool:
        """Whether ``epoch_s`` (seconds since 1970, UTC) is inside the quiet hours."""
        if self._from <= epoch_s < self._until:
            return self._held
        moment = datetime.fromtimestamp(epoch_s, UTC)
        self._held = self._hours.contains(moment)
        edge = self._hours.ends_after(moment) if self._held else self._hours.next_start(moment)
        self._from, self._until = epoch_s, edge.timestamp()
        return self._held

    def ends_at(self, epoch_s: float) -> float | None:
        """When the quiet hours holding ``epoch_s`` end (epoch seconds), ``None`` when they do not hold it."""
        return self._until if self.holds(epoch_s) else None


def estimate_finish(
    start: datetime, messages: int, rate_per_s: float, quiet: QuietHours | None = None
) -> datetime | None:
    """When the last of ``messages`` leaves at ``rate_per_s`` from ``start``, waiting out ``quiet`` hours.

    As the engine paces them, the first message leaves at once and each next one ``1 / rate`` later.
    ``None`` when that is more than ``FORESEEABLE`` away: a rate so low the send would never end (and
    a date past the calendar's last one could not even be written).
    """
    remaining_s = max(0, messages - 1) / rate_per_s
    if remaining_s > FORESEEABLE.total_seconds():
        return None
    horizon = start + FORESEEABLE
    moment = start
    while quiet is not None:
        if moment > horizon:
            return None
        if quiet.contains(moment):
            moment = quiet.ends_after(moment)
            continue
        open_s = (quiet.next_start(moment) - moment).total_seconds()
        if open_s >= remaining_s:
            break
        remaining_s -= open_s
        moment += timedelta(seconds=open_s)
    finish = moment + timedelta(seconds=remaining_s)
    return finish if finish <= horizon else None
