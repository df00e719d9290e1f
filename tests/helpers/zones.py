"""A time zone with summer time, the same on every system (no tz database needed): Central European Time.

Summer time (CEST, UTC+2) runs from the last Sunday of March, 02:00 local, to the last Sunday of
October, 03:00 local; the rest of the year is CET (UTC+1). Follows PEP 495: in the skipped hour
``fold=0`` reads the time with the offset before the change, in the repeated hour ``fold=0`` is the
first pass.
"""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo

HOUR = timedelta(hours=1)


def _last_sunday(year: int, month: int) -> datetime:
    day = datetime(year, month, 31)  # noqa: DTZ001 - a wall-clock reading
    return day - timedelta(days=(day.weekday() + 1) % 7)


class CentralEurope(tzinfo):
    """CET/CEST."""

    def _changes(self, year: int) -> tuple[datetime, datetime]:
        """Local wall times at which summer time starts (02:00) and ends (03:00)."""
        return _last_sunday(year, 3).replace(hour=2), _last_sunday(year, 10).replace(hour=3)

    def dst(self, dt: datetime | None) -> timedelta:
        assert dt is not None
        start, end = self._changes(dt.year)
        wall = dt.replace(tzinfo=None)
        if start <= wall < start + HOUR:  # skipped: fold 0 reads it as before the change
            return HOUR if dt.fold else timedelta(0)
        if end - HOUR <= wall < end:  # repeated: fold 0 is the first (summer) pass
            return timedelta(0) if dt.fold else HOUR
        return HOUR if start + HOUR <= wall < end - HOUR else timedelta(0)

    def utcoffset(self, dt: datetime | None) -> timedelta:
        return HOUR + self.dst(dt)

    def tzname(self, dt: datetime | None) -> str:
        return "CEST" if self.dst(dt) else "CET"

    def fromutc(self, dt: datetime) -> datetime:
        start, end = self._changes(dt.year)
        utc = dt.replace(tzinfo=None)
        summer_from, summer_to = start - HOUR, end - 2 * HOUR  # the same moments in UTC
        if summer_from <= utc < summer_to:
            return (utc + 2 * HOUR).replace(tzinfo=self)
        if summer_to <= utc < summer_to + HOUR:  # the repeated hour's second pass
            return (utc + HOUR).replace(tzinfo=self, fold=1)
        return (utc + HOUR).replace(tzinfo=self)


CET = CentralEurope()
