"""The overstap API (issue 7; convenant art. 11, 12.2-12.5, 15) for schools and gemeenten.

- Any key: ``GET /api/v1/overstap/schools``: the convenant schools with their status (art. 15:
  the partners see who was excluded or lost the keurmerk).
- A school's key: the requests that involve it (``GET .../requests``); as the current school it
  decides a move to another group, proposes the handover conversation (art. 11.3), hands over the
  items the participant agreed to (art. 12.5; anything else is refused) and records the financial
  settlement (art. 11.2); as the new school it fetches the pending handovers (only agreed items)
  and confirms the placement. The new school sees a request only once the klantmanager agreed.
- A gemeente's key acts for its klantmanagers: their caseload's requests, and the decision.

Errors as everywhere in the API (bot/api/__init__.py): a request that is not the caller's is a
404; a step not possible in its current state a 409; a wrong field a 422 naming it.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal, get_args

from fastapi import Depends, HTTPException, Path
from pydantic import BaseModel, Field

from bot.api import api_router, field_error
from bot.api.rooster_models import (
    PROSE_PATTERN,
    ExternalId,
    LocalDate,
    LocalDateTime,
    Prose,
    Strict,
    Text,
)
from bot.http.app import services
from bot.http.auth import Caller, caller, school
from bot.overstap import access, flow, telling
from bot.overstap.access import Actor, Refusal
from bot.overstap.items import ITEM_CODES
from bot.overstap.phrases import ADVICE_PHRASES, DECLINE_PHRASES
from bot.privacy import audit
from bot.rules import overstap as machine
from bot.rules.overstap import Event, Party
from bot.services import Services
from bot.trajectory import consented_records
from storage import convenant, people, placement
from storage import overstap as store
from storage.overstap import Request

router = api_router(prefix="/api/v1/overstap", tags=["overstap"])

RequestId = Path(ge=1, le=2**53, description="The request's id (from the bot)")
Item = Literal["intake", "duration", "rooster", "absence", "progress", "obstacles"]
assert set(get_args(Item)) == set(ITEM_CODES), "the API's items must be the consent items"
# The standard phrases (issue 14): the participant reads the phrase in their own language, then
# the note as written. Any other code is refused with a 422.
AdvicePhrase = Literal[tuple(ADVICE_PHRASES)]  # type: ignore[valid-type]
DeclinePhrase = Literal[tuple(DECLINE_PHRASES)]  # type: ignore[valid-type]


def _phrase_list(phrases: dict[str, str]) -> str:
    return "; ".join(f"{code}: \"{text}\"" for code, text in phrases.items())


def _refused(refusal: Refusal) -> HTTPException:
    if refusal.code == "not_found":
        return field_error(["path", "request_id"], "no such overstap request for this key",
                           "not_found", 404)
    if refusal.code == "invalid":
        return field_error(["body", *(refusal.field or "body").split(".")],
                           refusal.detail or "invalid")
    if refusal.code == "full":
        return HTTPException(status_code=409, detail="the group is full on that day")
    return HTTPException(status_code=409, detail=refusal.detail or f"not possible: {refusal.code}")


def _actor(who: Caller) -> Actor:
    return Actor(who.kind, who.id)


# ---- bodies ----------------------------------------------------------------------------------

class SchoolOut(BaseModel):
    id: int
    name: str
    status: Literal["participating", "excluded"] = Field(
        description="Its part in the convenant (art. 14)")
    keurmerk_status: Literal["valid", "suspended", "withdrawn"] = Field(
        description="Its Blik op Werk keurmerk (art. 4.4)")
    keurmerk_valid_until: str | None
    locations: str
    kinds: list[str] = Field(description="Kinds of course the school has groups for")
    offered: bool = Field(description="Whether participants can choose it to switch to")


class GroupRef(BaseModel):
    external_id: str
    name: str


class ConsentOut(BaseModel):
    agreed: list[Item]
    refused: list[Item]


class RequestOut(BaseModel):
    """An overstap request as the caller may see it."""

    id: int
    kind: Literal["slot", "school"] = Field(description="slot: another group of the same "
                                                        "school; school: another school")
    state: str
    state_since: datetime
    waiting_on: Literal["participant", "klantmanager", "old_school", "new_school"] | None
    your_part: list[Literal["klantmanager", "old_school", "new_school"]]
    participant_id: int
    participant: str
    participant_external_id: str | None = Field(
        description="Your own id for the participant (schools only, their own)")
    from_school: str
    to_school: str
    from_group: GroupRef | None
    to_group: GroupRef | None
    reason: str | None = Field(description="Not shown to the new school")
    reason_text: str | None
    note: str | None = Field(description="The klantmanager's note or the decline reason; not "
                                         "shown to the new school")
    phrase: str | None = Field(None, description="The standard phrase's code with the note "
                                                 "(issue 14); not shown to the new school")
    conversation_at: datetime | None
    conversation_place: str | None
    consent: ConsentOut | None = Field(description="Once the participant gave consent")
    effective_on: date | None
    settlement: str | None
    created_at: datetime


class DecisionIn(Strict):
    decision: Literal["approve", "advise"] = Field(
        description="Art. 11.1: the klantmanager approves or advises otherwise; the participant "
                    "and the schools decide, so there is no decline")
    note: str | None = Field(None, max_length=flow.MAX_NOTE, pattern=PROSE_PATTERN,
                             description="To advise, a note or a phrase (or both) is required; "
                                         "the participant reads it as written")
    phrase: AdvicePhrase | None = Field(
        None, description="A standard phrase with the advice, which the participant reads in "
                          "their own language before the note: " + _phrase_list(ADVICE_PHRASES))


class SlotDecisionIn(Strict):
    decision: Literal["approve", "decline"]
    effective_on: LocalDate | None = Field(None, description="The first day in the new group")
    reason: str | None = Field(None, max_length=flow.MAX_NOTE, pattern=PROSE_PATTERN,
                               description="To decline, a reason or a phrase (or both) is "
                                           "required; the participant reads it as written")
    phrase: DeclinePhrase | None = Field(
        None, description="A standard phrase with the decline, which the participant reads in "
                          "their own language before the reason: "
                          + _phrase_list(DECLINE_PHRASES))


class ConversationIn(Strict):
    at: LocalDateTime
    place: Text


class HandoverIn(Strict):
    items: dict[Item, Prose] = Field(
        description="Per agreed item its content as text. An item the participant did not agree "
                    "to is refused (422) and nothing is stored.")


class HandoverRecord(BaseModel):
    kind: str
    details: dict
    predicted_end: date | None
    recorded_at: datetime


class HandoverOut(BaseModel):
    request_id: int
    participant_id: int
    participant: str
    from_school: str
    handed_over_at: datetime
    items: dict[Item, str] = Field(description="Only the items the participant agreed to")
    records: list[HandoverRecord] = Field(
        default_factory=list,
        description="The old school's trajectory records (intake, duration, attitude, "
                    "obstacles, progress) of the agreed items only (art. 12.4, 12.5)")
    purpose: str


class CompleteIn(Strict):
    start_on: LocalDate
    group_external_id: ExternalId | None = Field(None, description="Your group for them")
    participant_external_id: ExternalId | None = Field(
        None, description="Your own id for the participant, for your rooster pushes")


class SettlementIn(Strict):
    kind: Literal["settled", "budget_transferred", "nothing_due"]
    note: str | None = Field(None, max_length=flow.MAX_NOTE, pattern=PROSE_PATTERN)


# ---- answers ----------------------------------------------------------------------------------

async def _out(svc: Services, request: Request, parties: set[Party]) -> RequestOut:
    db = svc.db
    params = await telling.base_params(db, svc, request)
    participant = await people.get_person(db, request.participant_id)
    groups = {}
    for group_id in (request.from_group_id, request.to_group_id):
        if group_id is not None:
            external_id, name = await placement.group_ref(db, group_id)
            groups[group_id] = GroupRef(external_id=external_id, name=name)
    new_only = parties == {Party.NEW_SCHOOL}
    given = await store.consents(db, request.id)
    consent = None
    if request.state in ("consent_given", "handed_over", "completed") and given:
        consent = ConsentOut(agreed=[i for i in ITEM_CODES if given.get(i) == "agreed"],
                             refused=[i for i in ITEM_CODES if given.get(i) == "refused"])
    school_parties = parties & {Party.OLD_SCHOOL, Party.NEW_SCHOOL}
    own_school = participant.school_id if school_parties else None
    current_school_is_caller = (
        (Party.OLD_SCHOOL in parties and own_school == request.from_school_id)
        or (Party.NEW_SCHOOL in parties and own_school == request.to_school_id))
    waiting = machine.waiting_on(request.kind, request.state, request.settlement_at is not None)
    return RequestOut(
        id=request.id, kind=request.kind, state=request.state, state_since=request.state_since,
        waiting_on=waiting.value if waiting else None,
        your_part=sorted(p.value for p in parties if p != Party.PARTICIPANT),
        participant_id=request.participant_id, participant=participant.name,
        participant_external_id=participant.external_id if current_school_is_caller else None,
        from_school=params["old_school"], to_school=params["new_school"],
        from_group=None if new_only else groups.get(request.from_group_id),
        to_group=groups.get(request.to_group_id),
        reason=None if new_only else request.reason,
        reason_text=None if new_only else (request.reason_text or None),
        note=None if new_only else params["note"],
        phrase=None if new_only else params["phrase"],
        conversation_at=request.conversation_at, conversation_place=request.conversation_place,
        consent=consent, effective_on=request.effective_on,
        settlement=None if new_only else request.settlement_kind,
        created_at=request.created_at)


async def _visible(svc: Services, who: Caller, request_id: int) -> tuple[Request, set[Party]]:
    try:
        async with svc.db.transaction() as tx:
            request, _, parties = await access.visible_request(tx, _actor(who), request_id)
    except Refusal as refusal:
        raise _refused(refusal) from None
    return request, parties


async def _step(svc: Services, who: Caller, request_id: int, event: Event, **data) -> RequestOut:
    try:
        await flow.act(svc, request_id, event, _actor(who), **data)
    except Refusal as refusal:
        raise _refused(refusal) from None
    request, parties = await _visible(svc, who, request_id)
    return await _out(svc, request, parties)


# ---- routes ----------------------------------------------------------------------------------

@router.get("/schools", response_model=list[SchoolOut])
async def list_schools(who: Caller = Depends(caller), svc: Services = Depends(services)):
    """Every school with its convenant status and keurmerk; ``offered`` says whether participants
    can choose it to switch to (art. 15: partners see who was excluded or lost the
    keurmerk)."""
    today = access.local_today(svc, svc.now())
    offered = {s.id: s for s in await convenant.convenant_schools(svc.db, today)}
    result = []
    for row in await convenant.all_schools(svc.db):
        kinds = await placement.school_kinds(svc.db, row["id"])
        result.append(SchoolOut(id=row["id"], name=row["name"], status=row["status"],
                                keurmerk_status=row["keurmerk_status"],
                                keurmerk_valid_until=row["keurmerk_valid_until"],
                                locations=row["locations"] or "", kinds=kinds,
                                offered=row["id"] in offered))
    return result


@router.get("/requests", response_model=list[RequestOut])
async def list_requests(open_only: bool = False, who: Caller = Depends(caller),
                        svc: Services = Depends(services)):
    """The requests that involve the calling school (the new school once the klantmanager agreed),
    or those of the calling gemeente's klantmanagers' caseload."""
    if who.kind == "school":
        found = await store.requests_for_school(svc.db, who.id)
    else:
        found = await store.requests_for_gemeente(svc.db, who.id)
    result = []
    for request in found:
        if open_only and not request.is_open:
            continue
        async with svc.db.transaction() as tx:
            parties = await access.parties_of(tx, _actor(who), request,
                                              await people.get_person(tx, request.participant_id))
        result.append(await _out(svc, request, parties))
    await audit.record_api(svc.db, who.kind, who.id,
                           [one.participant_id for one in found
                            if not open_only or one.is_open], audit.OVERSTAP, svc.now())
    return result


@router.get("/requests/{request_id}", response_model=RequestOut)
async def get_request(request_id: int = RequestId, who: Caller = Depends(caller),
                      svc: Services = Depends(services)):
    """One request, as far as it involves the caller."""
    request, parties = await _visible(svc, who, request_id)
    await audit.record_api(svc.db, who.kind, who.id, [request.participant_id], audit.OVERSTAP,
                           svc.now())
    return await _out(svc, request, parties)


@router.post("/requests/{request_id}/decision", response_model=RequestOut)
async def decide(body: DecisionIn, request_id: int = RequestId, who: Caller = Depends(caller),
                 svc: Services = Depends(services)):
    """The klantmanager's decision on a switch to another school, by the gemeente's key
    (art. 11.1): approve, or advise otherwise with a note (the participant then decides)."""
    if who.kind != "gemeente":
        raise HTTPException(status_code=403, detail="this endpoint takes a gemeente's API key")
    event = {"approve": Event.APPROVE, "advise": Event.ADVISE}
    if body.decision == "approve" and body.phrase is not None:
        raise field_error(["body", "phrase"], "a phrase goes with advice only")
    return await _step(svc, who, request_id, event[body.decision], note=body.note,
                       phrase=body.phrase)


@router.post("/requests/{request_id}/slot-decision", response_model=RequestOut)
async def decide_slot(body: SlotDecisionIn, request_id: int = RequestId,
                      school_id: int = Depends(school), svc: Services = Depends(services)):
    """The school's decision on a move to another of its groups (art. 11.1): approve from a date
    (the rooster follows from that day), or decline with a reason."""
    who = Caller("school", school_id)
    request, _ = await _visible(svc, who, request_id)
    if request.kind != machine.SLOT:
        raise HTTPException(status_code=409, detail="this is a switch to another school")
    if body.decision == "approve":
        if body.phrase is not None:
            raise field_error(["body", "phrase"], "a phrase goes with a decline only")
        if body.effective_on is None:
            raise field_error(["body", "effective_on"], "the first day in the new group is needed")
        return await _step(svc, who, request_id, Event.APPROVE, on=body.effective_on)
    return await _step(svc, who, request_id, Event.DECLINE, note=body.reason,
                       phrase=body.phrase)


@router.post("/requests/{request_id}/conversation", response_model=RequestOut)
async def propose_conversation(body: ConversationIn, request_id: int = RequestId,
                               school_id: int = Depends(school),
                               svc: Services = Depends(services)):
    """The current school proposes the handover conversation with the participant present
    (art. 11.3); the participant is asked to confirm, the new school is told."""
    return await _step(svc, Caller("school", school_id), request_id, Event.PROPOSE,
                       at=body.at, place=body.place)


@router.post("/requests/{request_id}/conversation-held", response_model=RequestOut)
async def conversation_held(request_id: int = RequestId, school_id: int = Depends(school),
                            svc: Services = Depends(services)):
    """The current school records that the handover conversation took place (art. 11.3), not
    before its time: only then is the participant asked for consent (art. 12.3), and only after
    that can the handover follow."""
    return await _step(svc, Caller("school", school_id), request_id, Event.HOLD)


@router.put("/requests/{request_id}/handover", response_model=RequestOut)
async def hand_over(body: HandoverIn, request_id: int = RequestId,
                    school_id: int = Depends(school), svc: Services = Depends(services)):
    """The current school hands over the items the participant agreed to (art. 12.5). An item
    they did not agree to is refused with 422 and nothing is stored."""
    return await _step(svc, Caller("school", school_id), request_id, Event.HAND_OVER,
                       items=dict(body.items))


@router.get("/handovers", response_model=list[HandoverOut])
async def pending_handovers(school_id: int = Depends(school), svc: Services = Depends(services)):
    """For the new school: handovers waiting for its confirmation of the placement, with only the
    items the participant agreed to."""
    result, delivered = [], []
    for request in await store.pending_handovers(svc.db, school_id):
        items = await store.handover_items(svc.db, request.id)
        records = await consented_records(svc.db, request.from_school_id, request.participant_id,
                                          await store.consents(svc.db, request.id))
        result.append(HandoverOut(
            request_id=request.id, participant_id=request.participant_id,
            participant=(await people.get_person(svc.db, request.participant_id)).name,
            from_school=await convenant.school_name(svc.db, request.from_school_id),
            handed_over_at=request.handover_at, items=items,
            records=[HandoverRecord(kind=r.kind, details=r.details, predicted_end=r.predicted_end,
                                    recorded_at=r.recorded_at) for r in records],
            purpose="overstap handover (convenant art. 12.2, 12.5), with the participant's "
                    "consent per item (art. 12.3)"))
        delivered.append(request)
    await flow.mark_delivered(svc, delivered)
    return result


@router.post("/requests/{request_id}/complete", response_model=RequestOut)
async def complete(body: CompleteIn, request_id: int = RequestId,
                   school_id: int = Depends(school), svc: Services = Depends(services)):
    """The new school confirms the placement from a day, optionally in one of its groups; the
    old school's final urenverklaring is issued to the participant (art. 10.7)."""
    return await _step(svc, Caller("school", school_id), request_id, Event.COMPLETE,
                       on=body.start_on, group_external_id=body.group_external_id,
                       participant_external_id=body.participant_external_id)


@router.post("/requests/{request_id}/settlement", response_model=RequestOut)
async def settlement(body: SettlementIn, request_id: int = RequestId,
                     school_id: int = Depends(school), svc: Services = Depends(services)):
    """The old school records the financial settlement after the switch (art. 11.2)."""
    who = Caller("school", school_id)
    try:
        await flow.record_settlement(svc, request_id, _actor(who), body.kind, body.note)
    except Refusal as refusal:
        raise _refused(refusal) from None
    request, parties = await _visible(svc, who, request_id)
    return await _out(svc, request, parties)


__all__ = ["router"]
