"""Urenverklaring storage (issue 6; C art. 10.7, BoW norm 2.5, 2.9.4): attended lessons as the
statement reads them, requests and their confirmation by the school, issued statements with
their signature, and each school's Ed25519 signing key (kept by the bot, never shown).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from storage.database import Database, Tx, from_db, to_db


@dataclass(frozen=True, slots=True)
class AttendedRow:
    """One registration with its lesson, for the statement and its annex."""

    starts_at: datetime
    ends_at: datetime
    kind: str
    mode: str
    teacher: str | None
    group_name: str
    status: str
    supervised: bool
    practice: bool


async def registrations(db: Database | Tx, person_id: int, school_id: int,
                        after: datetime | None = None,
                        before: datetime | None = None) -> list[AttendedRow]:
    """The participant's registrations at the school's non-cancelled lessons, by start; ``after``
    and ``before`` narrow the range (the caller still applies the period by local date)."""
    sql = ("SELECT l.starts_at, l.ends_at, l.kind, l.mode, l.teacher, g.name AS group_name,"
           " a.status, a.supervised, a.practice FROM attendance a"
           " JOIN lessons l ON l.id = a.lesson_id JOIN groups g ON g.id = l.group_id"
           " WHERE a.person_id = ? AND a.school_id = ? AND l.cancelled = 0")
    params: list = [person_id, school_id]
    if after is not None:
        sql += " AND a.lesson_starts_at >= ?"
        params.append(to_db(after))
    if before is not None:
        sql += " AND a.lesson_starts_at < ?"
        params.append(to_db(before))
    rows = await db.fetchall(sql + " ORDER BY a.lesson_starts_at", params)
    # fromisoformat reads to_db's text a hundred times faster than from_db (a statement may
    # list a thousand lessons).
    parse = datetime.fromisoformat
    return [AttendedRow(parse(r[0]), parse(r[1]), r[2], r[3], r[4], r[5], r[6], bool(r[7]),
                        bool(r[8])) for r in rows]


async def first_registration(db: Database | Tx, person_id: int) -> datetime | None:
    return from_db(await db.fetchval(
        "SELECT MIN(lesson_starts_at) FROM attendance WHERE person_id = ?", (person_id,)))


# ---- signing keys -----------------------------------------------------------------------------

async def sealed_signing_key(tx: Tx, school_id: int) -> str | None:
    """The school's private key as sealed by the secret key (bot.secret_key), if it has one."""
    return await tx.fetchval("SELECT sealed_key FROM school_signing_keys WHERE school_id = ?"
                             " AND sealed_key IS NOT NULL", (school_id,))


async def store_signing_key(tx: Tx, school_id: int, sealed: str, public: bytes,
                            now: datetime) -> None:
    await tx.execute("INSERT INTO school_signing_keys(school_id, private_key, sealed_key,"
                     " public_key, created_at) VALUES (?, X'', ?, ?, ?)",
                     (school_id, sealed, public, to_db(now)))


async def signing_keys_to_seal(tx: Tx) -> list[tuple[int, bytes, str | None]]:
    """Every school's key as (school_id, plain private key or b'', sealed key or None)."""
    rows = await tx.fetchall("SELECT school_id, private_key, sealed_key FROM school_signing_keys")
    return [(row[0], bytes(row[1]), row[2]) for row in rows]


async def seal_signing_key(tx: Tx, school_id: int, sealed: str) -> None:
    """Keep only the sealed form: the plain private key is erased."""
    await tx.execute("UPDATE school_signing_keys SET sealed_key = ?, private_key = X''"
                     " WHERE school_id = ?", (sealed, school_id))


async def public_key(db: Database | Tx, school_id: int) -> bytes | None:
    value = await db.fetchval("SELECT public_key FROM school_signing_keys WHERE school_id = ?",
                              (school_id,))
    return bytes(value) if value is not None else None


# ---- requests ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class UrenRequest:
    id: int
    participant_id: int
    school_id: int
    requested_by: int
    period_start: str | None
    period_end: str | None
    state: str
    statement_id: int | None
    note: str | None = None


REQUEST_COLUMNS = ("id, participant_id, school_id, requested_by, period_start, period_end, state,"
                   " statement_id, note")


async def add_request(tx: Tx, *, participant_id: int, school_id: int, requested_by: int,
                      period_start: str | None, period_end: str | None, now: datetime) -> int:
    return await tx.execute(
        "INSERT INTO uren_requests(participant_id, school_id, requested_by, period_start,"
        " period_end, requested_at) VALUES (?,?,?,?,?,?)",
        (participant_id, school_id, requested_by, period_start, period_end, to_db(now)))


async def get_request(db: Database | Tx, request_id: int) -> UrenRequest | None:
    row = await db.fetchone(f"SELECT {REQUEST_COLUMNS} FROM uren_requests WHERE id = ?",
                            (request_id,))
    return UrenRequest(*row) if row else None


async def decide_request(tx: Tx, request_id: int, *, state: str, by: int | None,
                         statement_id: int | None, now: datetime) -> bool:
    """Decide a pending request once; False when someone decided it already."""
    return bool(await tx.changes(
        "UPDATE uren_requests SET state = ?, decided_at = ?, decided_by = ?, statement_id = ?"
        " WHERE id = ? AND state = 'pending'",
        (state, to_db(now), by, statement_id, request_id)))


async def set_note(tx: Tx, request_id: int, note: str) -> bool:
    """The school's note on a pending request (it replaces an earlier one); False when the
    request is no longer pending."""
    return bool(await tx.changes(
        "UPDATE uren_requests SET note = ? WHERE id = ? AND state = 'pending'", (note, request_id)))


async def record_decider(tx: Tx, request_id: int, staff_id: int) -> None:
    """Who confirmed a request that was issued on their confirmation."""
    await tx.execute("UPDATE uren_requests SET decided_by = ? WHERE id = ?",
                     (staff_id, request_id))


@dataclass(frozen=True)
class PendingRequest:
    """A request not issued yet, as the reminder sweep reads it."""

    id: int
    participant_id: int
    school_id: int
    requested_at: datetime
    school_reminded: bool
    klantmanager_told: bool


async def pending_requests(db: Database | Tx, before: datetime) -> list[PendingRequest]:
    """Pending requests made before ``before`` with a reminder step still open."""
    rows = await db.fetchall(
        "SELECT id, participant_id, school_id, requested_at, school_reminded_at,"
        " klantmanager_told_at FROM uren_requests WHERE state = 'pending' AND requested_at < ?"
        " AND (school_reminded_at IS NULL OR klantmanager_told_at IS NULL) ORDER BY id",
        (to_db(before),))
    return [PendingRequest(row["id"], row["participant_id"], row["school_id"],
                           from_db(row["requested_at"]), row["school_reminded_at"] is not None,
                           row["klantmanager_told_at"] is not None) for row in rows]


@dataclass(frozen=True)
class WaitingRequest:
    """A request not issued yet, as the staff's daily digest lists it."""

    id: int
    participant_id: int
    school_id: int
    requested_at: datetime
    name: str
    external_id: str | None


async def waiting_requests(db: Database | Tx, before: datetime) -> list[WaitingRequest]:
    """Every pending request made before ``before``, oldest first, with its participant's name
    and school id (what tells two of the same name apart)."""
    rows = await db.fetchall(
        "SELECT r.id, r.participant_id, r.school_id, r.requested_at, p.name, p.external_id"
        " FROM uren_requests r JOIN people p ON p.id = r.participant_id"
        " WHERE r.state = 'pending' AND r.requested_at < ? ORDER BY r.requested_at, r.id",
        (to_db(before),))
    return [WaitingRequest(row["id"], row["participant_id"], row["school_id"],
                           from_db(row["requested_at"]), row["name"], row["external_id"])
            for row in rows]


async def mark_reminder(tx: Tx, request_id: int, step: str, now: datetime) -> bool:
    """Record a reminder step once; False when it was already recorded or the request was
    issued meanwhile."""
    column = {"remind_school": "school_reminded_at",
              "tell_klantmanager": "klantmanager_told_at"}[step]
    return bool(await tx.changes(
        f"UPDATE uren_requests SET {column} = ? WHERE id = ? AND state = 'pending'"
        f" AND {column} IS NULL", (to_db(now), request_id)))


# ---- statements -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Statement:
    id: int
    code: str
    participant_id: int
    school_id: int
    issued_at: datetime
    payload: str
    signature: bytes


async def add_statement(tx: Tx, *, code: str, participant_id: int, school_id: int, now: datetime,
                        payload: str, signature: bytes) -> int:
    return await tx.execute(
        "INSERT INTO uren_statements(code, participant_id, school_id, issued_at, payload,"
        " signature) VALUES (?,?,?,?,?,?)",
        (code, participant_id, school_id, to_db(now), payload, signature))


def _statement(row) -> Statement:
    return Statement(row[0], row[1], row[2], row[3], from_db(row[4]), row[5], bytes(row[6]))


STATEMENT_COLUMNS = "id, code, participant_id, school_id, issued_at, payload, signature"


async def statement_by_code(db: Database | Tx, code: str) -> Statement | None:
    row = await db.fetchone(f"SELECT {STATEMENT_COLUMNS} FROM uren_statements WHERE code = ?",
                            (code,))
    return _statement(row) if row else None


async def statement_by_id(db: Database | Tx, statement_id: int) -> Statement | None:
    row = await db.fetchone(f"SELECT {STATEMENT_COLUMNS} FROM uren_statements WHERE id = ?",
                            (statement_id,))
    return _statement(row) if row else None


async def may_download(db: Database | Tx, statement_id: int, person_id: int) -> bool:
    """The participant themselves, their klantmanager now, or whoever requested it."""
    return bool(await db.fetchval(
        "SELECT 1 FROM uren_statements s JOIN people p ON p.id = s.participant_id"
        " WHERE s.id = :id AND (p.id = :me OR p.klantmanager_id = :me OR EXISTS ("
        " SELECT 1 FROM uren_requests r WHERE r.statement_id = s.id AND r.requested_by = :me))",
        {"id": statement_id, "me": person_id}))
