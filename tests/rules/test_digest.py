"""When the daily digests are due: working days only, from the digest time on (local time)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.rules.digest import digest_day
from bot.rules.working_days import is_working_day

AMS = ZoneInfo("Europe/Amsterdam")


def test_a_working_day_is_due_from_the_digest_time_on():
    monday = date(2026, 11, 30)
    assert digest_day(datetime(2026, 11, 30, 8, 29, tzinfo=AMS), None, AMS) is None
    assert digest_day(datetime(2026, 11, 30, 8, 30, tzinfo=AMS), None, AMS) == monday
    assert digest_day(datetime(2026, 11, 30, 7, 0, tzinfo=AMS), time(7), AMS) == monday
    assert digest_day(datetime(2026, 11, 30, 23, 59, tzinfo=AMS), time(7), AMS) == monday


def test_weekends_and_public_holidays_have_no_digest():
    assert digest_day(datetime(2026, 11, 28, 12, tzinfo=AMS), None, AMS) is None  # Saturday
    assert digest_day(datetime(2026, 12, 25, 12, tzinfo=AMS), None, AMS) is None  # Christmas


def test_the_day_is_the_local_one_not_utc():
    # 23:30 UTC on Sunday is 00:30 on Monday in Amsterdam: before 08:30, so not due yet; the
    # UTC date (Sunday) would have said "no digest today" for the wrong reason.
    late_sunday_utc = datetime(2026, 11, 29, 23, 30, tzinfo=ZoneInfo("UTC"))
    assert digest_day(late_sunday_utc, time(0, 15), AMS) == date(2026, 11, 30)


@settings(deadline=None)
@given(st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2030, 12, 31),
                    timezones=st.just(AMS)),
       st.times())
def test_due_exactly_on_working_days_after_the_time(now, at):
    day = digest_day(now, at, AMS)
    local = now.astimezone(AMS)
    due = is_working_day(local.date()) and local.time().replace(tzinfo=None) >= at
    # Around a DST change the wall clock repeats or skips an hour; compare on instants there.
    start = datetime.combine(local.date(), at, AMS)
    if abs(local.utcoffset() - start.utcoffset()) > timedelta(0):
        return
    assert (day == local.date()) if due else day is None
