"""Requests for correction or erasure (AVG art. 16, 17; answered within one month, art. 12(3)):
recorded with their deadline and told to the participant's privacy contacts (their school's
coordinators and their klantmanager) in the same transaction; the sweep reminds them a week
before the deadline; erasure removes what no retention duty keeps and tells the participant what
was erased and what stays, and why."""

from __future__ import annotations

from datetime import datetime

from bot.i18n import Translator
from bot.names import name_of
from bot.outbox import PRIORITY_HIGH, enqueue, renders
from bot.refusal import Refused, unknown
from bot.rules.retention import REMIND_BEFORE, one_month_after
from bot.services import Services
from storage import privacy_requests as store
from storage.database import Database
from storage.people import Person

RECEIVED, REMINDER, ERASED, ANSWERED = ("privacy.request", "privacy.reminder", "privacy.erased",
                                        "privacy.answered")


async def file_request(db: Database, person: Person, kind: str, details: str,
                       now: datetime) -> tuple[int, datetime]:
    """Record the request and tell the privacy contacts; returns its id and deadline."""
    due = one_month_after(now)
    async with db.transaction() as tx:
        request_id = await store.add(tx, person.id, kind, details, now, due)
        for contact in await store.contacts(tx, person.id):
            await enqueue(tx, message_key=RECEIVED, now=now, person_id=contact, audience="staff",
                          params={"id": request_id, "kind": kind,
                                  "name": name_of(person) if person.role == "participant"
                                  else person.name,
                                  "due": due.isoformat(), "details": details},
                          dedupe_key=f"privacy:{request_id}:new:{contact}")
    return request_id, due


async def sweep_reminders(services: Services, now: datetime) -> int:
    """Remind the contacts of every open request due within a week, once."""
    reminded = 0
    for request in await store.due_for_reminder(services.db, now + REMIND_BEFORE):
        async with services.db.transaction() as tx:
            if not await store.mark_reminded(tx, request.id, now):
                continue
            for contact in await store.contacts(tx, request.person_id):
                await enqueue(tx, message_key=REMINDER, now=now, person_id=contact,
                              audience="staff", priority=PRIORITY_HIGH, urgent=True,
                              params={"id": request.id, "kind": request.kind,
                                      "name": request.person_name,
                                      "due": request.due_at.isoformat()},
                              dedupe_key=f"privacy:{request.id}:reminder:{contact}")
            reminded += 1
    return reminded


async def carry_out(db: Database, request_id: int, answer: str, now: datetime) -> dict:
    """Erasure: remove what no retention duty keeps; correction: record the answer. The
    participant is told either way."""
    request = await store.get(db, request_id)
    if request is None:
        raise unknown("request", request_id)
    if request.done_at is not None:
        raise Refused(f"request {request_id} was already handled")
    async with db.transaction() as tx:
        if request.kind == "erasure":
            erased = await store.erase(tx, request.person_id)
            outcome = ", ".join(f"{what}: {n}" for what, n in erased.items())
            params = {"n": sum(erased.values())}
            key = ERASED
        else:
            if not answer:
                raise Refused("a correction needs --answer: what was corrected, or why not")
            outcome, params, key = answer, {"answer": answer}, ANSWERED
        await store.mark_done(tx, request.id, outcome, now)
        await enqueue(tx, message_key=key, now=now, person_id=request.person_id, params=params,
                      dedupe_key=f"privacy:{request.id}:done")
    return {"request": request.id, "kind": request.kind, "outcome": outcome}


def _kind(tr: Translator, kind: str) -> str:
    return tr.sf_("erasure") if kind == "erasure" else tr.sf_("correction")


@renders(RECEIVED)
def _received(tr: Translator, params: dict) -> str:
    return tr.lines([
        tr.s_("Privacy request {id} ({kind}) from {name}. Answer by {due}.", id=params["id"],
              kind=_kind(tr, params["kind"]), name=params["name"],
              due=tr.date(datetime.fromisoformat(params["due"]))),
        params.get("details") or "",
        tr.s_("Handle it with: inburgerbot admin privacy requests"),
    ])


@renders(REMINDER)
def _reminder(tr: Translator, params: dict) -> str:
    return tr.s_("Reminder: privacy request {id} ({kind}) from {name} must be answered by {due}.",
                 id=params["id"], kind=_kind(tr, params["kind"]), name=params["name"],
                 due=tr.date(datetime.fromisoformat(params["due"])))


@renders(ERASED)
def _erased(tr: Translator, params: dict) -> str:
    return tr.lines([
        tr._("Your request to erase your data was carried out. Items erased (drafts, sent "
             "messages, notes, closed alerts, unused codes): {n}.", n=tr.number(params["n"])),
        tr._("What stays, because the law or your course requires it: attendance and "
             "urenverklaringen (for your urenverklaring and DUO), klachten (the school's klachten "
             "register), what was shared and who looked (to account for it)."),
        tr._("Notes about your motivation and obstacles were erased. Kept without notes: your "
             "goal, predicted end and levels, your school's attempts to reach you, and invoices "
             "(for the school's audit and accounts)."),
    ])


@renders(ANSWERED)
def _answered(tr: Translator, params: dict) -> str:
    return tr._("Your request for a correction was answered: {answer}", answer=params["answer"])
