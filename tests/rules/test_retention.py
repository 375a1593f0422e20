"""Retention (AVG art. 5(1)(e); BoW 1.4.3 c): which row is past its period."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.rules.retention import (
    KINDS,
    KLACHTEN_MONTHS,
    Periods,
    cutoff,
    is_past,
    klachten_cutoff,
    months_before,
    one_month_after,
)

PERIODS = Periods(drafts=timedelta(days=7), outbox=timedelta(days=30),
                  link_codes=timedelta(days=30), alerts=timedelta(days=180),
                  audit=timedelta(days=365), attendance=timedelta(days=5 * 365))
NOW = datetime(2026, 11, 30, 12, tzinfo=UTC)

moments = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2040, 1, 1),
                       timezones=st.just(UTC))


@given(kind=st.sampled_from(KINDS), measured_from=moments, now=moments)
def test_a_row_is_past_exactly_when_older_than_its_period(kind, measured_from, now):
    assert is_past(PERIODS, kind, measured_from, now) == (now - measured_from > PERIODS.of(kind))


@given(kind=st.sampled_from(KINDS), now=moments, later=st.timedeltas(min_value=timedelta(0),
                                                                      max_value=timedelta(3650)))
def test_once_past_always_past(kind, now, later):
    moment = cutoff(PERIODS, kind, now) - timedelta(seconds=1)
    assert is_past(PERIODS, kind, moment, now) and is_past(PERIODS, kind, moment, now + later)


def test_at_the_period_itself_the_row_is_kept():
    assert not is_past(PERIODS, "drafts", NOW - timedelta(days=7), NOW)
    assert is_past(PERIODS, "drafts", NOW - timedelta(days=7, seconds=1), NOW)


def test_dependent_kinds_follow_their_record():
    assert PERIODS.of("absence_reports") == PERIODS.attendance
    for kind in ("trajectory", "contact_attempts", "invoices", "survey_answers"):
        assert PERIODS.of(kind) == PERIODS.attendance, kind
    assert PERIODS.of("link_failures") == PERIODS.link_codes
    assert all(PERIODS.of(kind) > timedelta(0) for kind in KINDS)


def test_naive_moments_are_refused():
    with pytest.raises(ValueError):
        is_past(PERIODS, "audit", datetime(2026, 1, 1), NOW)


@given(moment=moments)
def test_a_request_is_due_a_calendar_month_later(moment):
    due = one_month_after(moment)
    assert timedelta(days=28) <= due - moment <= timedelta(days=31)
    assert due.day == moment.day or due.month != (due + timedelta(days=1)).month
    assert due.time() == moment.time()


def test_the_end_of_a_longer_month_falls_on_the_last_day_of_the_next():
    assert one_month_after(datetime(2027, 1, 31, 9, tzinfo=UTC)).date().isoformat() == "2027-02-28"
    assert one_month_after(datetime(2028, 1, 30, 9, tzinfo=UTC)).date().isoformat() == "2028-02-29"
    assert one_month_after(datetime(2026, 12, 15, 9, tzinfo=UTC)).date().isoformat() == "2027-01-15"


@given(moment=moments, months=st.sampled_from(KLACHTEN_MONTHS))
def test_a_klacht_is_kept_whole_calendar_months(moment, months):
    before = months_before(moment, months)
    assert before.time() == moment.time()
    assert (moment.year * 12 + moment.month) - (before.year * 12 + before.month) == months
    assert before.day == moment.day or before.month != (before + timedelta(days=1)).month


def test_a_schools_own_period_wins_over_the_default():
    assert klachten_cutoff(NOW, 36, 24).date().isoformat() == "2023-11-30"
    assert klachten_cutoff(NOW, None, 24).date().isoformat() == "2024-11-30"
    assert months_before(datetime(2026, 3, 31, tzinfo=UTC), 1).date().isoformat() == "2026-02-28"
    assert min(KLACHTEN_MONTHS) == 12, "never shorter than the audited meetperiode (BoW 1.5.8)"
