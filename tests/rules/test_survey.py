"""The survey rules (BoW 2.7.3, 5.2; convenant art. 16.1)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from bot.rules.survey import (
    ENDED_EARLY,
    THREE_QUARTERS,
    delivery_reason,
    may_show,
    share_done,
)

START, END = date(2026, 1, 1), date(2026, 12, 31)  # 364 days


def test_three_quarters_of_the_course_puts_a_participant_on_the_list():
    assert delivery_reason("active", START, END, START + timedelta(days=272)) is None
    assert delivery_reason("active", START, END, START + timedelta(days=273)) == THREE_QUARTERS


def test_ending_early_puts_a_participant_on_the_list_whatever_the_share():
    assert delivery_reason("left", START, END, START) == ENDED_EARLY
    assert delivery_reason("dropped_out", None, None, START) == ENDED_EARLY


def test_without_a_start_or_a_predicted_end_nobody_is_listed_yet():
    assert delivery_reason("active", None, END, END) is None
    assert delivery_reason("active", START, None, END) is None


def test_figures_only_for_five_or_more():
    assert not may_show(4) and may_show(5) and not may_show(0)


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 1, 1)),
       st.integers(0, 2000), st.integers(-100, 3000))
def test_the_share_is_between_0_and_1_and_grows_with_time(start, length, offset):
    end = start + timedelta(days=length)
    today = start + timedelta(days=offset)
    share = share_done(start, end, today)
    assert 0.0 <= share <= 1.0
    assert share_done(start, end, today + timedelta(days=1)) >= share
