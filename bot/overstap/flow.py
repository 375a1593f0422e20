"""Applying overstap steps (issue 7): one transaction per step that checks the presser's rights
and the request's state, stores the new state with its time and side effects, and enqueues the
notifications for exactly the parties the step concerns (``machine.concerned``).

Used alike by the participant's buttons, the klantmanager's and school staff's buttons, the
schools' and gemeenten' API and the admin CLI, so every path obeys the same rules:

- a school acts only on requests that involve it, the new school only once the klantmanager
  agreed; a klantmanager only for their own caseload; a gemeente for its klantmanagers' caseload;
- a step that is not possible in the current state (a stale or forged button, a replayed API
  call) is refused and changes nothing;
- only the items the participant agreed to can be handed over (art. 12.3, 12.5), and each
  handover is written to ``sharing_log`` for /gedeeld.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from bot.outbox import PRIORITY_HIGH, PRIORITY_NORMAL, enqueue
from bot.overstap.items import ITEM_CODES, MAX_REASON_TEXT, REASONS
from bot.rules import overstap as machine
from bot.rules.overstap import Event, IllegalTransition, Party, State
from bot.rules.working_days import is_working_day, next_working_day
from storage import convenant, orgs, people, placement, sharing
from storage import overstap as store
from storage.database import Tx
from storage.overstap import Request
from storage.people import Person

import bot.overstap.notices  # noqa: F401  (registers the renderers before anything is enqueued)

log = logging.getLogger(__name__)

MAX_NOTE = 1000
MAX_PLACE = 200
MAX_ITEM_CONTENT = 20_000


class Refusal(Exception):
    """A step that cannot be taken. ``code``: not_found (or not yours: it looks absent), stale
    (not possible in this state any more), invalid (bad input), open (one open request already),
    not_offered (a school or group the participant may not pick), full, no_group,
    no_klantmanager."""

    def __init__(self, code: str, detail: str = "", field: str | None = None):
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail
        self.field = field


@dataclass(frozen=True)
class Actor:
    """Who takes a step: ``kind`` participant/klantmanager (person id), staff (their school's id,
    and the person), school or gemeente (API key owner id), or system."""

    kind: str
    id: int | None
    person_id: int | None = None

    @classmethod
    def for_person(cls, person: Person) -> "Actor":
        if person.role == "staff":
            return cls("staff", person.school_id, person.id)
        return cls(person.role, person.id, person.id)


def local_today(services, now: datetime) -> date:
    return now.astimezone(services.settings.tz).date()


async def parties_of(tx: Tx, actor: Actor, request: Request, participant: Person) -> set[Party]:
    """Which parties of this request the actor is; empty means it is none of their business."""
    if actor.kind == "participant":
        return {Party.PARTICIPANT} if actor.id == request.participant_id else set()
    if actor.kind == "klantmanager":
        return {Party.KLANTMANAGER} if participant.klantmanager_id == actor.id else set()
    if actor.kind == "gemeente":
        klantmanager = (await people.get_person(tx, participant.klantmanager_id)
                        if participant.klantmanager_id is not None else None)
        gemeente = klantmanager.gemeente_id if klantmanager is not None else None
        return {Party.KLANTMANAGER} if gemeente is not None and gemeente == actor.id else set()
    if actor.kind in ("staff", "school"):
        parties = set()
        if request.from_school_id == actor.id:
            parties.add(Party.OLD_SCHOOL)
        if (request.kind == machine.SCHOOL and request.to_school_id == actor.id
                and request.state in store.NEW_SCHOOL_STATES):
            parties.add(Party.NEW_SCHOOL)
        return parties
    if actor.kind == "system":
        return set(Party)
    return set()


async def visible_request(tx, actor: Actor, request_id: int) -> tuple[Request, Person, set[Party]]:
    """The request if the actor takes part in it; otherwise it does not exist for them."""
    request = await store.get_request(tx, request_id)
    if request is None:
        raise Refusal("not_found")
    participant = await people.get_person(tx, request.participant_id)
    parties = await parties_of(tx, actor, request, participant)
    if not parties:
        raise Refusal("not_found")
    return request, participant, parties


def actor_kind(actor: Actor, party: Party) -> str:
    if actor.kind == "gemeente":
        return "gemeente"
    return party.value if actor.kind != "system" else "system"


# ---- what each party is told ---------------------------------------------------------------

MESSAGES: dict[tuple[str, Event, Party], str] = {
    (machine.SCHOOL, Event.APPROVE, Party.PARTICIPANT): "overstap.p.approved",
    (machine.SCHOOL, Event.APPROVE, Party.OLD_SCHOOL): "overstap.s.approved",
    (machine.SCHOOL, Event.APPROVE, Party.NEW_SCHOOL): "overstap.s.incoming",
    (machine.SLOT, Event.APPROVE, Party.PARTICIPANT): "overstap.p.slot_done",
    (machine.SLOT, Event.APPROVE, Party.KLANTMANAGER): "overstap.km.slot_done",
    (machine.SCHOOL, Event.ADVISE, Party.PARTICIPANT): "overstap.p.advised",
    (machine.SCHOOL, Event.DECLINE, Party.PARTICIPANT): "overstap.p.declined",
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
HIDDEN_FROM_NEW_SCHOOL = ("reason", "reason_text", "note")


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
    return {
        "request_id": request.id, "kind": request.kind, "state": request.state,
        "participant": participant.name,
        "old_school": await convenant.school_name(tx, request.from_school_id),
        "new_school": await convenant.school_name(tx, request.to_school_id),
        "from_group": group_names.get(request.from_group_id),
        "to_group": group_names.get(request.to_group_id),
        "reason": request.reason, "reason_text": request.reason_text, "note": note,
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
    if party == Party.NEW_SCHOOL:
        for key in HIDDEN_FROM_NEW_SCHOOL:
            result.pop(key, None)
    result["for"] = party.value
    return result


async def tell(tx: Tx, request: Request, party: Party, message_key: str, params: dict,
               now: datetime, dedupe: str, urgent: bool = False) -> int:
    sent = 0
    for person_id in await recipients(tx, request, party):
        await enqueue(tx, message_key=message_key, params=params_for(party, params), now=now,
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


# ---- the participant's request ---------------------------------------------------------------

async def submit(services, participant: Person, *, kind: str, reason: str, reason_text: str = "",
                 to_school_id: int | None = None, to_group_id: int | None = None) -> Request:
    """File a request (issue 7, point 1), checking what the participant may pick."""
    now = services.now()
    today = local_today(services, now)
    if kind not in machine.KINDS:
        raise Refusal("invalid", "unknown kind", "kind")
    if reason not in REASONS:
        raise Refusal("invalid", "unknown reason", "reason")
    reason_text = (reason_text or "").strip()
    if len(reason_text) > MAX_REASON_TEXT:
        raise Refusal("invalid", f"at most {MAX_REASON_TEXT} characters", "reason_text")
    async with services.db.transaction() as tx:
        person = await people.get_person(tx, participant.id)
        if person is None or person.role != "participant" or person.status != "active":
            raise Refusal("not_found")
        if await store.open_request_for(tx, person.id) is not None:
            raise Refusal("open")
        groups = await placement.current_groups(tx, person.id, person.school_id, today)
        from_group = groups[0] if groups else None
        if kind == machine.SLOT:
            school = await orgs.get_school(tx, person.school_id)
            if school is None or school.convenant_status != "participating":
                raise Refusal("not_offered")  # art. 4.4, 15: the way out is another school
            if from_group is None:
                raise Refusal("no_group")
            options = {g.id: g for g in await placement.slot_options(tx, person.school_id,
                                                                     from_group, today)}
            if to_group_id not in options:
                target = await placement.get_group(tx, to_group_id, today) if to_group_id else None
                full = (target is not None and target.school_id == person.school_id
                        and (target.kind, target.level) == (from_group.kind, from_group.level)
                        and target.id != from_group.id)
                raise Refusal("full" if full else "not_offered")
            to_school_id = person.school_id
        else:
            choices = {s.id for s in await convenant.convenant_schools(
                tx, today, exclude=person.school_id)}
            if to_school_id not in choices:
                raise Refusal("not_offered")
            if person.klantmanager_id is None:
                raise Refusal("no_klantmanager")
            to_group_id = None
        request_id = await store.create_request(
            tx, participant_id=person.id, kind=kind, from_school_id=person.school_id,
            to_school_id=to_school_id, from_group_id=from_group.id if from_group else None,
            to_group_id=to_group_id, reason=reason, reason_text=reason_text, now=now)
        request = await store.get_request(tx, request_id)
        params = await base_params(tx, services, request)
        if kind == machine.SCHOOL:
            await tell(tx, request, Party.KLANTMANAGER, "overstap.km.request", params, now,
                       "1:overstap.km.request")
        else:
            await tell(tx, request, Party.OLD_SCHOOL, "overstap.s.slot_request", params, now,
                       "1:overstap.s.slot_request")
    log.info("overstap %s requested (%s)", request_id, kind)
    return request


# ---- every later step ----------------------------------------------------------------------

def _future(services, at: datetime | None, field: str) -> datetime:
    if at is None or at.tzinfo is None:
        raise Refusal("invalid", "a date and time with offset is needed", field)
    if at <= services.now():
        raise Refusal("invalid", "must be in the future", field)
    return at


def _text(value: str | None, limit: int, field: str, required: bool) -> str | None:
    value = (value or "").strip()
    if not value:
        if required:
            raise Refusal("invalid", "a text is needed", field)
        return None
    if len(value) > limit:
        raise Refusal("invalid", f"at most {limit} characters", field)
    return value


async def act(services, request_id: int, event: Event | str, actor: Actor, *,
              note: str | None = None, at: datetime | None = None, place: str | None = None,
              on: date | None = None, group_id: int | None = None,
              group_external_id: str | None = None, participant_external_id: str | None = None,
              items: dict[str, str] | None = None) -> Request:
    """Take one step of the state machine for ``actor``; raises Refusal and changes nothing when
    it is not theirs to take, not possible now, or its input is wrong."""
    event = Event(event)
    now = services.now()
    today = local_today(services, now)
    async with services.db.transaction() as tx:
        request, participant, parties = await visible_request(tx, actor, request_id)
        try:
            target = machine.next_state(request.kind, request.state, event)
            required = machine.actor_for(request.kind, request.state, event)
        except IllegalTransition:
            raise Refusal("stale", f"not possible while {request.state}") from None
        if required not in parties:
            # Visible but not theirs to act on (e.g. the new school trying the old one's step).
            raise Refusal("stale", f"this step belongs to the {required.value.replace('_', ' ')}")
        fields: dict = {}
        extra: dict = {}
        kind = request.kind
        if event == Event.APPROVE and kind == machine.SCHOOL:
            fields.update(km_decision="approved", km_note=_text(note, MAX_NOTE, "note", False),
                          km_decided_at=now)
            # The new school now learns the participant's name and wish (art. 12.3: logged).
            await sharing.log_sharing(tx, participant.id, f"school:{request.to_school_id}",
                                      ["name", "request"], "overstap_request", now)
        elif event == Event.APPROVE:  # a move to another group of the same school
            if on is None or on < today:
                raise Refusal("invalid", "a date from today on is needed", "effective_on")
            group = await placement.get_group(tx, request.to_group_id, on)
            if group is None or (group.free is not None and group.free <= 0):
                raise Refusal("full")
            await placement.move_group_membership(tx, participant.id, request.from_group_id,
                                                  request.to_group_id, on)
            fields.update(effective_on=on, completed_at=now)
        elif event == Event.ADVISE:
            fields.update(km_decision="advised_otherwise", km_decided_at=now,
                          km_note=_text(note, MAX_NOTE, "note", True))
        elif event == Event.DECLINE:
            reason = _text(note, MAX_NOTE, "note", True)
            fields.update(closed_at=now)
            if kind == machine.SCHOOL:
                fields.update(km_decision="declined", km_note=reason, km_decided_at=now)
            else:
                fields.update(decline_reason=reason)
        elif event == Event.PROPOSE:
            fields.update(conversation_at=_future(services, at, "at"),
                          conversation_place=_text(place, MAX_PLACE, "place", True))
        elif event == Event.CONSENT:
            given = await store.consents(tx, request.id)
            missing = [item for item in ITEM_CODES if item not in given]
            if missing:
                raise Refusal("invalid", "not every item was answered", "consent")
            extra = {"agreed": [i for i in ITEM_CODES if given[i] == "agreed"],
                     "refused": [i for i in ITEM_CODES if given[i] == "refused"]}
        elif event == Event.HAND_OVER:
            items = items or {}
            given = await store.consents(tx, request.id)
            unknown = [item for item in items if item not in ITEM_CODES]
            if unknown:
                raise Refusal("invalid", f"unknown items: {', '.join(sorted(unknown))}", "items")
            not_agreed = [item for item in items if given.get(item) != "agreed"]
            if not_agreed:
                raise Refusal("invalid", "the participant did not agree to pass on: "
                              + ", ".join(sorted(not_agreed)), "items")
            for item, content in items.items():
                if not isinstance(content, str) or len(content) > MAX_ITEM_CONTENT:
                    raise Refusal("invalid", f"a text of at most {MAX_ITEM_CONTENT} characters",
                                  f"items.{item}")
            await store.save_handover_items(tx, request.id, items, now)
            fields.update(handover_at=now)
            shared = sorted(items, key=ITEM_CODES.index)
            if shared:
                await sharing.log_sharing(tx, participant.id, f"school:{request.to_school_id}",
                                          shared, "overstap_handover", now)
            extra = {"items": shared}
        elif event == Event.COMPLETE:
            if on is None or on < today:
                raise Refusal("invalid", "a start date from today on is needed", "start_on")
            group = None
            if group_external_id is not None:
                group = await placement.group_by_external_id(tx, request.to_school_id,
                                                             group_external_id, on)
                if group is None:
                    raise Refusal("invalid", "no such group at your school", "group_external_id")
            elif group_id is not None:
                group = await placement.get_group(tx, group_id, on)
                if group is None or group.school_id != request.to_school_id:
                    raise Refusal("invalid", "no such group at your school", "group")
            if group is not None and group.free is not None and group.free <= 0:
                raise Refusal("full")
            await placement.leave_school_groups(tx, participant.id, request.from_school_id, on)
            if group is not None:
                await placement.move_group_membership(tx, participant.id, None, group.id, on)
            if participant_external_id is not None and await placement.external_id_taken(
                    tx, request.to_school_id, participant_external_id, participant.id):
                raise Refusal("invalid", "another participant of your school has this id",
                              "participant_external_id")
            await placement.change_school(tx, participant.id, request.to_school_id,
                                          participant_external_id)
            fields.update(effective_on=on, completed_at=now)
            if group is not None:
                fields["to_group_id"] = group.id
        elif event == Event.WITHDRAW:
            fields.update(closed_at=now)
        party = required
        changed = await store.set_state(tx, request, target.value, event=event.value,
                                        actor_kind=actor_kind(actor, party),
                                        actor_id=actor.person_id or actor.id, now=now, **fields)
        if not changed:
            raise Refusal("stale", "the request changed meanwhile")
        updated = await store.get_request(tx, request.id)
        await notify(tx, services, updated, request.state, event, now, extra)
    log.info("overstap %s: %s -> %s", request.id, request.state, target.value)
    if event == Event.COMPLETE:
        from bot.overstap.leaving import issue_final_urenverklaring

        await issue_final_urenverklaring(services, updated)
    return updated


async def answer_consent(services, request_id: int, participant: Person, item: str,
                         decision: str) -> Request:
    """One answer of the participant about one item, while the consent step is open."""
    if item not in ITEM_CODES or decision not in ("agreed", "refused"):
        raise Refusal("invalid", "unknown item or answer", "consent")
    async with services.db.transaction() as tx:
        request, _, _ = await visible_request(tx, Actor("participant", participant.id),
                                              request_id)
        if request.state != State.CONVERSATION_ACCEPTED:
            raise Refusal("stale")
        await store.save_consent(tx, request.id, item, decision, services.now())
    return request


async def restart_consent(services, request_id: int, participant: Person) -> Request:
    async with services.db.transaction() as tx:
        request, _, _ = await visible_request(tx, Actor("participant", participant.id),
                                              request_id)
        if request.state != State.CONVERSATION_ACCEPTED:
            raise Refusal("stale")
        await store.clear_consents(tx, request.id)
    return request


async def record_settlement(services, request_id: int, actor: Actor, kind: str,
                            note: str | None = None) -> Request:
    """The old school's financial settlement after a completed switch (art. 11.2)."""
    if kind not in ("settled", "budget_transferred", "nothing_due"):
        raise Refusal("invalid", "settled, budget_transferred or nothing_due", "kind")
    now = services.now()
    async with services.db.transaction() as tx:
        request, _, parties = await visible_request(tx, actor, request_id)
        if Party.OLD_SCHOOL not in parties:
            raise Refusal("not_found")
        if request.state != State.COMPLETED or request.kind != machine.SCHOOL:
            raise Refusal("stale", "only after a completed switch to another school")
        if request.settlement_at is not None:
            raise Refusal("stale", "the settlement is already recorded")
        await store.update_fields(tx, request.id, now, settlement_kind=kind,
                                  settlement_note=_text(note, MAX_NOTE, "note", False),
                                  settlement_at=now)
        await store.add_event(tx, request.id, now, "settlement", request.state, request.state,
                              "old_school", actor.person_id or actor.id)
        return await store.get_request(tx, request.id)


async def mark_delivered(services, requests: list[Request]) -> None:
    """The first time the new school fetched a handover, for the record."""
    now = services.now()
    async with services.db.transaction() as tx:
        for request in requests:
            if request.delivered_at is None:
                await store.update_fields(tx, request.id, now, delivered_at=now)


async def check_step(services, request_id: int, event: Event | str, actor: Actor) -> Request:
    """Whether ``actor`` may take ``event`` now, without taking it (to refuse a button at once
    rather than after the typing it leads to); raises Refusal like ``act``."""
    async with services.db.transaction() as tx:
        request, _, parties = await visible_request(tx, actor, request_id)
    try:
        required = machine.actor_for(request.kind, request.state, Event(event))
    except IllegalTransition:
        raise Refusal("stale", f"not possible while {request.state}") from None
    if required not in parties:
        raise Refusal("stale")
    return request


async def card(services, request: Request, party: Party) -> tuple[str, dict] | None:
    """The message key and params of what ``party`` must do now for this request, if anything."""
    waiting = machine.waiting_on(request.kind, request.state, request.settlement_at is not None)
    if waiting != party:
        return None
    keys = {
        (machine.SCHOOL, "requested", Party.KLANTMANAGER): "overstap.km.request",
        (machine.SLOT, "requested", Party.OLD_SCHOOL): "overstap.s.slot_request",
        (machine.SCHOOL, "approved", Party.OLD_SCHOOL): "overstap.s.approved",
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
