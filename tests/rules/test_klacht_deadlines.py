"""Klacht deadlines, reminders and the yearly report (BoW norms 1.5.2, 1.5.6 to 1.5.9)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from fractions import Fraction
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.rules.klacht_deadlines import (
    Deadlines,
    KlachtFacts,
    can_refuse_treatment,
    deadlines,
    handled_within_term,
    reminders_due,
    report,
)

AMS = ZoneInfo("Europe/Amsterdam")
# Long example runs on a busy machine must not fail on timing; no per-example deadline.
relaxed = settings(deadline=None)
END = time(23, 59, 59, 999999)


def local(y: int, m: int, d: int, h: int = 0, mi: int = 0, s: int = 0) -> datetime:
    """An Amsterdam local datetime."""
    return datetime(y, m, d, h, mi, s, tzinfo=AMS)


def end_of(y: int, m: int, d: int) -> datetime:
    """The last instant of an Amsterdam calendar day."""
    return datetime.combine(date(y, m, d), END, tzinfo=AMS)


instants = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 31), timezones=st.just(AMS)
)


# Deadlines


def test_deadlines_are_end_of_day_two_four_and_six_weeks_after_receipt() -> None:
    assert deadlines(local(2024, 1, 10, 10, 15)) == Deadlines(
        ack_by=end_of(2024, 1, 24), decide_by=end_of(2024, 2, 7), handle_by=end_of(2024, 2, 21)
    )


def test_acknowledgement_deadline_ignores_dst_change() -> None:
    ack_by = deadlines(local(2024, 3, 20, 9, 0)).ack_by
    assert ack_by == end_of(2024, 4, 3)
    assert ack_by.utcoffset() == timedelta(hours=2)
    assert ack_by == datetime(2024, 4, 3, 21, 59, 59, 999999, tzinfo=UTC)


def test_deadline_after_autumn_dst_change_is_local_end_of_day() -> None:
    ack_by = deadlines(local(2024, 10, 20, 23, 30)).ack_by
    assert ack_by == datetime(2024, 11, 3, 22, 59, 59, 999999, tzinfo=UTC)


def test_deadlines_cross_the_year_end() -> None:
    d = deadlines(local(2024, 12, 20, 16, 0))
    assert (d.ack_by, d.decide_by, d.handle_by) == (
        end_of(2025, 1, 3),
        end_of(2025, 1, 17),
        end_of(2025, 1, 31),
    )


def test_deadlines_count_the_leap_day() -> None:
    assert deadlines(local(2024, 2, 15, 12, 0)).ack_by == end_of(2024, 2, 29)
    assert deadlines(local(2023, 2, 15, 12, 0)).ack_by == end_of(2023, 3, 1)


def test_receipt_date_is_the_local_date_not_the_utc_date() -> None:
    # 23:30 UTC on 10 January is 00:30 on 11 January in Amsterdam.
    d = deadlines(datetime(2024, 1, 10, 23, 30, tzinfo=UTC))
    assert d.ack_by == end_of(2024, 1, 25)


def test_naive_receipt_time_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        deadlines(datetime(2024, 1, 10, 10, 0))


@relaxed
@given(instants)
def test_deadlines_fall_at_local_day_end_a_fixed_number_of_days_after_receipt(
    received: datetime,
) -> None:
    d = deadlines(received)
    received_on = received.astimezone(AMS).date()
    for deadline, days in ((d.ack_by, 14), (d.decide_by, 28), (d.handle_by, 42)):
        at = deadline.astimezone(AMS)
        assert at.time() == END
        assert at.date() - received_on == timedelta(days=days)


@relaxed
@given(instants)
def test_hour_of_receipt_never_moves_the_deadlines(received: datetime) -> None:
    day = received.astimezone(AMS).date()
    first = datetime.combine(day, time(0), tzinfo=AMS)
    last = end_of(day.year, day.month, day.day)
    assert deadlines(received) == deadlines(first) == deadlines(last)


# Reminders

OPEN = {"ack_by": end_of(2024, 1, 24), "decide_by": end_of(2024, 2, 7)}


def test_no_reminder_while_more_than_seven_days_remain() -> None:
    assert reminders_due(OPEN, local(2024, 1, 17, 23, 0), set()) == []


def test_seven_day_reminder_is_due_once_seven_days_remain() -> None:
    assert reminders_due(OPEN, local(2024, 1, 18, 0, 0), set()) == ["ack_by:remind7"]


def test_sent_reminder_is_not_sent_twice() -> None:
    assert reminders_due(OPEN, local(2024, 1, 19, 9, 0), {"ack_by:remind7"}) == []


def test_two_day_reminder_follows_the_seven_day_one() -> None:
    keys = reminders_due(OPEN, local(2024, 1, 23, 0, 0), {"ack_by:remind7"})
    assert keys == ["ack_by:remind2"]


def test_stale_seven_day_reminder_is_skipped_once_two_days_remain() -> None:
    assert reminders_due(OPEN, local(2024, 1, 23, 8, 0), set()) == ["ack_by:remind2"]


def test_escalation_is_due_once_the_deadline_has_passed() -> None:
    sent = {"ack_by:remind7", "ack_by:remind2"}
    assert reminders_due(OPEN, local(2024, 1, 24, 23, 59), sent) == []
    assert reminders_due(OPEN, local(2024, 1, 25, 0, 0), sent) == ["ack_by:escalate"]


def test_no_escalation_at_the_very_last_instant_of_the_deadline() -> None:
    sent = {"ack_by:remind7", "ack_by:remind2"}
    assert reminders_due(OPEN, OPEN["ack_by"], sent) == []
    assert reminders_due(OPEN, OPEN["ack_by"] + timedelta(microseconds=1), sent) == [
        "ack_by:escalate"
    ]


def test_escalation_is_not_repeated() -> None:
    sent = {"ack_by:escalate"}
    assert reminders_due(OPEN, local(2024, 1, 30, 9, 0), sent) == []


def test_met_deadline_gets_no_reminders() -> None:
    only_decision = {"decide_by": OPEN["decide_by"]}
    assert reminders_due(only_decision, local(2024, 1, 25, 9, 0), set()) == []


def test_reminders_of_several_deadlines_come_earliest_first() -> None:
    many = deadlines(local(2024, 1, 1, 9)).as_dict()
    keys = reminders_due(many, local(2024, 2, 10, 9, 0), set())
    assert keys == ["ack_by:escalate", "decide_by:escalate", "handle_by:remind7"]


def test_seven_day_reminder_over_dst_counts_wall_clock_days() -> None:
    deadline = {"handle_by": end_of(2024, 4, 3)}
    assert reminders_due(deadline, local(2024, 3, 27, 23, 59), set()) == []
    assert reminders_due(deadline, local(2024, 3, 28, 0, 0), set()) == ["handle_by:remind7"]


@relaxed
@given(
    received=instants,
    step_hours=st.integers(min_value=1, max_value=72),
)
def test_every_reminder_key_is_returned_at_most_once(received: datetime, step_hours: int) -> None:
    open_deadlines = deadlines(received).as_dict()
    sent: set[str] = set()
    seen: list[str] = []
    now = received
    end = open_deadlines["handle_by"] + timedelta(days=3)
    while now < end:
        due = reminders_due(open_deadlines, now, sent)
        seen.extend(due)
        sent.update(due)
        now += timedelta(hours=step_hours)
    assert len(seen) == len(set(seen))
    assert {"ack_by:escalate", "decide_by:escalate", "handle_by:escalate"} <= set(seen)


# Refusal and handling terms


def test_treatment_can_be_refused_until_the_end_of_the_fourth_week() -> None:
    received = local(2024, 1, 10, 10, 0)
    assert can_refuse_treatment(received, local(2024, 2, 7, 23, 59))
    assert not can_refuse_treatment(received, local(2024, 2, 8, 0, 0))


def test_klacht_handled_on_last_day_of_sixth_week_is_on_time() -> None:
    received = local(2024, 1, 10, 10, 0)
    assert handled_within_term(received, local(2024, 2, 21, 23, 0))
    assert not handled_within_term(received, local(2024, 2, 22, 0, 1))


# Report


def klacht(
    received: datetime, *, decided_days: int | None = None, handled_days: int | None = None
) -> KlachtFacts:
    """A klacht decided and handled the given number of days after receipt."""
    return KlachtFacts(
        received_at=received,
        acknowledged_at=received + timedelta(days=1),
        decided_at=None if decided_days is None else received + timedelta(days=decided_days),
        handled_at=None if handled_days is None else received + timedelta(days=handled_days),
    )


def test_report_without_klachten_has_no_figures() -> None:
    r = report([], date(2024, 1, 1), date(2024, 12, 31))
    assert r.count == 0
    assert r.share_on_time is None
    assert r.meets_norm is None
    assert r.median_days_to_decision is None
    assert r.median_days_to_closure is None


def test_four_of_five_on_time_meets_the_eighty_percent_norm() -> None:
    received = local(2024, 3, 1, 10)
    facts = [klacht(received, decided_days=5, handled_days=20) for _ in range(4)]
    facts.append(klacht(received, decided_days=10, handled_days=50))
    r = report(facts, date(2024, 1, 1), date(2024, 12, 31))
    assert (r.count, r.assessable, r.on_time, r.late) == (5, 5, 4, 1)
    assert r.share_on_time == Fraction(4, 5)
    assert r.share_on_time_percent == 80.0
    assert r.meets_norm is True


def test_three_of_four_on_time_misses_the_norm() -> None:
    received = local(2024, 3, 1, 10)
    facts = [klacht(received, handled_days=20) for _ in range(3)]
    facts.append(klacht(received, handled_days=43))
    r = report(facts, date(2024, 1, 1), date(2024, 12, 31))
    assert r.meets_norm is False


def test_open_klacht_past_its_deadline_counts_as_late() -> None:
    facts = [klacht(local(2024, 10, 1, 10), decided_days=3)]
    r = report(facts, date(2024, 1, 1), date(2024, 12, 31))
    assert (r.count, r.still_open, r.assessable, r.late) == (1, 1, 1, 1)
    assert r.meets_norm is False


def test_open_klacht_within_its_term_is_left_out_of_the_share() -> None:
    facts = [klacht(local(2024, 12, 20, 10)), klacht(local(2024, 6, 1, 10), handled_days=10)]
    r = report(facts, date(2024, 1, 1), date(2024, 12, 31))
    assert (r.count, r.still_open, r.assessable, r.on_time) == (2, 1, 1, 1)
    assert r.share_on_time == 1


def test_closure_registered_after_the_report_moment_is_not_yet_known() -> None:
    # Received 20 December, handled 10 January: open at the end of the year, within its term.
    facts = [klacht(local(2024, 12, 20, 10), handled_days=21)]
    at_year_end = report(facts, date(2024, 1, 1), date(2024, 12, 31))
    assert (at_year_end.handled, at_year_end.assessable) == (0, 0)
    later = report(facts, date(2024, 1, 1), date(2024, 12, 31), as_of=local(2025, 2, 1, 9))
    assert (later.handled, later.on_time) == (1, 1)


def test_klachten_received_outside_the_period_are_not_counted() -> None:
    facts = [
        klacht(local(2023, 12, 31, 23, 30), handled_days=5),
        klacht(local(2024, 1, 1, 0, 30), handled_days=5),
        klacht(local(2025, 1, 1, 0, 0), handled_days=5),
    ]
    assert report(facts, date(2024, 1, 1), date(2024, 12, 31)).count == 1


def test_median_days_are_local_calendar_days() -> None:
    received = local(2024, 5, 1, 22, 0)
    facts = [
        klacht(received, decided_days=2, handled_days=10),
        klacht(received, decided_days=4, handled_days=20),
        klacht(received, decided_days=7),
    ]
    r = report(facts, date(2024, 1, 1), date(2024, 12, 31))
    assert r.median_days_to_decision == 4.0
    assert r.median_days_to_closure == 15.0


def test_report_period_must_not_end_before_it_starts() -> None:
    with pytest.raises(ValueError, match="period"):
        report([], date(2024, 12, 31), date(2024, 1, 1))


@relaxed
@given(
    st.lists(
        st.tuples(instants, st.none() | st.integers(0, 90), st.none() | st.integers(0, 90)),
        max_size=30,
    )
)
def test_report_counts_add_up(rows: list[tuple[datetime, int | None, int | None]]) -> None:
    facts = [klacht(r, decided_days=d, handled_days=h) for r, d, h in rows]
    r = report(facts, date(2000, 1, 1), date(2099, 12, 31), as_of=local(2100, 6, 1))
    assert r.count == len(facts)
    assert r.handled + r.still_open == r.count
    assert r.on_time + r.late == r.assessable <= r.count
    if r.share_on_time is not None:
        assert 0 <= r.share_on_time <= 1
