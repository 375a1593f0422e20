"""Reminders before a lesson (issue 14): a participant's reminder settings, the lessons the
reminder sweep looks at, and a lesson as a reminder shows it at send time. The rule of when a
reminder is due is ``bot.rules.reminders``; the reminders themselves are outbox rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from storage.database import Tx, from_db, to_db
from storage.rows import Db, parse_day


@dataclass(frozen=True)
class ReminderSettings:
    evening: bool = True
    hour: bool = True


async def settings_of(db: Db, person_id: int) -> ReminderSettings:
    row = await db.fetchone("SELECT evening, hour FROM reminder_settings WHERE person_id = ?",
                            (person_id,))
    return ReminderSettings(bool(row["evening"]), bool(row["hour"])) if row else ReminderSettings()


async def save_settings(tx: Tx, person_id: int, wanted: ReminderSettings, now: datetime) -> None:
    await tx.execute(
        "INSERT INTO reminder_settings(person_id, evening, hour, updated_at) VALUES (?,?,?,?)"
        " ON CONFLICT(person_id) DO UPDATE SET evening = excluded.evening, hour = excluded.hour,"
        " updated_at = excluded.updated_at",
        (person_id, int(wanted.evening), int(wanted.hour), to_db(now)))


@dataclass(frozen=True)
class Candidate:
    """A lesson a linked, active participant may be reminded of, with their settings."""

    person_id: int
    lesson_id: int
    school_id: int
    group_id: int
    starts_at: datetime
    joined_on: object
    left_on: object
    settings: ReminderSettings


async def candidates(db: Db, start: datetime, end: datetime) -> list[Candidate]:
    """Lessons starting in [start, end) that are not cancelled, for each linked active member
    of the group who did not report themselves absent for it; the caller checks the membership
    period and holidays."""
    rows = await db.fetchall(
        "SELECT m.person_id, l.id AS lesson_id, l.school_id, l.group_id, l.starts_at,"
        " m.joined_on, m.left_on, COALESCE(s.evening, 1) AS evening, COALESCE(s.hour, 1) AS hour"
        " FROM lessons l JOIN group_members m ON m.group_id = l.group_id"
        " JOIN people p ON p.id = m.person_id AND p.role = 'participant' AND p.status = 'active'"
        " JOIN telegram_links t ON t.person_id = p.id"
        " LEFT JOIN reminder_settings s ON s.person_id = p.id"
        " WHERE l.cancelled = 0 AND l.starts_at >= ? AND l.starts_at < ?"
        " AND NOT EXISTS (SELECT 1 FROM absence_reports r"
        "                 WHERE r.lesson_id = l.id AND r.person_id = p.id)"
        " ORDER BY l.starts_at, m.person_id", (to_db(start), to_db(end)))
    return [Candidate(row["person_id"], row["lesson_id"], row["school_id"], row["group_id"],
                      from_db(row["starts_at"]), parse_day(row["joined_on"]),
                      parse_day(row["left_on"]),
                      ReminderSettings(bool(row["evening"]), bool(row["hour"])))
            for row in rows]


async def lesson_for_reminder(db: Db, lesson_id: int) -> dict | None:
    """What a reminder shows of a lesson, read when it is sent (so a new place shows)."""
    row = await db.fetchone(
        "SELECT starts_at, ends_at, kind, location, mode, join_url, cancelled FROM lessons"
        " WHERE id = ?", (lesson_id,))
    if row is None:
        return None
    return {"starts_at": row["starts_at"], "ends_at": row["ends_at"], "kind": row["kind"],
            "location": row["location"], "mode": row["mode"], "join_url": row["join_url"],
            "cancelled": bool(row["cancelled"])}
