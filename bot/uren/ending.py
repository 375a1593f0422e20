"""The final urenverklaring at the end of a contract (convenant art. 10.7): when the school
reports that a participant left or dropped out, through any endpoint (``bot.verzuim.uitval``
records the end in the same transaction), the school's final statement is issued as on a switch
to another school (``bot.overstap.leaving``): computed from its attendance registration up to the
last day, signed with its key, and sent to the participant with the PDF button, in their
language. ``issue_due`` runs right after the report and from the uren sweep, so a statement that
could not be issued at once (last day still ahead, a failure) follows later, and only once.
"""

from __future__ import annotations

import dataclasses
import logging

from bot.rules import contract_end as rule
from bot.services import Services
from bot.uren import issue as uren_issue
from bot.uren.statement import NoRegime
from storage import contract_ends as store
from storage import people
from storage import uren as uren_store

log = logging.getLogger(__name__)


async def issue_due(services: Services) -> int:
    """Issue every final statement that is due; returns how many were issued."""
    issued = 0
    for end in await store.pending(services.db):
        issued += await _issue(services, end)
    return issued


async def _issue(services: Services, end: store.ContractEnd) -> int:
    now = services.now()
    participant = await people.get_person(services.db, end.person_id)
    today = now.astimezone(services.settings.tz).date()
    decision = rule.statement_due(end.last_day, today, participant.status)
    if decision == "wait":
        return 0
    try:
        async with services.db.transaction() as tx:
            if not await store.is_pending(tx, end.id):
                return 0
            if decision == "cancel":
                await store.mark_done(tx, end.id, now, note="returned")
                return 0
            request_id = await uren_store.add_request(
                tx, participant_id=participant.id, school_id=end.school_id,
                requested_by=participant.id, period_start=None,
                period_end=end.last_day.isoformat(), now=now)
            request = await uren_store.get_request(tx, request_id)
            at_school = dataclasses.replace(participant, school_id=end.school_id)
            statement_id = await uren_issue.issue(tx, services, request, at_school, participant,
                                                  now, final=True)
            await store.mark_done(tx, end.id, now, statement_id=statement_id)
    except NoRegime:
        log.warning("contract end %s: no regime recorded, no final urenverklaring", end.id)
        async with services.db.transaction() as tx:
            await store.mark_done(tx, end.id, now, note="no_regime")
        return 0
    except Exception:  # the uren sweep tries again
        log.exception("contract end %s: final urenverklaring failed", end.id)
        return 0
    log.info("contract end %s: final urenverklaring issued", end.id)
    return 1
