"""Urenverklaring: which attended hours count (BoW 2.3.3-2.3.6, 2.5, 4.6, 4.7; C art. 10.7)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from fractions import Fraction
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.rules.hours import (
    KINDS,
    LANGUAGE_KINDS,
    MODES,
    AttendedLesson,
    HoursStatement,
    Rule,
    elapsed_seconds,
    hours_statement,
    to_hours,
)

AMS = ZoneInfo("Europe/Amsterdam")
# Long example runs on a busy machine must not fail on timing; no per-example deadline.
relaxed = settings(deadline=None)
MONDAY = datetime(2024, 9, 2, 9, 0, tzinfo=AMS)


def lesson(
    kind: str = "NT2",
    mode: str = "classroom",
    *,
    day: int = 0,
    hours: float = 2,
    **flags: bool,
) -> AttendedLesson:
    """An attended lesson on MONDAY + ``day`` days at 09:00 lasting ``hours``."""
    start = MONDAY + timedelta(days=day)
    return AttendedLesson(kind, mode, start, start + timedelta(hours=hours), **flags)  # type: ignore[arg-type]


def rules(statement: HoursStatement) -> dict[tuple[str, str], Rule]:
    """Rule per (kind, mode) line, for lines without ONA sub-classes."""
    return {(line.kind, line.mode): line.rule for line in statement.lines}


def test_wi2013_distance_hours_do_not_count() -> None:
    s = hours_statement([lesson(), lesson(mode="distance", day=1)], "wi2013", None)
    assert rules(s) == {
        ("NT2", "classroom"): Rule.CLASSROOM,
        ("NT2", "distance"): Rule.WI2013_NO_DISTANCE,
    }
    assert s.attended_hours == Decimal("4.00")
    assert s.counted_hours == Decimal("2.00")


def test_b1_distance_hours_count_only_when_classroom_is_half() -> None:
    half = hours_statement([lesson(), lesson(mode="distance", day=1)], "wi2021", "b1")
    assert rules(half)[("NT2", "distance")] == Rule.B1_HYBRID_OK
    assert half.counted_hours == Decimal("4.00")
    assert half.classroom_share == Fraction(1, 2)


def test_b1_distance_hours_below_half_classroom_do_not_count() -> None:
    lessons = [lesson(), lesson(mode="distance", day=1), lesson("KNM", "distance", day=2)]
    s = hours_statement(lessons, "wi2021", "b1")
    assert rules(s)[("NT2", "distance")] == Rule.B1_HYBRID_BELOW_50
    assert rules(s)[("KNM", "distance")] == Rule.B1_HYBRID_BELOW_50
    assert s.counted_hours == Decimal("2.00")
    assert s.classroom_share == Fraction(1, 3)


def test_b1_distance_only_is_not_hybrid() -> None:
    s = hours_statement([lesson(mode="distance")], "wi2021", "b1")
    assert s.counted_hours == 0
    assert s.classroom_share == 0


def test_z_route_distance_hours_do_not_count() -> None:
    lessons = [lesson(hours=3), lesson("KNM", "distance", day=1)]
    s = hours_statement(lessons, "wi2021", "z")
    assert rules(s)[("KNM", "distance")] == Rule.Z_NO_DISTANCE
    assert s.counted_hours == Decimal("3.00")


def test_onderwijsroute_distance_hours_do_not_count() -> None:
    s = hours_statement([lesson(hours=3), lesson(mode="distance", day=1)], "wi2021", "onderwijs")
    assert rules(s)[("NT2", "distance")] == Rule.ONDERWIJS_NO_DISTANCE
    assert s.counted_hours == Decimal("3.00")


def test_alfabetisering_at_a_distance_counts_only_in_the_b1_route() -> None:
    lessons = [lesson("alfabetisering", hours=4), lesson("alfabetisering", "distance", day=1)]
    z = hours_statement(lessons, "wi2021", "z")
    assert rules(z)[("alfabetisering", "distance")] == Rule.ALFA_NO_DISTANCE
    b1 = hours_statement(lessons, "wi2021", "b1")
    assert rules(b1)[("alfabetisering", "distance")] == Rule.B1_HYBRID_OK


def test_ona_supervised_hours_only() -> None:
    lessons = [
        lesson("ONA", hours=3),
        lesson("ONA", day=1, hours=2, supervised=False),
        lesson("ONA", day=2, hours=4, practice=True, supervised=False),
        lesson("ONA", "distance", day=3, hours=1),
    ]
    s = hours_statement(lessons, "wi2013", None)
    by_rule = {line.rule: line for line in s.lines}
    assert by_rule[Rule.ONA_SUPERVISED].counted_hours == Decimal("3.00")
    assert by_rule[Rule.ONA_SUPERVISED_ONLY].counted_hours == 0
    assert by_rule[Rule.ONA_PRACTICE].counted_hours == Decimal("4.00")
    assert by_rule[Rule.ONA_NO_DISTANCE].counted_hours == 0
    assert s.counted_hours_of("ONA") == Decimal("7.00")
    assert s.kind("ONA").classroom_hours == Decimal("9.00")
    assert s.kind("ONA").distance_hours == Decimal("1.00")


def test_ona_hours_do_not_weigh_in_the_b1_classroom_share() -> None:
    lessons = [lesson("ONA", hours=10), lesson(hours=1), lesson(mode="distance", day=1, hours=2)]
    s = hours_statement(lessons, "wi2021", "b1")
    assert rules(s)[("NT2", "distance")] == Rule.B1_HYBRID_BELOW_50


def test_only_lessons_actually_attended_count() -> None:
    s = hours_statement([lesson(), lesson(day=1, attended=False)], "wi2013", None)
    assert s.attended_hours == Decimal("2.00")
    assert s.counted_hours == Decimal("2.00")


def test_lessons_outside_the_period_are_excluded_on_local_dates() -> None:
    # 23:30 UTC on 1 September is 01:30 on 2 September in Amsterdam.
    first = AttendedLesson(
        "NT2",
        "classroom",
        datetime(2024, 9, 1, 23, 30, tzinfo=UTC),
        datetime(2024, 9, 2, 1, 30, tzinfo=UTC),
    )
    lessons = [first, lesson(day=-1), lesson(day=6), lesson(day=7)]
    s = hours_statement(lessons, "wi2013", None, date(2024, 9, 2), date(2024, 9, 8))
    assert s.attended_hours == Decimal("4.00")


def test_open_ended_period_sides() -> None:
    lessons = [lesson(day=-1), lesson(day=0), lesson(day=1)]
    assert hours_statement(
        lessons, "wi2013", None, period_start=date(2024, 9, 2)
    ).attended_hours == Decimal("4.00")
    assert hours_statement(
        lessons, "wi2013", None, period_end=date(2024, 9, 2)
    ).attended_hours == Decimal("4.00")
    assert hours_statement(lessons, "wi2013", None).attended_hours == Decimal("6.00")


def test_whole_contract_statement_splits_kinds_and_modes() -> None:
    lessons = [lesson(hours=2), lesson("KNM", day=1, hours=1.5), lesson("KNM", "distance", day=2)]
    s = hours_statement(lessons, "wi2021", "b1")
    assert [k.kind for k in s.by_kind] == ["NT2", "KNM"]
    knm = s.kind("KNM")
    assert (knm.classroom_hours, knm.distance_hours, knm.total_hours) == (
        Decimal("1.50"),
        Decimal("2.00"),
        Decimal("3.50"),
    )
    assert s.classroom_hours == Decimal("3.50")
    assert s.distance_hours == Decimal("2.00")
    assert s.kind("MAP").total_hours == 0


def test_hours_are_exact_and_rounded_half_up_to_two_decimals() -> None:
    thirds = [lesson(day=d, hours=1 / 3) for d in range(3)]
    assert hours_statement(thirds, "wi2013", None).attended_hours == Decimal("1.00")
    assert to_hours(50 * 60) == Decimal("0.83")
    assert to_hours(45 * 60) == Decimal("0.75")
    assert to_hours(18) == Decimal("0.01")  # 0.005 h rounds up


def test_lesson_over_spring_dst_change_counts_real_time() -> None:
    start = datetime(2024, 3, 31, 1, 30, tzinfo=AMS)
    end = datetime(2024, 3, 31, 3, 30, tzinfo=AMS)
    assert elapsed_seconds(start, end) == 3600
    assert elapsed_seconds(start.astimezone(UTC), end) == 3600


def test_lesson_over_autumn_dst_change_counts_real_time() -> None:
    start = datetime(2024, 10, 27, 1, 30, tzinfo=AMS)
    end = datetime(2024, 10, 27, 3, 30, tzinfo=AMS)
    assert elapsed_seconds(start, end) == 3 * 3600


def test_leap_day_lesson_is_in_a_february_period() -> None:
    leap = AttendedLesson(
        "NT2",
        "classroom",
        datetime(2024, 2, 29, 9, tzinfo=AMS),
        datetime(2024, 2, 29, 11, tzinfo=AMS),
    )
    s = hours_statement([leap], "wi2013", None, date(2024, 2, 1), date(2024, 2, 29))
    assert s.attended_hours == Decimal("2.00")


def test_route_change_is_two_statements_one_per_route() -> None:
    lessons = [
        lesson(),
        lesson(mode="distance", day=1),
        lesson(day=7),
        lesson(mode="distance", day=8),
    ]
    z_part = hours_statement(lessons, "wi2021", "z", period_end=date(2024, 9, 8))
    b1_part = hours_statement(lessons, "wi2021", "b1", period_start=date(2024, 9, 9))
    assert z_part.counted_hours == Decimal("2.00")
    assert b1_part.counted_hours == Decimal("4.00")


@pytest.mark.parametrize(
    ("regime", "route"), [("wi2013", "b1"), ("wi2021", None), ("wi2021", "a2"), ("wi2030", None)]
)
def test_route_must_fit_the_regime(regime: str, route: str | None) -> None:
    with pytest.raises(ValueError, match=r"route|regime"):
        hours_statement([], regime, route)  # type: ignore[arg-type]


def test_unknown_kind_mode_and_reversed_times_are_refused() -> None:
    with pytest.raises(ValueError, match="kind"):
        hours_statement([lesson("yoga")], "wi2013", None)
    with pytest.raises(ValueError, match="mode"):
        hours_statement([lesson(mode="hybrid")], "wi2013", None)
    with pytest.raises(ValueError, match="ends before"):
        hours_statement([lesson(hours=-1)], "wi2013", None)
    with pytest.raises(ValueError, match="period"):
        hours_statement([lesson()], "wi2013", None, date(2024, 9, 9), date(2024, 9, 1))


def test_naive_lesson_times_are_refused() -> None:
    naive = AttendedLesson("NT2", "classroom", datetime(2024, 9, 2, 9), datetime(2024, 9, 2, 11))
    with pytest.raises(ValueError, match="timezone-aware"):
        hours_statement([naive], "wi2013", None)


def test_empty_statement_is_zero() -> None:
    s = hours_statement([], "wi2021", "b1")
    assert s.attended_hours == s.counted_hours == Decimal("0.00")
    assert s.lines == ()
    assert s.classroom_share is None


@st.composite
def attended_lessons(draw: st.DrawFn) -> AttendedLesson:
    """Any lesson of the registration, attended or not, up to 8 hours long."""
    start = MONDAY + timedelta(days=draw(st.integers(0, 400)), minutes=draw(st.integers(0, 720)))
    return AttendedLesson(
        kind=draw(st.sampled_from(KINDS)),
        mode=draw(st.sampled_from(MODES)),
        start=start,
        end=start + timedelta(minutes=draw(st.integers(1, 8 * 60))),
        attended=draw(st.booleans()),
        supervised=draw(st.booleans()),
        practice=draw(st.booleans()),
    )


lessons_strategy = st.lists(attended_lessons(), max_size=40)
regimes = st.sampled_from(
    [("wi2013", None), ("wi2021", "b1"), ("wi2021", "z"), ("wi2021", "onderwijs")]
)


@relaxed
@given(lessons_strategy, regimes)
def test_counted_hours_never_exceed_attended_hours(
    lessons: list[AttendedLesson], regime_route: tuple[str, str | None]
) -> None:
    regime, route = regime_route
    s = hours_statement(lessons, regime, route)  # type: ignore[arg-type]
    attended = sum(lesson.seconds for lesson in lessons if lesson.attended)
    assert s.attended_seconds == attended
    assert sum(line.attended_seconds for line in s.lines) == attended
    assert 0 <= s.counted_seconds <= s.attended_seconds
    for line in s.lines:
        if line.mode == "classroom" and line.kind in LANGUAGE_KINDS:
            assert line.counts
        if line.kind in ("MAP", "other"):
            assert not line.counts
        if line.mode == "distance" and route != "b1":
            assert not line.counts


@relaxed
@given(lessons_strategy)
def test_distance_never_counts_for_wi2013(lessons: list[AttendedLesson]) -> None:
    s = hours_statement(lessons, "wi2013", None)
    distance_counted = sum(line.counted_seconds for line in s.lines if line.mode == "distance")
    assert distance_counted == 0


# Which hours count (issue 11, point 3; BoW 2.5 with 4.9, 2.3.5, 4.7)


def test_hours_bow_2_5_map_and_other_lessons_never_count() -> None:
    lessons = [lesson(hours=2), lesson("MAP", day=1, hours=3), lesson("other", day=2, hours=1)]
    for regime, route in (("wi2013", None), ("wi2021", "b1"), ("wi2021", "z")):
        s = hours_statement(lessons, regime, route)  # type: ignore[arg-type]
        assert s.counted_hours == Decimal("2.00")
        assert s.attended_hours == Decimal("6.00")
        assert rules(s)[("MAP", "classroom")] == Rule.NOT_LANGUAGE
        assert rules(s)[("other", "classroom")] == Rule.NOT_LANGUAGE


def test_hours_bow_2_3_5_map_classroom_hours_never_raise_the_b1_classroom_share() -> None:
    lessons = [lesson("MAP", hours=10), lesson(hours=1), lesson(mode="distance", day=1, hours=2)]
    s = hours_statement(lessons, "wi2021", "b1")
    assert s.classroom_share == Fraction(1, 3)
    assert rules(s)[("NT2", "distance")] == Rule.B1_HYBRID_BELOW_50
    assert s.counted_hours == Decimal("1.00")


def test_hours_bow_4_7_ona_is_a_figure_apart_from_the_language_hours() -> None:
    lessons = [lesson(hours=2), lesson("KNM", day=1, hours=1), lesson("ONA", day=2, hours=4),
               lesson("ONA", day=3, hours=1, supervised=False)]
    s = hours_statement(lessons, "wi2013", None)
    assert s.counted_hours == Decimal("3.00")
    assert s.ona_counted_hours == Decimal("4.00") and s.has_ona
    assert not hours_statement(lessons[:2], "wi2013", None).has_ona
