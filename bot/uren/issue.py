"""Requesting, confirming and issuing an urenverklaring (issue 6; C art. 10.7; BoW 2.5, 2.9.4).

A participant (or their klantmanager, norm 2.9.4) requests a statement for a period; the
school's staff confirm it, or it is issued at once when the school switched on automatic issuing
(``schools.auto_issue_uren``). The school cannot refuse it (norm 2.9.4); a request left pending
is reminded by ``bot.uren.sweep``. Issuing computes the statement from the attendance registration,
signs its payload with the school's key and stores both, in one transaction with the message
that tells the requester it is ready.
"""

from __future__ import annotations

import asyncio
import json
import logging
from dataclasses import dataclass
from datetime import date, datetime

from bot.names import name_of
from bot.outbox import PRIORITY_HIGH, enqueue
from bot.services import Services
from bot.uren import (
    notices,  # noqa: F401  (registers the renderers)
    pdf,
    signing,
)
from bot.uren.statement import Computed, NoRegime, check_regime, compute, payload, range_for
from storage import orgs, people
from storage import uren as store
from storage.database import Tx
from storage.people import Person

log = logging.getLogger(__name__)

# Drawing a PDF runs in a worker thread within this many seconds (issue 12).
PDF_SECONDS = 30.0


@dataclass(frozen=True)
class Outcome:
    kind: str  # issued | pending | already | no_regime | no_staff
    request_id: int | None = None
    statement_id: int | None = None


async def preview(db, participant: Person, period_start: date | None, period_end: date | None,
                  tz) -> Computed:
    """The statement as it would be issued now (raises NoRegime)."""
    check_regime(participant.regime, participant.route)
    after, before = range_for(period_start, period_end, tz)
    rows = await store.registrations(db, participant.id, participant.school_id, after, before)
    return compute(rows, participant.regime, participant.route, period_start, period_end, tz)


async def confirmers(db, school_id: int) -> list[Person]:
    """Staff who confirm statements: everyone but the klachtbehandelaars, or all staff."""
    staff = await people.school_staff(db, school_id)
    general = [p for p in staff if p.staff_role != "klachtbehandelaar"]
    return general or staff


async def issue(tx: Tx, services: Services, request: store.UrenRequest, participant: Person,
                requester: Person, now: datetime, final: bool = False) -> int:
    """Compute, sign and store the statement; tell the requester it is ready (``final``: the
    course at the school ended, C art. 10.7, and the message says so)."""
    tz = services.settings.tz
    period_start = date.fromisoformat(request.period_start) if request.period_start else None
    period_end = date.fromisoformat(request.period_end) if request.period_end else None
    after, before = range_for(period_start, period_end, tz)
    rows = await store.registrations(tx, participant.id, participant.school_id, after, before)
    computed = compute(rows, participant.regime, participant.route, period_start, period_end, tz)
    school = await orgs.get_school(tx, participant.school_id)  # a participant has one
    data = payload(computed, school=school.name, participant=participant.name,
                   participant_ref=participant.external_id,
                   requested_by=("klantmanager" if requester.role == "klantmanager"
                                 else "participant"),
                   issued_at=now, tz=tz, note=request.note)
    text = signing.canonical(data)
    key = await signing.school_key(tx, participant.school_id, now)
    signature = signing.sign(key, text)
    code = signing.code_for(signature)
    statement_id = await store.add_statement(tx, code=code, participant_id=participant.id,
                                             school_id=participant.school_id, now=now,
                                             payload=text, signature=signature)
    await store.decide_request(tx, request.id, state="issued", by=None, statement_id=statement_id,
                               now=now)
    await enqueue(tx, message_key="uren.ready", now=now, person_id=requester.id,
                  audience="staff" if requester.role != "participant" else "participant",
                  priority=PRIORITY_HIGH, dedupe_key=f"uren:{request.id}:ready",
                  params={"statement_id": statement_id, "name": name_of(participant),
                          "for_self": requester.id == participant.id,
                          "counted_seconds": computed.statement.counted_seconds,
                          **({"final": True, "school": school.name} if final else {})})
    return statement_id


async def request_statement(services: Services, *, participant: Person, requester: Person,
                            period_start: date | None, period_end: date | None) -> Outcome:
    """Record a request; issue it at once when the school issues automatically, else ask the
    school's staff to confirm (the participant's klantmanager may ask too, norm 2.9.4)."""
    try:
        check_regime(participant.regime, participant.route)
    except NoRegime:
        return Outcome("no_regime")
    now = services.now()
    school = await orgs.get_school(services.db, participant.school_id)
    staff = [] if school.auto_issue_uren else await confirmers(services.db, participant.school_id)
    preview_statement = None
    if staff:
        preview_statement = (await preview(services.db, participant, period_start, period_end,
                                           services.settings.tz)).statement
    async with services.db.transaction() as tx:
        request_id = await store.add_request(
            tx, participant_id=participant.id, school_id=participant.school_id,
            requested_by=requester.id,
            period_start=period_start.isoformat() if period_start else None,
            period_end=period_end.isoformat() if period_end else None, now=now)
        request = await store.get_request(tx, request_id)
        if school.auto_issue_uren:
            statement_id = await issue(tx, services, request, participant, requester, now)
            return Outcome("issued", request_id, statement_id)
        for member in staff:
            await enqueue(tx, message_key="uren.confirm", now=now, person_id=member.id,
                          audience="staff", dedupe_key=f"uren:{request_id}:confirm:{member.id}",
                          params={"request_id": request_id, "name": name_of(participant),
                                  "requester_role": requester.role, "requester": requester.name,
                                  "period_start": request.period_start,
                                  "period_end": request.period_end,
                                  "attended_seconds": preview_statement.attended_seconds,
                                  "counted_seconds": preview_statement.counted_seconds})
    if not staff:
        log.warning("urenverklaring request %d waits: the school has no staff in the bot",
                    request_id)
        return Outcome("no_staff", request_id)
    return Outcome("pending", request_id)


async def decide(services: Services, request_id: int, staff: Person) -> Outcome:
    """A staff member confirms (issues) a pending request of their own school. There is no
    refusal (BoW 2.9.4: the school provides the hours registration on request); a wrong figure
    is corrected in the attendance registration, which the statement follows (BoW 2.5)."""
    now = services.now()
    request = await store.get_request(services.db, request_id)
    if request is None or staff.role != "staff" or request.school_id != staff.school_id:
        return Outcome("forbidden")
    if request.state != "pending":
        return Outcome("already", request_id, request.statement_id)
    participant = await people.get_person(services.db, request.participant_id)
    requester = await people.get_person(services.db, request.requested_by)
    async with services.db.transaction() as tx:
        current = await store.get_request(tx, request_id)
        if current.state != "pending":
            return Outcome("already", request_id, current.statement_id)
        statement_id = await issue(tx, services, current, participant, requester, now)
        await store.record_decider(tx, request_id, staff.id)
    return Outcome("issued", request_id, statement_id)


MAX_NOTE = 500


async def add_note(services: Services, request_id: int, staff: Person, note: str) -> Outcome:
    """Staff of the request's school add a note the statement carries (BoW 2.9.4: they may
    explain or qualify the figures, not refuse)."""
    request = await store.get_request(services.db, request_id)
    if request is None or staff.role != "staff" or request.school_id != staff.school_id:
        return Outcome("forbidden")
    async with services.db.transaction() as tx:
        if not await store.set_note(tx, request_id, note.strip()[:MAX_NOTE]):
            return Outcome("already", request_id, request.statement_id)
    return Outcome("noted", request_id)


async def pdf_bytes(services: Services, statement_id: int) -> tuple[bytes, str, int] | None:
    """The PDF of a stored statement (drawn again from its signed payload, in a thread so the
    bot keeps answering), its code and its participant."""
    statement = await store.statement_by_id(services.db, statement_id)
    if statement is None:
        return None
    data = json.loads(statement.payload)
    url = f"{services.settings.base_public_url}/verify/{statement.code}"
    # Raises TimeoutError past its budget (the thread finishes on its own; nobody waits for it).
    content = await asyncio.wait_for(asyncio.to_thread(pdf.render, data, statement.code, url,
                                                       services.i18n.get("nl")), PDF_SECONDS)
    return content, statement.code, statement.participant_id
