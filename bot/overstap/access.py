"""Who takes part in an overstap request, and the refusal of a step (issue 7; convenant art.
11.1, 12.3): the ``Actor`` taking a step (participant, klantmanager, school staff, a school's or
gemeente's API key, the system), which parties of a request an actor is, and the request as far
as it is theirs.

- a school sees the requests that involve it, the new school only once the klantmanager agreed;
  a klantmanager only their own caseload; a gemeente its klantmanagers' caseload;
- a request that is not the actor's does not exist for them (``Refusal("not_found")``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from bot.rules import overstap as machine
from bot.rules.overstap import Party
from storage import overstap as store
from storage import people
from storage.database import Tx
from storage.overstap import Request
from storage.people import Person


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
    def for_person(cls, person: Person) -> Actor:
        if person.role == "staff":
            return cls("staff", person.school_id, person.id)
        return cls(person.role, person.id, person.id)


def local_today(services, now: datetime) -> date:
    """The bot's local date at ``now``: the day steps and choices are judged by."""
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
