"""A school's holidays (issue 4; convenant art. 10.6: the vakantieregeling is announced in
advance): school-wide or for one group, keyed by the school's external ids, upserted by a push,
and read for a participant's week and calendar feed."""

from __future__ import annotations

from datetime import date, datetime

from bot.rules.lessons import Holiday
from storage.database import Row, Tx, from_db, to_db
from storage.rows import Db, parse_day


async def holidays_by_external(db: Db, school_id: int) -> dict[str, Holiday]:
    rows = await db.fetchall(
        "SELECT id, external_id, name, starts_on, ends_on, group_id FROM holidays"
        " WHERE school_id = ?", (school_id,))
    return {row["external_id"]: _holiday(row) for row in rows}


def _holiday(row: Row) -> Holiday:
    return Holiday(row["external_id"], row["name"], parse_day(row["starts_on"]),
                   parse_day(row["ends_on"]), row["group_id"], row["id"])


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


# --- the reminder a week before (issue 15; convenant art. 10.6) ---


async def holidays_to_remind(db: Db, first: date, last: date) -> list[tuple[Holiday, datetime]]:
    """Holidays starting from ``first`` to ``last`` whose participants were not told yet for this
    start day, with when each was announced (created)."""
    rows = await db.fetchall(
        "SELECT h.id, h.external_id, h.name, h.starts_on, h.ends_on, h.group_id, h.created_at,"
        " h.school_id FROM holidays h WHERE h.starts_on >= ? AND h.starts_on <= ?"
        " AND NOT EXISTS (SELECT 1 FROM holiday_reminders r WHERE r.holiday_id = h.id"
        "                 AND r.starts_on = h.starts_on) ORDER BY h.starts_on, h.id",
        (first.isoformat(), last.isoformat()))
    return [(_holiday(row), from_db(row["created_at"])) for row in rows]


async def holiday_audience(db: Db, holiday_id: int) -> list[int]:
    """The active participants a holiday is for: the whole school's, or its group's members on
    its first day."""
    rows = await db.fetchall(
        "SELECT p.id FROM holidays h JOIN people p ON p.school_id = h.school_id"
        " AND p.role = 'participant' AND p.status = 'active'"
        " WHERE h.id = ? AND (h.group_id IS NULL OR EXISTS (SELECT 1 FROM group_members m"
        "   WHERE m.group_id = h.group_id AND m.person_id = p.id AND m.joined_on <= h.starts_on"
        "   AND (m.left_on IS NULL OR m.left_on > h.starts_on))) ORDER BY p.id", (holiday_id,))
    return [row["id"] for row in rows]


async def mark_reminded(tx: Tx, holiday: Holiday, recipients: int, now: datetime) -> bool:
    """Record that the holiday's participants were told for its start day; False when another
    sweep did it first."""
    return bool(await tx.changes(
        "INSERT OR IGNORE INTO holiday_reminders(holiday_id, starts_on, reminded_at, recipients)"
        " VALUES (?,?,?,?)", (holiday.id, holiday.starts_on.isoformat(), to_db(now), recipients)))
