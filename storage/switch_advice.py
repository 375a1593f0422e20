"""The advice to switch schools that a suspended or withdrawn keurmerk hands the klantmanager
(convenant art. 4.4, 15): one row per participant of the school in their caseload, and who sent
it and when."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from storage.database import Database, Tx, from_db, to_db
from storage.rows import marks


@dataclass(frozen=True)
class Advice:
    id: int
    change_id: int
    school_id: int
    participant_id: int
    participant_name: str
    klantmanager_id: int
    school_name: str
    status: str  # the keurmerk's standing that called for the advice
    sent_by: int | None
    sent_by_name: str | None
    sent_at: datetime | None
    participant_external_id: str | None = None  # the school's id: tells namesakes apart


SELECT = ("SELECT a.id, a.change_id, a.school_id, a.participant_id, p.name AS participant_name,"
          " a.klantmanager_id, sc.name AS school_name, c.new_status AS status, a.sent_by,"
          " s.name AS sent_by_name, a.sent_at, p.external_id AS participant_external_id"
          " FROM switch_advice a JOIN people p ON p.id = a.participant_id"
          " JOIN schools sc ON sc.id = a.school_id"
          " JOIN school_status_changes c ON c.id = a.change_id"
          " LEFT JOIN people s ON s.id = a.sent_by")


def _advice(row) -> Advice:
    return Advice(row["id"], row["change_id"], row["school_id"], row["participant_id"],
                  row["participant_name"], row["klantmanager_id"], row["school_name"],
                  row["status"], row["sent_by"],
                  row["sent_by_name"], from_db(row["sent_at"]) if row["sent_at"] else None,
                  row["participant_external_id"])


async def add(tx: Tx, *, change_id: int, school_id: int, participant_id: int,
              klantmanager_id: int, now: datetime) -> int:
    return await tx.execute(
        "INSERT INTO switch_advice(change_id, school_id, participant_id, klantmanager_id,"
        " created_at) VALUES (?,?,?,?,?)",
        (change_id, school_id, participant_id, klantmanager_id, to_db(now)))


async def of_change(db: Database | Tx, change_id: int, klantmanager_id: int) -> list[Advice]:
    """The klantmanager's advice rows of one standing change, by participant name."""
    rows = await db.fetchall(SELECT + " WHERE a.change_id = ? AND a.klantmanager_id = ?"
                             " ORDER BY p.name, a.id", (change_id, klantmanager_id))
    return [_advice(row) for row in rows]


async def get(db: Database | Tx, advice_ids: Collection[int]) -> list[Advice]:
    ids = list(advice_ids)
    if not ids:
        return []
    rows = await db.fetchall(SELECT + f" WHERE a.id IN ({marks(len(ids))}) ORDER BY a.id", ids)
    return [_advice(row) for row in rows]


async def mark_sent(tx: Tx, advice_id: int, sent_by: int, now: datetime) -> bool:
    """Record who sent the advice; False when it was sent already."""
    if await tx.fetchval("SELECT sent_at FROM switch_advice WHERE id = ?", (advice_id,)):
        return False
    await tx.execute("UPDATE switch_advice SET sent_by = ?, sent_at = ? WHERE id = ?",
                     (sent_by, to_db(now), advice_id))
    return True
