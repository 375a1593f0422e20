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


def test_a_typed_date_is_day_month_year_within_the_years_a_record_may_name():
    from bot.rules.trajectory import typed_date

    assert typed_date("30-9-2027") == date(2027, 9, 30)
    assert typed_date(" 30.09.2027 ") == date(2027, 9, 30)
    assert typed_date("1/2/2028") == date(2028, 2, 1)
    assert typed_date("٣٠-٩-٢٠٢٧") == date(2027, 9, 30), "digits as a phone keyboard types them"
    for bad in ("31-2-2027", "2027-09-30", "30-9-27", "morgen", "", "30-9-2101", "1-1-1999",
                "30 - 9 - 2027"):
        assert typed_date(bad) is None, bad


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)))
def test_every_date_typed_as_day_month_year_reads_back(day):
    from bot.rules.trajectory import typed_date

    assert typed_date(f"{day.day}-{day.month}-{day.year}") == day


def test_a_predicted_end_is_not_in_the_past_an_assessment_not_in_the_future():
    from bot.rules.trajectory import assessed_on_ok, predicted_end_ok

    today = date(2026, 11, 23)
    assert predicted_end_ok(today, today) and predicted_end_ok(date(2027, 9, 30), today)
    assert not predicted_end_ok(date(2026, 11, 22), today)
    assert assessed_on_ok(today, today) and assessed_on_ok(date(2026, 1, 1), today)
    assert not assessed_on_ok(date(2026, 11, 24), today)


def test_own_words_are_one_to_two_thousand_characters_without_control_characters():
    from bot.rules.trajectory import MAX_TEXT, valid_text

    assert valid_text("Mantelzorg op dinsdag.\nEn soms woensdag.\tZie dossier.")
    assert valid_text("x" * MAX_TEXT) and not valid_text("x" * (MAX_TEXT + 1))
    for bad in ("", "   ", "a\x00b", "a\x1bb", "a\x7fb"):
        assert not valid_text(bad), repr(bad)


def test_costs_are_typed_the_dutch_way_or_with_a_decimal_point():
    from bot.rules.trajectory import typed_euros

    assert typed_euros("1250") == 125000
    assert typed_euros("1.250") == 125000
    assert typed_euros("€ 1.250,50") == 125050
    assert typed_euros("99,9") == 9990
    assert typed_euros("1250.5") == 125050
    assert typed_euros("0") == 0
    assert typed_euros("100.000") == 10_000_000
    for bad in ("", "euro", "-5", "1,250.00", "1.25.0", "100.001", "12,345", "١٢٥٠", "1e3"):
        assert typed_euros(bad) is None, bad


@given(st.integers(min_value=0, max_value=100_000 * 100))
def test_every_amount_in_cents_written_with_a_comma_reads_back(cents):
    from bot.rules.trajectory import typed_euros

    assert typed_euros(f"{cents // 100},{cents % 100:02d}") == cents
