"""Leaving the old school (issue 7, point 4; convenant art. 10.7): when a switch to another school
completes, the participant gets the final urenverklaring and proof of participation of the old
school, issued automatically.

Issuing the statement belongs to the urenverklaring feature (issue 6); this module only asks it
to, after the switch has been committed, and records that it was done. When it cannot be done now
(the statement feature fails or is not available), the overstap sweep asks again later, so a
completed switch never ends without its urenverklaring.
"""

from __future__ import annotations

import logging

from storage import overstap as store
from storage.overstap import Request

log = logging.getLogger(__name__)


async def issue_final_urenverklaring(services, request: Request) -> bool:
    """Issue the old school's final urenverklaring for a completed school switch, once."""
    if request.kind != "school" or request.state != "completed" or request.final_uren_at:
        return True
    try:
        from bot.uren.final import issue_final_statement  # issue 6
    except ImportError:
        log.warning("overstap %s: the urenverklaring feature is not available yet", request.id)
        return False
    try:
        await issue_final_statement(services, participant_id=request.participant_id,
                                    school_id=request.from_school_id,
                                    until=request.effective_on, reason="overstap")
    except Exception:  # retried by the sweep; the switch itself stays completed
        log.exception("overstap %s: final urenverklaring failed", request.id)
        return False
    async with services.db.transaction() as tx:
        await store.update_fields(tx, request.id, services.now(), final_uren_at=services.now())
    return True
