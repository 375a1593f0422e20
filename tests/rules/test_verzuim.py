"""Absence episodes and klantmanager alerts (C art. 12.4, 9.3; BoW 4.20)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.rules.verzuim import (
    ABSENT_STATUSES,
    STATUSES,
    Episode,
    Holiday,
    Lesson,
    Membership,
    alert_decision,
    back_in_class,
    countable_lessons,
    current_episode,
    skipped_days,
)

AMS = ZoneInfo("Europe/Amsterdam")
# Long example runs on a busy machine must not fail on timing; no per-example deadline.
relaxed = settings(deadline=None)
ALWAYS = [Membership(date(2020, 1, 1))]


def local(y: int, m: int, d: int, h: int = 0, mi: int = 0, s: int = 0) -> datetime:
    """An Amsterdam local datetime."""
    return datetime(y, m, d, h, mi, s, tzinfo=AMS)


def lessons_from(first_day: date, weeks: int) -> list[Lesson]:
    """Monday and Wednesday lessons 09:00-12:00 for some weeks, ids L0, L1, ..."""
    found: list[Lesson] = []
    for offset in range(weeks * 7):
        day = first_day + timedelta(days=offset)
        if day.weekday() in (0, 2):
            start = datetime(day.year, day.month, day.day, 9, 0, tzinfo=AMS)
            found.append(Lesson(f"L{len(found)}", start, start + timedelta(hours=3)))
    return found


# Lessons from Monday 4 March 2024: L0 Mon 4, L1 Wed 6, L2 Mon 11, L3 Wed 13, L4 Mon 18,
# L5 Wed 20, L6 Mon 25, L7 Wed 27, L8 Mon 1 Apr (after DST), L9 Wed 3 Apr, ...
LESSONS = lessons_from(date(2024, 3, 4), 6)


def episode(attendance: dict[str, str], now: datetime, **kwargs: object) -> Episode | None:
    """The current episode over LESSONS with defaults for the other inputs."""
    args: dict[str, object] = {
        "lessons": LESSONS,
        "holidays": [],
        "attendance": attendance,
        "memberships": ALWAYS,
        "now": now,
    }
    args.update(kwargs)
    return current_episode(**args)  # type: ignore[arg-type]


def open_episode(attendance: dict[str, str], now: datetime, **kwargs: object) -> Episode:
    """The current episode over LESSONS, which must exist."""
    found = episode(attendance, now, **kwargs)
    assert found is not None
    return found


def ids(lessons: tuple[Lesson, ...]) -> list[str]:
    """The ids of some lessons."""
    return [lesson.id for lesson in lessons]


# Episodes


def test_participant_who_attends_has_no_episode() -> None:
    assert episode({"L0": "present", "L1": "present"}, local(2024, 3, 7)) is None


def test_episode_is_the_missed_lessons_since_the_last_attended_one() -> None:
    found = episode(
        {"L0": "absent", "L1": "present", "L2": "absent", "L3": "absent"}, local(2024, 3, 14)
    )
    assert found is not None
    assert ids(found.missed) == ["L2", "L3"]
    assert found.start == local(2024, 3, 11, 9)


def test_cancelled_lesson_never_counts_as_absence() -> None:
    lessons = [*LESSONS[:2], Lesson("X", local(2024, 3, 7, 9), local(2024, 3, 7, 12), True)]
    found = episode({"L0": "present", "X": "absent"}, local(2024, 3, 8), lessons=lessons)
    assert found is None


def test_cancelled_lesson_does_not_break_an_episode() -> None:
    lessons = [
        *LESSONS[:2],
        Lesson("X", local(2024, 3, 8, 9), local(2024, 3, 8, 12), True),
        LESSONS[2],
    ]
    found = episode(
        {"L0": "absent", "L1": "absent", "X": "present", "L2": "absent"},
        local(2024, 3, 12),
        lessons=lessons,
    )
    assert found is not None
    assert ids(found.missed) == ["L0", "L1", "L2"]


def test_lessons_in_a_holiday_are_ignored() -> None:
    holiday = Holiday(date(2024, 3, 11), date(2024, 3, 17))
    attendance = {"L0": "present", "L1": "present", "L2": "absent", "L3": "absent"}
    assert episode(attendance, local(2024, 3, 18), holidays=[holiday]) is None


def test_holiday_between_misses_does_not_break_the_episode() -> None:
    holiday = Holiday(date(2024, 3, 11), date(2024, 3, 17))
    attendance = {"L1": "absent", "L2": "present", "L3": "present", "L4": "absent"}
    found = episode(attendance, local(2024, 3, 19), holidays=[holiday])
    assert found is not None
    assert ids(found.missed) == ["L1", "L4"]


def test_unregistered_lesson_neither_breaks_nor_extends_an_episode() -> None:
    found = episode({"L0": "present", "L1": "absent", "L3": "absent"}, local(2024, 3, 19))
    assert found is not None
    assert ids(found.missed) == ["L1", "L3"]


def test_episode_waits_for_a_registered_absence() -> None:
    assert episode({"L0": "present"}, local(2024, 3, 30)) is None


def test_lessons_before_joining_mid_term_do_not_count() -> None:
    joined = [Membership(date(2024, 3, 11))]
    attendance = {"L0": "absent", "L1": "absent", "L2": "absent"}
    found = episode(attendance, local(2024, 3, 12), memberships=joined)
    assert found is not None
    assert ids(found.missed) == ["L2"]
    assert found.start == local(2024, 3, 11, 9)


def test_lessons_after_leaving_do_not_count() -> None:
    left = [Membership(date(2024, 3, 1), date(2024, 3, 10))]
    attendance = {"L0": "present", "L1": "present", "L2": "absent", "L3": "absent"}
    assert episode(attendance, local(2024, 3, 20), memberships=left) is None


def test_two_membership_periods_join_into_one_history() -> None:
    periods = [Membership(date(2024, 3, 1), date(2024, 3, 7)), Membership(date(2024, 3, 18))]
    attendance = {"L0": "absent", "L1": "absent", "L2": "present", "L3": "present", "L4": "absent"}
    found = episode(attendance, local(2024, 3, 19), memberships=periods)
    assert found is not None
    assert ids(found.missed) == ["L0", "L1", "L4"]


def test_reported_absences_are_told_apart_from_unreported_ones() -> None:
    attendance = {
        "L0": "present",
        "L1": "absent_ill",
        "L2": "absent",
        "L3": "absent_reported",
        "L4": "absent_other",
    }
    found = episode(attendance, local(2024, 3, 19))
    assert found is not None
    assert ids(found.reported) == ["L1", "L3", "L4"]
    assert ids(found.unreported) == ["L2"]
    assert not found.all_reported


def test_absence_reported_in_advance_for_a_future_lesson_is_not_yet_an_episode() -> None:
    assert episode({"L0": "present", "L1": "absent_reported"}, local(2024, 3, 5)) is None


def test_unknown_attendance_status_is_refused() -> None:
    with pytest.raises(ValueError, match="status"):
        episode({"L0": "late"}, local(2024, 3, 5))


def test_lasted_days_counts_whole_days_since_first_missed_lesson() -> None:
    found = episode({"L1": "absent"}, local(2024, 3, 7))
    assert found is not None
    assert found.lasted_days(local(2024, 3, 13, 8, 59)) == 6
    assert found.lasted_days(local(2024, 3, 13, 9, 0)) == 7


# Alerts


def test_no_alert_within_the_first_week() -> None:
    found = open_episode({"L0": "present", "L2": "absent", "L3": "absent"}, local(2024, 3, 18, 9))
    assert alert_decision(found, local(2024, 3, 18, 9, 0), None, None) is None


def test_alert_once_the_absence_lasts_more_than_a_week() -> None:
    found = open_episode({"L0": "present", "L2": "absent", "L3": "absent"}, local(2024, 3, 18, 9))
    assert alert_decision(found, local(2024, 3, 18, 9, 1), None, None) == "alert"


def test_alert_week_is_counted_on_the_wall_clock_over_dst() -> None:
    # First missed lesson Monday 25 March 09:00; summer time starts on Sunday 31 March.
    found = open_episode(
        {"L5": "present", "L6": "absent", "L7": "absent", "L8": "absent"}, local(2024, 4, 1, 10)
    )
    assert alert_decision(found, local(2024, 4, 1, 9, 0), None, None) is None
    assert alert_decision(found, local(2024, 4, 1, 9, 0, 1), None, None) == "alert"
    # The same moments given in UTC, as a scheduler might pass them.
    half_past = local(2024, 4, 1, 9, 30).astimezone(UTC)
    assert alert_decision(found, half_past, None, None) == "alert"
    assert found.lasted_days(half_past) == 7


def test_no_second_alert_within_a_week() -> None:
    found = open_episode({"L2": "absent"}, local(2024, 3, 25))
    assert alert_decision(found, local(2024, 3, 25), local(2024, 3, 19, 10), None) is None


def test_follow_up_a_week_after_the_alert() -> None:
    found = open_episode({"L2": "absent"}, local(2024, 3, 27))
    assert alert_decision(found, local(2024, 3, 26, 10), local(2024, 3, 19, 10), None) == "followup"


def test_follow_ups_are_weekly() -> None:
    found = open_episode({"L2": "absent"}, local(2024, 4, 5))
    alerted, followed = local(2024, 3, 19, 10), local(2024, 3, 26, 10)
    assert alert_decision(found, local(2024, 4, 2, 9, 59), alerted, followed) is None
    assert alert_decision(found, local(2024, 4, 2, 10), alerted, followed) == "followup"


def test_alert_of_an_earlier_episode_does_not_cover_a_new_one() -> None:
    found = open_episode({"L2": "present", "L3": "absent", "L4": "absent"}, local(2024, 3, 22))
    assert alert_decision(found, local(2024, 3, 21, 9), local(2024, 3, 1), None) == "alert"


def test_no_episode_no_alert() -> None:
    assert alert_decision(None, local(2024, 3, 25), None, None) is None


def test_back_in_class_after_an_alerted_episode() -> None:
    attendance = {"L1": "present", "L2": "absent", "L3": "absent", "L4": "absent", "L5": "absent"}
    found = episode(attendance, local(2024, 3, 21))
    assert found is not None
    alerted = local(2024, 3, 19, 10)
    assert not back_in_class(found, alerted, LESSONS, attendance)
    assert back_in_class(found, alerted, LESSONS, {**attendance, "L6": "present"})


def test_attending_after_an_unalerted_episode_is_not_news() -> None:
    attendance = {"L2": "absent", "L3": "present"}
    found = episode({"L2": "absent"}, local(2024, 3, 12))
    assert not back_in_class(found, None, LESSONS, attendance)
    assert not back_in_class(None, None, LESSONS, attendance)


# Properties

statuses = st.sampled_from(sorted(STATUSES))


@relaxed
@given(
    st.dictionaries(st.sampled_from([lesson.id for lesson in LESSONS]), statuses),
    st.sets(st.sampled_from([lesson.id for lesson in LESSONS])),
    st.integers(min_value=0, max_value=45 * 24),
)
def test_episode_holds_only_registered_absences_after_the_last_attendance(
    attendance: dict[str, str], cancelled: set[str], hours: int
) -> None:
    lessons = [
        Lesson(lesson.id, lesson.start, lesson.end, lesson.id in cancelled) for lesson in LESSONS
    ]
    now = local(2024, 3, 4) + timedelta(hours=hours)
    found = current_episode(lessons, [], attendance, ALWAYS, now)
    countable = countable_lessons(lessons, [], ALWAYS, now)
    if found is None:
        registered = [lesson for lesson in countable if lesson.id in attendance]
        assert not registered or attendance[registered[-1].id] == "present"
        return
    assert all(attendance[lesson.id] in ABSENT_STATUSES for lesson in found.missed)
    assert all(not lesson.cancelled and lesson.start <= now for lesson in found.missed)
    assert list(found.missed) == sorted(found.missed, key=lambda lesson: lesson.start)
    later = [lesson for lesson in countable if lesson.start >= found.start]
    assert all(attendance.get(lesson.id) != "present" for lesson in later)


# Longer than a week on counted days (issue 11, point 2; C art. 12.4, 9.3, 10.6)

WEEKLY = [Lesson(f"W{n}", local(2024, 3, 4 + 7 * n, 9), local(2024, 3, 4 + 7 * n, 12))
          for n in range(4)]  # Mondays 4, 11, 18 and 25 March


def test_verzuim_c_12_4_one_missed_lesson_before_a_two_week_holiday_is_not_verzuim() -> None:
    holiday = Holiday(date(2024, 3, 9), date(2024, 3, 24))
    found = open_episode({"L0": "present", "L1": "absent"}, local(2024, 3, 20), holidays=[holiday])
    for day in range(9, 25):
        assert alert_decision(found, local(2024, 3, day, 18), None, None) is None
    assert found.skipped == frozenset(date(2024, 3, d) for d in range(9, 21))


def test_verzuim_c_12_4_holiday_days_do_not_count_towards_the_week() -> None:
    holiday = Holiday(date(2024, 3, 11), date(2024, 3, 17))
    attendance = {"L0": "present", "L1": "absent", "L4": "absent"}
    found = open_episode(attendance, local(2024, 3, 21, 9), holidays=[holiday])
    # From Wednesday 6 March 09:00, less the 7 holiday days: a week on 20 March 09:00.
    assert alert_decision(found, local(2024, 3, 20, 8, 59), None, None) is None
    assert alert_decision(found, local(2024, 3, 20, 9, 1), None, None) == "alert"


def test_verzuim_c_12_4_a_weekly_group_alerts_only_after_the_second_missed_lesson() -> None:
    one = open_episode({"W0": "present", "W1": "absent"}, local(2024, 3, 18, 12), lessons=WEEKLY)
    assert alert_decision(one, local(2024, 3, 18, 12), None, None) is None
    two = open_episode({"W0": "present", "W1": "absent", "W2": "absent"}, local(2024, 3, 18, 12),
                       lessons=WEEKLY)
    assert alert_decision(two, local(2024, 3, 18, 12), None, None) == "alert"


def test_verzuim_c_9_3_an_ill_lesson_and_a_cancelled_one_are_not_verzuim() -> None:
    lessons = [WEEKLY[0], WEEKLY[1], Lesson("W2", WEEKLY[2].start, WEEKLY[2].end, True)]
    found = open_episode({"W0": "present", "W1": "absent_ill", "W2": "absent"},
                         local(2024, 3, 25, 12), lessons=lessons)
    assert ids(found.missed) == ["W1"]
    assert found.skipped == {date(2024, 3, 18)}
    assert alert_decision(found, local(2024, 3, 25, 12), None, None) is None


def test_verzuim_c_12_4_days_with_every_lesson_cancelled_do_not_count() -> None:
    lessons = [Lesson(one.id, one.start, one.end, one.id in ("L3", "L4")) for one in LESSONS]
    attendance = {"L0": "present", "L1": "absent", "L2": "absent", "L5": "absent"}
    found = open_episode(attendance, local(2024, 3, 21), lessons=lessons)
    assert found.skipped == {date(2024, 3, 13), date(2024, 3, 18)}
    # From Wednesday 6 March 09:00, 13 March not counted: a counted week on 14 March 09:00.
    assert alert_decision(found, local(2024, 3, 14, 8, 59), None, None) is None
    assert alert_decision(found, local(2024, 3, 14, 9, 1), None, None) == "alert"


def test_verzuim_c_12_4_a_lesson_not_yet_held_is_never_missed() -> None:
    attendance = {"L0": "present", "L1": "absent", "L2": "absent_reported"}
    during = episode(attendance, local(2024, 3, 11, 10))
    assert during is not None and ids(during.missed) == ["L1"]


def test_skipped_days_are_only_after_the_first_missed_day_and_up_to_today() -> None:
    holiday = Holiday(date(2024, 3, 1), date(2024, 3, 31))
    found = skipped_days(LESSONS, [holiday], ALWAYS, date(2024, 3, 10), date(2024, 3, 12))
    assert found == {date(2024, 3, 11), date(2024, 3, 12)}


@relaxed
@given(
    st.dictionaries(st.sampled_from([lesson.id for lesson in LESSONS]), statuses),
    st.sets(st.sampled_from([lesson.id for lesson in LESSONS])),
    st.none() | st.tuples(st.integers(0, 30), st.integers(0, 14)),
    st.integers(min_value=0, max_value=45 * 24),
)
def test_verzuim_c_12_4_an_alert_needs_two_missed_lessons_and_a_counted_week(
    attendance: dict[str, str], cancelled: set[str], holiday: tuple[int, int] | None, hours: int
) -> None:
    lessons = [
        Lesson(lesson.id, lesson.start, lesson.end, lesson.id in cancelled) for lesson in LESSONS
    ]
    holidays = []
    if holiday is not None:
        first = date(2024, 3, 4) + timedelta(days=holiday[0])
        holidays.append(Holiday(first, first + timedelta(days=holiday[1])))
    now = local(2024, 3, 4) + timedelta(hours=hours)
    found = current_episode(lessons, holidays, attendance, ALWAYS, now)
    if found is None:
        return
    assert all(lesson.end <= now for lesson in found.missed)
    assert found.counted(now) <= found.lasted(now)
    assert all(not any(h.covers(day) for h in holidays) or day in found.skipped
               for day in {local(2024, 3, 4).date() + timedelta(days=d) for d in range(60)}
               if found.start.date() < day <= now.astimezone(AMS).date())
    if alert_decision(found, now, None, None) == "alert":
        assert len(found.missed) >= 2
        assert found.counted(now) > timedelta(days=7)
