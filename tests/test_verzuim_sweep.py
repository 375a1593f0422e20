"""The verzuim sweep's two halves agree with the pure rule (issue 6; C art. 12.4): the set-based
candidate query never misses a participant the rule would alert, and the registrations it hands
to the rule give the same episode as the participant's whole history. Hypothesis draws lessons
at any hour (midnight edges, the October DST change), cancellations, holidays for the school or
the group, and membership periods."""

from __future__ import annotations

import asyncio
from datetime import date, datetime, time, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.rules import verzuim as rule
from bot.rules.localtime import AMSTERDAM
from bot.verzuim.sweep import decide, rule_inputs
from storage import verzuim as store
from storage.attendance import LessonRow
from storage.database import Database, to_db

FIRST_DAY = date(2026, 10, 5)
DAYS = 56
STATUSES = [None, "present", "absent", "absent_ill", "absent_reported"]


def local(day_offset: int, minutes: int) -> datetime:
    day = FIRST_DAY + timedelta(days=day_offset)
    return datetime.combine(day, time(minutes // 60, minutes % 60), tzinfo=AMSTERDAM)


lesson_strategy = st.tuples(
    st.integers(0, DAYS - 1),                       # day
    st.sampled_from([0, 30, 9 * 60, 13 * 60, 23 * 60 + 30]),  # start, incl. midnight edges
    st.sampled_from(STATUSES),
)
participant_strategy = st.fixed_dictionaries({
    "lessons": st.lists(lesson_strategy, min_size=1, max_size=25),
    "cancel": st.sets(st.integers(0, 24), max_size=3),
    "joined": st.integers(0, 20),
    "left": st.none() | st.integers(20, DAYS),
    "holiday": st.none() | st.tuples(st.integers(0, DAYS - 1), st.integers(0, 9), st.booleans()),
})


async def build(participants: list[dict]) -> tuple[Database, list[int], dict]:
    db = await Database.open(":memory:")
    created = to_db(datetime(2026, 1, 1, tzinfo=AMSTERDAM))
    full: dict[int, dict] = {}
    school_wide: list[rule.Holiday] = []  # a holiday of the whole school is everyone's
    async with db.transaction() as tx:
        await tx.execute("INSERT INTO gemeenten(name, created_at) VALUES ('G', ?)", (created,))
        await tx.execute("INSERT INTO schools(name, created_at) VALUES ('S', ?)", (created,))
        km = await tx.execute("INSERT INTO people(name, role, gemeente_id, created_at)"
                              " VALUES ('KM', 'klantmanager', 1, ?)", (created,))
        ids = []
        for index, spec in enumerate(participants):
            person = await tx.execute(
                "INSERT INTO people(name, role, school_id, klantmanager_id, created_at)"
                " VALUES (?, 'participant', 1, ?, ?)", (f"P{index}", km, created))
            ids.append(person)
            group = await tx.execute(
                "INSERT INTO groups(school_id, external_id, name, created_at, updated_at)"
                " VALUES (1, ?, 'g', ?, ?)", (f"G{index}", created, created))
            joined = FIRST_DAY + timedelta(days=spec["joined"])
            left = FIRST_DAY + timedelta(days=spec["left"]) if spec["left"] is not None else None
            await tx.execute("INSERT INTO group_members(group_id, person_id, joined_on, left_on)"
                             " VALUES (?,?,?,?)", (group, person, joined.isoformat(),
                                                   left.isoformat() if left else None))
            holidays = []
            if spec["holiday"] is not None:
                start, length, whole_school = spec["holiday"]
                first = FIRST_DAY + timedelta(days=start)
                last = first + timedelta(days=length)
                await tx.execute(
                    "INSERT INTO holidays(school_id, group_id, external_id, name, starts_on,"
                    " ends_on, created_at) VALUES (1, ?, ?, 'h', ?, ?, ?)",
                    (None if whole_school else group, f"H{index}", first.isoformat(),
                     last.isoformat(), created))
                (school_wide if whole_school else holidays).append(rule.Holiday(first, last))
            lessons, attendance, seen = [], {}, set()
            for number, (day, minutes, status) in enumerate(spec["lessons"]):
                start = local(day, minutes)
                if start in seen:
                    continue
                seen.add(start)
                cancelled = number in spec["cancel"]
                lesson_id = await tx.execute(
                    "INSERT INTO lessons(school_id, group_id, external_id, kind, starts_at,"
                    " ends_at, cancelled, created_at, updated_at) VALUES (1,?,?,'NT2',?,?,?,?,?)",
                    (group, f"L{index}-{number}", to_db(start), to_db(start + timedelta(hours=2)),
                     int(cancelled), created, created))
                lessons.append(rule.Lesson(str(lesson_id), start, start + timedelta(hours=2),
                                           cancelled))
                if status is not None:
                    attendance[str(lesson_id)] = status
                    await tx.execute(
                        "INSERT INTO attendance(lesson_id, person_id, school_id, lesson_starts_at,"
                        " status, source, recorded_at, updated_at) VALUES (?,?,1,?,?,'school',?,?)",
                        (lesson_id, person, to_db(start), status, created, created))
            full[person] = {"lessons": lessons, "attendance": attendance, "holidays": holidays,
                            "memberships": [rule.Membership(joined, left)]}
    for data in full.values():
        data["holidays"] += school_wide
    return db, ids, full


def instants(episode: rule.Episode) -> list[tuple]:
    return [(lesson.id, lesson.start.timestamp(), lesson.end.timestamp(), lesson.cancelled, status)
            for lesson, status in zip(episode.missed, episode.statuses)]


async def check(participants: list[dict], now_offset: int) -> None:
    db, ids, full = await build(participants)
    try:
        now = local(now_offset, 12 * 60)
        candidates = {entry.person_id: entry for entry in
                      await store.verzuim_candidates(db, now, rule.ALERT_AFTER)}
        for person in ids:
            data = full[person]
            expected = rule.current_episode(data["lessons"], data["holidays"], data["attendance"],
                                            data["memberships"], now)
            decision = rule.alert_decision(expected, now, None, None)
            if decision == "alert":
                assert person in candidates, "the candidate query missed an alert"
            if person in candidates:
                entry = candidates[person]
                lessons, holidays, memberships = rule_inputs(entry)
                got = rule.current_episode(lessons, holidays, entry.attendance, memberships, now)
                if expected is None:
                    assert got is None
                else:
                    assert got is not None
                    # Instants, not datetimes: Python never calls an ambiguous local time (the
                    # October DST hour) equal to the same instant in UTC.
                    assert instants(got) == instants(expected)
                actions = decide(entry, now, AMSTERDAM)
                assert [a.kind for a in actions] == (["alert"] if decision == "alert" else [])
    finally:
        await db.close()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(participant_strategy, min_size=1, max_size=3), st.integers(7, DAYS + 5))
def test_candidates_never_miss_an_alert_and_give_the_rule_the_same_episode(participants, now):
    asyncio.run(check(participants, now))


def open_alert(**kw) -> dict:
    alert = {"id": 7, "klantmanager_id": 1, "alerted_at": to_db(local(20, 9 * 60)),
             "last_followup_at": None, "episode_start": to_db(local(10, 13 * 60)),
             "last_missed_at": to_db(local(19, 13 * 60)), "missed": 4}
    alert.update(kw)
    return alert


def entry_with(statuses: list[tuple[int, str]], **kw) -> store.EpisodeInputs:
    lessons, attendance = [], {}
    for number, (day, status) in enumerate(statuses):
        start = local(day, 13 * 60)
        lessons.append(LessonRow(number + 1, 1, 1, f"L{number}", "NT2", "classroom", start,
                                 start + timedelta(hours=2), False, None, None))
        attendance[str(number + 1)] = status
    values = dict(person_id=5, school_id=1, klantmanager_id=1, status="active", lessons=lessons,
                  attendance=attendance, memberships=[(FIRST_DAY, None)], holidays=[],
                  open_alert=None)
    values.update(kw)
    return store.EpisodeInputs(**values)


def test_attending_after_an_alert_sends_the_back_in_class_note_with_the_day():
    entry = entry_with([(10, "absent"), (12, "absent"), (21, "absent"), (23, "present")],
                       open_alert=open_alert())
    [action] = decide(entry, local(23, 18 * 60), AMSTERDAM)
    assert action.kind == "back" and action.back_on == local(23, 13 * 60)


def test_an_alert_closes_quietly_when_the_participant_left_or_moved_to_another_klantmanager():
    absent = [(10, "absent"), (12, "absent"), (21, "absent")]
    left = entry_with(absent, status="dropped_out", open_alert=open_alert())
    assert [a.kind for a in decide(left, local(24, 9 * 60), AMSTERDAM)] == ["close"]
    moved = entry_with(absent, klantmanager_id=2, open_alert=open_alert())
    kinds = [a.kind for a in decide(moved, local(24, 9 * 60), AMSTERDAM)]
    assert kinds == ["close", "alert"], "the new klantmanager gets their own first alert"


def test_corrections_that_remove_the_absence_close_the_alert_without_a_note():
    entry = entry_with([(10, "present"), (12, "present")], open_alert=open_alert())
    assert [a.kind for a in decide(entry, local(24, 9 * 60), AMSTERDAM)] == ["close"]


def test_a_late_registration_that_extends_the_episode_updates_it_without_a_new_alert():
    entry = entry_with([(8, "absent"), (10, "absent"), (12, "absent")], open_alert=open_alert())
    [action] = decide(entry, local(22, 9 * 60), AMSTERDAM)
    assert action.kind == "update" and action.episode.start == local(8, 13 * 60)
