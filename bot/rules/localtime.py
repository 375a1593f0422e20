"""Local-time helpers shared by the rules: the bot's legal clock is Europe/Amsterdam.

Deadlines in the Blik op Werk norms and the convenant are counted in local calendar days, so
the rules convert aware datetimes to the local zone, reason on local dates, and build local
datetimes back with ``datetime.combine(date, time, tzinfo=tz)``. No norm of its own.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def require_aware(value: datetime, name: str = "datetime") -> datetime:
    """Return ``value`` unchanged, or raise ValueError when it has no timezone."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware, got {value!r}")
    return value


def local_date(value: datetime, tz: tzinfo = AMSTERDAM) -> date:
    """The calendar date of an aware datetime in the local zone."""
    return require_aware(value).astimezone(tz).date()


def at_local(day: date, clock: time, tz: tzinfo = AMSTERDAM) -> datetime:
    """The aware datetime for a local date and wall-clock time, valid even in a DST gap.

    A wall-clock time that does not exist (the skipped hour in spring) resolves to the same
    instant one hour later on the clock; an ambiguous one (autumn) takes its first occurrence.
    """
    naive_clock = clock.replace(tzinfo=None, fold=0)
    combined = datetime.combine(day, naive_clock, tzinfo=tz)
    return combined.astimezone(UTC).astimezone(tz)


def end_of_local_day(day: date, tz: tzinfo = AMSTERDAM) -> datetime:
    """The last representable instant (23:59:59.999999) of a local calendar day."""
    return at_local(day, time.max, tz)


def wall_clock_elapsed(earlier: datetime, later: datetime, tz: tzinfo = AMSTERDAM) -> timedelta:
    """Time between two instants as read on the local wall clock, so a week is always 7 x 24 h.

    Across a DST change the wall clock gains or loses an hour against real time; rules phrased
    in days ("more than a week") follow the wall clock, as people do.
    """
    a = require_aware(earlier).astimezone(tz).replace(tzinfo=None)
    b = require_aware(later).astimezone(tz).replace(tzinfo=None)
    return b - a
