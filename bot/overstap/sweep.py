"""The overstap sweep (issue 7): reminds whoever must act when a step has waited more than
``INBURGERBOT_OVERSTAP_REMINDER_DAYS`` working days (default 5), and again every so many working
days; asks again for a final urenverklaring that could not be issued at completion (convenant
art. 10.7); and forgets handover contents a while after the switch (AVG, art. 12.7).

Each reminder is recorded on the request in the same transaction as its outbox rows, and its
dedupe key names the state and the reminder's number, so a restart never sends one twice.
``SWEEPS`` hands the sweep to the scheduler.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from bot.overstap.leaving import issue_final_urenverklaring
from bot.overstap.telling import REMINDERS, base_params, tell
from bot.rules import overstap as machine
from storage import overstap as store

log = logging.getLogger(__name__)

HANDOVER_KEEP = timedelta(days=30)


async def remind(services, request, now: datetime) -> bool:
    """Remind the party a request waits on, if it is due; True when a reminder was enqueued."""
    days = getattr(services.settings, "overstap_reminder_days", machine.DEFAULT_REMINDER_DAYS)
    party = machine.waiting_on(request.kind, request.state, request.settlement_at is not None)
    if party is None or not machine.reminder_due(request.state_since, request.last_reminded_at,
                                                 now, days, services.settings.tz):
        return False
    async with services.db.transaction() as tx:
        fresh = await store.get_request(tx, request.id)
        if (fresh is None or fresh.state != request.state
                or fresh.reminders != request.reminders):
            return False  # moved on, or reminded by another sweep meanwhile
        params = await base_params(tx, services, fresh)
        number = fresh.reminders + 1
        sent = await tell(tx, fresh, party, REMINDERS[party], params, now,
                          f"remind:{fresh.state}:{number}")
        await store.mark_reminded(tx, fresh.id, now)
    log.info("overstap %s: reminder %s to %s (%s recipients)", request.id, number, party.value,
             sent)
    return True


async def sweep_overstap(services, now: datetime) -> None:
    for request in await store.waiting_requests(services.db):
        if request.state == "completed" and request.final_uren_at is None:
            await issue_final_urenverklaring(services, request)
        await remind(services, request, now)
    async with services.db.transaction() as tx:
        await store.purge_handover_items(tx, now - HANDOVER_KEEP)


SWEEPS = (("overstap", sweep_overstap),)
