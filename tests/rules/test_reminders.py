"""When a participant is reminded of a lesson (issue 14; bot.rules.reminders)."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.rules.quiet_hours import in_quiet_hours
from bot.rules.reminders import (
    EVENING,
    EVENING_CHOICES,
    HOUR,
    due,
    evening_choices,
    evening_moment,
    reminders_for,
)

AMS = ZoneInfo("Europe/Amsterdam")


def local(y, m, d, h=0, mi=0) -> datetime:
    return datetime(y, m, d, h, mi, tzinfo=AMS)


def test_a_morning_lesson_is_reminded_the_evening_before_and_an_hour_before():
    found = reminders_for(local(2026, 11, 24, 9, 0))
    assert [(r.kind, r.at) for r in found] == [(EVENING, local(2026, 11, 23, 19, 0)),
                                               (HOUR, local(2026, 11, 24, 8, 0))]
    assert found[0].until == local(2026, 11, 23, 21, 0)
    assert found[1].until == local(2026, 11, 24, 9, 0)


def test_each_reminder_can_be_turned_off():
    start = local(2026, 11, 24, 9, 0)
    assert [r.kind for r in reminders_for(start, evening=False)] == [HOUR]
    assert [r.kind for r in reminders_for(start, hour=False)] == [EVENING]
    assert reminders_for(start, evening=False, hour=False) == []


def test_an_evening_in_earlier_quiet_hours_moves_before_them():
    moment = evening_moment(local(2026, 11, 24, 9, 0), quiet_start=time(18, 0),
                            quiet_end=time(7, 0))
    assert moment == local(2026, 11, 23, 17, 59)


def test_quiet_hours_that_began_the_evening_before_drop_the_evening_reminder():
    # Quiet from 20:00 until 19:30 the next day: 19:00 is quiet, and the reminder is moved
    # only earlier, to just before quiet hours that begin that evening, never later.
    assert evening_moment(local(2026, 11, 24, 9, 0), quiet_start=time(20, 0),
                          quiet_end=time(19, 30)) is None


def test_the_evening_before_the_dst_change_is_still_19_00_local():
    # Sunday 25 October 2026 the clocks go back; the lesson is on Monday.
    found = reminders_for(local(2026, 10, 26, 9, 0))
    assert found[0].at == local(2026, 10, 25, 19, 0)
    assert found[1].at == local(2026, 10, 26, 8, 0)


def test_a_chosen_evening_time_moves_the_evening_reminder_only():
    found = reminders_for(local(2026, 11, 24, 9, 0), evening_at=time(20, 0))
    assert [(r.kind, r.at) for r in found] == [(EVENING, local(2026, 11, 23, 20, 0)),
                                               (HOUR, local(2026, 11, 24, 8, 0))]


def test_the_choices_leave_out_the_quiet_hours_and_keep_the_installations_time():
    assert evening_choices() == (time(18, 0), time(19, 0), time(20, 0))
    assert evening_choices(time(22, 0), time(7, 0)) == EVENING_CHOICES
    assert evening_choices(time(22, 0), time(7, 0), time(19, 30)) == (
        time(18, 0), time(19, 0), time(19, 30), time(20, 0), time(21, 0))


@settings(deadline=None, max_examples=200)
@given(st.times().map(lambda t: t.replace(second=0, microsecond=0)),
       st.times().map(lambda t: t.replace(second=0, microsecond=0)))
def test_no_choice_is_ever_in_quiet_hours(quiet_start, quiet_end):
    for at in evening_choices(quiet_start, quiet_end):
        assert not in_quiet_hours(at, quiet_start, quiet_end)


def test_due_takes_what_is_near_and_not_yet_too_late():
    found = reminders_for(local(2026, 11, 24, 9, 0))
    assert due(found, local(2026, 11, 23, 12, 0), timedelta(hours=6)) == []
    assert [r.kind for r in due(found, local(2026, 11, 23, 13, 0), timedelta(hours=6))] == [
        EVENING]
    assert [r.kind for r in due(found, local(2026, 11, 23, 22, 0), timedelta(hours=6))] == []
    assert [r.kind for r in due(found, local(2026, 11, 24, 8, 59), timedelta(0))] == [HOUR]
    assert due(found, local(2026, 11, 24, 9, 0), timedelta(hours=6)) == []


def test_a_naive_start_is_refused():
    with pytest.raises(ValueError):
        reminders_for(datetime(2026, 11, 24, 9, 0))


starts = st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2028, 12, 31),
                      timezones=st.just(AMS))
clocks = st.times().map(lambda t: t.replace(second=0, microsecond=0))


@settings(deadline=None, max_examples=300)
@given(starts, clocks, clocks, st.sampled_from(EVENING_CHOICES))
def test_the_evening_reminder_is_never_in_quiet_hours_and_always_before_the_lesson(
        start, quiet_start, quiet_end, evening_at):
    for r in reminders_for(start, quiet_start=quiet_start, quiet_end=quiet_end,
                           evening_at=evening_at):
        assert r.at < start and r.at <= r.until <= start
        if r.kind == EVENING:
            assert not in_quiet_hours(r.at.astimezone(AMS).time(), quiet_start, quiet_end)
            assert r.at.astimezone(AMS).date() == start.astimezone(AMS).date() - timedelta(1)
        else:
            assert start - r.at == timedelta(hours=1)
