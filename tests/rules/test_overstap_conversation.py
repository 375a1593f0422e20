"""The handover conversation is never planned over a lesson of the participant (convenant art.
11.3: the participant is there; issue 14)."""

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from bot.rules.overstap import CONVERSATION_LENGTH, clashes_with_lessons

T0 = datetime(2026, 11, 25, 9, tzinfo=UTC)


def test_an_hour_touching_a_lesson_at_either_end_is_free_and_overlapping_is_not():
    lesson = [(T0, T0 + timedelta(hours=3))]
    assert clashes_with_lessons(T0 + timedelta(hours=2), lesson)
    assert clashes_with_lessons(T0 - timedelta(minutes=30), lesson)
    assert not clashes_with_lessons(T0 + timedelta(hours=3), lesson)
    assert not clashes_with_lessons(T0 - CONVERSATION_LENGTH, lesson)
    assert not clashes_with_lessons(T0, [])


@given(st.integers(-600, 600), st.integers(-600, 600), st.integers(1, 300))
def test_a_clash_is_exactly_an_overlap_of_the_two_intervals(start, lesson_start, minutes):
    conversation = T0 + timedelta(minutes=start)
    lesson = (T0 + timedelta(minutes=lesson_start),
              T0 + timedelta(minutes=lesson_start + minutes))
    overlap = max(conversation, lesson[0]) < min(conversation + CONVERSATION_LENGTH, lesson[1])
    assert clashes_with_lessons(conversation, [lesson]) == overlap
