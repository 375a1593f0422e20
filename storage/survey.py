"""The satisfaction survey (issue 15; BoW 2.7.3, 5.2; convenant art. 16): consent to pass contact
data to the survey bureau, the school's delivery list, and a gemeente's own survey whose answers
are read only as counts. A school's queries reach only its own participants; nothing here gives
a school anyone's answers."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from storage.database import Database, Tx, from_db, to_db
from storage.participants import GEMEENTE_SCOPE


@dataclass(frozen=True)
class Consent:
    consent: bool | None
    source: str | None
    asked_at: datetime | None
    answered_at: datetime | None


async def consent_of(db: Database | Tx, person_id: int) -> Consent | None:
    row = await db.fetchone("SELECT consent, source, asked_at, answered_at FROM survey_consents"
                            " WHERE person_id = ?", (person_id,))
    if row is None:
        return None
    return Consent(None if row["consent"] is None else bool(row["consent"]), row["source"],
                   from_db(row["asked_at"]), from_db(row["answered_at"]))


async def mark_asked(tx: Tx, person_id: int, now: datetime) -> bool:
    """Record that the participant is asked; False when they were asked or answered before."""
    return bool(await tx.changes(
        "INSERT INTO survey_consents(person_id, asked_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
        (person_id, to_db(now))))


async def set_consent(tx: Tx, person_id: int, consent: bool, source: str, now: datetime) -> None:
    await tx.execute(
        "INSERT INTO survey_consents(person_id, consent, source, answered_at) VALUES (?,?,?,?)"
        " ON CONFLICT(person_id) DO UPDATE SET consent = excluded.consent,"
        " source = excluded.source, answered_at = excluded.answered_at",
        (person_id, int(consent), source, to_db(now)))


@dataclass(frozen=True)
class Candidate:
    """A consented participant of the school, with what the delivery rule needs."""

    person_id: int
    external_id: str | None
    name: str
    regime: str | None
    route: str | None
    status: str
    location: str | None
    started_on: date | None
    predicted_end: date | None


async def consented_participants(db: Database | Tx, school_id: int) -> list[Candidate]:
    """The school's participants who agreed, with their first day in a group, the location of
    their latest group and the latest predicted end of their trajectory."""
    rows = await db.fetchall(
        "SELECT p.id, p.external_id, p.name, p.regime, p.route, p.status,"
        " (SELECT MIN(m.joined_on) FROM group_members m WHERE m.person_id = p.id) AS started_on,"
        " (SELECT COALESCE(g.location, '') FROM group_members m JOIN groups g ON g.id = m.group_id"
        "  WHERE m.person_id = p.id ORDER BY m.joined_on DESC LIMIT 1) AS location,"
        " (SELECT t.predicted_end FROM trajectory_records t WHERE t.person_id = p.id"
        "  AND t.predicted_end IS NOT NULL ORDER BY t.recorded_at DESC, t.id DESC LIMIT 1)"
        "  AS predicted_end"
        " FROM people p JOIN survey_consents c ON c.person_id = p.id AND c.consent = 1"
        " WHERE p.role = 'participant' AND p.school_id = ? ORDER BY p.name, p.id", (school_id,))
    return [Candidate(r["id"], r["external_id"], r["name"], r["regime"], r["route"], r["status"],
                      r["location"] or None,
                      date.fromisoformat(r["started_on"]) if r["started_on"] else None,
                      date.fromisoformat(r["predicted_end"]) if r["predicted_end"] else None)
            for r in rows]


# --- a gemeente's own survey ---


async def create_survey(tx: Tx, gemeente_id: int, external_id: str, questions: list[dict],
                        now: datetime) -> int | None:
    """None when the gemeente already has a survey with this id."""
    if await tx.fetchval("SELECT id FROM gemeente_surveys WHERE gemeente_id = ? AND"
                         " external_id = ?", (gemeente_id, external_id)):
        return None
    return await tx.execute(
        "INSERT INTO gemeente_surveys(gemeente_id, external_id, questions, created_at)"
        " VALUES (?,?,?,?)",
        (gemeente_id, external_id, json.dumps(questions, ensure_ascii=False), to_db(now)))


async def survey_questions(db: Database | Tx, survey_id: int) -> list[dict] | None:
    text = await db.fetchval("SELECT questions FROM gemeente_surveys WHERE id = ?",
                             (survey_id,))
    return json.loads(text) if text else None


async def survey_by_external(db: Database | Tx, gemeente_id: int,
                             external_id: str) -> tuple[int, list[dict]] | None:
    row = await db.fetchone("SELECT id, questions FROM gemeente_surveys WHERE gemeente_id = ?"
                            " AND external_id = ?", (gemeente_id, external_id))
    return (row["id"], json.loads(row["questions"])) if row else None


async def linked_participants_of_gemeente(db: Database | Tx, gemeente_id: int) -> list[int]:
    """Active participants of the gemeente (its own or its klantmanagers') with a chat."""
    rows = await db.fetchall(
        "SELECT p.id FROM people p JOIN telegram_links l ON l.person_id = p.id"
        f" WHERE p.role = 'participant' AND p.status = 'active' AND {GEMEENTE_SCOPE}"
        " ORDER BY p.id", (gemeente_id, gemeente_id))
    return [row[0] for row in rows]


async def may_answer(db: Database | Tx, survey_id: int, person_id: int) -> bool:
    """Whether this participant belongs to the gemeente that asks."""
    row = await db.fetchone(
        "SELECT 1 FROM gemeente_surveys s JOIN people p ON p.id = ?"
        " WHERE s.id = ? AND p.role = 'participant' AND (p.gemeente_id = s.gemeente_id OR"
        " p.klantmanager_id IN (SELECT id FROM people WHERE role = 'klantmanager'"
        " AND gemeente_id = s.gemeente_id))", (person_id, survey_id))
    return row is not None


async def record_answer(tx: Tx, survey_id: int, person_id: int, question: int, answer: int,
                        now: datetime) -> None:
    await tx.execute(
        "INSERT INTO gemeente_survey_answers(survey_id, person_id, question, answer, answered_at)"
        " VALUES (?,?,?,?,?) ON CONFLICT(survey_id, person_id, question)"
        " DO UPDATE SET answer = excluded.answer, answered_at = excluded.answered_at",
        (survey_id, person_id, question, answer, to_db(now)))


async def answer_counts(db: Database | Tx, survey_id: int) -> tuple[int, dict[int, dict[int, int]]]:
    """(respondents, question -> answer -> count): counts only, never who."""
    respondents = await db.fetchval(
        "SELECT COUNT(DISTINCT person_id) FROM gemeente_survey_answers WHERE survey_id = ?",
        (survey_id,))
    counts: dict[int, dict[int, int]] = {}
    for row in await db.fetchall(
            "SELECT question, answer, COUNT(*) AS n FROM gemeente_survey_answers"
            " WHERE survey_id = ? GROUP BY question, answer", (survey_id,)):
        counts.setdefault(row["question"], {})[row["answer"]] = row["n"]
    return respondents or 0, counts
