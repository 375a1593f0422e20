"""The trajectory rules (convenant art. 12.1, 12.4)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from bot.rules.trajectory import (
    DURATION,
    INTAKE,
    OBSTACLES,
    PROGRESS,
    add_months,
    grew_by_more_than_a_month,
    tells_participant,
)


def test_add_months_keeps_the_day_or_takes_the_last_of_a_short_month():
    assert add_months(date(2027, 1, 15), 1) == date(2027, 2, 15)
    assert add_months(date(2027, 1, 31), 1) == date(2027, 2, 28)
    assert add_months(date(2027, 12, 10), 1) == date(2028, 1, 10)
    assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)


def test_a_prediction_later_by_exactly_a_month_is_not_flagged_a_day_more_is():
    before = date(2027, 6, 15)
    assert not grew_by_more_than_a_month(before, date(2027, 7, 15))
    assert grew_by_more_than_a_month(before, date(2027, 7, 16))
    assert not grew_by_more_than_a_month(before, date(2027, 1, 1))  # shorter is good news
    assert not grew_by_more_than_a_month(None, date(2030, 1, 1))  # a first prediction


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 1, 1)),
       st.integers(min_value=0, max_value=400))
def test_flagged_exactly_when_the_new_end_passes_one_calendar_month(before, days):
    after = before + timedelta(days=days)
    assert grew_by_more_than_a_month(before, after) == (after > add_months(before, 1))
    assert add_months(before, 1) - before >= timedelta(days=28)


def test_the_participant_hears_of_the_intake_and_of_every_changed_prediction_only():
    assert tells_participant(INTAKE, None, date(2027, 1, 1))
    assert tells_participant(DURATION, date(2027, 1, 1), date(2027, 3, 1))
    assert tells_participant(DURATION, date(2027, 3, 1), date(2027, 1, 1))
    assert not tells_participant(DURATION, date(2027, 1, 1), date(2027, 1, 1))
    assert not tells_participant(OBSTACLES, None, None)
    assert not tells_participant(PROGRESS, None, None)
