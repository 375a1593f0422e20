"""Rooster conflicts (issue 4; convenant art. 9.2, 10.4, 12.6): a lesson that overlaps a
participant's mandatory participation activity, opened and resolved as ``bot.rooster.conflicts``
recomputes them, and read with the lesson, the activity and the people involved for the alerts
and for the school's and the gemeente's API (each sees only its own)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from bot.rules.lessons import Activity, Lesson
from storage.database import Row, Tx, from_db, to_db
from storage.lessons import lesson_from_row
from storage.participants import GEMEENTE_SCOPE
from storage.participation import activity_from_row
from storage.rows import Db, chunks, marks


async def open_conflicts(db: Db, person_ids: Collection[int], now: datetime
                         ) -> dict[tuple[int, int], int]:
    """(lesson, activity) -> conflict id of the open conflicts about lessons not over yet."""
    found: dict[tuple[int, int], int] = {}
    for chunk in chunks(list(person_ids)):
        rows = await db.fetchall(
            "SELECT c.id, c.lesson_id, c.activity_id FROM rooster_conflicts c"
            " JOIN lessons l ON l.id = c.lesson_id"
            f" WHERE c.resolved_at IS NULL AND c.participant_id IN ({marks(len(chunk))})"
            " AND l.ends_at > ?", (*chunk, to_db(now)))
        found.update({(row["lesson_id"], row["activity_id"]): row["id"] for row in rows})
    return found


async def people_with_open_conflicts(db: Db, person_ids: Collection[int]) -> set[int]:
    found: set[int] = set()
    for chunk in chunks(list(person_ids)):
        rows = await db.fetchall(
            "SELECT DISTINCT participant_id FROM rooster_conflicts WHERE resolved_at IS NULL"
            f" AND participant_id IN ({marks(len(chunk))})", tuple(chunk))
        found.update(row[0] for row in rows)
    return found


async def open_new_conflicts(tx: Tx, rows: list[tuple[int, int, int, int]], now: datetime
                             ) -> None:
    """rows: (lesson_id, activity_id, participant_id, school_id)."""
    stamp = to_db(now)
    await tx.executemany(
        "INSERT INTO rooster_conflicts(lesson_id, activity_id, participant_id, school_id,"
        " detected_at) VALUES (?,?,?,?,?)", [(*row, stamp) for row in rows])


async def resolve_conflicts(tx: Tx, conflict_ids: Collection[int], now: datetime) -> None:
    stamp = to_db(now)
    await tx.executemany("UPDATE rooster_conflicts SET resolved_at = ? WHERE id = ?",
                         [(stamp, i) for i in conflict_ids])


@dataclass(frozen=True)
class ConflictView:
    id: int
    participant_id: int
    participant_name: str
    participant_external_id: str | None
    klantmanager_id: int | None
    school_id: int
    lesson: Lesson
    group_external_id: str
    group_name: str
    activity: Activity
    activity_external_id: str | None
    detected_at: datetime
    resolved_at: datetime | None


CONFLICT_SELECT = (
    "SELECT c.id AS conflict_id, c.participant_id, p.name AS participant_name,"
    " p.external_id AS participant_external_id, p.klantmanager_id, c.school_id,"
    " c.detected_at, c.resolved_at, g.external_id AS group_external_id, g.name AS group_name,"
    " l.id, l.external_id, l.group_id, l.kind, l.level, l.starts_at, l.ends_at, l.location,"
    " l.mode, l.teacher, l.cancelled, a.id AS a_id, a.external_id AS a_external_id,"
    " a.participant_id AS a_participant_id, a.title, a.weekday, a.start_time, a.end_time,"
    " a.valid_from, a.valid_until, a.starts_at AS a_starts_at, a.ends_at AS a_ends_at"
    " FROM rooster_conflicts c JOIN people p ON p.id = c.participant_id"
    " JOIN lessons l ON l.id = c.lesson_id JOIN groups g ON g.id = l.group_id"
    " JOIN participation_activities a ON a.id = c.activity_id")


def _conflict(row: Row) -> ConflictView:
    activity = activity_from_row({"id": row["a_id"], "participant_id": row["a_participant_id"],
                          "title": row["title"], "weekday": row["weekday"],
                          "start_time": row["start_time"], "end_time": row["end_time"],
                          "valid_from": row["valid_from"], "valid_until": row["valid_until"],
                          "starts_at": row["a_starts_at"], "ends_at": row["a_ends_at"]})
    return ConflictView(row["conflict_id"], row["participant_id"], row["participant_name"],
                        row["participant_external_id"], row["klantmanager_id"], row["school_id"],
                        lesson_from_row(row), row["group_external_id"], row["group_name"],
                        activity, row["a_external_id"], from_db(row["detected_at"]),
                        from_db(row["resolved_at"]))


async def conflicts_by_ids(db: Db, lesson_activity: Collection[tuple[int, int]]
                           ) -> list[ConflictView]:
    """The open conflicts for these (lesson, activity) pairs, for the alerts."""
    found = []
    pairs = list(lesson_activity)
    for chunk in chunks(pairs, 400):
        where = " OR ".join("(c.lesson_id = ? AND c.activity_id = ?)" for _ in chunk)
        params = tuple(value for pair in chunk for value in pair)
        rows = await db.fetchall(CONFLICT_SELECT + f" WHERE c.resolved_at IS NULL AND ({where})"
                                 " ORDER BY l.starts_at", params)
        found.extend(_conflict(row) for row in rows)
    return found


async def conflicts_for_school(db: Db, school_id: int, include_resolved: bool, limit: int
                               ) -> list[ConflictView]:
    sql = CONFLICT_SELECT + " WHERE c.school_id = ?"
    if not include_resolved:
        sql += " AND c.resolved_at IS NULL"
    rows = await db.fetchall(sql + " ORDER BY l.starts_at, c.id LIMIT ?", (school_id, limit))
    return [_conflict(row) for row in rows]


async def conflicts_for_gemeente(db: Db, gemeente_id: int, include_resolved: bool, limit: int
                                 ) -> list[ConflictView]:
    sql = CONFLICT_SELECT + f" WHERE {GEMEENTE_SCOPE}"
    if not include_resolved:
        sql += " AND c.resolved_at IS NULL"
    rows = await db.fetchall(sql + " ORDER BY l.starts_at, c.id LIMIT ?",
                             (gemeente_id, gemeente_id, limit))
    return [_conflict(row) for row in rows]


async def open_conflict_count(db: Db, activity_id: int) -> int:
    """How many open conflicts an activity has."""
    return await db.fetchval(
        "SELECT count(*) FROM rooster_conflicts WHERE activity_id = ? AND resolved_at IS NULL",
        (activity_id,))
