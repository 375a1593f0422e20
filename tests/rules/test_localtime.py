"""Local-time helpers: local dates, local wall-clock times and DST."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.rules.localtime import (
    at_local,
    end_of_local_day,
    local_date,
    require_aware,
    wall_clock_elapsed,
)

AMS = ZoneInfo("Europe/Amsterdam")


def test_time_in_the_spring_dst_gap_resolves_to_the_clock_after_the_gap() -> None:
    result = at_local(date(2024, 3, 31), time(2, 30))
    assert (result.hour, result.minute) == (3, 30)
    assert result == datetime(2024, 3, 31, 1, 30, tzinfo=UTC)


def test_ambiguous_autumn_time_takes_its_first_occurrence() -> None:
    result = at_local(date(2024, 10, 27), time(2, 30))
    # Ambiguous local times never compare equal across zones (PEP 495), so compare in UTC.
    assert result.astimezone(UTC) == datetime(2024, 10, 27, 0, 30, tzinfo=UTC)
    assert result.fold == 0


def test_end_of_local_day_is_the_last_microsecond() -> None:
    result = end_of_local_day(date(2024, 12, 31))
    assert result + timedelta(microseconds=1) == datetime(2025, 1, 1, tzinfo=AMS)


def test_local_date_of_a_utc_evening_is_the_next_day_in_summer() -> None:
    assert local_date(datetime(2024, 6, 30, 22, 30, tzinfo=UTC)) == date(2024, 7, 1)


def test_wall_clock_week_over_dst_is_seven_days_though_real_time_is_less() -> None:
    before = datetime(2024, 3, 25, 9, 0, tzinfo=AMS)
    after = datetime(2024, 4, 1, 9, 0, tzinfo=AMS).astimezone(UTC)
    assert wall_clock_elapsed(before, after) == timedelta(days=7)
    assert after - before == timedelta(days=6, hours=23)


def test_naive_datetime_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        require_aware(datetime(2024, 1, 1))
