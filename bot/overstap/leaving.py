"""Leaving the old school (issue 7, point 4; convenant art. 10.7): when a switch to another school
completes, the participant gets the old school's final urenverklaring with proof of
participation, issued automatically, without waiting for the school's staff to confirm it.

The statement itself is the urenverklaring feature's (issue 6, ``bot.uren.issue``): computed from
the attendance registration at the old school, signed with the old school's key, and announced
to the participant with a button for the PDF. This module asks for it once the participant has
left: at completion when the start at the new school is today or earlier, otherwise on that day
(the overstap sweep). It is recorded on the request in the same transaction as the statement, so
it is issued once; when it cannot be made (no regime recorded for the participant) that is
recorded instead of trying again and again.
"""

from __future__ import annotations

import dataclasses
import logging
from datetime import timedelta

from bot.uren import issue as uren_issue
from bot.uren.statement import NoRegime
from storage import overstap as store
from storage import people
from storage import uren as uren_store
from storage.overstap import Request

log = logging.getLogger(__name__)


async def issue_final_urenverklaring(services, request: Request) -> bool:
    """Issue the old school's final urenverklaring for a completed school switch, once; True
    when it is done (or nothing is to be done), False when it must be tried again later."""
    if (request.kind != "school" or request.state != "completed" or request.final_uren_at
            or request.effective_on is None):
        return True
    now = services.now()
    if now.astimezone(services.settings.tz).date() < request.effective_on:
        return False  # still at the old school until the switch date
    participant = await people.get_person(services.db, request.participant_id)
    # The statement is the old school's: its lessons, its name, its signing key.
    at_old_school = dataclasses.replace(participant, school_id=request.from_school_id)
    last_day = request.effective_on - timedelta(days=1)
    try:
        async with services.db.transaction() as tx:
            fresh = await store.get_request(tx, request.id)
            if fresh.final_uren_at is not None:
                return True
            uren_request_id = await uren_store.add_request(
                tx, participant_id=participant.id, school_id=request.from_school_id,
                requested_by=participant.id, period_start=None, period_end=last_day.isoformat(),
                now=now)
            uren_request = await uren_store.get_request(tx, uren_request_id)
            await uren_issue.issue(tx, services, uren_request, at_old_school, participant, now)
            await store.update_fields(tx, request.id, now, final_uren_at=now)
    except NoRegime:
        log.warning("overstap %s: no regime recorded, no final urenverklaring", request.id)
        async with services.db.transaction() as tx:
            await store.update_fields(tx, request.id, now, final_uren_at=now,
                                      final_uren_note="no_regime")
        return True
    except Exception:  # retried by the sweep; the switch itself stays completed
        log.exception("overstap %s: final urenverklaring failed", request.id)
        return False
    log.info("overstap %s: final urenverklaring issued", request.id)
    return True
