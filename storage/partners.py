"""Which schools a gemeente works with (issue 12). The gemeente's side sets the relation; a
school may attach its participants only to klantmanagers of gemeenten that work with it, and the
query that resolves a klantmanager for a school answers nothing for an unknown id and a foreign
one alike (no walking the ids to find other gemeenten's klantmanagers)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from storage.database import Database, Tx, from_db, to_db
from storage.rows import Db, chunks, marks


@dataclass(frozen=True)
class Partner:
    school_id: int
    school: str
    since: datetime


async def add(db: Database, gemeente_id: int, school_id: int, now: datetime) -> bool:
    """The gemeente works with the school from now on; False if it already did."""
    async with db.transaction() as tx:
        return await add_in(tx, gemeente_id, school_id, now)


async def add_in(tx: Tx, gemeente_id: int, school_id: int, now: datetime) -> bool:
    return bool(await tx.changes(
        "INSERT OR IGNORE INTO gemeente_schools(gemeente_id, school_id, since) VALUES (?,?,?)",
        (gemeente_id, school_id, to_db(now))))


async def remove(db: Database, gemeente_id: int, school_id: int) -> bool:
    """The gemeente no longer works with the school (participants already attached stay); False
    if it did not."""
    async with db.transaction() as tx:
        return bool(await tx.changes(
            "DELETE FROM gemeente_schools WHERE gemeente_id = ? AND school_id = ?",
            (gemeente_id, school_id)))


async def schools_of(db: Db, gemeente_id: int) -> list[Partner]:
    rows = await db.fetchall(
        "SELECT g.school_id, s.name, g.since FROM gemeente_schools g"
        " JOIN schools s ON s.id = g.school_id WHERE g.gemeente_id = ? ORDER BY g.school_id",
        (gemeente_id,))
    return [Partner(row["school_id"], row["name"], from_db(row["since"])) for row in rows]


async def klantmanagers_for_school(db: Db, school_id: int, ids: Collection[int]
                                   ) -> dict[int, int]:
    """Of these ids, the klantmanagers of gemeenten that work with the school, with their
    gemeente; any other id (unknown, not a klantmanager, another gemeente's) is left out."""
    found: dict[int, int] = {}
    for chunk in chunks(list(ids)):
        rows = await db.fetchall(
            "SELECT p.id, p.gemeente_id FROM people p JOIN gemeente_schools g"
            " ON g.gemeente_id = p.gemeente_id AND g.school_id = ?"
            f" WHERE p.role = 'klantmanager' AND p.id IN ({marks(len(chunk))})",
            (school_id, *chunk))
        found.update({row["id"]: row["gemeente_id"] for row in rows})
    return found
