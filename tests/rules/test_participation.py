"""The rooster and participation activities (convenant art. 10.4, 9.2): which groups fit a
participant's activities, and which lesson changes touch a day with an activity."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from bot.rules.lessons import Activity, Lesson
from bot.rules.participation import activity_on, group_fits, touches_activity_day

AMS = ZoneInfo("Europe/Amsterdam")
TUESDAY = date(2026, 11, 24)


def lesson(day: date, hour: int, hours: int = 3, cancelled: bool = False) -> Lesson:
    start = datetime(day.year, day.month, day.day, hour, tzinfo=AMS)
    return Lesson(f"L-{day}-{hour}", 1, "NT2", "B1", start, start + timedelta(hours=hours),
                  "Enschede", "classroom", "Docent", cancelled)


WORK = Activity(1, 7, "Werk", weekday=1, start_time=time(13), end_time=time(15))


def test_a_group_with_a_lesson_in_the_activity_does_not_fit() -> None:
    assert not group_fits([lesson(TUESDAY, 13)], [WORK], TUESDAY, AMS)
    assert group_fits([lesson(TUESDAY, 9)], [WORK], TUESDAY, AMS), "the morning is free"
    assert group_fits([lesson(TUESDAY, 13, cancelled=True)], [WORK], TUESDAY, AMS)
    assert group_fits([lesson(TUESDAY, 13)], [WORK], TUESDAY + timedelta(days=1), AMS), \
        "a lesson before the day of joining does not count"
    assert group_fits([lesson(TUESDAY, 13)], [], TUESDAY, AMS)


@given(st.integers(0, 27), st.integers(7, 20), st.integers(1, 3))
def test_fits_exactly_when_no_lesson_overlaps(offset, hour, hours) -> None:
    day = TUESDAY + timedelta(days=offset)
    item = lesson(day, hour, hours)
    overlaps = day.weekday() == 1 and hour < 15 and hour + hours > 13
    assert group_fits([item], [WORK], TUESDAY, AMS) == (not overlaps)
    assert touches_activity_day([item], [WORK], AMS) == (day.weekday() == 1)


def test_a_change_touches_the_day_before_or_after_it() -> None:
    monday, tuesday = lesson(TUESDAY - timedelta(days=1), 9), lesson(TUESDAY, 9)
    assert touches_activity_day([monday, tuesday], [WORK], AMS), "moved onto the work day"
    assert touches_activity_day([tuesday, None], [WORK], AMS)
    assert not touches_activity_day([monday, None], [WORK], AMS)


def test_a_once_activity_is_on_its_own_days() -> None:
    start = datetime(2026, 12, 1, 11, tzinfo=AMS)
    once = Activity(2, 7, "Taalcafé", starts_at=start, ends_at=start + timedelta(hours=2))
    assert activity_on(once, date(2026, 12, 1), AMS)
    assert not activity_on(once, date(2026, 12, 2), AMS)
    limited = Activity(3, 7, "Werk", weekday=1, start_time=time(13), end_time=time(15),
                       valid_until=TUESDAY)
    assert activity_on(limited, TUESDAY, AMS)
    assert not activity_on(limited, TUESDAY + timedelta(days=7), AMS)
