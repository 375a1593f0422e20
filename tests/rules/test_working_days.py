"""Working days: Monday to Friday, Dutch public holidays excluded, local Amsterdam dates."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.rules.working_days import (
    add_working_days,
    is_working_day,
    next_working_day,
    working_days_between,
)

AMS = ZoneInfo("Europe/Amsterdam")
# The first look-up of a year's public holidays is slow; no per-example deadline.
relaxed = settings(deadline=None)


def local(y: int, m: int, d: int, h: int = 0, mi: int = 0, s: int = 0) -> datetime:
    """An Amsterdam local datetime."""
    return datetime(y, m, d, h, mi, s, tzinfo=AMS)


instants = st.datetimes(
    min_value=datetime(2019, 1, 1), max_value=datetime(2031, 12, 31), timezones=st.just(AMS)
)


def test_weekend_is_not_a_working_day() -> None:
    assert not is_working_day(date(2024, 6, 8))
    assert not is_working_day(date(2024, 6, 9))
    assert is_working_day(date(2024, 6, 10))


@pytest.mark.parametrize(
    "day",
    [
        date(2024, 1, 1),  # Nieuwjaarsdag
        date(2024, 3, 29),  # Goede Vrijdag, as the package lists it
        date(2024, 4, 1),  # Tweede Paasdag
        date(2023, 4, 27),  # Koningsdag on a Thursday
        date(2024, 5, 9),  # Hemelvaartsdag
        date(2024, 5, 20),  # Tweede Pinksterdag
        date(2025, 5, 5),  # Bevrijdingsdag in a lustrum year
        date(2024, 12, 25),
        date(2024, 12, 26),
    ],
)
def test_dutch_public_holidays_are_not_working_days(day: date) -> None:
    assert not is_working_day(day)


def test_liberation_day_outside_lustrum_year_is_a_working_day() -> None:
    assert is_working_day(date(2023, 5, 5))


def test_friday_plus_one_working_day_is_monday_same_time() -> None:
    assert add_working_days(local(2024, 6, 7, 14, 30), 1) == local(2024, 6, 10, 14, 30)


def test_counting_from_a_saturday_starts_on_monday() -> None:
    assert add_working_days(local(2024, 6, 8, 11, 0), 1) == local(2024, 6, 10, 11, 0)


def test_zero_working_days_is_the_start_itself() -> None:
    start = local(2024, 6, 8, 11, 0)
    assert add_working_days(start, 0) is start


def test_negative_working_days_are_refused() -> None:
    with pytest.raises(ValueError, match="n must be"):
        add_working_days(local(2024, 6, 7, 9, 0), -1)


def test_naive_start_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        add_working_days(datetime(2024, 6, 7, 9, 0), 1)


def test_easter_weekend_and_dst_change_are_skipped() -> None:
    # Thursday before Good Friday; DST starts on Easter Sunday 31 March 2024.
    result = add_working_days(local(2024, 3, 28, 10, 0), 1)
    assert result == local(2024, 4, 2, 10, 0)
    assert result.utcoffset() == timedelta(hours=2)


def test_five_working_days_keep_wall_clock_time_over_autumn_dst() -> None:
    result = add_working_days(local(2024, 10, 25, 9, 0), 5)
    assert result == local(2024, 11, 1, 9, 0)
    assert result.utcoffset() == timedelta(hours=1)


def test_year_end_skips_christmas_and_new_year() -> None:
    assert add_working_days(local(2024, 12, 24, 9, 0), 1) == local(2024, 12, 27, 9, 0)
    assert add_working_days(local(2024, 12, 31, 9, 0), 1) == local(2025, 1, 2, 9, 0)


def test_leap_day_is_a_working_day() -> None:
    assert add_working_days(local(2024, 2, 28, 9, 0), 1) == local(2024, 2, 29, 9, 0)
    assert add_working_days(local(2023, 2, 28, 9, 0), 1) == local(2023, 3, 1, 9, 0)


def test_utc_input_is_counted_on_the_local_date() -> None:
    # Friday 23:30 UTC is already Saturday 01:30 in Amsterdam (summer time).
    start = datetime(2024, 6, 7, 23, 30, tzinfo=UTC)
    assert add_working_days(start, 1) == local(2024, 6, 10, 1, 30)


def test_next_working_day_skips_kings_day() -> None:
    assert next_working_day(date(2023, 4, 26)) == date(2023, 4, 28)


def test_working_days_between_counts_after_first_up_to_last() -> None:
    assert working_days_between(local(2024, 6, 7, 9), local(2024, 6, 7, 17)) == 0
    assert working_days_between(local(2024, 6, 7, 9), local(2024, 6, 10, 8)) == 1
    assert working_days_between(local(2024, 6, 3, 9), local(2024, 6, 14, 9)) == 9


def test_working_days_between_is_negative_backwards() -> None:
    assert working_days_between(local(2024, 6, 10, 8), local(2024, 6, 7, 9)) == -1


def test_working_days_between_over_easter() -> None:
    assert working_days_between(local(2024, 3, 28, 9), local(2024, 4, 2, 9)) == 1


@relaxed
@given(instants, st.integers(min_value=0, max_value=80))
def test_working_days_between_inverts_add_working_days(start: datetime, n: int) -> None:
    assert working_days_between(start, add_working_days(start, n)) == n


@relaxed
@given(instants, st.integers(min_value=1, max_value=80))
def test_adding_working_days_lands_on_a_working_day(start: datetime, n: int) -> None:
    result = add_working_days(start, n)
    assert is_working_day(result.astimezone(AMS).date())
    assert result > start


@relaxed
@given(instants, instants)
def test_working_days_between_is_antisymmetric(a: datetime, b: datetime) -> None:
    assert working_days_between(a, b) == -working_days_between(b, a)
