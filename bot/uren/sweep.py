"""Reminders for urenverklaring requests the school has not issued (BoW 2.9.4): after 5 working
days the school's staff are reminded, after 10 the participant's klantmanager is told
(``bot.rules.uren_request``). Each step is recorded on the request in the same transaction as
its outbox rows, with a dedupe key per request and step, so a restart never repeats one.
A final urenverklaring at the end of a contract (C art. 10.7) that was not issued right after the
report (its last day still ahead, or a failure) is issued here (``bot.uren.ending``).
``SWEEPS`` hands the sweeps to the scheduler.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.names import name_of
from bot.outbox import PRIORITY_HIGH, enqueue
from bot.rules import uren_request as rule
from bot.services import Services
from bot.uren import (
    ending,
    notices,  # noqa: F401  (registers the renderers)
)
from bot.uren.issue import confirmers
from storage import orgs, people
from storage import uren as store

# No request can be due before 5 working days: at least a week of calendar days.
EARLIEST = timedelta(days=rule.REMIND_SCHOOL_AFTER)


async def sweep_requests(services: Services, now: datetime) -> None:
    tz = services.settings.tz
    for request in await store.pending_requests(services.db, now - EARLIEST):
        steps = rule.due_steps(request.requested_at, now, tz=tz,
                               school_reminded=request.school_reminded,
                               klantmanager_told=request.klantmanager_told)
        if not steps:
            continue
        participant = await people.get_person(services.db, request.participant_id)
        school = await orgs.get_school(services.db, request.school_id)
        staff = await confirmers(services.db, request.school_id)
        params = {"request_id": request.id, "name": name_of(participant), "school": school.name,
                  "requested_at": request.requested_at.isoformat()}
        async with services.db.transaction() as tx:
            for step in steps:
                if not await store.mark_reminder(tx, request.id, step, now):
                    continue
                if step == "remind_school":
                    for member in staff:
                        await enqueue(tx, message_key="uren.remind", now=now,
                                      person_id=member.id, audience="staff",
                                      priority=PRIORITY_HIGH, params=params,
                                      dedupe_key=f"uren:{request.id}:remind:{member.id}")
                elif participant.klantmanager_id is not None:
                    await enqueue(tx, message_key="uren.late", now=now,
                                  person_id=participant.klantmanager_id, audience="staff",
                                  priority=PRIORITY_HIGH, params=params,
                                  dedupe_key=f"uren:{request.id}:late")


async def sweep_contract_ends(services: Services, now: datetime) -> None:
    await ending.issue_due(services)


SWEEPS = (("uren_requests", sweep_requests), ("uren_contract_ends", sweep_contract_ends))
