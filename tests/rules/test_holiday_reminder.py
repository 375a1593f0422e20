"""A holiday is repeated a week before it starts, only if announced earlier (C art. 10.6)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from bot.rules.holiday_reminder import BEFORE, due, window

DAYS = st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31))


def test_the_week_before():
    start = date(2026, 12, 19)
    announced = date(2026, 9, 1)
    assert not due(date(2026, 12, 11), start, announced), "eight days before: not yet"
    assert due(date(2026, 12, 12), start, announced), "a week before"
    assert due(date(2026, 12, 18), start, announced), "a sweep that missed days still tells"
    assert not due(date(2026, 12, 19), start, announced), "not once it has started"
    assert not due(date(2026, 12, 14), start, date(2026, 12, 12)), "announced within the week"
    assert due(date(2026, 12, 14), start, date(2026, 12, 11))


@given(DAYS, st.integers(-30, 30), st.integers(0, 400))
def test_due_only_within_the_window_and_for_earlier_announcements(today, ahead, announced_ago):
    start = today + timedelta(days=ahead)
    announced = start - timedelta(days=announced_ago)
    first, last = window(today)
    assert due(today, start, announced) == (first <= start <= last
                                            and announced < start - BEFORE)
