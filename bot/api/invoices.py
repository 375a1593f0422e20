"""The invoice API (issue 15; BoW 2.4.1-2.4.3; convenant art. 10.7).

A school posts an invoice for its participant with the lessons (its own ids) and hours it covers;
the participant approves or disputes it in the bot once the lessons are over. An
asielstatushouder's invoice (``payer: gemeente``) goes to the gemeente, which reads it here with
the lesson days and hours (2.4.2).
"""

from __future__ import annotations

from datetime import date, datetime

from fastapi import Depends, Path
from pydantic import BaseModel, Field

from bot import invoices
from bot.api import api_router, field_error, field_errors
from bot.api.rooster_models import EXTERNAL_ID_PATTERN, ExternalId, Strict
from bot.http import auth
from bot.http.app import services
from bot.rules.invoice import hours_of
from bot.services import Services
from storage import invoices as store
from storage import participants as participant_store
from storage import people

router = api_router(prefix="/api/v1")
ExtPath = Path(pattern=EXTERNAL_ID_PATTERN, max_length=80, description="Your invoice number")


class InvoiceIn(Strict):
    participant: ExternalId = Field(description="Your id of the participant")
    lessons: list[ExternalId] = Field(min_length=1, max_length=1000,
                                      description="Your ids of the lessons it covers")
    hours: float = Field(gt=0, le=10000, description="Hours invoiced")
    amount: float | None = Field(None, ge=0, le=1_000_000, description="Euros")
    payer: str = Field("participant", pattern="^(participant|gemeente)$",
                       description="gemeente: an asielstatushouder's invoice (BoW 2.4.2)")


class InvoiceOut(BaseModel):
    number: str
    participant: str
    payer: str
    hours: float
    amount: float | None
    state: str = Field(description="open, approved or disputed")
    answerable_from: datetime = Field(description="The end of its last lesson")
    answered_at: datetime | None


class LessonDay(BaseModel):
    day: date
    hours: float


class GemeenteInvoice(BaseModel):
    number: str
    participant_id: int
    name: str
    hours: float
    amount: float | None
    lesson_days: list[LessonDay]


def _out(invoice: store.Invoice, participant: str) -> InvoiceOut:
    return InvoiceOut(number=invoice.external_id, participant=participant, payer=invoice.payer,
                      hours=invoice.hours,
                      amount=None if invoice.amount_cents is None else invoice.amount_cents / 100,
                      state=invoice.state, answerable_from=invoice.lessons_end,
                      answered_at=invoice.answered_at)


@router.put("/invoices/{external_id}", response_model=InvoiceOut, status_code=201,
            tags=["invoices"])
async def put_invoice(body: InvoiceIn, external_id: str = ExtPath,
                      school_id: int = Depends(auth.school),
                      svc: Services = Depends(services)) -> InvoiceOut:
    """Send an invoice; once sent it cannot be changed (send a new one and let the participant
    dispute the wrong one)."""
    known = await participant_store.participants_by_external(svc.db, school_id,
                                                             [body.participant])
    row = known.get(body.participant)
    if row is None:
        raise field_error(["body", "participant"], "no such participant for this key",
                          "not_found", 404)
    if await store.school_invoice(svc.db, school_id, external_id) is not None:
        raise field_error(["path", "external_id"], "an invoice with this number was sent already",
                          "conflict", 409)
    found = await store.lessons_for_invoice(svc.db, school_id, row.id, body.lessons)
    problems = []
    for index, lesson_id in enumerate(body.lessons):
        lesson = found.get(lesson_id)
        if lesson is None:
            problems.append((["body", "lessons", index], "no such lesson for this key"))
        elif lesson.cancelled:
            problems.append((["body", "lessons", index], "this lesson was cancelled"))
        elif not lesson.member:
            problems.append((["body", "lessons", index],
                             "the participant is not in this lesson's group"))
    if len(set(body.lessons)) != len(body.lessons):
        problems.append((["body", "lessons"], "a lesson is listed twice"))
    if problems:
        raise field_errors(problems)
    person = await people.get_person(svc.db, row.id)
    await invoices.post(svc, school_id=school_id, external_id=external_id, person=person,
                        payer=body.payer, hours=round(body.hours, 2),
                        amount_cents=None if body.amount is None else round(body.amount * 100),
                        lessons=[invoices.LessonRef(found[x].lesson_id, found[x].starts_at,
                                                    found[x].ends_at) for x in body.lessons])
    return _out(await store.school_invoice(svc.db, school_id, external_id), body.participant)


@router.get("/invoices/{external_id}", response_model=InvoiceOut, tags=["invoices"])
async def get_invoice(external_id: str = ExtPath, school_id: int = Depends(auth.school),
                      svc: Services = Depends(services)) -> InvoiceOut:
    """An invoice's state: open, approved or disputed (a dispute is also a klacht)."""
    invoice = await store.school_invoice(svc.db, school_id, external_id)
    if invoice is None:
        raise field_error(["path", "external_id"], "no such invoice for this key", "not_found",
                          404)
    person = await people.get_person(svc.db, invoice.person_id)
    return _out(invoice, person.external_id or str(person.id))


@router.get("/invoices", response_model=list[GemeenteInvoice], tags=["invoices"])
async def gemeente_invoices(gemeente_id: int = Depends(auth.gemeente),
                            svc: Services = Depends(services)) -> list[GemeenteInvoice]:
    """Invoices of asielstatushouders addressed to the gemeente, with the lesson days and hours
    per participant (BoW 2.4.2)."""
    result = []
    for invoice in await store.gemeente_invoices(svc.db, gemeente_id):
        person = await people.get_person(svc.db, invoice.person_id)
        spans = await store.lesson_days(svc.db, invoice.id)
        days: dict[date, float] = {}
        for start, end in spans:
            day = start.astimezone(svc.settings.tz).date()
            days[day] = round(days.get(day, 0) + hours_of([(start, end)]), 2)
        result.append(GemeenteInvoice(
            number=invoice.external_id, participant_id=person.id, name=person.name,
            hours=invoice.hours,
            amount=None if invoice.amount_cents is None else invoice.amount_cents / 100,
            lesson_days=[LessonDay(day=d, hours=h) for d, h in sorted(days.items())]))
    return result
