"""Trajectory records a school reports to the klantmanager (issue 15; convenant art. 12.1, 12.4),
and notes a gemeente gives the school (art. 12.6).

Each query is scoped to who asks: a school reads its own participants' records, a klantmanager
only their own caseload's, a participant only their own.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from storage.database import Database, Tx, from_db, to_db


@dataclass(frozen=True)
class Record:
    id: int
    person_id: int
    school_id: int
    kind: str
    details: dict
    predicted_end: date | None
    previous_end: date | None
    flagged: bool
    recorded_at: datetime
    klantmanager_id: int | None
    seen_at: datetime | None

    @classmethod
    def from_row(cls, row) -> Record:
        return cls(row["id"], row["person_id"], row["school_id"], row["kind"],
                   json.loads(row["details"]), _day(row["predicted_end"]),
                   _day(row["previous_end"]), bool(row["flagged"]), from_db(row["recorded_at"]),
                   row["klantmanager_id"], from_db(row["seen_at"]))


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


COLUMNS = ("id, person_id, school_id, kind, details, predicted_end, previous_end, flagged,"
           " recorded_at, klantmanager_id, seen_at")


async def latest_prediction(db: Database | Tx, person_id: int) -> date | None:
    """The end of the trajectory as last predicted (by an intake or a duration record)."""
    value = await db.fetchval(
        "SELECT predicted_end FROM trajectory_records WHERE person_id = ?"
        " AND predicted_end IS NOT NULL ORDER BY recorded_at DESC, id DESC LIMIT 1", (person_id,))
    return _day(value)


async def insert_record(tx: Tx, *, person_id: int, school_id: int, kind: str, details: dict,
                        predicted_end: date | None, previous_end: date | None, flagged: bool,
                        klantmanager_id: int | None, now: datetime) -> int:
    return await tx.execute(
        "INSERT INTO trajectory_records(person_id, school_id, kind, details, predicted_end,"
        " previous_end, flagged, recorded_at, klantmanager_id) VALUES (?,?,?,?,?,?,?,?,?)",
        (person_id, school_id, kind, json.dumps(details, ensure_ascii=False),
         predicted_end.isoformat() if predicted_end else None,
         previous_end.isoformat() if previous_end else None, int(flagged), to_db(now),
         klantmanager_id))


async def get_record(db: Database | Tx, record_id: int) -> Record | None:
    row = await db.fetchone(f"SELECT {COLUMNS} FROM trajectory_records WHERE id = ?",
                            (record_id,))
    return Record.from_row(row) if row else None


async def records_for_school(db: Database | Tx, school_id: int, person_id: int,
                             limit: int = 200) -> list[Record]:
    """A participant's records as their own school wrote them, newest first."""
    rows = await db.fetchall(
        f"SELECT {COLUMNS} FROM trajectory_records WHERE person_id = ? AND school_id = ?"
        " ORDER BY recorded_at DESC, id DESC LIMIT ?", (person_id, school_id, limit))
    return [Record.from_row(row) for row in rows]


async def records_for_klantmanager(db: Database | Tx, klantmanager_id: int, person_id: int,
                                   limit: int = 20) -> list[Record]:
    """A participant's records, only when the participant is in this klantmanager's caseload."""
    rows = await db.fetchall(
        f"SELECT {', '.join('r.' + c.strip() for c in COLUMNS.split(','))}"
        " FROM trajectory_records r JOIN people p ON p.id = r.person_id"
        " WHERE r.person_id = ? AND p.klantmanager_id = ?"
        " ORDER BY r.recorded_at DESC, r.id DESC LIMIT ?", (person_id, klantmanager_id, limit))
    return [Record.from_row(row) for row in rows]


async def mark_seen(tx: Tx, record_id: int, klantmanager_id: int, now: datetime) -> bool | None:
    """The klantmanager's "seen": None when the record is not theirs to see, False when it was
    already seen, True when marked now."""
    row = await tx.fetchone(
        "SELECT r.seen_at FROM trajectory_records r JOIN people p ON p.id = r.person_id"
        " WHERE r.id = ? AND r.klantmanager_id = ? AND p.klantmanager_id = ?",
        (record_id, klantmanager_id, klantmanager_id))
    if row is None:
        return None
    if row["seen_at"] is not None:
        return False
    await tx.execute("UPDATE trajectory_records SET seen_at = ? WHERE id = ?",
                     (to_db(now), record_id))
    return True


async def unseen_for_digest(db: Database | Tx, klantmanager_id: int,
                            before: datetime) -> list[dict]:
    """Records told to this klantmanager before ``before`` that they have not marked as seen."""
    rows = await db.fetchall(
        "SELECT r.id, r.kind, r.flagged, r.recorded_at, r.person_id, p.name, p.external_id,"
        " s.name AS school"
        " FROM trajectory_records r JOIN people p ON p.id = r.person_id"
        " JOIN schools s ON s.id = r.school_id"
        " WHERE r.klantmanager_id = ? AND p.klantmanager_id = r.klantmanager_id"
        " AND r.seen_at IS NULL AND r.recorded_at < ? ORDER BY r.recorded_at, r.id",
        (klantmanager_id, to_db(before)))
    return [dict(row) for row in rows]


async def klantmanagers_with_unseen(db: Database | Tx, before: datetime) -> list[int]:
    rows = await db.fetchall(
        "SELECT DISTINCT r.klantmanager_id FROM trajectory_records r"
        " JOIN people p ON p.id = r.person_id AND p.klantmanager_id = r.klantmanager_id"
        " WHERE r.seen_at IS NULL AND r.recorded_at < ?", (to_db(before),))
    return [row[0] for row in rows]


# --- what the gemeente tells the school (art. 12.6) ---


async def insert_gemeente_note(tx: Tx, *, person_id: int, gemeente_id: int, school_id: int,
                               text: str, now: datetime, reason: str | None = None,
                               recorded_by: int | None = None) -> int:
    return await tx.execute(
        "INSERT INTO gemeente_notes(person_id, gemeente_id, school_id, text, recorded_at, reason,"
        " recorded_by) VALUES (?,?,?,?,?,?,?)",
        (person_id, gemeente_id, school_id, text, to_db(now), reason, recorded_by))


async def gemeente_note(db: Database | Tx, note_id: int) -> dict | None:
    """A note with the participant's and the gemeente's names, for the coordinator's message."""
    row = await db.fetchone(
        "SELECT n.text, n.reason, p.name, g.name AS gemeente FROM gemeente_notes n"
        " JOIN people p ON p.id = n.person_id JOIN gemeenten g ON g.id = n.gemeente_id"
        " WHERE n.id = ?", (note_id,))
    return dict(row) if row else None


async def gemeente_notes_for_school(db: Database | Tx, school_id: int,
                                    person_id: int) -> list[dict]:
    rows = await db.fetchall(
        "SELECT id, text, recorded_at FROM gemeente_notes WHERE school_id = ? AND person_id = ?"
        " ORDER BY recorded_at DESC, id DESC", (school_id, person_id))
    return [{"id": r["id"], "text": r["text"], "recorded_at": from_db(r["recorded_at"])}
            for r in rows]


async def mark_all_seen(tx: Tx, klantmanager_id: int, before: datetime, now: datetime) -> int:
    """A digest's "Mark all as seen": this klantmanager's unseen reports from before ``before``
    about participants still theirs."""
    return await tx.changes(
        "UPDATE trajectory_records SET seen_at = ? WHERE seen_at IS NULL AND recorded_at < ?"
        " AND klantmanager_id = ? AND person_id IN"
        " (SELECT id FROM people WHERE klantmanager_id = ?)",
        (to_db(now), to_db(before), klantmanager_id, klantmanager_id))
