"""Reminders before a lesson (issue 14): a participant's reminder settings, the lessons the
reminder sweep looks at, and a lesson as a reminder shows it at send time. The rule of when a
reminder is due is ``bot.rules.reminders``; the reminders themselves are outbox rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from storage.database import Tx, to_db
from storage.rows import Db, parse_day


@dataclass(frozen=True)
class ReminderSettings:
    evening: bool = True
    hour: bool = True
    evening_at: time | None = None  # None: the installation's evening time


def parse_clock(text: str | None) -> time | None:
    """A stored 'HH:MM' as a time; None for no choice (or a value no longer readable)."""
    try:
        return time.fromisoformat(text) if text else None
    except ValueError:
        return None


async def settings_of(db: Db, person_id: int) -> ReminderSettings:
    row = await db.fetchone(
        "SELECT evening, hour, evening_at FROM reminder_settings WHERE person_id = ?",
        (person_id,))
    if row is None:
        return ReminderSettings()
    return ReminderSettings(bool(row["evening"]), bool(row["hour"]),
                            parse_clock(row["evening_at"]))


async def save_settings(tx: Tx, person_id: int, wanted: ReminderSettings, now: datetime) -> None:
    at = wanted.evening_at.strftime("%H:%M") if wanted.evening_at else None
    await tx.execute(
        "INSERT INTO reminder_settings(person_id, evening, hour, evening_at, updated_at)"
        " VALUES (?,?,?,?,?)"
        " ON CONFLICT(person_id) DO UPDATE SET evening = excluded.evening, hour = excluded.hour,"
        " evening_at = excluded.evening_at, updated_at = excluded.updated_at",
        (person_id, int(wanted.evening), int(wanted.hour), at, to_db(now)))


@dataclass(frozen=True)
class Candidate:
    """A lesson a linked, active participant may be reminded of."""

    person_id: int
    lesson_id: int
    school_id: int
    group_id: int
    starts_at: datetime
    starts_text: str  # as stored: part of the reminder's dedupe key
    joined_on: date
    left_on: date | None
    evening_at: time | None = None  # the participant's chosen evening time, if any


def dedupe_key(kind: str, person_id: int, lesson_id: int, starts_text: str) -> str:
    """One reminder of one kind per participant, lesson and start time (a moved lesson gets
    new ones); the sweep's query builds the same text."""
    return f"reminder:{kind}:{person_id}:{lesson_id}:{starts_text}"


async def candidates(db: Db, kind: str, ranges: list[tuple[datetime, datetime]]
                     ) -> list[Candidate]:
    """Lessons starting in one of the ranges that are not cancelled, for each linked active
    member of the group who wants this reminder, did not report themselves absent for it and
    has no such reminder in the outbox yet; the caller checks the membership period and
    holidays. Steady state (everything enqueued) reads no rows into Python."""
    if kind not in ("evening", "hour") or not ranges:
        return []
    where = " OR ".join("(l.starts_at >= ? AND l.starts_at < ?)" for _ in ranges)
    rows = await db.fetchall(
        "SELECT m.person_id, l.id AS lesson_id, l.school_id, l.group_id, l.starts_at,"
        " m.joined_on, m.left_on, s.evening_at"
        " FROM lessons l JOIN group_members m ON m.group_id = l.group_id"
        " JOIN people p ON p.id = m.person_id AND p.role = 'participant' AND p.status = 'active'"
        " JOIN telegram_links t ON t.person_id = p.id"
        " LEFT JOIN reminder_settings s ON s.person_id = p.id"
        f" WHERE l.cancelled = 0 AND ({where}) AND COALESCE(s.{kind}, 1) = 1"
        " AND NOT EXISTS (SELECT 1 FROM absence_reports r"
        "                 WHERE r.lesson_id = l.id AND r.person_id = p.id)"
        " AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.dedupe_key ="
        "                 ? || m.person_id || ':' || l.id || ':' || l.starts_at)"
        " ORDER BY l.starts_at, m.person_id",
        (*(to_db(moment) for pair in ranges for moment in pair), f"reminder:{kind}:"))
    return [Candidate(row["person_id"], row["lesson_id"], row["school_id"], row["group_id"],
                      datetime.fromisoformat(row["starts_at"]), row["starts_at"],
                      parse_day(row["joined_on"]), parse_day(row["left_on"]),
                      parse_clock(row["evening_at"]))
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
