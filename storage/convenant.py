"""Schools as partners in the convenant (issue 7; convenant art. 4.4, 11.1, 14, 15): which
schools a participant may switch to (participating, keurmerk valid and not known to have
expired), a school's two standings (convenant and keurmerk, ``bot.rules.standing``) set by the
Mandaatgemeente and the record of each change, who at a school is
told of an overstap, and the active participants who are advised to leave a school that lost
its standing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from storage.database import Database, Tx, to_db
from storage.overstap import OPEN_STATES


@dataclass(frozen=True)
class SchoolChoice:
    id: int
    name: str
    locations: str
    kinds: tuple[str, ...]
    keurmerk_valid_until: str | None


async def convenant_schools(db: Database | Tx, today: date,
                            exclude: int | None = None) -> list[SchoolChoice]:
    """Schools a participant may switch to: taking part in the convenant, with a quality mark not
    known to have expired (an expiry date in the past excludes; no date recorded does not)."""
    rows = await db.fetchall(
        "SELECT s.id, s.name, s.locations, s.keurmerk_valid_until,"
        " (SELECT group_concat(DISTINCT g.kind) FROM groups g WHERE g.school_id = s.id) AS kinds"
        " FROM schools s WHERE s.convenant_status = 'participating'"
        " AND s.keurmerk_status = 'valid'"
        " AND (s.keurmerk_valid_until IS NULL OR s.keurmerk_valid_until >= ?)"
        " AND s.id IS NOT ? ORDER BY s.name", (today.isoformat(), exclude))
    return [SchoolChoice(row["id"], row["name"], row["locations"] or "",
                         tuple(sorted((row["kinds"] or "").split(","))) if row["kinds"] else (),
                         row["keurmerk_valid_until"]) for row in rows]


async def school_name(db: Database | Tx, school_id: int) -> str:
    return await db.fetchval("SELECT name FROM schools WHERE id = ?", (school_id,)) or "?"


async def staff_to_tell(db: Database | Tx, school_id: int) -> list[int]:
    """The school's coordinators, or all its staff when it has none."""
    rows = await db.fetchall("SELECT id FROM people WHERE role = 'staff' AND school_id = ?"
                             " AND staff_role = 'coordinator' ORDER BY id", (school_id,))
    if not rows:
        rows = await db.fetchall("SELECT id FROM people WHERE role = 'staff' AND school_id = ?"
                                 " ORDER BY id", (school_id,))
    return [row["id"] for row in rows]


async def active_participants(db: Database | Tx, school_id: int) -> list[dict]:
    rows = await db.fetchall("SELECT id, name, klantmanager_id FROM people WHERE role ="
                             " 'participant' AND school_id = ? AND status = 'active' ORDER BY id",
                             (school_id,))
    return [dict(row) for row in rows]


COLUMNS = {"convenant": "convenant_status", "keurmerk": "keurmerk_status"}


async def set_standing(tx: Tx, school_id: int, standing: str, value: str) -> str | None:
    """Change one of a school's standings (``convenant`` or ``keurmerk``); returns the previous
    value (None if no such school)."""
    column = COLUMNS[standing]
    old = await tx.fetchval(f"SELECT {column} FROM schools WHERE id = ?", (school_id,))
    if old is None:
        return None
    await tx.execute(f"UPDATE schools SET {column} = ? WHERE id = ?", (value, school_id))
    return old


async def set_keurmerk_until(tx: Tx, school_id: int, keurmerk_valid_until: str) -> None:
    """The keurmerk's end date ('' forgets it)."""
    await tx.execute("UPDATE schools SET keurmerk_valid_until = ? WHERE id = ?",
                     (keurmerk_valid_until or None, school_id))


async def record_status_change(tx: Tx, school_id: int, standing: str, old: str, new: str,
                               now: datetime) -> int:
    return await tx.execute(
        "INSERT INTO school_status_changes(school_id, standing, old_status, new_status,"
        " changed_at) VALUES (?,?,?,?,?)", (school_id, standing, old, new, to_db(now)))


async def record_status_counts(tx: Tx, change_id: int, advised: int, alerted: int,
                               partners: int) -> None:
    """How many participants, klantmanagers and partner schools a status change reached."""
    await tx.execute("UPDATE school_status_changes SET participants_advised = ?,"
                     " klantmanagers_alerted = ?, partners_told = ? WHERE id = ?",
                     (advised, alerted, partners, change_id))


async def all_schools(db: Database | Tx) -> list[dict]:
    rows = await db.fetchall(
        "SELECT s.id, s.name, s.convenant_status AS status, s.keurmerk_status,"
        " s.keurmerk_valid_until, s.locations,"
        " (SELECT count(*) FROM people p WHERE p.school_id = s.id AND p.role = 'participant'"
        "  AND p.status = 'active') AS participants,"
        " (SELECT count(*) FROM overstap_requests r WHERE (r.from_school_id = s.id OR"
        "  r.to_school_id = s.id) AND r.state IN"
        f" ({','.join(repr(x) for x in OPEN_STATES)})) AS open_overstap"
        " FROM schools s ORDER BY s.id")
    return [dict(row) for row in rows]
