"""The demo world's rooster rows (``inburgerbot demo``): one group, its lessons and members, written
directly as a school's planning push would leave them. Only bot/demo_data.py uses this."""

from __future__ import annotations

from datetime import date, datetime

from storage.database import Database, Tx, to_db


async def add_group(tx: Tx, *, school_id: int, external_id: str, name: str, kind: str, level: str,
                    capacity: int, location: str, now: datetime) -> int:
    return await tx.execute(
        "INSERT INTO groups(school_id, external_id, name, kind, level, capacity, location,"
        " created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)",
        (school_id, external_id, name, kind, level, capacity, location, to_db(now), to_db(now)))


async def add_lesson(tx: Tx, *, school_id: int, group_id: int, external_id: str, kind: str,
                     level: str | None, starts_at: datetime, ends_at: datetime, location: str,
                     teacher: str, now: datetime) -> int:
    return await tx.execute(
        "INSERT INTO lessons(school_id, group_id, external_id, kind, level, starts_at,"
        " ends_at, location, mode, teacher, created_at, updated_at)"
        " VALUES (?,?,?,?,?,?,?,?,'classroom',?,?,?)",
        (school_id, group_id, external_id, kind, level, to_db(starts_at), to_db(ends_at),
         location, teacher, to_db(now), to_db(now)))


async def add_member(tx: Tx, group_id: int, person_id: int, joined_on: date) -> None:
    await tx.execute("INSERT INTO group_members(group_id, person_id, joined_on) VALUES (?,?,?)",
                     (group_id, person_id, joined_on.isoformat()))


async def assign_klantmanager(tx: Tx, participant_id: int, klantmanager_id: int | None) -> None:
    await tx.execute("UPDATE people SET klantmanager_id = ? WHERE id = ?",
                     (klantmanager_id, participant_id))


async def assign_klantmanager_where_missing(tx: Tx, klantmanager_id: int) -> None:
    """Participants without a klantmanager get this one."""
    await tx.execute("UPDATE people SET klantmanager_id = ? WHERE role = 'participant'"
                     " AND klantmanager_id IS NULL", (klantmanager_id,))


async def get_value(db: Database | Tx, key: str) -> str | None:
    """A value the demo keeps between starts (whether it was seeded, the school's key)."""
    return await db.fetchval("SELECT value FROM meta WHERE key = ?", (key,))


async def set_value(tx: Tx, key: str, value: str) -> None:
    await tx.execute("INSERT INTO meta(key, value) VALUES (?, ?) "
                     "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))
