"""What each party of an overstap is told, and when (issue 7; convenant art. 11.1-11.3, 12.3):
the message for every step and party, the reminders, the parameters the notices are rendered
from, and the card of what a party must do now (for /overstappen).

Only the parties a step concerns are told (``bot.rules.overstap.concerned``), in their own
language at send time (``bot.overstap.notices``), through the outbox in the step's transaction.
The new school learns neither the reason nor the klantmanager's note (art. 12.3).
"""

from __future__ import annotations

from datetime import datetime, timedelta

import bot.overstap.notices  # noqa: F401  (registers the renderers before anything is enqueued)
from bot.names import marked, name_of
from bot.outbox import PRIORITY_HIGH, PRIORITY_NORMAL, enqueue
from bot.overstap.items import ITEM_CODES
from bot.rules import overstap as machine
from bot.rules.overstap import Event, Party
from bot.rules.working_days import is_working_day, next_working_day
from storage import convenant, people, placement
from storage import overstap as store
from storage.database import Tx
from storage.overstap import Request

MESSAGES: dict[tuple[str, Event, Party], str] = {
    (machine.SCHOOL, Event.APPROVE, Party.PARTICIPANT): "overstap.p.approved",
    (machine.SCHOOL, Event.APPROVE, Party.OLD_SCHOOL): "overstap.s.approved",
    (machine.SCHOOL, Event.APPROVE, Party.NEW_SCHOOL): "overstap.s.incoming",
    (machine.SLOT, Event.APPROVE, Party.PARTICIPANT): "overstap.p.slot_done",
    (machine.SLOT, Event.APPROVE, Party.KLANTMANAGER): "overstap.km.slot_done",
    (machine.SCHOOL, Event.ADVISE, Party.PARTICIPANT): "overstap.p.advised",
    (machine.SLOT, Event.DECLINE, Party.PARTICIPANT): "overstap.p.declined",
    (machine.SCHOOL, Event.CONTINUE, Party.KLANTMANAGER): "overstap.km.continued",
    (machine.SCHOOL, Event.CONTINUE, Party.OLD_SCHOOL): "overstap.s.approved",
    (machine.SCHOOL, Event.CONTINUE, Party.NEW_SCHOOL): "overstap.s.incoming",
    (machine.SCHOOL, Event.PROPOSE, Party.PARTICIPANT): "overstap.p.conversation",
    (machine.SCHOOL, Event.PROPOSE, Party.NEW_SCHOOL): "overstap.s.conversation",
    (machine.SCHOOL, Event.ACCEPT, Party.OLD_SCHOOL): "overstap.s.accepted",
    (machine.SCHOOL, Event.ACCEPT, Party.NEW_SCHOOL): "overstap.s.accepted",
    (machine.SCHOOL, Event.RESCHEDULE, Party.OLD_SCHOOL): "overstap.s.reschedule",
    (machine.SCHOOL, Event.RESCHEDULE, Party.NEW_SCHOOL): "overstap.s.reschedule",
    (machine.SCHOOL, Event.HOLD, Party.PARTICIPANT): "overstap.p.held",
    (machine.SCHOOL, Event.HOLD, Party.NEW_SCHOOL): "overstap.s.held",
    (machine.SCHOOL, Event.CONSENT, Party.OLD_SCHOOL): "overstap.s.consent",
    (machine.SCHOOL, Event.HAND_OVER, Party.PARTICIPANT): "overstap.p.handed_over",
    (machine.SCHOOL, Event.HAND_OVER, Party.NEW_SCHOOL): "overstap.s.handover_ready",
    (machine.SCHOOL, Event.COMPLETE, Party.PARTICIPANT): "overstap.p.completed",
    (machine.SCHOOL, Event.COMPLETE, Party.KLANTMANAGER): "overstap.km.completed",
    (machine.SCHOOL, Event.COMPLETE, Party.OLD_SCHOOL): "overstap.s.completed",
    (machine.SCHOOL, Event.WITHDRAW, Party.KLANTMANAGER): "overstap.km.withdrawn",
    (machine.SCHOOL, Event.WITHDRAW, Party.OLD_SCHOOL): "overstap.s.withdrawn",
    (machine.SCHOOL, Event.WITHDRAW, Party.NEW_SCHOOL): "overstap.s.withdrawn",
    (machine.SLOT, Event.WITHDRAW, Party.OLD_SCHOOL): "overstap.s.withdrawn",
}
REMINDERS = {Party.PARTICIPANT: "overstap.p.reminder", Party.KLANTMANAGER: "overstap.km.reminder",
             Party.OLD_SCHOOL: "overstap.s.reminder", Party.NEW_SCHOOL: "overstap.s.reminder"}
# The new school learns neither the reason nor the klantmanager's note: only what the
# participant agreed to reaches it (art. 12.3).
HIDDEN_FROM_NEW_SCHOOL = ("reason", "reason_text", "note", "phrase")


def slot_dates(now: datetime, tz) -> list[str]:
    """Dates a school can pick for a move to another group: the next working day and the next
    two Mondays that are working days (the rooster usually changes by the week)."""
    today = now.astimezone(tz).date()
    days = [next_working_day(today)]
    monday = today + timedelta(days=7 - today.weekday())
    while len(days) < 3:
        if is_working_day(monday) and monday not in days:
            days.append(monday)
        monday += timedelta(days=7)
    return [day.isoformat() for day in sorted(days)]


async def base_params(tx: Tx, services, request: Request) -> dict:
    participant = await people.get_person(tx, request.participant_id)
    group_names = {}
    for group_id in (request.from_group_id, request.to_group_id):
        if group_id is not None:
            group_names[group_id] = await placement.group_name(tx, group_id)
    note = request.km_note if request.kind == machine.SCHOOL else request.decline_reason
    phrase = request.km_phrase if request.kind == machine.SCHOOL else request.decline_phrase
    return {
        "request_id": request.id, "kind": request.kind, "state": request.state,
        # With the old school's id for them; the new school reads the bot's number instead,
        # as the old school's records reach it only with the participant's consent.
        "participant": name_of(participant),
        "participant_for_new_school": marked(participant.name, None, participant.id),
        "old_school": await convenant.school_name(tx, request.from_school_id),
        "new_school": await convenant.school_name(tx, request.to_school_id),
        "from_group": group_names.get(request.from_group_id),
        "to_group": group_names.get(request.to_group_id),
        "reason": request.reason, "reason_text": request.reason_text, "note": note,
        "phrase": phrase,
        "at": request.conversation_at.isoformat() if request.conversation_at else None,
        "place": request.conversation_place,
        "start_on": request.effective_on.isoformat() if request.effective_on else None,
        "since": request.state_since.isoformat(),
        "dates": (slot_dates(services.now(), services.settings.tz)
                  if request.kind == machine.SLOT and request.state == "requested" else None),
    }


async def recipients(tx: Tx, request: Request, party: Party) -> list[int]:
    if party == Party.PARTICIPANT:
        return [request.participant_id]
    if party == Party.KLANTMANAGER:
        participant = await people.get_person(tx, request.participant_id)
        km = participant.klantmanager_id if participant is not None else None
        return [km] if km is not None else []
    school_id = request.from_school_id if party == Party.OLD_SCHOOL else request.to_school_id
    return await convenant.staff_to_tell(tx, school_id)


def params_for(party: Party, params: dict) -> dict:
    result = dict(params)
    for_new_school = result.pop("participant_for_new_school", None)
    if party == Party.NEW_SCHOOL:
        for key in HIDDEN_FROM_NEW_SCHOOL:
            result.pop(key, None)
        if for_new_school is not None:
            result["participant"] = for_new_school
    result["for"] = party.value
    return result


async def tell(tx: Tx, request: Request, party: Party, message_key: str, params: dict,
               now: datetime, dedupe: str, urgent: bool = False) -> int:
    sent = 0
    stored = params_for(party, params)
    # Typed words stay in the request; the participant's notices load them at send time.
    stored.pop("note", None)
    for person_id in await recipients(tx, request, party):
        await enqueue(tx, message_key=message_key, params=stored, now=now,
                      person_id=person_id,
                      audience="participant" if party == Party.PARTICIPANT else "staff",
                      priority=PRIORITY_HIGH if party == Party.PARTICIPANT else PRIORITY_NORMAL,
                      urgent=urgent, dedupe_key=f"overstap:{request.id}:{dedupe}:{person_id}")
        sent += 1
    return sent


async def notify(tx: Tx, services, request: Request, before: str, event: Event,
                 now: datetime, extra: dict | None = None) -> None:
    params = await base_params(tx, services, request)
    params.update(extra or {})
    step = await store.count_events(tx, request.id)
    for party in sorted(machine.concerned(request.kind, before, event)):
        key = MESSAGES.get((request.kind, event, party))
        if key is not None:
            await tell(tx, request, party, key, params, now, f"{step}:{key}")


async def card(services, request: Request, party: Party) -> tuple[str, dict] | None:
    """The message key and params of what ``party`` must do now for this request, if anything."""
    waiting = machine.waiting_on(request.kind, request.state, request.settlement_at is not None)
    if waiting != party:
        return None
    keys = {
        (machine.SCHOOL, "requested", Party.KLANTMANAGER): "overstap.km.request",
        (machine.SLOT, "requested", Party.OLD_SCHOOL): "overstap.s.slot_request",
        (machine.SCHOOL, "approved", Party.OLD_SCHOOL): "overstap.s.approved",
        (machine.SCHOOL, "conversation_accepted", Party.OLD_SCHOOL): "overstap.s.accepted",
        (machine.SCHOOL, "consent_given", Party.OLD_SCHOOL): "overstap.s.consent",
        (machine.SCHOOL, "handed_over", Party.NEW_SCHOOL): "overstap.s.handover_ready",
        (machine.SCHOOL, "completed", Party.OLD_SCHOOL): "overstap.s.completed",
    }
    key = keys.get((request.kind, request.state, party))
    if key is None:
        return None
    async with services.db.transaction() as tx:
        params = await base_params(tx, services, request)
        given = await store.consents(tx, request.id)
        supplied = await store.handover_items(tx, request.id)
    params.update(agreed=[i for i in ITEM_CODES if given.get(i) == "agreed"],
                  refused=[i for i in ITEM_CODES if given.get(i) == "refused"],
                  items=[i for i in ITEM_CODES if i in supplied])
    return key, params_for(party, params)
