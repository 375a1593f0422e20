"""Contract ends (convenant art. 10.7): a participant who left or dropped out, waiting for or
given the school's final urenverklaring. The rule is ``bot.rules.contract_end``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from storage.database import Database, Tx, to_db


@dataclass(frozen=True)
class ContractEnd:
    id: int
    person_id: int
    school_id: int
    status: str
    last_day: date


async def participant_status(db: Database | Tx, person_id: int) -> str | None:
    return await db.fetchval("SELECT status FROM people WHERE id = ?", (person_id,))


async def add(tx: Tx, *, person_id: int, school_id: int, status: str, last_day: date,
              now: datetime) -> int:
    return await tx.execute(
        "INSERT INTO contract_ends(person_id, school_id, status, last_day, recorded_at)"
        " VALUES (?,?,?,?,?)", (person_id, school_id, status, last_day.isoformat(), to_db(now)))


async def pending(db: Database | Tx) -> list[ContractEnd]:
    rows = await db.fetchall("SELECT id, person_id, school_id, status, last_day FROM"
                             " contract_ends WHERE done_at IS NULL ORDER BY id")
    return [ContractEnd(row["id"], row["person_id"], row["school_id"], row["status"],
                        date.fromisoformat(row["last_day"])) for row in rows]


async def is_pending(tx: Tx, end_id: int) -> bool:
    return await tx.fetchval("SELECT done_at IS NULL FROM contract_ends WHERE id = ?",
                             (end_id,)) == 1


async def mark_done(tx: Tx, end_id: int, now: datetime, *, note: str | None = None,
                    statement_id: int | None = None) -> None:
    await tx.execute("UPDATE contract_ends SET done_at = ?, note = ?, statement_id = ?"
                     " WHERE id = ?", (to_db(now), note, statement_id, end_id))
