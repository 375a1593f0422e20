"""A school's attempts to reach a participant who keeps not coming (issue 15; BoW "Wanprestatie
door de Cursist"): each read is scoped to one school (its own records), one klantmanager (their
caseload's) or one record by id (for the warning's message)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from storage.database import Database, Tx, from_db, to_db


@dataclass(frozen=True)
class Attempt:
    id: int
    person_id: int
    school_id: int
    kind: str
    attempted_on: date
    outcome: str
    note: str | None
    warning_kind: str | None
    come_back_by: date | None
    sent_at: datetime | None
    recorded_at: datetime

    @classmethod
    def from_row(cls, row) -> Attempt:
        return cls(row["id"], row["person_id"], row["school_id"], row["kind"],
                   date.fromisoformat(row["attempted_on"]), row["outcome"], row["note"],
                   row["warning_kind"],
                   date.fromisoformat(row["come_back_by"]) if row["come_back_by"] else None,
                   from_db(row["sent_at"]), from_db(row["recorded_at"]))


COLUMNS = ("id, person_id, school_id, kind, attempted_on, outcome, note, warning_kind,"
           " come_back_by, sent_at, recorded_at")


async def insert_attempt(tx: Tx, *, person_id: int, school_id: int, kind: str,
                         attempted_on: date, outcome: str, note: str | None,
                         warning_kind: str | None, come_back_by: date | None,
                         sent: bool, now: datetime) -> int:
    return await tx.execute(
        "INSERT INTO contact_attempts(person_id, school_id, kind, attempted_on, outcome, note,"
        " warning_kind, come_back_by, sent_at, recorded_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
        (person_id, school_id, kind, attempted_on.isoformat(), outcome, note, warning_kind,
         come_back_by.isoformat() if come_back_by else None, to_db(now) if sent else None,
         to_db(now)))


async def get_attempt(db: Database | Tx, attempt_id: int) -> Attempt | None:
    row = await db.fetchone(f"SELECT {COLUMNS} FROM contact_attempts WHERE id = ?",
                            (attempt_id,))
    return Attempt.from_row(row) if row else None


async def attempts_for_school(db: Database | Tx, school_id: int,
                              person_id: int) -> list[Attempt]:
    """The school's own attempts for this participant, oldest first (the overview for a
    registered letter)."""
    rows = await db.fetchall(
        f"SELECT {COLUMNS} FROM contact_attempts WHERE school_id = ? AND person_id = ?"
        " ORDER BY attempted_on, id", (school_id, person_id))
    return [Attempt.from_row(row) for row in rows]


async def attempts_for_klantmanager(db: Database | Tx, klantmanager_id: int, person_id: int,
                                    limit: int = 10) -> list[Attempt]:
    """The latest attempts, only when the participant is in this klantmanager's caseload."""
    rows = await db.fetchall(
        f"SELECT {', '.join('a.' + c.strip() for c in COLUMNS.split(','))}"
        " FROM contact_attempts a JOIN people p ON p.id = a.person_id"
        " WHERE a.person_id = ? AND p.klantmanager_id = ?"
        " ORDER BY a.attempted_on DESC, a.id DESC LIMIT ?", (person_id, klantmanager_id, limit))
    return [Attempt.from_row(row) for row in rows]
