"""Uitval: the school reports that a participant left or dropped out (issue 6; C art. 12.4).

The status change is recorded with its date and reason; leaving or dropping out opens an uitval
alert for the participant's klantmanager at once (closing an open verzuim episode: uitval is its
own report) and sends it, in the same transaction, as an urgent notification (issue 18,
``bot.rules.urgency``: before any bulk, within the klantmanager's working hours). ``active``
records a return and alerts no one. The same holds when a school's push changes the status
(``bot.rooster.push``); a push that leaves the status out leaves it alone. Leaving or dropping
out also ends the contract (C art. 10.7, ``bot.rules.contract_end``): the end is recorded in the
same transaction and ``bot.uren.ending`` issues the school's final urenverklaring after it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from bot.names import name_of
from bot.outbox import PRIORITY_HIGH, enqueue
from bot.privacy import shared
from bot.rules import contract_end
from bot.rules.localtime import AMSTERDAM
from bot.rules.urgency import urgency
from bot.services import Services
from bot.uren import ending
from bot.verzuim import notices  # noqa: F401  (registers the uitval renderer)
from storage import attendance, contract_ends, orgs, people
from storage import verzuim as store
from storage.database import Tx


@dataclass(frozen=True)
class StatusOutcome:
    changed: bool
    klantmanager_alerted: bool


async def change_status(services: Services, *, school_id: int, person_id: int, status: str,
                        effective_on: date | None, reason: str | None) -> StatusOutcome:
    """Record the school's participant's new status; idempotent (the same status changes
    nothing and alerts no one)."""
    now = services.now()
    person = await people.get_person(services.db, person_id)
    school_row = await orgs.get_school(services.db, school_id)
    async with services.db.transaction() as tx:
        outcome = await record_status(tx, school_id=school_id, school_name=school_row.name,
                                      person_id=person_id, name=name_of(person),
                                      klantmanager_id=person.klantmanager_id, status=status,
                                      effective_on=effective_on, reason=reason, now=now,
                                      tz=services.settings.tz)
    if outcome.changed:
        await ending.issue_due(services)
    return outcome


async def record_status(tx: Tx, *, school_id: int, school_name: str, person_id: int, name: str,
                        klantmanager_id: int | None, status: str, effective_on: date | None,
                        reason: str | None, now: datetime, tz=AMSTERDAM) -> StatusOutcome:
    """The status change inside the caller's transaction, whichever endpoint reported it (the
    status endpoint or a participant update in a push): a change to left or dropped out
    alerts the klantmanager once and ends the contract; the same status again changes nothing.
    The caller runs ``bot.uren.ending.issue_due`` after its commit."""
    old = await contract_ends.participant_status(tx, person_id)
    changed = await attendance.set_status(tx, school_id=school_id, person_id=person_id,
                                          status=status, effective_on=effective_on,
                                          reason=reason, now=now)
    if changed and contract_end.ends_contract(old, status):
        await contract_ends.add(tx, person_id=person_id, school_id=school_id, status=status,
                                last_day=contract_end.last_day(effective_on,
                                                               now.astimezone(tz).date()),
                                now=now)
    if not changed or status == "active" or klantmanager_id is None:
        return StatusOutcome(changed, False)
    alert_id = await store.open_uitval_alert(
        tx, person_id=person_id, klantmanager_id=klantmanager_id, now=now)
    await enqueue(tx, message_key="verzuim.uitval", now=now, audience="staff",
                  person_id=klantmanager_id, priority=PRIORITY_HIGH,
                  urgency=urgency(now, uitval=True), dedupe_key=f"verzuim:{alert_id}:uitval",
                  params={"alert_id": alert_id, "name": name, "school": school_name,
                          "status": status,
                          "effective_on": effective_on.isoformat() if effective_on else None,
                          "reason": reason})
    # Art. 12.3: the participant sees in /gedeeld that this went to their klantmanager.
    await shared.record(tx, person_id, shared.klantmanager(klantmanager_id),
                        ["name", "status"], shared.UITVAL, now)
    return StatusOutcome(True, True)
