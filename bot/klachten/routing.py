"""Who gets a klacht (issue 5): a formal klacht goes to the school's klachtbehandelaars who are not
involved in it (Blik op Werk norm 1.5.2: handled by an independent person), else to its
coordinator; a signal goes to the participant's klantmanager (convenant art. 13.4).

All functions run inside the caller's transaction and only enqueue outbox rows, so a klacht and
the notifications it causes are committed together.
"""

from __future__ import annotations

import logging
from datetime import datetime

from bot.klachten import alternative, consent
from bot.names import name_of
from bot.outbox import PRIORITY_HIGH, PRIORITY_NORMAL, enqueue
from bot.privacy import shared
from bot.rules.urgency import SAFETY_TOPICS, urgency
from storage import klachten as store
from storage import orgs, people
from storage import outbox as outbox_store
from storage.database import Tx
from storage.klachten import Klacht

log = logging.getLogger(__name__)


async def school_name(tx: Tx, school_id: int) -> str:
    school = await orgs.get_school(tx, school_id)
    return (school.name if school else None) or "?"


def ack_params(klacht: Klacht, caller: str | None = None) -> dict:
    """``caller``: for a klacht about safety, who will call the participant (issue 14)."""
    return {"reference": klacht.reference, "route": klacht.route, "anonymous": klacht.anonymous,
            "decide_by": klacht.decide_by.isoformat() if klacht.decide_by else None,
            "handle_by": klacht.handle_by.isoformat() if klacht.handle_by else None,
            "safety": about_safety(klacht), "caller": caller}


def about_safety(klacht: Klacht) -> bool:
    """A formal klacht about safety or harassment: someone may be at risk now (issue 14)."""
    return klacht.route == "school" and klacht.topic in SAFETY_TOPICS


async def safety_caller(tx: Tx, klacht: Klacht) -> str | None:
    """Who will call the participant about a safety klacht: the school's coordinator (not
    involved in it), else its first handler; None when the school has nobody."""
    found = await store.coordinators(tx, klacht) or await store.eligible_handlers(tx, klacht)
    return found[0].name if found else None


def ack_key(klacht_id: int) -> str:
    return f"klacht:{klacht_id}:ack"


async def send_acknowledgement_later(tx: Tx, klacht: Klacht, now: datetime) -> None:
    """The acknowledgement through the outbox, when the direct reply did not go out; idempotent.
    It is registered as acknowledged only when Telegram accepted it (norm 1.5.6): the klachten
    sweep reads that moment from the outbox (``record_outbox_acknowledgement``)."""
    caller = await safety_caller(tx, klacht) if about_safety(klacht) else None
    await enqueue(tx, message_key="klacht.ack", params=ack_params(klacht, caller), now=now,
                  person_id=klacht.participant_id, priority=PRIORITY_HIGH,
                  dedupe_key=ack_key(klacht.id))


async def record_outbox_acknowledgement(tx: Tx, klacht: Klacht) -> bool:
    """Register the acknowledgement date as the moment Telegram accepted the queued message;
    False while it has not gone out."""
    accepted = await outbox_store.sent_at(tx, ack_key(klacht.id))
    if accepted is None:
        return False
    return await store.mark_acknowledged(tx, klacht.id, accepted)


async def card_params(tx: Tx, klacht: Klacht, rerouted: bool = False) -> dict:
    participant = await people.get_person(tx, klacht.participant_id)
    return {
        "klacht_id": klacht.id, "reference": klacht.reference,
        "school": await school_name(tx, klacht.school_id), "topic": klacht.topic,
        # An anonymous participant's name never enters the handler's message.
        "participant": None if klacht.anonymous else name_of(participant),
        "anonymous": klacht.anonymous,
        "received_at": klacht.received_at.isoformat(),
        "decide_by": klacht.decide_by.isoformat() if klacht.decide_by else None,
        "handle_by": klacht.handle_by.isoformat() if klacht.handle_by else None,
        "attachments": [a.kind for a in await store.attachments(tx, klacht.id)],
        "rerouted": rerouted,
    }


async def deliver_to_handlers(tx: Tx, klacht: Klacht, now: datetime, rerouted: bool = False) -> int:
    """Send the klacht to everyone who may handle it; returns how many that are. A klacht about
    safety also goes to the coordinators, at once in any hours (issue 14)."""
    handlers = await store.eligible_handlers(tx, klacht)
    params = await card_params(tx, klacht, rerouted)
    safety = about_safety(klacht)
    told = list(handlers)
    if safety:
        told += [p for p in await store.coordinators(tx, klacht) if p not in told]
    for handler in told:
        await enqueue(tx, message_key="klacht.new", params=params, now=now, person_id=handler.id,
                      audience="staff", dedupe_key=f"klacht:{klacht.id}:new:{handler.id}",
                      urgent=safety, priority=PRIORITY_HIGH if safety else PRIORITY_NORMAL,
                      urgency=urgency(now, klacht_topic=klacht.topic if safety else None))
    if not handlers:
        # Nobody independent at the school: the klantmanager hears of it (convenant art. 13.4).
        log.warning("klacht %s has no independent handler", klacht.id)
        # The school is shown the handbook's alternative: a short report the participant
        # endorses (norm 1.5, note 7).
        await alternative.guide_school(tx, klacht, now)
        participant = await people.get_person(tx, klacht.participant_id)
        if participant.klantmanager_id is not None:
            # Without the name: the participant is asked first (art. 12.3, 12.7; point 8).
            await enqueue(tx, message_key="klacht.no_handler", now=now, audience="staff",
                          person_id=participant.klantmanager_id,
                          dedupe_key=f"klacht:{klacht.id}:no_handler",
                          params={"reference": klacht.reference, "participant": None,
                                  "school": params["school"]})
            await consent.ask(tx, klacht, "no_handler", now)
    return len(handlers)


async def deliver_signal(tx: Tx, klacht: Klacht, now: datetime) -> bool:
    """A signal to the klantmanager (art. 13.4); False when the participant has none."""
    participant = await people.get_person(tx, klacht.participant_id)
    if participant.klantmanager_id is None:
        return False
    params = await card_params(tx, klacht)
    params["participant"] = name_of(participant)  # they chose to tell their own klantmanager
    await enqueue(tx, message_key="klacht.km_signal", params=params, now=now,
                  person_id=participant.klantmanager_id, audience="staff",
                  dedupe_key=f"klacht:{klacht.id}:km_signal")
    await shared.record(tx, participant.id, shared.klantmanager(participant.klantmanager_id),
                        ["name", "klacht"], shared.KLACHT_KM, now)
    return True
