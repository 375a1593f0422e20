"""Rooster storage (issue 4): groups and members, lessons, holidays, participation activities,
conflicts and calendar-feed tokens.

Every query that takes a school's external id is scoped by ``school_id``, so a school's key reaches
only its own rows. Writes for a push happen inside the caller's transaction with ``executemany``;
the rules in ``bot.rules.rooster_diff`` work on what these functions return.
"""

from __future__ import annotations

import hashlib
import secrets
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Collection, Iterable, Sequence

from bot.rules.lessons import Activity, Holiday, Lesson
from storage.database import Database, Row, Tx, from_db, to_db
from storage.people import CODE_ALPHABET, CODE_LENGTH, hash_secret

Db = Database | Tx
# SQLite allows 32,766 host parameters; stay well below for IN (...) lists.
CHUNK = 900


def _chunks(items: Sequence, size: int = CHUNK) -> Iterable[Sequence]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _marks(n: int) -> str:
    return ",".join("?" * n)


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _moment(text: str | None) -> datetime | None:
    """``from_db`` for the many lesson rows of a push: fromisoformat is ~10x faster than
    strptime, and reads the same ``...Z`` text."""
    return datetime.fromisoformat(text) if text else None


# ---- participants ---------------------------------------------------------------------------

@dataclass(frozen=True)
class ParticipantRow:
    id: int
    external_id: str
    name: str
    regime: str | None
    route: str | None
    klantmanager_id: int | None
    status: str
    linked: bool


PARTICIPANT_SELECT = (
    "SELECT p.id, p.external_id, p.name, p.regime, p.route, p.klantmanager_id, p.status,"
    " (SELECT 1 FROM telegram_links l WHERE l.person_id = p.id) AS linked"
    " FROM people p WHERE p.role = 'participant' AND p.school_id = ?")


def _participant(row: Row) -> ParticipantRow:
    return ParticipantRow(row["id"], row["external_id"], row["name"], row["regime"], row["route"],
                          row["klantmanager_id"], row["status"], bool(row["linked"]))


async def participants_by_external(db: Db, school_id: int,
                                   external_ids: Collection[str] | None = None
                                   ) -> dict[str, ParticipantRow]:
    """The school's participants with an external id (all, or those asked for)."""
    if external_ids is not None and len(external_ids) <= CHUNK:
        if not external_ids:
            return {}
        ids = list(external_ids)
        rows = await db.fetchall(PARTICIPANT_SELECT + f" AND p.external_id IN ({_marks(len(ids))})",
                                 (school_id, *ids))
    else:
        rows = await db.fetchall(PARTICIPANT_SELECT + " AND p.external_id IS NOT NULL",
                                 (school_id,))
        if external_ids is not None:
            wanted = set(external_ids)
            rows = [row for row in rows if row["external_id"] in wanted]
    return {row["external_id"]: _participant(row) for row in rows}


async def klantmanagers(db: Db, ids: Collection[int]) -> dict[int, int]:
    """Which of these ids are klantmanagers, with their gemeente."""
    found: dict[int, int] = {}
    for chunk in _chunks(list(ids)):
        rows = await db.fetchall(
            f"SELECT id, gemeente_id FROM people WHERE role = 'klantmanager' AND id IN"
            f" ({_marks(len(chunk))})", tuple(chunk))
        found.update({row["id"]: row["gemeente_id"] for row in rows})
    return found


async def insert_participants(tx: Tx, school_id: int, rows: list[tuple], now: datetime
                              ) -> dict[str, int]:
    """rows: (external_id, name, regime, route, klantmanager_id, gemeente_id, status)."""
    stamp = to_db(now)
    await tx.executemany(
        "INSERT INTO people(name, role, school_id, regime, route, klantmanager_id, gemeente_id,"
        " status, external_id, created_at) VALUES (?, 'participant', ?, ?, ?, ?, ?, ?, ?, ?)",
        [(name, school_id, regime, route, km, gem, status, ext, stamp)
         for ext, name, regime, route, km, gem, status in rows])
    created = await participants_by_external(tx, school_id, [row[0] for row in rows])
    return {ext: row.id for ext, row in created.items()}


async def update_participants(tx: Tx, rows: list[tuple]) -> None:
    """rows: (name, regime, route, klantmanager_id, gemeente_id, status, person_id)."""
    await tx.executemany(
        "UPDATE people SET name = ?, regime = ?, route = ?, klantmanager_id = ?,"
        " gemeente_id = COALESCE(?, gemeente_id), status = ? WHERE id = ?", rows)


async def issue_first_link_codes(tx: Tx, person_ids: Collection[int], now: datetime,
                                 valid_days: int) -> dict[int, str]:
    """One-time link codes for people just created (they have no earlier codes to expire);
    ``storage.people.issue_link_code`` does the same one person at a time."""
    codes = {person_id: "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
             for person_id in person_ids}
    stamp, expires = to_db(now), to_db(now + timedelta(days=valid_days))
    await tx.executemany(
        "INSERT INTO link_codes(person_id, code_hash, created_at, expires_at) VALUES (?,?,?,?)",
        [(person_id, hash_secret(code), stamp, expires) for person_id, code in codes.items()])
    return codes


# ---- groups and members ---------------------------------------------------------------------

@dataclass(frozen=True)
class GroupRow:
    id: int
    external_id: str
    name: str
    kind: str
    level: str | None
    capacity: int | None
    location: str | None


GROUP_SELECT = "SELECT id, external_id, name, kind, level, capacity, location FROM groups"


def _group(row: Row) -> GroupRow:
    return GroupRow(row["id"], row["external_id"], row["name"], row["kind"], row["level"],
                    row["capacity"], row["location"])


async def groups_by_external(db: Db, school_id: int, external_ids: Collection[str] | None = None
                             ) -> dict[str, GroupRow]:
    """The school's groups, all or those asked for."""
    if external_ids is not None and len(external_ids) <= CHUNK:
        if not external_ids:
            return {}
        ids = list(external_ids)
        rows = await db.fetchall(GROUP_SELECT + f" WHERE school_id = ? AND external_id IN"
                                 f" ({_marks(len(ids))})", (school_id, *ids))
    else:
        rows = await db.fetchall(GROUP_SELECT + " WHERE school_id = ?", (school_id,))
        if external_ids is not None:
            wanted = set(external_ids)
            rows = [row for row in rows if row["external_id"] in wanted]
    return {row["external_id"]: _group(row) for row in rows}


async def group_by_external(db: Db, school_id: int, external_id: str) -> GroupRow | None:
    row = await db.fetchone(GROUP_SELECT + " WHERE school_id = ? AND external_id = ?",
                            (school_id, external_id))
    return _group(row) if row else None


async def list_groups(db: Db, school_id: int, limit: int, offset: int) -> list[GroupRow]:
    rows = await db.fetchall(GROUP_SELECT + " WHERE school_id = ? ORDER BY external_id"
                             " LIMIT ? OFFSET ?", (school_id, limit, offset))
    return [_group(row) for row in rows]


async def insert_groups(tx: Tx, school_id: int, rows: list[tuple], now: datetime) -> None:
    """rows: (external_id, name, kind, level, capacity, location)."""
    stamp = to_db(now)
    await tx.executemany(
        "INSERT INTO groups(school_id, external_id, name, kind, level, capacity, location,"
        " created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)",
        [(school_id, *row, stamp, stamp) for row in rows])


async def update_groups(tx: Tx, rows: list[tuple], now: datetime) -> None:
    """rows: (name, kind, level, capacity, location, group_id)."""
    stamp = to_db(now)
    await tx.executemany(
        "UPDATE groups SET name = ?, kind = ?, level = ?, capacity = ?, location = ?,"
        " updated_at = ? WHERE id = ?", [(*row[:5], stamp, row[5]) for row in rows])


@dataclass(frozen=True)
class MemberRow:
    id: int
    group_id: int
    person_id: int
    external_id: str | None
    joined_on: date
    left_on: date | None


async def members(db: Db, group_ids: Collection[int]) -> list[MemberRow]:
    found: list[MemberRow] = []
    for chunk in _chunks(list(group_ids)):
        rows = await db.fetchall(
            "SELECT m.id, m.group_id, m.person_id, p.external_id, m.joined_on, m.left_on"
            " FROM group_members m JOIN people p ON p.id = m.person_id"
            f" WHERE m.group_id IN ({_marks(len(chunk))}) ORDER BY m.group_id, p.external_id,"
            " m.joined_on", tuple(chunk))
        found.extend(MemberRow(row["id"], row["group_id"], row["person_id"], row["external_id"],
                               _date(row["joined_on"]), _date(row["left_on"])) for row in rows)
    return found


async def delete_members(tx: Tx, member_ids: Collection[int]) -> None:
    await tx.executemany("DELETE FROM group_members WHERE id = ?", [(i,) for i in member_ids])


async def insert_members(tx: Tx, rows: list[tuple[int, int, date, date | None]]) -> None:
    await tx.executemany(
        "INSERT INTO group_members(group_id, person_id, joined_on, left_on) VALUES (?,?,?,?)",
        [(g, p, j.isoformat(), l.isoformat() if l else None) for g, p, j, l in rows])


async def update_member_left(tx: Tx, rows: list[tuple[date | None, int]]) -> None:
    await tx.executemany("UPDATE group_members SET left_on = ? WHERE id = ?",
                         [(l.isoformat() if l else None, i) for l, i in rows])


@dataclass(frozen=True)
class Recipient:
    """An active participant as the notifier needs them."""

    person_id: int
    name: str
    klantmanager_id: int | None
    school_id: int


async def active_memberships(db: Db, group_ids: Collection[int]
                             ) -> dict[int, dict[int, list[tuple[date, date | None]]]]:
    """group -> active participant -> membership periods, for deciding who hears of a lesson."""
    found: dict[int, dict[int, list]] = defaultdict(lambda: defaultdict(list))
    for chunk in _chunks(list(group_ids)):
        rows = await db.fetchall(
            "SELECT m.group_id, m.person_id, m.joined_on, m.left_on FROM group_members m"
            " JOIN people p ON p.id = m.person_id"
            f" WHERE p.status = 'active' AND m.group_id IN ({_marks(len(chunk))})", tuple(chunk))
        for row in rows:
            found[row["group_id"]][row["person_id"]].append(
                (_date(row["joined_on"]), _date(row["left_on"])))
    return found


async def people_groups(db: Db, person_ids: Collection[int]
                        ) -> dict[int, list[tuple[int, date, date | None]]]:
    """participant -> (group, joined_on, left_on) periods."""
    found: dict[int, list] = defaultdict(list)
    for chunk in _chunks(list(person_ids)):
        rows = await db.fetchall(
            "SELECT person_id, group_id, joined_on, left_on FROM group_members"
            f" WHERE person_id IN ({_marks(len(chunk))})", tuple(chunk))
        for row in rows:
            found[row["person_id"]].append(
                (row["group_id"], _date(row["joined_on"]), _date(row["left_on"])))
    return found


async def schools_of_groups(db: Db, group_ids: Collection[int]) -> dict[int, int]:
    """group -> its school, for the groups asked for."""
    found = {}
    for chunk in _chunks(list(group_ids)):
        rows = await db.fetchall(
            f"SELECT id, school_id FROM groups WHERE id IN ({_marks(len(chunk))})", tuple(chunk))
        found.update({row["id"]: row["school_id"] for row in rows})
    return found


async def group_external_id(db: Db, group_id: int) -> str | None:
    """The school's own id of a group."""
    return await db.fetchval("SELECT external_id FROM groups WHERE id = ?", (group_id,))


async def active_school_participants(db: Db, school_id: int) -> list[int]:
    rows = await db.fetchall("SELECT id FROM people WHERE role = 'participant' AND school_id = ?"
                             " AND status = 'active'", (school_id,))
    return [row["id"] for row in rows]


# ---- lessons --------------------------------------------------------------------------------

LESSON_SELECT = ("SELECT l.id, l.external_id, l.group_id, l.kind, l.level, l.starts_at, l.ends_at,"
                 " l.location, l.mode, l.teacher, l.cancelled FROM lessons l")


def lesson_from_row(row: Row) -> Lesson:
    return Lesson(external_id=row["external_id"], group_id=row["group_id"], kind=row["kind"],
                  level=row["level"], starts_at=from_db(row["starts_at"]),
                  ends_at=from_db(row["ends_at"]), location=row["location"], mode=row["mode"],
                  teacher=row["teacher"], cancelled=bool(row["cancelled"]), id=row["id"])


async def lessons_by_external(db: Db, school_id: int, external_ids: Collection[str] | None = None
                              ) -> dict[str, Lesson]:
    """The school's stored lessons, all or by external id (a big push reads the whole school
    once rather than thousands of small lookups)."""
    if external_ids is not None and len(external_ids) <= CHUNK:
        if not external_ids:
            return {}
        ids = list(external_ids)
        rows = await db.fetchall(
            LESSON_SELECT + f" WHERE l.school_id = ? AND l.external_id IN ({_marks(len(ids))})",
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
        sql += f" AND l.group_id IN ({_marks(len(ids))})"
        params += tuple(ids)
    return [lesson_from_row(row) for row in await db.fetchall(sql, params)]


def utc_text(moment: datetime) -> str:
    """``to_db`` for the many lessons of a push (isoformat is faster than strftime); the same
    text: UTC with microseconds and a Z."""
    return moment.astimezone(timezone.utc).isoformat(timespec="microseconds")[:-6] + "Z"


def lesson_values(lesson: Lesson) -> tuple:
    """A lesson's content as stored: (group_id, kind, level, starts_at, ends_at, location, mode,
    teacher, cancelled); equal tuples mean an unchanged lesson."""
    return (lesson.group_id, lesson.kind, lesson.level, utc_text(lesson.starts_at),
            utc_text(lesson.ends_at), lesson.location, lesson.mode, lesson.teacher,
            int(lesson.cancelled))


def lesson_from_values(external_id: str, lesson_id: int, values: tuple) -> Lesson:
    group_id, kind, level, starts_at, ends_at, location, mode, teacher, cancelled = values
    return Lesson(external_id=external_id, group_id=group_id, kind=kind, level=level,
                  starts_at=_moment(starts_at), ends_at=_moment(ends_at), location=location,
                  mode=mode, teacher=teacher, cancelled=bool(cancelled), id=lesson_id)


async def lesson_snapshot(db: Db, school_id: int, external_ids: Collection[str] | None = None
                          ) -> dict[str, tuple[int, tuple]]:
    """external id -> (id, stored values) of the school's lessons, all or those asked for: the
    raw rows a push compares with, without building objects for the unchanged ones."""
    columns = ("SELECT id, external_id, group_id, kind, level, starts_at, ends_at, location, mode,"
               " teacher, cancelled FROM lessons WHERE school_id = ?")
    if external_ids is not None and len(external_ids) <= CHUNK:
        if not external_ids:
            return {}
        ids = list(external_ids)
        rows = await db.fetchall(columns + f" AND external_id IN ({_marks(len(ids))})",
                                 (school_id, *ids))
    else:
        rows = await db.fetchall(columns, (school_id,))
    return {row[1]: (row[0], tuple(row)[2:]) for row in rows}


async def insert_lessons(tx: Tx, school_id: int, lessons: list[Lesson], now: datetime) -> None:
    now_text = to_db(now)
    await tx.executemany(
        "INSERT INTO lessons(school_id, external_id, group_id, kind, level, starts_at, ends_at,"
        " location, mode, teacher, cancelled, created_at, updated_at)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [(school_id, lesson.external_id, *lesson_values(lesson), now_text, now_text)
         for lesson in lessons])


async def lesson_ids(tx: Tx, school_id: int, external_ids: Collection[str]) -> dict[str, int]:
    if len(external_ids) <= CHUNK:
        ids = list(external_ids)
        if not ids:
            return {}
        rows = await tx.fetchall(
            f"SELECT id, external_id FROM lessons WHERE school_id = ? AND external_id IN"
            f" ({_marks(len(ids))})", (school_id, *ids))
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
    await tx.executemany(
        "UPDATE lessons SET group_id = ?, kind = ?, level = ?, starts_at = ?, ends_at = ?,"
        " location = ?, mode = ?, teacher = ?, cancelled = ?, updated_at = ?,"
        " change_kinds = COALESCE(?, change_kinds),"
        " changed_at = CASE WHEN ? IS NULL THEN changed_at ELSE ? END,"
        " previous_starts_at = COALESCE(?, previous_starts_at) WHERE id = ?",
        [(*lesson_values(lesson), now_text, kinds, kinds, now_text,
          to_db(previous) if previous else None, lesson.id)
         for lesson, kinds, previous in rows])


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
        " l.location, l.mode, l.teacher, l.cancelled, l.change_kinds, l.previous_starts_at,"
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
        joined, left = _date(row["joined_on"]), _date(row["left_on"])
        if lesson.id in seen or day < joined or (left is not None and day >= left):
            continue
        seen.add(lesson.id)
        kinds = tuple(k for k in (row["change_kinds"] or "").split(",") if k)
        views.append(LessonView(lesson, row["group_name"], kinds,
                                from_db(row["previous_starts_at"]), from_db(row["changed_at"])))
    return views


# ---- holidays -------------------------------------------------------------------------------

async def holidays_by_external(db: Db, school_id: int) -> dict[str, Holiday]:
    rows = await db.fetchall(
        "SELECT id, external_id, name, starts_on, ends_on, group_id FROM holidays"
        " WHERE school_id = ?", (school_id,))
    return {row["external_id"]: _holiday(row) for row in rows}


def _holiday(row: Row) -> Holiday:
    return Holiday(row["external_id"], row["name"], _date(row["starts_on"]),
                   _date(row["ends_on"]), row["group_id"], row["id"])


async def upsert_holidays(tx: Tx, school_id: int, inserts: list[Holiday], updates: list[Holiday],
                          now: datetime) -> None:
    stamp = to_db(now)
    await tx.executemany(
        "INSERT INTO holidays(school_id, group_id, external_id, name, starts_on, ends_on,"
        " created_at) VALUES (?,?,?,?,?,?,?)",
        [(school_id, h.group_id, h.external_id, h.name, h.starts_on.isoformat(),
          h.ends_on.isoformat(), stamp) for h in inserts])
    await tx.executemany(
        "UPDATE holidays SET group_id = ?, name = ?, starts_on = ?, ends_on = ? WHERE id = ?",
        [(h.group_id, h.name, h.starts_on.isoformat(), h.ends_on.isoformat(), h.id)
         for h in updates])


async def delete_holiday(tx: Tx, school_id: int, external_id: str) -> bool:
    return await tx.changes("DELETE FROM holidays WHERE school_id = ? AND external_id = ?",
                            (school_id, external_id)) > 0


async def holidays_for_person(db: Db, person_id: int, first: date, last: date
                              ) -> list[Holiday]:
    """School-wide holidays of the participant's school and those of their groups that touch
    the days ``first`` to ``last``."""
    rows = await db.fetchall(
        "SELECT h.id, h.external_id, h.name, h.starts_on, h.ends_on, h.group_id FROM holidays h"
        " JOIN people p ON p.id = ? AND h.school_id = p.school_id"
        " WHERE h.starts_on <= ? AND h.ends_on >= ?"
        " AND (h.group_id IS NULL OR h.group_id IN"
        "      (SELECT group_id FROM group_members WHERE person_id = p.id))"
        " ORDER BY h.starts_on", (person_id, last.isoformat(), first.isoformat()))
    return [_holiday(row) for row in rows]


# ---- participation activities and conflicts -------------------------------------------------

ACTIVITY_SELECT = ("SELECT id, participant_id, title, weekday, start_time, end_time, valid_from,"
                   " valid_until, starts_at, ends_at FROM participation_activities")


def _activity(row: Row) -> Activity:
    return Activity(
        id=row["id"], participant_id=row["participant_id"], title=row["title"],
        weekday=row["weekday"],
        start_time=time.fromisoformat(row["start_time"]) if row["start_time"] else None,
        end_time=time.fromisoformat(row["end_time"]) if row["end_time"] else None,
        valid_from=_date(row["valid_from"]), valid_until=_date(row["valid_until"]),
        starts_at=from_db(row["starts_at"]), ends_at=from_db(row["ends_at"]))


async def activities_of(db: Db, person_ids: Collection[int]) -> dict[int, list[Activity]]:
    found: dict[int, list[Activity]] = defaultdict(list)
    for chunk in _chunks(list(person_ids)):
        rows = await db.fetchall(
            ACTIVITY_SELECT + f" WHERE deleted_at IS NULL AND participant_id IN"
            f" ({_marks(len(chunk))}) ORDER BY id", tuple(chunk))
        for row in rows:
            found[row["participant_id"]].append(_activity(row))
    return found


async def people_with_activities(db: Db, school_id: int) -> set[int]:
    rows = await db.fetchall(
        "SELECT DISTINCT a.participant_id FROM participation_activities a"
        " JOIN people p ON p.id = a.participant_id"
        " WHERE a.deleted_at IS NULL AND p.school_id = ?", (school_id,))
    return {row[0] for row in rows}


@dataclass(frozen=True)
class ActivityRecord:
    """An activity with who recorded it, as the gemeente's API shows it."""

    activity: Activity
    external_id: str | None
    gemeente_id: int | None
    recorded_by: int | None


async def activity_by_external(db: Db, gemeente_id: int, external_id: str,
                               include_deleted: bool = False) -> ActivityRecord | None:
    row = await db.fetchone(
        ACTIVITY_SELECT.replace("SELECT id,", "SELECT id, external_id, gemeente_id, recorded_by,"
                                " deleted_at,")
        + " WHERE gemeente_id = ? AND external_id = ?", (gemeente_id, external_id))
    if row is None or (row["deleted_at"] is not None and not include_deleted):
        return None
    return ActivityRecord(_activity(row), row["external_id"], row["gemeente_id"],
                          row["recorded_by"])


async def activity_records(db: Db, person_ids: Collection[int]) -> list[ActivityRecord]:
    found = []
    for chunk in _chunks(list(person_ids)):
        rows = await db.fetchall(
            ACTIVITY_SELECT.replace("SELECT id,", "SELECT id, external_id, gemeente_id,"
                                    " recorded_by,")
            + f" WHERE deleted_at IS NULL AND participant_id IN ({_marks(len(chunk))})"
            " ORDER BY participant_id, id", tuple(chunk))
        found.extend(ActivityRecord(_activity(row), row["external_id"], row["gemeente_id"],
                                    row["recorded_by"]) for row in rows)
    return found


def _activity_values(activity: Activity) -> tuple:
    return (activity.participant_id, activity.title, activity.weekday,
            activity.start_time.strftime("%H:%M") if activity.start_time else None,
            activity.end_time.strftime("%H:%M") if activity.end_time else None,
            activity.valid_from.isoformat() if activity.valid_from else None,
            activity.valid_until.isoformat() if activity.valid_until else None,
            to_db(activity.starts_at) if activity.starts_at else None,
            to_db(activity.ends_at) if activity.ends_at else None)


async def save_activity(tx: Tx, activity: Activity, now: datetime, *, gemeente_id: int | None,
                        external_id: str | None, recorded_by: int | None) -> int:
    """Insert (``activity.id`` 0) or update an activity; a soft-deleted one comes back."""
    stamp = to_db(now)
    if activity.id:
        await tx.execute(
            "UPDATE participation_activities SET participant_id = ?, title = ?, weekday = ?,"
            " start_time = ?, end_time = ?, valid_from = ?, valid_until = ?, starts_at = ?,"
            " ends_at = ?, updated_at = ?, deleted_at = NULL WHERE id = ?",
            (*_activity_values(activity), stamp, activity.id))
        return activity.id
    return await tx.execute(
        "INSERT INTO participation_activities(participant_id, title, weekday, start_time,"
        " end_time, valid_from, valid_until, starts_at, ends_at, gemeente_id, external_id,"
        " recorded_by, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (*_activity_values(activity), gemeente_id, external_id, recorded_by, stamp, stamp))


async def delete_activity(tx: Tx, activity_id: int, now: datetime) -> None:
    await tx.execute("UPDATE participation_activities SET deleted_at = ? WHERE id = ?",
                     (to_db(now), activity_id))


async def activity_participant(db: Db, activity_id: int) -> int | None:
    """The participant of an activity that is not deleted."""
    return await db.fetchval(
        "SELECT participant_id FROM participation_activities WHERE id = ? AND deleted_at IS NULL",
        (activity_id,))


async def future_lessons_of_groups(db: Db, group_ids: Collection[int], now: datetime
                                   ) -> dict[int, list[Lesson]]:
    found: dict[int, list[Lesson]] = defaultdict(list)
    for chunk in _chunks(list(group_ids)):
        rows = await db.fetchall(
            LESSON_SELECT + f" WHERE l.group_id IN ({_marks(len(chunk))}) AND l.ends_at > ?"
            " AND l.cancelled = 0 ORDER BY l.starts_at", (*chunk, to_db(now)))
        for row in rows:
            found[row["group_id"]].append(lesson_from_row(row))
    return found


async def open_conflicts(db: Db, person_ids: Collection[int], now: datetime
                         ) -> dict[tuple[int, int], int]:
    """(lesson, activity) -> conflict id of the open conflicts about lessons not over yet."""
    found: dict[tuple[int, int], int] = {}
    for chunk in _chunks(list(person_ids)):
        rows = await db.fetchall(
            "SELECT c.id, c.lesson_id, c.activity_id FROM rooster_conflicts c"
            " JOIN lessons l ON l.id = c.lesson_id"
            f" WHERE c.resolved_at IS NULL AND c.participant_id IN ({_marks(len(chunk))})"
            " AND l.ends_at > ?", (*chunk, to_db(now)))
        found.update({(row["lesson_id"], row["activity_id"]): row["id"] for row in rows})
    return found


async def people_with_open_conflicts(db: Db, person_ids: Collection[int]) -> set[int]:
    found: set[int] = set()
    for chunk in _chunks(list(person_ids)):
        rows = await db.fetchall(
            "SELECT DISTINCT participant_id FROM rooster_conflicts WHERE resolved_at IS NULL"
            f" AND participant_id IN ({_marks(len(chunk))})", tuple(chunk))
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


async def open_conflict_count(db: Db, activity_id: int) -> int:
    """How many open conflicts an activity has."""
    return await db.fetchval(
        "SELECT count(*) FROM rooster_conflicts WHERE activity_id = ? AND resolved_at IS NULL",
        (activity_id,))


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
    activity = _activity({"id": row["a_id"], "participant_id": row["a_participant_id"],
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
    for chunk in _chunks(pairs, 400):
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


GEMEENTE_SCOPE = (
    "(p.gemeente_id = ? OR p.klantmanager_id IN"
    " (SELECT id FROM people WHERE role = 'klantmanager' AND gemeente_id = ?))")


async def conflicts_for_gemeente(db: Db, gemeente_id: int, include_resolved: bool, limit: int
                                 ) -> list[ConflictView]:
    sql = CONFLICT_SELECT + f" WHERE {GEMEENTE_SCOPE}"
    if not include_resolved:
        sql += " AND c.resolved_at IS NULL"
    rows = await db.fetchall(sql + " ORDER BY l.starts_at, c.id LIMIT ?",
                             (gemeente_id, gemeente_id, limit))
    return [_conflict(row) for row in rows]


@dataclass(frozen=True)
class CaseloadRow:
    id: int
    name: str
    school_id: int
    school_name: str
    klantmanager_id: int | None
    status: str


async def gemeente_participants(db: Db, gemeente_id: int, person_id: int | None = None
                                ) -> list[CaseloadRow]:
    """The participants of a gemeente: its own or those of its klantmanagers."""
    sql = ("SELECT p.id, p.name, p.school_id, s.name AS school_name, p.klantmanager_id, p.status"
           " FROM people p JOIN schools s ON s.id = p.school_id"
           f" WHERE p.role = 'participant' AND {GEMEENTE_SCOPE}")
    params: tuple = (gemeente_id, gemeente_id)
    if person_id is not None:
        sql += " AND p.id = ?"
        params += (person_id,)
    rows = await db.fetchall(sql + " ORDER BY p.id", params)
    return [CaseloadRow(row["id"], row["name"], row["school_id"], row["school_name"],
                        row["klantmanager_id"], row["status"]) for row in rows]


# ---- calendar feed --------------------------------------------------------------------------

def feed_token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


async def new_feed_token(db: Database, person_id: int, now: datetime) -> str:
    """A fresh unguessable token (192 bits); it replaces the earlier one, which stops working."""
    token = secrets.token_urlsafe(24)
    await db.execute(
        "INSERT INTO rooster_feed_tokens(person_id, token_hash, created_at) VALUES (?,?,?)"
        " ON CONFLICT(person_id) DO UPDATE SET token_hash = excluded.token_hash,"
        " created_at = excluded.created_at", (person_id, feed_token_hash(token), to_db(now)))
    return token


async def feed_token_made(db: Db, person_id: int) -> datetime | None:
    return from_db(await db.fetchval(
        "SELECT created_at FROM rooster_feed_tokens WHERE person_id = ?", (person_id,)))


async def person_for_feed_token(db: Db, token: str) -> int | None:
    return await db.fetchval(
        "SELECT t.person_id FROM rooster_feed_tokens t JOIN people p ON p.id = t.person_id"
        " WHERE t.token_hash = ? AND p.role = 'participant'", (feed_token_hash(token),))
