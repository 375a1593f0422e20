"""A school's participants as the rooster API knows them (issue 4): keyed by the school's own
external ids and scoped by ``school_id``, so a school's key reaches only its own people; created
and updated by a push with their first one-time link codes; and a gemeente's participants (its
own or those of its klantmanagers, convenant art. 13.2) for the gemeente's side of the API."""

from __future__ import annotations

import secrets
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta

from storage.database import Row, Tx, to_db
from storage.people import CODE_ALPHABET, CODE_LENGTH, code_hash
from storage.rows import CHUNK, Db, marks


@dataclass(frozen=True)
class ParticipantRow:
    id: int
    external_id: str
    name: str
    regime: str | None
    route: str | None
    klantmanager_id: int | None
    status: str
    linked: bool


PARTICIPANT_SELECT = (
    "SELECT p.id, p.external_id, p.name, p.regime, p.route, p.klantmanager_id, p.status,"
    " (SELECT 1 FROM telegram_links l WHERE l.person_id = p.id) AS linked"
    " FROM people p WHERE p.role = 'participant' AND p.school_id = ?")


def _participant(row: Row) -> ParticipantRow:
    return ParticipantRow(row["id"], row["external_id"], row["name"], row["regime"], row["route"],
                          row["klantmanager_id"], row["status"], bool(row["linked"]))


async def participants_by_external(db: Db, school_id: int,
                                   external_ids: Collection[str] | None = None
                                   ) -> dict[str, ParticipantRow]:
    """The school's participants with an external id (all, or those asked for)."""
    if external_ids is not None and len(external_ids) <= CHUNK:
        if not external_ids:
            return {}
        ids = list(external_ids)
        rows = await db.fetchall(PARTICIPANT_SELECT + f" AND p.external_id IN ({marks(len(ids))})",
                                 (school_id, *ids))
    else:
        rows = await db.fetchall(PARTICIPANT_SELECT + " AND p.external_id IS NOT NULL",
                                 (school_id,))
        if external_ids is not None:
            wanted = set(external_ids)
            rows = [row for row in rows if row["external_id"] in wanted]
    return {row["external_id"]: _participant(row) for row in rows}


async def insert_participants(tx: Tx, school_id: int, rows: list[tuple], now: datetime
                              ) -> dict[str, int]:
    """rows: (external_id, name, regime, route, klantmanager_id, gemeente_id, status)."""
    stamp = to_db(now)
    await tx.executemany(
        "INSERT INTO people(name, role, school_id, regime, route, klantmanager_id, gemeente_id,"
        " status, external_id, created_at) VALUES (?, 'participant', ?, ?, ?, ?, ?, ?, ?, ?)",
        [(name, school_id, regime, route, km, gem, status, ext, stamp)
         for ext, name, regime, route, km, gem, status in rows])
    created = await participants_by_external(tx, school_id, [row[0] for row in rows])
    return {ext: row.id for ext, row in created.items()}


async def update_participants(tx: Tx, rows: list[tuple]) -> None:
    """rows: (name, regime, route, klantmanager_id, gemeente_id, status, person_id)."""
    await tx.executemany(
        "UPDATE people SET name = ?, regime = ?, route = ?, klantmanager_id = ?,"
        " gemeente_id = COALESCE(?, gemeente_id), status = ? WHERE id = ?", rows)


async def issue_first_link_codes(tx: Tx, person_ids: Collection[int], now: datetime,
                                 valid_days: int) -> dict[int, str]:
    """One-time link codes for people just created (they have no earlier codes to expire);
    ``storage.people.issue_link_code`` does the same one person at a time."""
    codes = {person_id: "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
             for person_id in person_ids}
    stamp, expires = to_db(now), to_db(now + timedelta(days=valid_days))
    await tx.executemany(
        "INSERT INTO link_codes(person_id, code_hash, created_at, expires_at) VALUES (?,?,?,?)",
        [(person_id, code_hash(tx, code), stamp, expires) for person_id, code in codes.items()])
    return codes


@dataclass(frozen=True)
class Recipient:
    """An active participant as the notifier needs them."""

    person_id: int
    name: str
    klantmanager_id: int | None
    school_id: int


async def active_school_participants(db: Db, school_id: int) -> list[int]:
    rows = await db.fetchall("SELECT id FROM people WHERE role = 'participant' AND school_id = ?"
                             " AND status = 'active'", (school_id,))
    return [row["id"] for row in rows]


GEMEENTE_SCOPE = (
    "(p.gemeente_id = ? OR p.klantmanager_id IN"
    " (SELECT id FROM people WHERE role = 'klantmanager' AND gemeente_id = ?))")


@dataclass(frozen=True)
class CaseloadRow:
    id: int
    name: str
    school_id: int
    school_name: str
    klantmanager_id: int | None
    status: str


async def gemeente_participants(db: Db, gemeente_id: int, person_id: int | None = None
                                ) -> list[CaseloadRow]:
    """The participants of a gemeente: its own or those of its klantmanagers."""
    sql = ("SELECT p.id, p.name, p.school_id, s.name AS school_name, p.klantmanager_id, p.status"
           " FROM people p JOIN schools s ON s.id = p.school_id"
           f" WHERE p.role = 'participant' AND {GEMEENTE_SCOPE}")
    params: tuple = (gemeente_id, gemeente_id)
    if person_id is not None:
        sql += " AND p.id = ?"
        params += (person_id,)
    rows = await db.fetchall(sql + " ORDER BY p.id", params)
    return [CaseloadRow(row["id"], row["name"], row["school_id"], row["school_name"],
                        row["klantmanager_id"], row["status"]) for row in rows]
