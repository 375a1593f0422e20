"""Delivery timing: participants' quiet hours and staff working hours (issue 3)."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.rules.quiet_hours import (
    in_quiet_hours,
    participant_send_at,
    staff_send_at,
)
from bot.rules.working_days import is_working_day

AMS = ZoneInfo("Europe/Amsterdam")
# The first look-up of a year's public holidays is slow; no per-example deadline.
relaxed = settings(deadline=None)


def local(y: int, m: int, d: int, h: int = 0, mi: int = 0, s: int = 0) -> datetime:
    """An Amsterdam local datetime."""
    return datetime(y, m, d, h, mi, s, tzinfo=AMS)


instants = st.datetimes(
    min_value=datetime(2019, 1, 1), max_value=datetime(2031, 12, 31), timezones=st.just(AMS)
)


# Participants


def test_daytime_participant_message_goes_at_once() -> None:
    created = local(2024, 6, 4, 14, 0)
    assert participant_send_at(created) is created


def test_message_just_before_quiet_hours_goes_at_once() -> None:
    created = local(2024, 6, 4, 20, 59, 59)
    assert participant_send_at(created) is created


def test_message_at_quiet_start_waits_for_next_morning() -> None:
    assert participant_send_at(local(2024, 6, 4, 21, 0)) == local(2024, 6, 5, 7, 30)


def test_message_after_midnight_waits_for_same_morning() -> None:
    assert participant_send_at(local(2024, 6, 5, 3, 0)) == local(2024, 6, 5, 7, 30)


def test_message_at_quiet_end_goes_at_once() -> None:
    created = local(2024, 6, 5, 7, 30)
    assert participant_send_at(created) is created


def test_lesson_within_twelve_hours_breaks_quiet_hours() -> None:
    created = local(2024, 6, 4, 22, 0)
    lesson = local(2024, 6, 5, 9, 0)
    assert participant_send_at(created, concerns_lesson_at=lesson) is created


def test_lesson_exactly_twelve_hours_ahead_still_counts_as_imminent() -> None:
    created = local(2024, 6, 4, 22, 0)
    assert participant_send_at(created, concerns_lesson_at=created + timedelta(hours=12)) is created


def test_lesson_more_than_twelve_hours_ahead_waits_for_morning() -> None:
    created = local(2024, 6, 4, 22, 0)
    lesson = local(2024, 6, 5, 10, 1)
    assert participant_send_at(created, concerns_lesson_at=lesson) == local(2024, 6, 5, 7, 30)


def test_lesson_already_started_does_not_break_quiet_hours() -> None:
    created = local(2024, 6, 4, 22, 0)
    lesson = local(2024, 6, 4, 19, 0)
    assert participant_send_at(created, concerns_lesson_at=lesson) == local(2024, 6, 5, 7, 30)


def test_quiet_morning_after_spring_dst_change_is_local_half_past_seven() -> None:
    result = participant_send_at(local(2024, 3, 30, 22, 0))
    assert result == datetime(2024, 3, 31, 5, 30, tzinfo=UTC)
    assert result.astimezone(AMS).time() == time(7, 30)


def test_quiet_morning_after_autumn_dst_change_is_local_half_past_seven() -> None:
    result = participant_send_at(local(2024, 10, 26, 22, 0))
    assert result == datetime(2024, 10, 27, 6, 30, tzinfo=UTC)


def test_message_in_the_repeated_autumn_hour_waits_for_same_morning() -> None:
    created = datetime(2024, 10, 27, 2, 30, fold=1, tzinfo=AMS)
    assert participant_send_at(created) == datetime(2024, 10, 27, 6, 30, tzinfo=UTC)


def test_new_years_eve_message_waits_for_new_years_morning() -> None:
    assert participant_send_at(local(2024, 12, 31, 23, 0)) == local(2025, 1, 1, 7, 30)


def test_utc_input_is_judged_on_local_time() -> None:
    # 20:00 UTC is 22:00 in Amsterdam in summer.
    created = datetime(2024, 6, 1, 20, 0, tzinfo=UTC)
    assert participant_send_at(created) == local(2024, 6, 2, 7, 30)


def test_custom_quiet_window_within_a_day() -> None:
    created = local(2024, 6, 4, 13, 30)
    result = participant_send_at(created, quiet_start=time(13, 0), quiet_end=time(14, 0))
    assert result == local(2024, 6, 4, 14, 0)


def test_equal_quiet_start_and_end_means_no_quiet_hours() -> None:
    created = local(2024, 6, 4, 23, 0)
    assert participant_send_at(created, quiet_start=time(22), quiet_end=time(22)) is created
    assert not in_quiet_hours(time(22), time(22), time(22))


def test_naive_creation_time_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        participant_send_at(datetime(2024, 6, 4, 23, 0))


@relaxed
@given(instants)
def test_participant_message_never_lands_in_quiet_hours(created: datetime) -> None:
    result = participant_send_at(created)
    assert result >= created
    assert result - created <= timedelta(hours=11, minutes=30)
    assert not in_quiet_hours(result.astimezone(AMS).time().replace(fold=0))


# Staff


def test_staff_alert_in_working_hours_goes_at_once() -> None:
    created = local(2024, 6, 4, 10, 0)
    assert staff_send_at(created) is created


def test_staff_alert_before_office_opens_waits_for_eight() -> None:
    assert staff_send_at(local(2024, 6, 4, 7, 0)) == local(2024, 6, 4, 8, 0)


def test_staff_alert_at_closing_time_waits_for_next_working_day() -> None:
    assert staff_send_at(local(2024, 6, 4, 18, 0)) == local(2024, 6, 5, 8, 0)


def test_staff_alert_on_friday_evening_waits_for_monday() -> None:
    assert staff_send_at(local(2024, 6, 7, 19, 0)) == local(2024, 6, 10, 8, 0)


def test_staff_alert_on_saturday_morning_waits_for_monday() -> None:
    assert staff_send_at(local(2024, 6, 8, 9, 0)) == local(2024, 6, 10, 8, 0)


def test_urgent_staff_alert_goes_at_once_even_on_sunday_night() -> None:
    created = local(2024, 6, 9, 3, 0)
    assert staff_send_at(created, urgent=True) is created


def test_staff_alert_before_easter_waits_until_tuesday_after_dst_change() -> None:
    result = staff_send_at(local(2024, 3, 28, 19, 0))
    assert result == local(2024, 4, 2, 8, 0)
    assert result == datetime(2024, 4, 2, 6, 0, tzinfo=UTC)


def test_staff_alert_on_kings_day_waits_for_next_day() -> None:
    assert staff_send_at(local(2023, 4, 27, 10, 0)) == local(2023, 4, 28, 8, 0)


def test_staff_alert_on_liberation_day_of_a_lustrum_year_waits() -> None:
    assert staff_send_at(local(2025, 5, 5, 9, 0)) == local(2025, 5, 6, 8, 0)


def test_staff_alert_over_christmas_and_new_year() -> None:
    assert staff_send_at(local(2024, 12, 24, 18, 30)) == local(2024, 12, 27, 8, 0)
    assert staff_send_at(local(2024, 12, 31, 20, 0)) == local(2025, 1, 2, 8, 0)


def test_staff_alert_over_autumn_dst_weekend() -> None:
    result = staff_send_at(local(2024, 10, 25, 19, 0))
    assert result == datetime(2024, 10, 28, 7, 0, tzinfo=UTC)


def test_custom_working_hours() -> None:
    created = local(2024, 6, 4, 17, 30)
    assert staff_send_at(created, start=time(9), end=time(17)) == local(2024, 6, 5, 9, 0)


def test_working_hours_must_start_before_they_end() -> None:
    with pytest.raises(ValueError, match="working hours"):
        staff_send_at(local(2024, 6, 4, 10), start=time(18), end=time(8))


@relaxed
@given(instants)
def test_staff_alert_lands_in_working_hours(created: datetime) -> None:
    result = staff_send_at(created)
    at = result.astimezone(AMS)
    assert result >= created
    assert is_working_day(at.date())
    assert time(8) <= at.time().replace(fold=0) < time(18)
    assert result == created or at.time() == time(8)
