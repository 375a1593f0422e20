"""Klachten: the register of Blik op Werk norm 1.5.6, drafts, handling steps, questions and the
notices sent once (issue 5).

Every query is scoped: a participant reads only their own klachten, staff only their school's
(``klacht_for_staff``), a gemeente only its own participants' figures (``report_rows``).
State changes are conditional updates (``... WHERE state = 'received'``), so a replayed button
press changes nothing and the caller can tell the presser so.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from datetime import datetime

from storage import people
from storage.database import Database, Tx, from_db, to_db
from storage.people import CODE_ALPHABET, Person

OPEN_STATES = ("received", "in_treatment")
REFERENCE_LENGTH = 6


@dataclass(frozen=True)
class Klacht:
    id: int
    reference: str
    participant_id: int
    school_id: int
    route: str
    topic: str
    description: str
    language: str | None
    anonymous: bool
    state: str
    received_at: datetime
    acknowledged_at: datetime | None
    ack_by: datetime | None
    decide_by: datetime | None
    handle_by: datetime | None
    handler_id: int | None
    decided_at: datetime | None
    refusal_reason: str | None
    outcome: str | None
    outcome_text: str | None
    handled_at: datetime | None
    satisfaction: str | None
    satisfaction_at: datetime | None
    klantmanager_consent: bool | None
    refusal_phrase: str | None = None
    outcome_phrase: str | None = None

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    @classmethod
    def from_row(cls, row) -> Klacht:
        values = {}
        for name, spec in cls.__dataclass_fields__.items():
            value = row[name]
            kind = str(spec.type)
            if "datetime" in kind:
                value = from_db(value)
            elif kind.startswith("bool") and value is not None:
                value = bool(value)
            values[name] = value
        return cls(**values)


COLUMNS = ", ".join(f"k.{name}" for name in Klacht.__dataclass_fields__)


@dataclass(frozen=True)
class Attachment:
    kind: str
    file_id: str


@dataclass(frozen=True)
class Question:
    id: int
    klacht_id: int
    asked_by: int
    question: str
    asked_at: datetime
    answer: str | None
    answered_at: datetime | None


@dataclass(frozen=True)
class AnswerFile:
    klacht_id: int
    kind: str | None
    file_id: str | None


def new_reference() -> str:
    """A reference to read aloud: "K-" and six characters without 0/O or 1/I/L."""
    return "K-" + "".join(secrets.choice(CODE_ALPHABET) for _ in range(REFERENCE_LENGTH))


# ---- drafts --------------------------------------------------------------------------------

async def load_draft(db: Database | Tx, chat_id: int) -> dict | None:
    raw = await db.fetchval("SELECT data FROM klacht_drafts WHERE chat_id = ?", (chat_id,))
    return json.loads(raw) if raw else None


async def save_draft(db: Database, chat_id: int, person_id: int, data: dict, now: datetime) -> None:
    await db.execute(
        "INSERT INTO klacht_drafts(chat_id, person_id, data, updated_at) VALUES (?,?,?,?) "
        "ON CONFLICT(chat_id) DO UPDATE SET person_id = excluded.person_id, data = excluded.data,"
        " updated_at = excluded.updated_at",
        (chat_id, person_id, json.dumps(data), to_db(now)))


async def delete_draft(db: Database | Tx, chat_id: int) -> None:
    await db.execute("DELETE FROM klacht_drafts WHERE chat_id = ?", (chat_id,))


async def prune_drafts(db: Database, before: datetime) -> int:
    """Forget drafts nobody touched since ``before`` (they hold personal text)."""
    async with db.transaction() as tx:
        return await tx.changes("DELETE FROM klacht_drafts WHERE updated_at < ?", (to_db(before),))


# ---- filing --------------------------------------------------------------------------------

async def count_filed_since(db: Database | Tx, participant_id: int, since: datetime) -> int:
    return await db.fetchval(
        "SELECT count(*) FROM klachten WHERE participant_id = ? AND received_at > ?",
        (participant_id, to_db(since)))


async def file_klacht(tx: Tx, *, participant: Person, route: str, topic: str, description: str,
                      language: str | None, anonymous: bool, attachments: list[dict],
                      involved: list[tuple[int, str]], now: datetime,
                      deadlines: dict[str, datetime] | None) -> Klacht:
    """Store a klacht with its attachments and involved staff: received means stored."""
    reference = new_reference()
    while await tx.fetchval("SELECT 1 FROM klachten WHERE reference = ?", (reference,)):
        reference = new_reference()
    dl = deadlines or {}
    klacht_id = await tx.execute(
        "INSERT INTO klachten(reference, participant_id, school_id, route, topic, description,"
        " language, anonymous, state, received_at, ack_by, decide_by, handle_by)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (reference, participant.id, participant.school_id, route, topic, description, language,
         int(anonymous), "received" if route == "school" else "signalled", to_db(now),
         *(to_db(dl[name]) if name in dl else None
           for name in ("ack_by", "decide_by", "handle_by"))))
    for item in attachments:
        await tx.execute(
            "INSERT INTO klacht_attachments(klacht_id, kind, file_id, file_unique_id, added_at)"
            " VALUES (?,?,?,?,?)",
            (klacht_id, item["kind"], item["file_id"], item.get("file_unique_id"), to_db(now)))
    for person_id, source in involved:
        await add_involved(tx, klacht_id, person_id, source)
    await record_event(tx, klacht_id, "received", participant.id, None, now)
    return await get_klacht(tx, klacht_id)


async def mark_acknowledged(tx: Tx, klacht_id: int, now: datetime) -> bool:
    """Record the ontvangstbevestiging (norm 1.5.6) once."""
    changed = await tx.changes(
        "UPDATE klachten SET acknowledged_at = ? WHERE id = ? AND acknowledged_at IS NULL",
        (to_db(now), klacht_id))
    if changed:
        await record_event(tx, klacht_id, "acknowledged", None, None, now)
    return bool(changed)


async def record_event(tx: Tx, klacht_id: int, kind: str, actor_id: int | None,
                       detail: str | None, now: datetime) -> None:
    await tx.execute(
        "INSERT INTO klacht_events(klacht_id, at, kind, actor_id, detail) VALUES (?,?,?,?,?)",
        (klacht_id, to_db(now), kind, actor_id, detail))


# ---- reading -------------------------------------------------------------------------------

async def get_klacht(db: Database | Tx, klacht_id: int) -> Klacht | None:
    row = await db.fetchone(f"SELECT {COLUMNS} FROM klachten k WHERE k.id = ?", (klacht_id,))
    return Klacht.from_row(row) if row else None


async def klacht_for_staff(db: Database | Tx, klacht_id: int, staff: Person) -> Klacht | None:
    """A klacht of the staff member's own school; None for anything else."""
    if staff.role != "staff" or staff.school_id is None:
        return None
    row = await db.fetchone(
        f"SELECT {COLUMNS} FROM klachten k"
        " WHERE k.id = ? AND k.school_id = ? AND k.route = 'school'",
        (klacht_id, staff.school_id))
    return Klacht.from_row(row) if row else None


async def klacht_for_klantmanager(db: Database | Tx, klacht_id: int,
                                  klantmanager: Person) -> Klacht | None:
    """A signal (route 'klantmanager') that was sent to this klantmanager: one of their own
    participants'. A formal klacht went to the school only, so it is None here."""
    if klantmanager.role != "klantmanager":
        return None
    row = await db.fetchone(
        f"SELECT {COLUMNS} FROM klachten k JOIN people p ON p.id = k.participant_id"
        " WHERE k.id = ? AND k.route = 'klantmanager' AND p.klantmanager_id = ?",
        (klacht_id, klantmanager.id))
    return Klacht.from_row(row) if row else None


async def klacht_for_participant(db: Database | Tx, klacht_id: int,
                                 participant_id: int) -> Klacht | None:
    row = await db.fetchone(
        f"SELECT {COLUMNS} FROM klachten k WHERE k.id = ? AND k.participant_id = ?",
        (klacht_id, participant_id))
    return Klacht.from_row(row) if row else None


async def open_klacht_ids(db: Database | Tx, school_id: int) -> list[int]:
    """The school's formal klachten still open (received or in treatment), oldest first."""
    rows = await db.fetchall(
        "SELECT id FROM klachten WHERE school_id = ? AND route = 'school'"
        " AND state IN ('received', 'in_treatment') ORDER BY received_at", (school_id,))
    return [row["id"] for row in rows]


async def waiting_klachten(db: Database | Tx, received_before: datetime) -> list[Klacht]:
    """Formal klachten received before a moment and still waiting for the school: not yet
    decided on, or in treatment, oldest first (the staff's daily digest)."""
    rows = await db.fetchall(
        f"SELECT {COLUMNS} FROM klachten k WHERE k.route = 'school'"
        " AND k.state IN ('received', 'in_treatment') AND k.received_at < ?"
        " ORDER BY k.received_at, k.id", (to_db(received_before),))
    return [Klacht.from_row(row) for row in rows]


async def klachten_of_participant(db: Database | Tx, participant_id: int) -> list[Klacht]:
    rows = await db.fetchall(
        f"SELECT {COLUMNS} FROM klachten k WHERE k.participant_id = ? ORDER BY k.received_at DESC",
        (participant_id,))
    return [Klacht.from_row(row) for row in rows]


async def attachments(db: Database | Tx, klacht_id: int) -> list[Attachment]:
    rows = await db.fetchall(
        "SELECT kind, file_id FROM klacht_attachments WHERE klacht_id = ? ORDER BY id",
        (klacht_id,))
    return [Attachment(row["kind"], row["file_id"]) for row in rows]


async def involved_ids(db: Database | Tx, klacht_id: int) -> set[int]:
    rows = await db.fetchall("SELECT person_id FROM klacht_involved WHERE klacht_id = ?",
                             (klacht_id,))
    return {row["person_id"] for row in rows}


async def add_involved(tx: Tx, klacht_id: int, person_id: int, source: str) -> None:
    await tx.execute(
        "INSERT INTO klacht_involved(klacht_id, person_id, source) VALUES (?,?,?)"
        " ON CONFLICT DO NOTHING", (klacht_id, person_id, source))


async def school_staff(db: Database | Tx, school_id: int) -> list[Person]:
    """Every staff member of the school, in the order they were added."""
    return await people.school_staff(db, school_id)


async def eligible_handlers(db: Database | Tx, klacht: Klacht) -> list[Person]:
    """Who may handle this klacht: the school's klachtbehandelaars not involved in it, or,
    when there is none, its coordinators not involved (norm 1.5.2: an independent person)."""
    involved = await involved_ids(db, klacht.id)
    staff = [p for p in await school_staff(db, klacht.school_id) if p.id not in involved]
    handlers = [p for p in staff if p.staff_role == "klachtbehandelaar"]
    return handlers or [p for p in staff if p.staff_role == "coordinator"]


async def coordinators(db: Database | Tx, klacht: Klacht) -> list[Person]:
    """The school's coordinators not involved in the klacht (they receive escalations)."""
    involved = await involved_ids(db, klacht.id)
    return [p for p in await school_staff(db, klacht.school_id)
            if p.staff_role == "coordinator" and p.id not in involved]


# ---- handling ------------------------------------------------------------------------------

async def take_into_treatment(tx: Tx, klacht_id: int, handler_id: int, now: datetime) -> bool:
    changed = await tx.changes(
        "UPDATE klachten SET state = 'in_treatment', handler_id = ?, decided_at = ?"
        " WHERE id = ? AND state = 'received'", (handler_id, to_db(now), klacht_id))
    if changed:
        await record_event(tx, klacht_id, "taken_into_treatment", handler_id, None, now)
    return bool(changed)


async def refuse_treatment(tx: Tx, klacht_id: int, handler_id: int, reason: str,
                           now: datetime, phrase: str | None = None) -> bool:
    """Not taken into treatment, with reasons (a standard phrase's code and/or own words): the
    refusal notice also closes it (1.5.2)."""
    changed = await tx.changes(
        "UPDATE klachten SET state = 'refused', handler_id = ?, decided_at = ?, handled_at = ?,"
        " refusal_reason = ?, refusal_phrase = ?, outcome = 'not_taken'"
        " WHERE id = ? AND state = 'received'",
        (handler_id, to_db(now), to_db(now), reason, phrase, klacht_id))
    if changed:
        await record_event(tx, klacht_id, "refused", handler_id, None, now)
    return bool(changed)


async def close_klacht(tx: Tx, klacht_id: int, handler_id: int, outcome: str, text: str,
                       now: datetime, phrase: str | None = None) -> bool:
    """Record the outcome (with a standard phrase's code and/or own words) and close; only the
    handler who took it into treatment may."""
    changed = await tx.changes(
        "UPDATE klachten SET state = 'closed', outcome = ?, outcome_text = ?, outcome_phrase = ?,"
        " handled_at = ? WHERE id = ? AND state = 'in_treatment' AND handler_id = ?",
        (outcome, text, phrase, to_db(now), klacht_id, handler_id))
    if changed:
        await record_event(tx, klacht_id, "closed", handler_id, outcome, now)
    return bool(changed)


async def set_satisfaction(tx: Tx, klacht_id: int, participant_id: int, value: str,
                           now: datetime) -> bool:
    changed = await tx.changes(
        "UPDATE klachten SET satisfaction = ?, satisfaction_at = ?,"
        " km_consent_asked = CASE WHEN ? = 'not_satisfied' THEN 'not_satisfied'"
        " ELSE km_consent_asked END WHERE id = ?"
        " AND participant_id = ? AND state IN ('closed', 'refused') AND satisfaction IS NULL",
        (value, to_db(now), value, klacht_id, participant_id))
    if changed:
        await record_event(tx, klacht_id, value, participant_id, None, now)
    return bool(changed)


async def ask_klantmanager_consent(tx: Tx, klacht_id: int, why: str) -> None:
    """The participant is asked whether their klantmanager may know their name (``why``:
    'not_satisfied', 'late', 'no_handler'); the question stays open until answered."""
    await tx.execute("UPDATE klachten SET km_consent_asked = ? WHERE id = ?", (why, klacht_id))


async def set_klantmanager_consent(tx: Tx, klacht_id: int, participant_id: int, consent: bool,
                                   now: datetime) -> str | None:
    """The participant's answer to the open question; returns why they were asked, or None when
    no question was open (a replayed or forged press)."""
    why = await tx.fetchval("SELECT km_consent_asked FROM klachten WHERE id = ?"
                            " AND participant_id = ?", (klacht_id, participant_id))
    if why is None:
        return None
    changed = await tx.changes(
        "UPDATE klachten SET klantmanager_consent = ?, km_consent_asked = NULL"
        " WHERE id = ? AND participant_id = ? AND km_consent_asked = ?",
        (int(consent), klacht_id, participant_id, why))
    if not changed:
        return None
    await record_event(tx, klacht_id, "consent" if consent else "no_consent", participant_id,
                       why, now)
    return why


# ---- questions -----------------------------------------------------------------------------

def _question(row) -> Question:
    return Question(row["id"], row["klacht_id"], row["asked_by"], row["question"],
                    from_db(row["asked_at"]), row["answer"], from_db(row["answered_at"]))


async def add_question(tx: Tx, klacht_id: int, asked_by: int, question: str, now: datetime,
                       phrase: str | None = None) -> int:
    """A question to the participant: a standard phrase's code (or None) and own words."""
    question_id = await tx.execute(
        "INSERT INTO klacht_questions(klacht_id, asked_by, question, asked_at, phrase)"
        " VALUES (?,?,?,?,?)", (klacht_id, asked_by, question, to_db(now), phrase))
    await record_event(tx, klacht_id, "question", asked_by, None, now)
    return question_id


async def question_texts(db: Database | Tx,
                         question_id: int) -> tuple[str, str | None, str | None] | None:
    """A question's own words, its answer (None before it is answered) and its phrase code."""
    row = await db.fetchone("SELECT question, answer, phrase FROM klacht_questions WHERE id = ?",
                            (question_id,))
    return (row["question"], row["answer"], row["phrase"]) if row else None


async def question_for_participant(db: Database | Tx, question_id: int,
                                   participant_id: int) -> Question | None:
    row = await db.fetchone(
        "SELECT q.* FROM klacht_questions q JOIN klachten k ON k.id = q.klacht_id"
        " WHERE q.id = ? AND k.participant_id = ?", (question_id, participant_id))
    return _question(row) if row else None


async def answer_file(db: Database | Tx, question_id: int) -> AnswerFile | None:
    """The file a participant answered a question with (``file_id`` None for a text answer)."""
    row = await db.fetchone(
        "SELECT klacht_id, answer_kind, answer_file_id FROM klacht_questions WHERE id = ?",
        (question_id,))
    return AnswerFile(row["klacht_id"], row["answer_kind"], row["answer_file_id"]) if row else None


async def answer_question(tx: Tx, question_id: int, answer: str, kind: str | None,
                          file_id: str | None, participant_id: int, now: datetime) -> bool:
    changed = await tx.changes(
        "UPDATE klacht_questions SET answer = ?, answer_kind = ?, answer_file_id = ?,"
        " answered_at = ? WHERE id = ? AND answered_at IS NULL",
        (answer, kind, file_id, to_db(now), question_id))
    if changed:
        klacht_id = await tx.fetchval("SELECT klacht_id FROM klacht_questions WHERE id = ?",
                                      (question_id,))
        await record_event(tx, klacht_id, "answer", participant_id, None, now)
    return bool(changed)


# ---- deadlines and notices -----------------------------------------------------------------

async def klachten_to_watch(db: Database | Tx) -> list[Klacht]:
    """Formal klachten with an open deadline, or not yet acknowledged."""
    rows = await db.fetchall(
        f"SELECT {COLUMNS} FROM klachten k WHERE k.route = 'school' AND"
        " (k.state IN ('received', 'in_treatment') OR k.acknowledged_at IS NULL) ORDER BY k.id")
    return [Klacht.from_row(row) for row in rows]


async def past_deadline(db: Database | Tx, now: datetime) -> dict[str, int]:
    """Open formal klachten past each deadline (norm 1.5.2): not acknowledged by ``ack_by``, not
    taken or refused by ``decide_by``, not handled by ``handle_by`` (for /metrics)."""
    row = await db.fetchone(
        "SELECT"
        " COUNT(CASE WHEN acknowledged_at IS NULL AND ack_by < :now THEN 1 END)"
        " AS acknowledgement,"
        " COUNT(CASE WHEN state = 'received' AND decide_by < :now THEN 1 END) AS decision,"
        " COUNT(CASE WHEN state IN ('received', 'in_treatment') AND handle_by < :now THEN 1 END)"
        " AS handling"
        " FROM klachten WHERE route = 'school' AND state IN ('received', 'in_treatment')",
        {"now": to_db(now)})
    return {"acknowledgement": row["acknowledgement"], "decision": row["decision"],
            "handling": row["handling"]}


async def unacknowledged_signals(db: Database | Tx) -> list[Klacht]:
    rows = await db.fetchall(
        f"SELECT {COLUMNS} FROM klachten k WHERE k.route = 'klantmanager'"
        " AND k.acknowledged_at IS NULL ORDER BY k.id")
    return [Klacht.from_row(row) for row in rows]


async def sent_notices(db: Database | Tx, klacht_id: int) -> set[str]:
    rows = await db.fetchall("SELECT key FROM klacht_notices WHERE klacht_id = ?", (klacht_id,))
    return {row["key"] for row in rows}


async def mark_notice(tx: Tx, klacht_id: int, key: str, now: datetime) -> bool:
    """True the first time a notice key is marked for this klacht, False ever after."""
    changed = await tx.changes(
        "INSERT INTO klacht_notices(klacht_id, key, sent_at) VALUES (?,?,?) ON CONFLICT DO NOTHING",
        (klacht_id, key, to_db(now)))
    return bool(changed)


# ---- register and report -------------------------------------------------------------------

async def report_rows(db: Database | Tx, start: datetime, end: datetime,
                      school_id: int | None = None, gemeente_id: int | None = None) -> list:
    """Formal klachten received in [start, end) with the facts the report needs, per school.

    ``gemeente_id`` limits them to that gemeente's own participants (theirs, or in the caseload
    of one of its klantmanagers): a gemeente sees no other gemeente's residents.
    """
    sql = ("SELECT k.school_id, s.name AS school, k.received_at, k.acknowledged_at, k.decided_at,"
           " k.handled_at FROM klachten k JOIN schools s ON s.id = k.school_id"
           " JOIN people p ON p.id = k.participant_id"
           " LEFT JOIN people km ON km.id = p.klantmanager_id"
           " WHERE k.route = 'school' AND k.received_at >= ? AND k.received_at < ?")
    params: list = [to_db(start), to_db(end)]
    if school_id is not None:
        sql += " AND k.school_id = ?"
        params.append(school_id)
    if gemeente_id is not None:
        sql += " AND (p.gemeente_id = ? OR km.gemeente_id = ?)"
        params += [gemeente_id, gemeente_id]
    return await db.fetchall(sql + " ORDER BY s.name, k.received_at", params)


async def register_rows(db: Database | Tx, start: datetime, end: datetime,
                        school_id: int | None = None) -> list:
    """The norm 1.5.6 register: receipt, acknowledgement, handler, outcome, date handled."""
    sql = ("SELECT k.reference, k.participant_id, s.name AS school, k.topic, k.state,"
           " k.received_at, k.acknowledged_at, h.name AS handler, k.outcome, k.decided_at,"
           " k.handled_at, k.channel FROM klachten k JOIN schools s ON s.id = k.school_id"
           " LEFT JOIN people h ON h.id = k.handler_id"
           " WHERE k.route = 'school' AND k.received_at >= ? AND k.received_at < ?")
    params: list = [to_db(start), to_db(end)]
    if school_id is not None:
        sql += " AND k.school_id = ?"
        params.append(school_id)
    return await db.fetchall(sql + " ORDER BY k.received_at", params)
