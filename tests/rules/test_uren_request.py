"""Reminders for an urenverklaring request not issued (BoW 2.9.4): 5 working days, then 10."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.rules.uren_request import due_steps
from bot.rules.working_days import working_days_between

AMS = ZoneInfo("Europe/Amsterdam")
MONDAY = datetime(2026, 11, 23, 10, 0, tzinfo=AMS)


def steps(now: datetime, reminded: bool = False, told: bool = False) -> list[str]:
    return due_steps(MONDAY, now, school_reminded=reminded, klantmanager_told=told)


def test_urenverklaring_bow_2_9_4_the_school_is_reminded_after_5_working_days() -> None:
    assert steps(datetime(2026, 11, 30, 9, 59, tzinfo=AMS)) == []
    assert steps(datetime(2026, 11, 30, 10, 0, tzinfo=AMS)) == ["remind_school"]
    assert steps(datetime(2026, 11, 30, 10, 0, tzinfo=AMS), reminded=True) == []


def test_urenverklaring_bow_2_9_4_the_klantmanager_is_told_after_10_working_days() -> None:
    assert steps(datetime(2026, 12, 7, 10, 0, tzinfo=AMS), reminded=True) == ["tell_klantmanager"]
    assert steps(datetime(2026, 12, 7, 10, 0, tzinfo=AMS)) == ["remind_school",
                                                              "tell_klantmanager"]
    assert steps(datetime(2026, 12, 7, 10, 0, tzinfo=AMS), True, True) == []


def test_christmas_days_are_not_working_days() -> None:
    requested = datetime(2026, 12, 21, 10, 0, tzinfo=AMS)
    # 22, 23, 24, (25, 26 holidays, 27 Sunday), 28, 29: the fifth working day is 29 December.
    assert due_steps(requested, datetime(2026, 12, 28, 12, tzinfo=AMS), school_reminded=False,
                     klantmanager_told=False) == []
    assert due_steps(requested, datetime(2026, 12, 29, 10, tzinfo=AMS), school_reminded=False,
                     klantmanager_told=False) == ["remind_school"]


@settings(deadline=None)
@given(st.integers(0, 60 * 24))
def test_a_step_is_due_exactly_when_its_working_days_have_passed(hours: int) -> None:
    now = MONDAY + timedelta(hours=hours)
    passed = working_days_between(MONDAY, now)
    due = steps(now)
    assert ("remind_school" in due) == (passed > 5 or (passed == 5 and now.time() >= MONDAY.time()))
    assert ("tell_klantmanager" in due) == (
        passed > 10 or (passed == 10 and now.time() >= MONDAY.time()))
