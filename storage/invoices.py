"""Invoices for a participant's lessons (issue 15; BoW 2.4.1-2.4.3): each reads only the rows of
one school (its own invoices), of one participant (theirs) or of one gemeente (its participants'
asielstatushouder invoices)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from storage.database import Database, Tx, from_db, to_db
from storage.participants import GEMEENTE_SCOPE
from storage.rows import text_table


@dataclass(frozen=True)
class Invoice:
    id: int
    school_id: int
    external_id: str
    person_id: int
    payer: str
    hours: float
    amount_cents: int | None
    lessons_end: datetime
    state: str
    created_at: datetime
    answered_at: datetime | None
    klacht_id: int | None

    @classmethod
    def from_row(cls, row) -> Invoice:
        return cls(row["id"], row["school_id"], row["external_id"], row["person_id"],
                   row["payer"], row["hours"], row["amount_cents"], from_db(row["lessons_end"]),
                   row["state"], from_db(row["created_at"]), from_db(row["answered_at"]),
                   row["klacht_id"])


COLUMNS = ("id, school_id, external_id, person_id, payer, hours, amount_cents, lessons_end,"
           " state, created_at, answered_at, klacht_id")


@dataclass(frozen=True)
class CoveredLesson:
    lesson_id: int
    starts_at: datetime
    ends_at: datetime
    kind: str
    present: bool


async def school_invoice(db: Database | Tx, school_id: int, external_id: str) -> Invoice | None:
    row = await db.fetchone(f"SELECT {COLUMNS} FROM invoices WHERE school_id = ?"
                            " AND external_id = ?", (school_id, external_id))
    return Invoice.from_row(row) if row else None


async def participant_invoice(db: Database | Tx, invoice_id: int,
                              person_id: int) -> Invoice | None:
    row = await db.fetchone(f"SELECT {COLUMNS} FROM invoices WHERE id = ? AND person_id = ?",
                            (invoice_id, person_id))
    return Invoice.from_row(row) if row else None


async def get_invoice(db: Database | Tx, invoice_id: int) -> Invoice | None:
    row = await db.fetchone(f"SELECT {COLUMNS} FROM invoices WHERE id = ?", (invoice_id,))
    return Invoice.from_row(row) if row else None


async def insert_invoice(tx: Tx, *, school_id: int, external_id: str, person_id: int,
                         payer: str, hours: float, amount_cents: int | None,
                         lessons_end: datetime, lesson_ids: list[int], now: datetime) -> int:
    invoice_id = await tx.execute(
        "INSERT INTO invoices(school_id, external_id, person_id, payer, hours, amount_cents,"
        " lessons_end, created_at) VALUES (?,?,?,?,?,?,?,?)",
        (school_id, external_id, person_id, payer, hours, amount_cents, to_db(lessons_end),
         to_db(now)))
    await tx.executemany("INSERT INTO invoice_lessons(invoice_id, lesson_id) VALUES (?, ?)",
                         [(invoice_id, lesson_id) for lesson_id in lesson_ids])
    return invoice_id


async def covered_lessons(db: Database | Tx, invoice_id: int) -> list[CoveredLesson]:
    """The invoice's lessons with whether the participant was registered present."""
    rows = await db.fetchall(
        "SELECT l.id, l.starts_at, l.ends_at, l.kind,"
        " EXISTS (SELECT 1 FROM attendance a WHERE a.lesson_id = l.id"
        "         AND a.person_id = i.person_id AND a.status = 'present') AS present"
        " FROM invoice_lessons il JOIN invoices i ON i.id = il.invoice_id"
        " JOIN lessons l ON l.id = il.lesson_id WHERE il.invoice_id = ? ORDER BY l.starts_at",
        (invoice_id,))
    return [CoveredLesson(r["id"], from_db(r["starts_at"]), from_db(r["ends_at"]), r["kind"],
                          bool(r["present"])) for r in rows]


async def answer(tx: Tx, invoice_id: int, person_id: int, state: str, now: datetime,
                 klacht_id: int | None = None) -> bool:
    """Approve or dispute an open invoice of this participant; False when not open (any more)."""
    return bool(await tx.changes(
        "UPDATE invoices SET state = ?, answered_at = ?, klacht_id = ? WHERE id = ?"
        " AND person_id = ? AND state = 'open'",
        (state, to_db(now), klacht_id, invoice_id, person_id)))


async def gemeente_invoices(db: Database | Tx, gemeente_id: int) -> list[Invoice]:
    """Invoices addressed to the gemeente (asielstatushouders, BoW 2.4.2) for its participants."""
    rows = await db.fetchall(
        f"SELECT {', '.join('i.' + c.strip() for c in COLUMNS.split(','))} FROM invoices i"
        f" JOIN people p ON p.id = i.person_id WHERE i.payer = 'gemeente' AND {GEMEENTE_SCOPE}"
        " ORDER BY i.created_at, i.id", (gemeente_id, gemeente_id))
    return [Invoice.from_row(row) for row in rows]


@dataclass(frozen=True)
class LessonForInvoice:
    lesson_id: int
    starts_at: datetime
    ends_at: datetime
    cancelled: bool
    member: bool


async def lessons_for_invoice(db: Database | Tx, school_id: int, person_id: int,
                              external_ids: list[str]) -> dict[str, LessonForInvoice]:
    """The school's lessons by its own ids, with whether the participant is in its group."""
    rows = await db.fetchall(
        "SELECT l.external_id, l.id, l.starts_at, l.ends_at, l.cancelled,"
        " EXISTS (SELECT 1 FROM group_members m WHERE m.group_id = l.group_id"
        "         AND m.person_id = ?) AS member"
        f" FROM lessons l JOIN {text_table(db)} j ON j.value = l.external_id"
        " WHERE l.school_id = ?",
        (person_id, json.dumps(external_ids), school_id))
    return {r["external_id"]: LessonForInvoice(r["id"], from_db(r["starts_at"]),
                                               from_db(r["ends_at"]), bool(r["cancelled"]),
                                               bool(r["member"])) for r in rows}


async def lesson_days(db: Database | Tx, invoice_id: int) -> list[tuple[datetime, datetime]]:
    rows = await db.fetchall(
        "SELECT l.starts_at, l.ends_at FROM invoice_lessons il JOIN lessons l"
        " ON l.id = il.lesson_id WHERE il.invoice_id = ? ORDER BY l.starts_at", (invoice_id,))
    return [(from_db(r["starts_at"]), from_db(r["ends_at"])) for r in rows]
