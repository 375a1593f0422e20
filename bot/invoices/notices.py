"""How an invoice reads for the participant, in their language, checked against their own
attendance (BoW 2.4.1, 2.4.3); the outbox row holds the invoice id only."""

from __future__ import annotations

from datetime import datetime

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.i18n import Translator
from bot.outbox import Rendered, loads, renders
from bot.rules import invoice as rules
from storage import invoices as store
from storage import orgs
from storage.database import Database

PREFIX = "iv"


@loads("invoice.review")
async def load_invoice(db: Database, params: dict) -> dict:
    invoice = await store.get_invoice(db, params["invoice_id"])
    if invoice is None:
        return params
    lessons = await store.covered_lessons(db, invoice.id)
    school = await orgs.get_school(db, invoice.school_id)
    attended = rules.hours_of((lesson.starts_at, lesson.ends_at) for lesson in lessons
                              if lesson.present)
    params.update(
        number=invoice.external_id, school=school.name if school else "?", hours=invoice.hours,
        amount_cents=invoice.amount_cents, lessons=len(lessons),
        present=sum(1 for lesson in lessons if lesson.present), attended=attended,
        extra=rules.excess_hours(invoice.hours, attended),
        first=lessons[0].starts_at.isoformat() if lessons else None,
        last=lessons[-1].starts_at.isoformat() if lessons else None)
    return params


def review_text(tr: Translator, params: dict) -> str:
    lines = []
    if params.get("first"):
        lines.append(tr._("Invoice {number} from {school}: {hours} hours for {n} lessons from "
                          "{first} to {last}.", number=params["number"], school=params["school"],
                          hours=tr.hours(params["hours"]), n=tr.number(params["lessons"]),
                          first=tr.date(datetime.fromisoformat(params["first"])),
                          last=tr.date(datetime.fromisoformat(params["last"]))))
    if params.get("amount_cents") is not None:
        lines.append(tr._("Amount: {amount}", amount=tr.euros(params["amount_cents"])))
    lines.append(tr._("Your attendance: present at {present} of these lessons, {hours} hours.",
                      present=tr.number(params.get("present", 0)),
                      hours=tr.hours(params.get("attended", 0))))
    if params.get("extra"):
        lines.append(tr._("⚠ The invoice counts {extra} hours more than you attended. Check it "
                          "before you approve it.", extra=tr.hours(params["extra"])))
    return tr.lines(lines)


@renders("invoice.review")
def _review(tr: Translator, params: dict) -> Rendered:
    text = tr.paragraphs([review_text(tr, params), tr._(
        "Approve the invoice only if it is right. If it is not, dispute it: that sends a "
        "klacht about it to your school.")])
    invoice_id = params["invoice_id"]
    buttons = InlineKeyboardMarkup([
        [InlineKeyboardButton(tr.f_("Approve"), callback_data=f"{PREFIX}:ok:{invoice_id}")],
        [InlineKeyboardButton(tr.f_("Dispute (klacht)"),
                              callback_data=f"{PREFIX}:no:{invoice_id}")],
    ])
    return Rendered(text, buttons)
