"""The klachten sweep (issue 5; Blik op Werk norm 1.5.2, convenant art. 13.5).

Run by the scheduler: reminds the handler 7 and 2 days before each open deadline (deciding on
treatment: receipt + 28 days; handling: receipt + 42 days); once a deadline has passed, escalates
to the school's coordinator, signals the participant's klantmanager (art. 13.5) and tells the
participant where else to go (the Blik op Werk klachtenlijn and the College van Arbitrage).
Also sends an acknowledgement that could not be sent directly.

Each notice is recorded in ``klacht_notices`` in the same transaction as its outbox rows, so it
is sent once, also when the bot restarts between two sweeps. Deadline arithmetic is
``bot.rules.klacht_deadlines``; reminders are due *by local date* (a reminder "7 days before"
comes on the morning of that day, not at its last second), so the rule is asked as of the end of
today: deadlines are end-of-day instants, so escalation times are the same either way.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from bot.klachten import consent, routing
from bot.names import name_of
from bot.outbox import enqueue
from bot.privacy import shared
from bot.rules.klacht_deadlines import reminders_due
from bot.rules.localtime import end_of_local_day, local_date
from storage import klachten as store
from storage import people
from storage.database import Tx
from storage.klachten import Klacht

log = logging.getLogger(__name__)

# An acknowledgement is normally sent the moment the klacht is stored; if the bot stopped in
# between, the sweep sends it after this grace.
ACK_GRACE = timedelta(minutes=2)
DRAFT_KEEP = timedelta(days=30)


def due_keys(klacht: Klacht, now: datetime, sent: set[str]) -> list[str]:
    """Reminder and escalation keys due for a formal klacht still open, not yet sent."""
    open_deadlines = {}
    if klacht.decided_at is None and klacht.decide_by is not None:
        open_deadlines["decide_by"] = klacht.decide_by
    if klacht.handled_at is None and klacht.handle_by is not None:
        open_deadlines["handle_by"] = klacht.handle_by
    if not open_deadlines:
        return []
    return list(reminders_due(open_deadlines, end_of_local_day(local_date(now)), sent))


async def sweep_klachten(services, now: datetime) -> None:
    db = services.db
    for klacht in await store.klachten_to_watch(db) + await store.unacknowledged_signals(db):
        if klacht.acknowledged_at is None and now - klacht.received_at >= ACK_GRACE:
            async with db.transaction() as tx:
                # Registered when Telegram accepted it (norm 1.5.6), not when it was queued.
                if not await routing.record_outbox_acknowledgement(tx, klacht):
                    await routing.send_acknowledgement_later(tx, klacht, now)
        if not klacht.is_open or klacht.route != "school":
            continue
        due = due_keys(klacht, now, await store.sent_notices(db, klacht.id))
        if not due:
            continue
        async with db.transaction() as tx:
            fresh = [key for key in due if await store.mark_notice(tx, klacht.id, key, now)]
            if fresh:
                await notify(tx, klacht, fresh, now)
    await store.prune_drafts(db, now - DRAFT_KEEP)


async def notify(tx: Tx, klacht: Klacht, keys: list[str], now: datetime) -> None:
    """Enqueue the reminders and escalations of one sweep for one klacht."""
    deadline_at = {"decide_by": klacht.decide_by, "handle_by": klacht.handle_by}
    reminders = [key for key in keys if not key.endswith(":escalate")]
    missed = [key.split(":")[0] for key in keys if key.endswith(":escalate")]
    handlers = ([await people.get_person(tx, klacht.handler_id)] if klacht.handler_id
                else await store.eligible_handlers(tx, klacht))
    has_files = bool(await store.attachments(tx, klacht.id))
    for key in reminders:
        name = key.split(":")[0]
        for handler in handlers:
            await enqueue(tx, message_key="klacht.reminder", now=now, person_id=handler.id,
                          audience="staff", dedupe_key=f"klacht:{klacht.id}:{key}:{handler.id}",
                          params={"klacht_id": klacht.id, "reference": klacht.reference,
                                  "deadline": name, "deadline_at": deadline_at[name].isoformat(),
                                  "state": klacht.state, "has_files": has_files})
    if missed:
        await escalate(tx, klacht, missed, deadline_at, now)


async def escalate(tx: Tx, klacht: Klacht, missed: list[str], deadline_at: dict,
                   now: datetime) -> None:
    """A passed deadline: the coordinator, the klantmanager (art. 13.5), the participant."""
    tag = "+".join(missed)
    school = await routing.school_name(tx, klacht.school_id)
    participant = await people.get_person(tx, klacht.participant_id)
    handler = await people.get_person(tx, klacht.handler_id) if klacht.handler_id else None
    missed_pairs = [[name, deadline_at[name].isoformat()] for name in missed]
    recipients = await store.coordinators(tx, klacht)
    for coordinator in recipients:
        await enqueue(tx, message_key="klacht.escalation", now=now, person_id=coordinator.id,
                      audience="staff", dedupe_key=f"klacht:{klacht.id}:esc:{tag}:{coordinator.id}",
                      params={"klacht_id": klacht.id, "reference": klacht.reference,
                              "school": school, "missed": missed_pairs,
                              "handler": handler.name if handler else None})
    if not recipients:
        log.warning("klacht %s: no coordinator to escalate to", klacht.id)
    if participant is not None and participant.klantmanager_id is not None:
        # The name only when the participant agreed (art. 12.3, 12.7); else they are asked.
        named = bool(klacht.klantmanager_consent)
        await enqueue(tx, message_key="klacht.km_late", now=now,
                      person_id=participant.klantmanager_id, audience="staff",
                      dedupe_key=f"klacht:{klacht.id}:km_late:{tag}",
                      params={"reference": klacht.reference, "school": school,
                              "participant": name_of(participant) if named else None,
                              "missed": missed_pairs})
        if named:
            await shared.record(tx, participant.id,
                                shared.klantmanager(participant.klantmanager_id),
                                ["name", "klacht"], shared.KLACHT_KM, now)
        else:
            await consent.ask(tx, klacht, "late", now)
    await enqueue(tx, message_key="klacht.late", now=now, person_id=klacht.participant_id,
                  audience="participant", dedupe_key=f"klacht:{klacht.id}:late:{tag}",
                  params={"reference": klacht.reference, "missed": missed})
    await store.record_event(tx, klacht.id, "escalated", None, tag, now)
