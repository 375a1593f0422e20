"""Applying overstap steps (issue 7): one transaction per step that checks the presser's rights
and the request's state, stores the new state with its time and side effects, and enqueues the
notifications for exactly the parties the step concerns (``bot.overstap.telling``).

Used alike by the participant's buttons, the klantmanager's and school staff's buttons, the
schools' and gemeenten' API and the admin CLI, so every path obeys the same rules:

- a school acts only on requests that involve it, the new school only once the klantmanager
  agreed; a klantmanager only for their own caseload; a gemeente for its klantmanagers' caseload
  (``bot.overstap.access``);
- a step that is not possible in the current state (a stale or forged button, a replayed API
  call) is refused and changes nothing;
- only the items the participant agreed to can be handed over (art. 12.3, 12.5), and each
  handover is written to ``sharing_log`` for /gedeeld;
- a completed move (another group, another school) recomputes the participant's conflicts with
  their participation activities in the same transaction (convenant art. 10.4, 9.2): a new
  overlap alerts the klantmanager and the school, one that is gone is resolved.
"""

from __future__ import annotations

import logging
from datetime import date, datetime

from bot.overstap.access import Actor, Refusal, actor_kind, local_today, visible_request
from bot.overstap.items import ITEM_CODES
from bot.overstap.phrases import PHRASES
from bot.overstap.telling import notify
from bot.rooster import conflicts
from bot.rules import overstap as machine
from bot.rules.overstap import Event, IllegalTransition, Party, State
from storage import overstap as store
from storage import placement, sharing
from storage.overstap import Request
from storage.people import Person

log = logging.getLogger(__name__)

MAX_NOTE = 1000
MAX_PLACE = 200
MAX_ITEM_CONTENT = 20_000


def _future(services, at: datetime | None, field: str) -> datetime:
    if at is None or at.tzinfo is None:
        raise Refusal("invalid", "a date and time with offset is needed", field)
    if at <= services.now():
        raise Refusal("invalid", "must be in the future", field)
    return at


def _phrase(code: str | None, step: str) -> str | None:
    """A standard phrase's code of ``step`` (issue 14), or None; an unknown code is refused."""
    if code is None:
        return None
    if code not in PHRASES[step]:
        raise Refusal("invalid", "unknown phrase; one of " + ", ".join(PHRASES[step]), "phrase")
    return code


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
              items: dict[str, str] | None = None, phrase: str | None = None) -> Request:
    """Take one step of the state machine for ``actor``; raises Refusal and changes nothing when
    it is not theirs to take, not possible now, or its input is wrong. Advice and a decline carry
    a standard phrase's code (``phrase``), own words (``note``) or both."""
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
            await conflicts.recompute(tx, {participant.id}, now, services.settings.tz)
            fields.update(effective_on=on, completed_at=now)
        elif event == Event.ADVISE:
            code = _phrase(phrase, "advise")
            fields.update(km_decision="advised_otherwise", km_decided_at=now, km_phrase=code,
                          km_note=_text(note, MAX_NOTE, "note", code is None))
        elif event == Event.DECLINE:  # only the school, on a move to another of its groups
            code = _phrase(phrase, "decline")
            reason = _text(note, MAX_NOTE, "note", code is None)
            fields.update(closed_at=now, decline_reason=reason, decline_phrase=code)
        elif event == Event.PROPOSE:
            fields.update(conversation_at=_future(services, at, "at"),
                          conversation_place=_text(place, MAX_PLACE, "place", True))
        elif event == Event.HOLD:
            # Art. 11.3: recorded as held once its time has come, not in advance.
            if request.conversation_at is not None and now < request.conversation_at:
                raise Refusal("invalid", "the conversation has not taken place yet", "held")
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
            await conflicts.recompute(tx, {participant.id}, now, services.settings.tz)
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
        if request.state != State.CONVERSATION_HELD:  # art. 11.3: after the conversation
            raise Refusal("stale")
        await store.save_consent(tx, request.id, item, decision, services.now())
    return request


async def restart_consent(services, request_id: int, participant: Person) -> Request:
    async with services.db.transaction() as tx:
        request, _, _ = await visible_request(tx, Actor("participant", participant.id),
                                              request_id)
        if request.state != State.CONVERSATION_HELD:  # art. 11.3: after the conversation
            raise Refusal("stale")
        await store.clear_consents(tx, request.id)
    return request


def _settlement_open(request: Request, parties) -> None:
    if Party.OLD_SCHOOL not in parties:
        raise Refusal("not_found")
    if request.state != State.COMPLETED or request.kind != machine.SCHOOL:
        raise Refusal("stale", "only after a completed switch to another school")
    if request.settlement_at is not None:
        raise Refusal("stale", "the settlement is already recorded")


async def check_settlement(services, request_id: int, actor: Actor) -> Request:
    """Whether ``actor`` may record the settlement now, without recording it (to refuse an old
    button before its second press); raises Refusal like ``record_settlement``."""
    async with services.db.transaction() as tx:
        request, _, parties = await visible_request(tx, actor, request_id)
    _settlement_open(request, parties)
    return request


async def record_settlement(services, request_id: int, actor: Actor, kind: str,
                            note: str | None = None) -> Request:
    """The old school's financial settlement after a completed switch (art. 11.2)."""
    if kind not in ("settled", "budget_transferred", "nothing_due"):
        raise Refusal("invalid", "settled, budget_transferred or nothing_due", "kind")
    now = services.now()
    async with services.db.transaction() as tx:
        request, _, parties = await visible_request(tx, actor, request_id)
        _settlement_open(request, parties)
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
    if Event(event) == Event.HOLD and request.conversation_at is not None \
            and services.now() < request.conversation_at:
        raise Refusal("invalid", "the conversation has not taken place yet", "held")
    return request
