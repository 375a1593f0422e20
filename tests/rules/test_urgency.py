"""How urgent a notification is (issue 18; convenant art. 10.4 and 12.4)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.rules.rooster_diff import CHANGE_KINDS
from bot.rules.urgency import (
    BULK,
    LESSON_WINDOW,
    PRESSING_CHANGES,
    TIMED,
    URGENT,
    LessonChange,
    pressing,
    urgency,
)

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)


def change(kinds, start, hours=3, old_start=None) -> LessonChange:
    return LessonChange(tuple(kinds), start, start + hours * HOUR, old_start,
                        old_start + hours * HOUR if old_start else None)


def test_lesson_cancelled_in_three_hours_is_urgent() -> None:
    assert urgency(NOW, lesson_changes=[change(["cancelled"], NOW + 3 * HOUR)]) == URGENT


def test_lesson_cancelled_next_week_is_bulk() -> None:
    assert urgency(NOW, lesson_changes=[change(["cancelled"], NOW + 7 * 24 * HOUR)]) == BULK


def test_new_teacher_today_is_bulk() -> None:
    assert urgency(NOW, lesson_changes=[change(["teacher"], NOW + 2 * HOUR)]) == BULK


@pytest.mark.parametrize("kinds", [["moved"], ["location"], ["mode"], ["new"],
                                   ["moved", "teacher"], ["location", "teacher"]])
def test_changes_to_act_on_today_are_urgent(kinds) -> None:
    assert urgency(NOW, lesson_changes=[change(kinds, NOW + 5 * HOUR)]) == URGENT


def test_lesson_moved_away_from_today_is_urgent() -> None:
    moved = change(["moved"], NOW + 7 * 24 * HOUR, old_start=NOW + 2 * HOUR)
    assert urgency(NOW, lesson_changes=[moved]) == URGENT


def test_lesson_moved_into_today_is_urgent() -> None:
    moved = change(["moved"], NOW + 2 * HOUR, old_start=NOW + 7 * 24 * HOUR)
    assert urgency(NOW, lesson_changes=[moved]) == URGENT


def test_lesson_in_progress_counts_and_a_finished_one_does_not() -> None:
    assert urgency(NOW, lesson_changes=[change(["location"], NOW - HOUR)]) == URGENT
    assert urgency(NOW, lesson_changes=[change(["location"], NOW - 4 * HOUR)]) == BULK


def test_twelve_hours_is_the_edge() -> None:
    assert urgency(NOW, lesson_changes=[change(["cancelled"], NOW + LESSON_WINDOW)]) == URGENT
    late = NOW + LESSON_WINDOW + timedelta(seconds=1)
    assert urgency(NOW, lesson_changes=[change(["cancelled"], late)]) == BULK


def test_one_urgent_lesson_among_many_makes_the_message_urgent() -> None:
    later = [change(["moved"], NOW + d * 24 * HOUR) for d in range(2, 9)]
    assert urgency(NOW, lesson_changes=later) == BULK
    assert urgency(NOW, lesson_changes=[*later, change(["cancelled"], NOW + HOUR)]) == URGENT


def test_uitval_and_a_safety_klacht_are_urgent() -> None:
    assert urgency(NOW, uitval=True) == URGENT
    assert urgency(NOW, klacht_topic="safety") == URGENT
    assert urgency(NOW, klacht_topic="lessons") == BULK


def test_reminder_goes_at_its_time_and_anything_else_is_bulk() -> None:
    assert urgency(NOW, reminder=True) == TIMED
    assert urgency(NOW) == BULK


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValueError):
        urgency(NOW.replace(tzinfo=None), lesson_changes=[change(["cancelled"], NOW)])


@given(kinds=st.lists(st.sampled_from(CHANGE_KINDS), min_size=1, max_size=3, unique=True),
       offset=st.integers(min_value=-48 * 60, max_value=14 * 24 * 60),
       minutes=st.integers(min_value=30, max_value=240))
def test_urgent_exactly_when_a_change_to_act_on_is_in_the_window(kinds, offset, minutes) -> None:
    start = NOW + timedelta(minutes=offset)
    item = LessonChange(tuple(kinds), start, start + timedelta(minutes=minutes))
    in_window = start + timedelta(minutes=minutes) > NOW and start <= NOW + LESSON_WINDOW
    expected = in_window and bool(PRESSING_CHANGES.intersection(kinds))
    assert pressing(item, NOW) is expected
    assert urgency(NOW, lesson_changes=[item]) == (URGENT if expected else BULK)
