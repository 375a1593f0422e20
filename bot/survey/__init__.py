"""The satisfaction survey (issue 15; BoW 2.7.3, 5.2; convenant art. 16).

- Consent: the participant is asked once, in their language, whether the school may pass their
  contact data to the survey bureau (Panteia, for Blik op Werk); asked together with the intake
  (the moment the handbook's course contract records it), or recorded by the school from that
  contract; changed at any time with /enquete.
- The delivery list (BoW 5.2): consented participants past 75% of the course or who ended early,
  with route and location, as CSV for the school. No answers ever reach the school.
- A gemeente's own survey (art. 16.1): its questions in every shipped language, each answered with
  a five-point scale of buttons; the gemeente reads counts only, and only for five or more.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime

from bot.outbox import enqueue
from bot.rules import survey as rules
from bot.services import Services
from bot.survey import notices  # noqa: F401  (registers the renderers)
from storage import survey as store
from storage.database import Database, Tx

ROUTE_NAMES = {"b1": "B1-route", "z": "Z-route", "onderwijs": "Onderwijsroute"}


async def ask_consent(tx: Tx, person_id: int, now: datetime) -> bool:
    """Ask the participant once (the question and its buttons go through the outbox)."""
    if not await store.mark_asked(tx, person_id, now):
        return False
    await enqueue(tx, message_key="survey.consent", params={}, now=now, person_id=person_id,
                  dedupe_key=f"survey:consent:{person_id}")
    return True


async def record_consent(services: Services, person_id: int, consent: bool,
                         source: str) -> None:
    async with services.db.transaction() as tx:
        await store.set_consent(tx, person_id, consent, source, services.now())


@dataclass(frozen=True)
class Delivery:
    external_id: str
    name: str
    route: str
    location: str
    reason: str


async def delivery_list(db: Database, school_id: int, today: date) -> list[Delivery]:
    rows = []
    for c in await store.consented_participants(db, school_id):
        reason = rules.delivery_reason(c.status, c.started_on, c.predicted_end, today)
        if reason is None:
            continue
        route = ROUTE_NAMES.get(c.route or "", "Wi2013" if c.regime == "wi2013" else "")
        rows.append(Delivery(c.external_id or str(c.person_id), c.name, route,
                             c.location or "", reason))
    return rows


def as_csv(rows: list[Delivery]) -> str:
    """The delivery list as CSV (the school adds e-mail, postcode and phone from its own
    administration, which the bot does not keep)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["participant", "name", "route", "location", "reason"])
    for row in rows:
        writer.writerow([row.external_id, row.name, row.route, row.location, row.reason])
    return out.getvalue()


async def start_gemeente_survey(services: Services, gemeente_id: int, external_id: str,
                                questions: list[dict]) -> tuple[int, int] | None:
    """Store the survey and send its first question to every active linked participant of the
    gemeente; None when the id is taken. Returns (survey id, participants asked)."""
    now = services.now()
    async with services.db.transaction() as tx:
        survey_id = await store.create_survey(tx, gemeente_id, external_id, questions, now)
        if survey_id is None:
            return None
        asked = await store.linked_participants_of_gemeente(tx, gemeente_id)
        for person_id in asked:
            await enqueue(tx, message_key="survey.question",
                          params={"survey_id": survey_id, "question": 0}, now=now,
                          person_id=person_id, dedupe_key=f"survey:{survey_id}:{person_id}")
    return survey_id, len(asked)


async def report(services: Services, survey_id: int, questions: list[dict]) -> dict:
    """Counts per question and answer, only for five or more respondents (art. 16.1)."""
    respondents, counts = await store.answer_counts(services.db, survey_id)
    if not rules.may_show(respondents):
        return {"shown": False, "respondents": None, "questions": None,
                "reason": f"fewer than {rules.MIN_RESPONDENTS} respondents: no figures"}
    return {"shown": True, "respondents": respondents, "reason": None, "questions": [
        {"question": question.get("nl") or next(iter(question.values())),
         "answers": {str(value): counts.get(index, {}).get(value, 0) for value in rules.SCALE}}
        for index, question in enumerate(questions)]}
