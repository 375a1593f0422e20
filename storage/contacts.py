"""How a participant reaches a person to ask (issue 14): the contact of a school or a gemeente,
and a klantmanager's own phone and e-mail, which a participant sees only as far as their
gemeente allows (``klantmanager_shown``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from storage.database import Tx, to_db
from storage.rows import Db

SHOWN = ("none", "name", "name_and_contact")


@dataclass(frozen=True)
class Contact:
    phone: str | None = None
    email: str | None = None
    hours: str | None = None
    address: str | None = None
    klantmanager_shown: str = "name"


async def get_contact(db: Db, owner_kind: str, owner_id: int) -> Contact | None:
    row = await db.fetchone(
        "SELECT phone, email, hours, address, klantmanager_shown FROM contacts"
        " WHERE owner_kind = ? AND owner_id = ?", (owner_kind, owner_id))
    return Contact(row["phone"], row["email"], row["hours"], row["address"],
                   row["klantmanager_shown"]) if row else None


async def set_contact(tx: Tx, owner_kind: str, owner_id: int, contact: Contact,
                      now: datetime) -> None:
    await tx.execute(
        "INSERT INTO contacts(owner_kind, owner_id, phone, email, hours, address,"
        " klantmanager_shown, updated_at) VALUES (?,?,?,?,?,?,?,?)"
        " ON CONFLICT(owner_kind, owner_id) DO UPDATE SET phone = excluded.phone,"
        " email = excluded.email, hours = excluded.hours, address = excluded.address,"
        " klantmanager_shown = excluded.klantmanager_shown, updated_at = excluded.updated_at",
        (owner_kind, owner_id, contact.phone, contact.email, contact.hours, contact.address,
         contact.klantmanager_shown, to_db(now)))


async def get_klantmanager_contact(db: Db, person_id: int) -> tuple[str | None, str | None]:
    row = await db.fetchone("SELECT phone, email FROM klantmanager_contacts WHERE person_id = ?",
                            (person_id,))
    return (row["phone"], row["email"]) if row else (None, None)


async def set_klantmanager_contact(tx: Tx, person_id: int, phone: str | None,
                                   email: str | None, now: datetime) -> None:
    await tx.execute(
        "INSERT INTO klantmanager_contacts(person_id, phone, email, updated_at) VALUES (?,?,?,?)"
        " ON CONFLICT(person_id) DO UPDATE SET phone = excluded.phone, email = excluded.email,"
        " updated_at = excluded.updated_at", (person_id, phone, email, to_db(now)))


async def klantmanager_of_gemeente(db: Db, person_id: int, gemeente_id: int) -> bool:
    return bool(await db.fetchval(
        "SELECT 1 FROM people WHERE id = ? AND role = 'klantmanager' AND gemeente_id = ?",
        (person_id, gemeente_id)))
