"""Requests for correction or erasure (AVG art. 16, 17, 12(3)): recorded with a deadline of one
month, the privacy contacts to tell and remind, and what erasure removes. The privacy contacts of
a participant are their school's coordinators and their klantmanager at the gemeente."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from storage.database import Database, Tx, from_db, to_db

Db = Database | Tx


@dataclass(frozen=True)
class Request:
    id: int
    person_id: int
    person_name: str
    kind: str
    details: str
    received_at: datetime
    due_at: datetime
    reminded_at: datetime | None
    done_at: datetime | None
    outcome: str | None


COLUMNS = ("r.id, r.person_id, p.name, r.kind, r.details, r.received_at, r.due_at, r.reminded_at,"
           " r.done_at, r.outcome")


def _request(row) -> Request:
    return Request(row[0], row[1], row[2], row[3], row[4], from_db(row[5]), from_db(row[6]),
                   from_db(row[7]), from_db(row[8]), row[9])


async def add(tx: Tx, person_id: int, kind: str, details: str, now: datetime,
              due: datetime) -> int:
    return await tx.execute(
        "INSERT INTO privacy_requests(person_id, kind, details, received_at, due_at)"
        " VALUES (?,?,?,?,?)", (person_id, kind, details, to_db(now), to_db(due)))


async def get(db: Db, request_id: int) -> Request | None:
    row = await db.fetchone(f"SELECT {COLUMNS} FROM privacy_requests r JOIN people p"
                            " ON p.id = r.person_id WHERE r.id = ?", (request_id,))
    return _request(row) if row else None


async def listing(db: Db, open_only: bool = True) -> list[Request]:
    where = "WHERE r.done_at IS NULL" if open_only else ""
    rows = await db.fetchall(f"SELECT {COLUMNS} FROM privacy_requests r JOIN people p"
                             f" ON p.id = r.person_id {where} ORDER BY r.due_at")
    return [_request(row) for row in rows]


async def due_for_reminder(db: Db, before: datetime) -> list[Request]:
    """Open requests due before ``before`` whose contacts were not reminded yet."""
    rows = await db.fetchall(
        f"SELECT {COLUMNS} FROM privacy_requests r JOIN people p ON p.id = r.person_id"
        " WHERE r.done_at IS NULL AND r.reminded_at IS NULL AND r.due_at < ?", (to_db(before),))
    return [_request(row) for row in rows]


async def mark_reminded(tx: Tx, request_id: int, now: datetime) -> bool:
    return await tx.changes("UPDATE privacy_requests SET reminded_at = ? WHERE id = ?"
                            " AND reminded_at IS NULL", (to_db(now), request_id)) == 1


async def mark_done(tx: Tx, request_id: int, outcome: str, now: datetime) -> bool:
    return await tx.changes("UPDATE privacy_requests SET done_at = ?, outcome = ? WHERE id = ?"
                            " AND done_at IS NULL", (to_db(now), outcome, request_id)) == 1


async def contacts(db: Db, person_id: int) -> list[int]:
    """The participant's privacy contacts: the school's coordinators and their klantmanager."""
    rows = await db.fetchall(
        "SELECT s.id FROM people p JOIN people s ON s.school_id = p.school_id"
        " AND s.role = 'staff' AND s.staff_role = 'coordinator' WHERE p.id = ?"
        " UNION SELECT p.klantmanager_id FROM people p WHERE p.id = ?"
        " AND p.klantmanager_id IS NOT NULL", (person_id, person_id))
    return sorted(row[0] for row in rows)


# What erasure removes (no retention duty keeps it), and how many rows each statement touched.
ERASE = {
    "klacht drafts": "DELETE FROM klacht_drafts WHERE person_id = ?",
    "sent notifications": "DELETE FROM outbox WHERE person_id = ?"
                          " AND state IN ('sent', 'failed', 'unreachable')",
    "notes with absence reports": "UPDATE absence_reports SET note = NULL WHERE person_id = ?"
                                  " AND note IS NOT NULL",
    "closed verzuim alerts": "DELETE FROM verzuim_alerts WHERE person_id = ?"
                             " AND closed_at IS NOT NULL",
    "unused link codes": "DELETE FROM link_codes WHERE person_id = ? AND used_at IS NULL",
    "reminder settings": "DELETE FROM reminder_settings WHERE person_id = ?",
    # The trajectory (issue 15): what the school and the gemeente wrote about motivation and
    # obstacles (often health or family) serves the course only; the intake, predictions and
    # progress stay as facts (below), the school's attempts to reach them without their notes.
    "attitude and obstacle records": "DELETE FROM trajectory_records WHERE person_id = ?"
                                     " AND kind IN ('attitude', 'obstacles')",
    "obstacles told to the school": "DELETE FROM gemeente_notes WHERE person_id = ?",
    "notes with contact attempts": "UPDATE contact_attempts SET note = NULL WHERE person_id = ?"
                                   " AND note IS NOT NULL",
    "answers to gemeente surveys": "DELETE FROM gemeente_survey_answers WHERE person_id = ?",
    "consent to the satisfaction survey": "UPDATE survey_consents SET consent = 0"
                                          " WHERE person_id = ? AND consent = 1",
}


async def erase(tx: Tx, person_id: int) -> dict[str, int]:
    erased = {what: await tx.changes(sql, (person_id,)) for what, sql in ERASE.items()}
    erased["notes with trajectory records"] = await _strip_record_notes(tx, person_id)
    return erased


async def _strip_record_notes(tx: Tx, person_id: int) -> int:
    """The school's own words go from the intake, prediction and progress records; the goal,
    route, dates and levels stay (the cursistendossier the audit reads, BoW Hoofdnorm 2)."""
    rows = await tx.fetchall("SELECT id, details FROM trajectory_records WHERE person_id = ?",
                             (person_id,))
    stripped = 0
    for row in rows:
        details = json.loads(row["details"])
        if details.pop("text", None) is not None:
            await tx.execute("UPDATE trajectory_records SET details = ? WHERE id = ?",
                             (json.dumps(details, ensure_ascii=False), row["id"]))
            stripped += 1
    return stripped
