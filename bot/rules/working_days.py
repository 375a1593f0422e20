"""Working days in the Netherlands: Monday to Friday, Dutch public holidays excluded.

Used for terms phrased in working days: overstap reminders (the project's "5 working days",
C art. 11), the five working days in which a school must tell its participants that its
Keurmerk was suspended or withdrawn (BoW on Schorsing and Intrekking; cf. C art. 4.4), and
staff working hours (issue 3). Public holidays are what ``holidays.country_holidays("NL")``
gives, including Good Friday, King's Day, and Liberation Day only in the years it lists it.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo
from functools import lru_cache

import holidays

from bot.rules.localtime import AMSTERDAM, at_local, local_date, require_aware

WEEKEND = frozenset({5, 6})


@lru_cache(maxsize=64)
def nl_public_holidays(year: int) -> frozenset[date]:
    """The Dutch public holidays of one calendar year."""
    return frozenset(holidays.country_holidays("NL", years=year).keys())


def is_working_day(day: date) -> bool:
    """True for Monday to Friday when the day is not a Dutch public holiday."""
    return day.weekday() not in WEEKEND and day not in nl_public_holidays(day.year)


def next_working_day(day: date) -> date:
    """The first working day strictly after ``day``."""
    candidate = day + timedelta(days=1)
    while not is_working_day(candidate):
        candidate += timedelta(days=1)
    return candidate


def add_working_days(start: datetime, n: int, tz: tzinfo = AMSTERDAM) -> datetime:
    """The moment ``n`` working days after ``start``, at the same local wall-clock time.

    Counting starts on the day after ``start``, so a Saturday plus one working day is Monday
    and ``n == 0`` returns ``start`` itself. ``n`` must not be negative.
    """
    require_aware(start, "start")
    if n < 0:
        raise ValueError(f"n must be >= 0, got {n}")
    if n == 0:
        return start
    local = start.astimezone(tz)
    day = local.date()
    for _ in range(n):
        day = next_working_day(day)
    return at_local(day, local.time(), tz)


def working_days_between(a: datetime, b: datetime, tz: tzinfo = AMSTERDAM) -> int:
    """Working days after a's local date up to and including b's; negative when b is earlier.

    This is the inverse of :func:`add_working_days`: ``working_days_between(a,
    add_working_days(a, n)) == n`` for every ``n >= 0``.
    """
    first, last = local_date(a, tz), local_date(b, tz)
    if last < first:
        return -working_days_between(b, a, tz)
    return sum(
        1
        for offset in range(1, (last - first).days + 1)
        if is_working_day(first + timedelta(days=offset))
    )
