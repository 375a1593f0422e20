"""People, roles, Telegram links, link codes and language choice (issue 2).

Each query is scoped to what the caller may see: participants of one klantmanager, of one school.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from storage.database import Database, Tx, from_db, to_db
from storage.rows import id_table

# No 0/O, 1/I/L: codes are read aloud and typed from paper.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 10


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    role: str
    gemeente_id: int | None
    school_id: int | None
    klantmanager_id: int | None
    regime: str | None
    route: str | None
    staff_role: str | None
    external_id: str | None
    status: str

    @classmethod
    def from_row(cls, row) -> Person:
        return cls(**{key: row[key] for key in cls.__dataclass_fields__})


PERSON_COLUMNS = ", ".join(f"p.{name}" for name in Person.__dataclass_fields__)


def code_hash(db: Database | Tx, code: str) -> str:
    """The keyed hash a new link code is stored under (plain SHA-256 without a keyring)."""
    keyring = db.keyring
    return keyring.link_code_hash(code) if keyring is not None else hash_secret(code)


def code_hashes(db: Database | Tx, code: str) -> list[str]:
    """Every hash a valid code may be stored under (current and previous secret keys)."""
    keyring = db.keyring
    return keyring.link_code_candidates(code) if keyring is not None else [hash_secret(code)]


def hash_secret(secret: str) -> str:
    """SHA-256 of a link code or API key; only hashes are stored."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(raw: str) -> str:
    return raw.strip().upper().replace("-", "").replace(" ", "")


async def get_person(db: Database | Tx, person_id: int) -> Person | None:
    row = await db.fetchone(f"SELECT {PERSON_COLUMNS} FROM people p WHERE p.id = ?", (person_id,))
    return Person.from_row(row) if row else None


async def person_for_chat(db: Database | Tx, chat_id: int) -> Person | None:
    row = await db.fetchone(
        f"SELECT {PERSON_COLUMNS} FROM people p JOIN telegram_links l ON l.person_id = p.id "
        "WHERE l.chat_id = ?",
        (chat_id,),
    )
    return Person.from_row(row) if row else None


async def chat_for_person(db: Database | Tx, person_id: int) -> int | None:
    return await db.fetchval("SELECT chat_id FROM telegram_links WHERE person_id = ?", (person_id,))


async def chat_language(db: Database | Tx, chat_id: int) -> str | None:
    return await db.fetchval("SELECT language FROM chat_languages WHERE chat_id = ?", (chat_id,))


async def person_language(db: Database | Tx, person_id: int) -> str | None:
    return await db.fetchval(
        "SELECT c.language FROM telegram_links l JOIN chat_languages c ON c.chat_id = l.chat_id "
        "WHERE l.person_id = ?",
        (person_id,),
    )


async def set_chat_language(db: Database, chat_id: int, language: str, now: datetime) -> None:
    await db.execute(
        "INSERT INTO chat_languages(chat_id, language, chosen_at) VALUES (?, ?, ?) "
        "ON CONFLICT(chat_id) DO UPDATE SET language = excluded.language,"
        " chosen_at = excluded.chosen_at",
        (chat_id, language, to_db(now)),
    )


async def add_person(tx: Tx, *, name: str, role: str, now: datetime, gemeente_id: int | None = None,
                     school_id: int | None = None, klantmanager_id: int | None = None,
                     regime: str | None = None, route: str | None = None,
                     staff_role: str | None = None, external_id: str | None = None) -> int:
    return await tx.execute(
        "INSERT INTO people(name, role, gemeente_id, school_id, klantmanager_id, regime, route,"
        " staff_role, external_id, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
        (name, role, gemeente_id, school_id, klantmanager_id, regime, route, staff_role,
         external_id, to_db(now)),
    )


async def issue_link_code(tx: Tx, person_id: int, now: datetime, valid_days: int) -> str:
    """A new one-time code for a person; earlier unused codes of theirs stop working."""
    await tx.execute(
        "UPDATE link_codes SET expires_at = ?"
        " WHERE person_id = ? AND used_at IS NULL AND expires_at > ?",
        (to_db(now), person_id, to_db(now)),
    )
    code = new_code()
    await tx.execute(
        "INSERT INTO link_codes(person_id, code_hash, created_at, expires_at) VALUES (?,?,?,?)",
        (person_id, code_hash(tx, code), to_db(now), to_db(now + timedelta(days=valid_days))),
    )
    return code


@dataclass(frozen=True)
class LinkResult:
    outcome: str  # linked | expired | used | unknown | throttled | taken | already_linked
    person: Person | None = None
    all_chats: bool = False  # throttled because of wrong codes from all chats together


MAX_FAILURES = 5  # wrong codes per chat (a private chat is one person) per hour
# Wrong codes from all chats together per hour: someone guessing from many accounts is stopped
# too; while it lasts, new people wait (at most an hour) and the log says so.
MAX_FAILURES_ALL_CHATS = 50
FAILURE_WINDOW = timedelta(hours=1)


async def link_chat(db: Database, chat_id: int, raw_code: str, now: datetime) -> LinkResult:
    """Redeem a one-time code for this chat, in one transaction (issue 2, onboarding)."""
    code = normalise_code(raw_code)
    async with db.transaction() as tx:
        failures = await tx.fetchval(
            "SELECT count(*) FROM link_failures WHERE chat_id = ? AND at > ?",
            (chat_id, to_db(now - FAILURE_WINDOW)),
        )
        everyone = await tx.fetchval("SELECT count(*) FROM link_failures WHERE at > ?",
                                     (to_db(now - FAILURE_WINDOW),))
        if failures >= MAX_FAILURES or everyone >= MAX_FAILURES_ALL_CHATS:
            return LinkResult("throttled", all_chats=failures < MAX_FAILURES)
        current = await tx.fetchone(
            f"SELECT {PERSON_COLUMNS} FROM people p JOIN telegram_links l ON l.person_id = p.id "
            "WHERE l.chat_id = ?", (chat_id,))
        if current is not None:
            return LinkResult("already_linked", Person.from_row(current))
        candidates = code_hashes(tx, code)
        row = await tx.fetchone(
            "SELECT id, person_id, expires_at, used_at FROM link_codes WHERE code_hash IN"
            f" ({', '.join('?' * len(candidates))}) ORDER BY id DESC LIMIT 1", candidates)
        outcome = None
        if row is None:
            outcome = "unknown"
        elif row["used_at"] is not None:
            outcome = "used"
        elif from_db(row["expires_at"]) <= now:
            outcome = "expired"
        if outcome is not None:
            await tx.execute("INSERT INTO link_failures(chat_id, at) VALUES (?, ?)",
                             (chat_id, to_db(now)))
            return LinkResult(outcome)
        person = Person.from_row(await tx.fetchone(
            f"SELECT {PERSON_COLUMNS} FROM people p WHERE p.id = ?", (row["person_id"],)))
        if await tx.fetchval("SELECT 1 FROM telegram_links WHERE person_id = ?", (person.id,)):
            return LinkResult("taken")
        await tx.execute("UPDATE link_codes SET used_at = ?, used_by = ? WHERE id = ?",
                         (to_db(now), chat_id, row["id"]))
        await tx.execute("INSERT INTO telegram_links(person_id, chat_id, linked_at) VALUES (?,?,?)",
                         (person.id, chat_id, to_db(now)))
        await tx.execute("DELETE FROM link_failures WHERE chat_id = ?", (chat_id,))
        return LinkResult("linked", person)


async def caseload(db: Database | Tx, klantmanager_id: int) -> list[Person]:
    """The participants of one klantmanager: the only ones they may see."""
    rows = await db.fetchall(
        f"SELECT {PERSON_COLUMNS} FROM people p WHERE p.role = 'participant' "
        "AND p.klantmanager_id = ? ORDER BY p.name", (klantmanager_id,))
    return [Person.from_row(row) for row in rows]


async def school_staff(db: Database | Tx, school_id: int,
                       staff_role: str | None = None) -> list[Person]:
    sql = f"SELECT {PERSON_COLUMNS} FROM people p WHERE p.role = 'staff' AND p.school_id = ?"
    params: tuple = (school_id,)
    if staff_role:
        sql += " AND p.staff_role = ?"
        params += (staff_role,)
    return [Person.from_row(row) for row in await db.fetchall(sql + " ORDER BY p.id", params)]


async def find_school_participants(db: Database | Tx, school_id: int, query: str,
                                   limit: int = 8) -> list[Person]:
    """The school's participants whose school id is ``query``, or whose name contains it."""
    folded = " ".join(query.casefold().split())
    rows = await db.fetchall(
        f"SELECT {PERSON_COLUMNS} FROM people p WHERE p.role = 'participant' AND p.school_id = ?"
        " ORDER BY p.name", (school_id,))
    people = [Person.from_row(row) for row in rows]
    exact = [p for p in people if p.external_id and p.external_id.casefold() == folded]
    return (exact or [p for p in people if folded and folded in p.name.casefold()])[:limit]


async def school_participants(db: Database | Tx, school_id: int, limit: int = 200
                              ) -> list[Person]:
    """The school's own participants, by name: what its coordinator may pick from."""
    rows = await db.fetchall(
        f"SELECT {PERSON_COLUMNS} FROM people p WHERE p.role = 'participant' AND p.school_id = ?"
        " ORDER BY p.name, p.id LIMIT ?", (school_id, limit))
    return [Person.from_row(row) for row in rows]


async def school_participant(db: Database | Tx, school_id: int, person_id: int) -> Person | None:
    """One participant, only when they are this school's: another school's is None."""
    row = await db.fetchone(
        f"SELECT {PERSON_COLUMNS} FROM people p WHERE p.id = ? AND p.role = 'participant'"
        " AND p.school_id = ?", (person_id, school_id))
    return Person.from_row(row) if row else None


async def caseload_participant(db: Database | Tx, klantmanager_id: int,
                               person_id: int) -> Person | None:
    """One participant, only when they are in this klantmanager's caseload."""
    row = await db.fetchone(
        f"SELECT {PERSON_COLUMNS} FROM people p WHERE p.id = ? AND p.role = 'participant'"
        " AND p.klantmanager_id = ?", (person_id, klantmanager_id))
    return Person.from_row(row) if row else None


# --- listings (admin CLI) --------------------------------------------------------------------


async def list_people(db: Database | Tx) -> list[dict]:
    """Everyone, with their organisation ids and whether a chat is linked."""
    rows = await db.fetchall(
        "SELECT p.id, p.name, p.role, p.school_id, p.klantmanager_id, p.regime, p.route,"
        " l.chat_id IS NOT NULL AS linked FROM people p"
        " LEFT JOIN telegram_links l ON l.person_id = p.id ORDER BY p.id")
    return [dict(row) for row in rows]


# --- attendance ---


async def names_with_school(db: Database | Tx, person_ids: set[int]) -> dict[int, dict]:
    """person -> {"id", "name", "external_id", "school"}: what a message to their klantmanager
    names."""
    rows = await db.fetchall(
        "SELECT p.id, p.name, p.external_id, s.name AS school FROM people p"
        " JOIN schools s ON s.id = p.school_id"
        f" JOIN {id_table(db)} j ON j.value = p.id", (json.dumps(sorted(person_ids)),))
    return {row["id"]: dict(row) for row in rows}
