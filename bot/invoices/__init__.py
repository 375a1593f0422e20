"""Invoices approved by the participant (issue 15; BoW 2.4.1-2.4.3; convenant art. 10.7).

A school posts an invoice for its participant with the lessons and hours it covers. A
participant's own invoice reaches them, in their language, once its last lesson is over (only
then may they approve it), checked against their own attendance: hours invoiced beyond those they
were present for are flagged. They approve or dispute it with a button; a dispute files a klacht
about the invoice in the same transaction. An asielstatushouder's invoice goes to the gemeente
with the lesson days and hours (2.4.2) and asks nothing of the participant.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.invoices import notices  # noqa: F401  (registers the renderers)
from bot.klachten.filing import KlachtDraft, file_in
from bot.klachten.routing import send_acknowledgement_later
from bot.outbox import enqueue
from bot.refusal import Refused
from bot.rules import invoice as rules
from bot.services import Services
from storage import invoices as store
from storage.people import Person


@dataclass(frozen=True)
class LessonRef:
    lesson_id: int
    starts_at: datetime
    ends_at: datetime


async def post(services: Services, *, school_id: int, external_id: str, person: Person,
               payer: str, hours: float, amount_cents: int | None,
               lessons: list[LessonRef]) -> int:
    now = services.now()
    lessons_end = max(lesson.ends_at for lesson in lessons)
    async with services.db.transaction() as tx:
        invoice_id = await store.insert_invoice(
            tx, school_id=school_id, external_id=external_id, person_id=person.id, payer=payer,
            hours=hours, amount_cents=amount_cents, lessons_end=lessons_end,
            lesson_ids=[lesson.lesson_id for lesson in lessons], now=now)
        if payer == "participant":
            # Rendered when sent, so the attendance it is checked against is the latest.
            await enqueue(tx, message_key="invoice.review", params={"invoice_id": invoice_id},
                          now=now, person_id=person.id, dedupe_key=f"invoice:{invoice_id}",
                          not_before=lessons_end if lessons_end > now else None)
    return invoice_id


class TooEarly(Refused):
    """The invoice's lessons are not over yet (BoW 2.4.1)."""


async def approve(services: Services, person: Person, invoice_id: int) -> bool:
    invoice = await _open(services, person, invoice_id)
    async with services.db.transaction() as tx:
        return await store.answer(tx, invoice.id, person.id, "approved", services.now())


async def dispute(services: Services, person: Person, invoice_id: int, text: str,
                  language: str) -> str | None:
    """Dispute the invoice and file a klacht about it to the school, together; returns the
    klacht's reference (None when the invoice was answered meanwhile)."""
    invoice = await _open(services, person, invoice_id)
    now = services.now()
    draft = KlachtDraft(participant=person, topic="invoice", text=text, route="school",
                        anonymous=False, language=language)
    async with services.db.transaction() as tx:
        current = await store.participant_invoice(tx, invoice.id, person.id)
        if current.state != "open":  # answered meanwhile (transactions are serial)
            return None
        klacht = await file_in(tx, draft, now=now, tz=services.settings.tz)
        if klacht is None:
            raise Refused("at the daily limit of klachten")
        await store.answer(tx, invoice.id, person.id, "disputed", now, klacht.id)
        await send_acknowledgement_later(tx, klacht, now)
    return klacht.reference


async def _open(services: Services, person: Person, invoice_id: int) -> store.Invoice:
    invoice = await store.participant_invoice(services.db, invoice_id, person.id)
    if invoice is None or invoice.payer != "participant":
        raise LookupError("not this participant's invoice")
    if not rules.may_answer(services.now(), invoice.lessons_end):
        raise TooEarly("the lessons of this invoice are not over yet")
    return invoice
