"""Rooster changes further ahead (convenant art. 10.4, 9.2): a change beyond the eight-week horizon
of a lesson not over yet is told in the weekly summary, Monday 09:00 local."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from bot.rules.lessons import NOTIFY_HORIZON, Lesson
from bot.rules.rooster_diff import notifiable, summary_boundary, told_later

AMS = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=AMS)


def lesson(start: datetime, cancelled: bool = False) -> Lesson:
    return Lesson("L-1", 1, "NT2", "B1", start, start + timedelta(hours=2), "Enschede",
                  "classroom", "Docent", cancelled)


@given(st.integers(-200, 200), st.one_of(st.none(), st.integers(-200, 200)))
def test_every_change_of_a_lesson_ahead_is_told_now_or_later_never_both(new_days, old_days):
    new = lesson(NOW + timedelta(days=new_days, hours=1))
    old = None if old_days is None else lesson(NOW + timedelta(days=old_days, hours=1))
    now_told, later = notifiable(old, new, NOW), told_later(old, new, NOW)
    assert not (now_told and later)
    ahead = new.ends_at > NOW or (old is not None and old.ends_at > NOW)
    assert (now_told or later) == ahead


def test_examples() -> None:
    far = lesson(NOW + NOTIFY_HORIZON + timedelta(days=1))
    assert told_later(None, far, NOW) and not notifiable(None, far, NOW)
    assert not told_later(None, lesson(NOW + timedelta(days=3)), NOW)
    assert not told_later(None, lesson(NOW - timedelta(days=3)), NOW), "a past lesson: nobody"


@given(st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2030, 12, 31),
                    timezones=st.just(UTC)))
def test_the_summary_moment_is_the_last_monday_nine_oclock(now) -> None:
    boundary = summary_boundary(now, AMS)
    local = boundary.astimezone(AMS)
    assert local.weekday() == 0 and (local.hour, local.minute) == (9, 0)
    assert boundary <= now < boundary + timedelta(days=7, hours=1)


def test_summary_boundary_examples() -> None:
    assert summary_boundary(NOW, AMS) == NOW
    assert summary_boundary(NOW - timedelta(minutes=1), AMS) == NOW - timedelta(days=7)
    assert summary_boundary(NOW + timedelta(days=6), AMS) == NOW
