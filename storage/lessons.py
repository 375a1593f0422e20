"""A school's lessons (issue 4; Blik op Werk norm 2.10.1: per lesson the location, date and time,
group, kind, level, classroom or distance, and teacher): read and written in bulk for a push, which
compares raw stored values with what it was sent (``bot.rules.rooster_diff``), and read as the
views /rooster and the calendar feed show (convenant art. 10.4: a clear lesrooster, with changes
marked)."""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime

from bot.rules.lessons import Lesson
from storage.database import Row, Tx, from_db, to_db
from storage.rows import CHUNK, Db, chunks, marks, parse_day


def _moment(text: str | None) -> datetime | None:
    """``from_db`` for the many lesson rows of a push: fromisoformat is ~10x faster than
    strptime, and reads the same ``...Z`` text."""
    return datetime.fromisoformat(text) if text else None


LESSON_SELECT = ("SELECT l.id, l.external_id, l.group_id, l.kind, l.level, l.starts_at, l.ends_at,"
                 " l.location, l.mode, l.teacher, l.cancelled, l.join_url FROM lessons l")


def lesson_from_row(row: Row) -> Lesson:
    return Lesson(external_id=row["external_id"], group_id=row["group_id"], kind=row["kind"],
                  level=row["level"], starts_at=from_db(row["starts_at"]),
                  ends_at=from_db(row["ends_at"]), location=row["location"], mode=row["mode"],
                  teacher=row["teacher"], cancelled=bool(row["cancelled"]), id=row["id"],
                  join_url=row["join_url"] if "join_url" in row.keys() else None)


async def lessons_by_external(db: Db, school_id: int, external_ids: Collection[str] | None = None
                              ) -> dict[str, Lesson]:
    """The school's stored lessons, all or by external id (a big push reads the whole school
    once rather than thousands of small lookups)."""
    if external_ids is not None and len(external_ids) <= CHUNK:
        if not external_ids:
            return {}
        ids = list(external_ids)
        rows = await db.fetchall(
            LESSON_SELECT + f" WHERE l.school_id = ? AND l.external_id IN ({marks(len(ids))})",
            (school_id, *ids))
    else:
        rows = await db.fetchall(LESSON_SELECT + " WHERE l.school_id = ?", (school_id,))
    return {row["external_id"]: lesson_from_row(row) for row in rows}


async def lessons_between(db: Db, school_id: int, start: datetime, end: datetime,
                          group_ids: Collection[int] | None = None) -> list[Lesson]:
    sql = LESSON_SELECT + " WHERE l.school_id = ? AND l.starts_at >= ? AND l.starts_at < ?"
    params: tuple = (school_id, to_db(start), to_db(end))
    if group_ids is not None:
        ids = list(group_ids)
        if not ids:
            return []
        sql += f" AND l.group_id IN ({marks(len(ids))})"
        params += tuple(ids)
    return [lesson_from_row(row) for row in await db.fetchall(sql, params)]


def utc_text(moment: datetime) -> str:
    """``to_db`` for the many lessons of a push (isoformat is faster than strftime); the same
    text: UTC with microseconds and a Z."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")[:-6] + "Z"


def lesson_values(lesson: Lesson) -> tuple:
    """A lesson's content as stored: (group_id, kind, level, starts_at, ends_at, location, mode,
    teacher, cancelled, join_url); equal tuples mean an unchanged lesson."""
    return (lesson.group_id, lesson.kind, lesson.level, utc_text(lesson.starts_at),
            utc_text(lesson.ends_at), lesson.location, lesson.mode, lesson.teacher,
            int(lesson.cancelled), lesson.join_url)


def lesson_from_values(external_id: str, lesson_id: int, values: tuple) -> Lesson:
    group_id, kind, level, starts_at, ends_at, location, mode, teacher, cancelled, join_url = values
    return Lesson(external_id=external_id, group_id=group_id, kind=kind, level=level,
                  starts_at=_moment(starts_at), ends_at=_moment(ends_at), location=location,
                  mode=mode, teacher=teacher, cancelled=bool(cancelled), id=lesson_id,
                  join_url=join_url)


async def lesson_snapshot(db: Db, school_id: int, external_ids: Collection[str] | None = None
                          ) -> dict[str, tuple[int, tuple]]:
    """external id -> (id, stored values) of the school's lessons, all or those asked for: the
    raw rows a push compares with, without building objects for the unchanged ones."""
    columns = ("SELECT id, external_id, group_id, kind, level, starts_at, ends_at, location, mode,"
               " teacher, cancelled, join_url FROM lessons WHERE school_id = ?")
    if external_ids is not None and len(external_ids) <= CHUNK:
        if not external_ids:
            return {}
        ids = list(external_ids)
        rows = await db.fetchall(columns + f" AND external_id IN ({marks(len(ids))})",
                                 (school_id, *ids))
    else:
        rows = await db.fetchall(columns, (school_id,))
    return {row[1]: (row[0], tuple(row)[2:]) for row in rows}


async def insert_lessons(tx: Tx, school_id: int, lessons: list[Lesson], now: datetime) -> None:
    now_text = to_db(now)
    rows = await _built(lambda: [(school_id, lesson.external_id, *lesson_values(lesson),
                                  now_text, now_text) for lesson in lessons], len(lessons))
    await tx.executemany(
        "INSERT INTO lessons(school_id, external_id, group_id, kind, level, starts_at, ends_at,"
        " location, mode, teacher, cancelled, join_url, created_at, updated_at)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)


async def _built(make, count: int) -> list[tuple]:
    """The rows of a large batch are built in a worker thread (times as text for 50,000 lessons
    take a good part of a second), a small one right here."""
    return await asyncio.to_thread(make) if count > CHUNK else make()


async def lesson_ids(tx: Tx, school_id: int, external_ids: Collection[str]) -> dict[str, int]:
    if len(external_ids) <= CHUNK:
        ids = list(external_ids)
        if not ids:
            return {}
        rows = await tx.fetchall(
            f"SELECT id, external_id FROM lessons WHERE school_id = ? AND external_id IN"
            f" ({marks(len(ids))})", (school_id, *ids))
    else:
        wanted = set(external_ids)
        rows = [row for row in await tx.fetchall(
            "SELECT id, external_id FROM lessons WHERE school_id = ?", (school_id,))
            if row["external_id"] in wanted]
    return {row["external_id"]: row["id"] for row in rows}


async def update_lessons(tx: Tx, rows: list[tuple[Lesson, str | None, datetime | None]],
                         now: datetime) -> None:
    """rows: (lesson with its id, change kinds to mark or None, previous start of a move)."""
    now_text = to_db(now)
    values = await _built(lambda: [(*lesson_values(lesson), now_text, kinds, kinds, now_text,
                                    to_db(previous) if previous else None, lesson.id)
                                   for lesson, kinds, previous in rows], len(rows))
    await tx.executemany(
        "UPDATE lessons SET group_id = ?, kind = ?, level = ?, starts_at = ?, ends_at = ?,"
        " location = ?, mode = ?, teacher = ?, cancelled = ?, join_url = ?, updated_at = ?,"
        " change_kinds = COALESCE(?, change_kinds),"
        " changed_at = CASE WHEN ? IS NULL THEN changed_at ELSE ? END,"
        " previous_starts_at = COALESCE(?, previous_starts_at) WHERE id = ?", values)


@dataclass(frozen=True)
class LessonView:
    """A lesson as /rooster and the feed show it."""

    lesson: Lesson
    group_name: str
    change_kinds: tuple[str, ...]
    previous_starts_at: datetime | None
    changed_at: datetime | None


async def lessons_for_person(db: Db, person_id: int, start: datetime, end: datetime,
                             tz) -> list[LessonView]:
    """The lessons of a participant's groups between two instants, on the days they were a
    member of the group, in time order."""
    rows = await db.fetchall(
        "SELECT l.id, l.external_id, l.group_id, l.kind, l.level, l.starts_at, l.ends_at,"
        " l.location, l.mode, l.teacher, l.cancelled, l.join_url, l.change_kinds,"
        " l.previous_starts_at,"
        " l.changed_at, g.name AS group_name, m.joined_on, m.left_on"
        " FROM group_members m JOIN lessons l ON l.group_id = m.group_id"
        " JOIN groups g ON g.id = l.group_id"
        " WHERE m.person_id = ? AND l.starts_at >= ? AND l.starts_at < ?"
        " ORDER BY l.starts_at, l.id", (person_id, to_db(start), to_db(end)))
    seen: set[int] = set()
    views = []
    for row in rows:
        lesson = lesson_from_row(row)
        day = lesson.starts_at.astimezone(tz).date()
        joined, left = parse_day(row["joined_on"]), parse_day(row["left_on"])
        if lesson.id in seen or day < joined or (left is not None and day >= left):
            continue
        seen.add(lesson.id)
        kinds = tuple(k for k in (row["change_kinds"] or "").split(",") if k)
        views.append(LessonView(lesson, row["group_name"], kinds,
                                from_db(row["previous_starts_at"]), from_db(row["changed_at"])))
    return views


async def future_lessons_of_groups(db: Db, group_ids: Collection[int], now: datetime
                                   ) -> dict[int, list[Lesson]]:
    found: dict[int, list[Lesson]] = defaultdict(list)
    for chunk in chunks(list(group_ids)):
        rows = await db.fetchall(
            LESSON_SELECT + f" WHERE l.group_id IN ({marks(len(chunk))}) AND l.ends_at > ?"
            " AND l.cancelled = 0 ORDER BY l.starts_at", (*chunk, to_db(now)))
        for row in rows:
            found[row["group_id"]].append(lesson_from_row(row))
    return found
