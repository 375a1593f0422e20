"""Filing an overstap request (issue 7, point 1; convenant art. 11.1, 4.4, 15): what a
participant may ask for, checked in the same transaction that stores the request and tells the
one who decides: another group of the same kind and level with a free place at their own school
(the school decides), or another school that takes part in the convenant (the klantmanager
decides). One open request per participant; a school outside the convenant offers no group
move, its participants are advised to leave it. A group whose lessons overlap the participant's
participation activities is not offered (convenant art. 10.4, 9.2; ``bot.rules.participation``).
"""

from __future__ import annotations

import logging

from bot.overstap.access import Refusal, local_today
from bot.overstap.items import MAX_REASON_TEXT, REASONS
from bot.overstap.telling import base_params, tell
from bot.rules import overstap as machine
from bot.rules.overstap import Party
from bot.rules.participation import group_fits
from bot.rules.standing import in_good_standing
from storage import convenant, lessons, orgs, people, placement
from storage import overstap as store
from storage import participation as activities
from storage.overstap import Request
from storage.people import Person
from storage.placement import Group

log = logging.getLogger(__name__)


async def slot_choices(db, person_id: int, school_id: int, current: Group, day, now, tz
                       ) -> tuple[list[Group], int]:
    """The groups a participant may move to from ``day`` on, and how many groups with room were
    left out because their lessons overlap the participant's participation activities."""
    options = await placement.slot_options(db, school_id, current, day)
    acts = (await activities.activities_of(db, {person_id})).get(person_id, [])
    if not options or not acts:
        return options, 0
    planned = await lessons.future_lessons_of_groups(db, [g.id for g in options], now)
    fitting = [g for g in options if group_fits(planned.get(g.id, ()), acts, day, tz)]
    return fitting, len(options) - len(fitting)


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
            if school is None or not in_good_standing(school.convenant_status,
                                                      school.keurmerk_status):
                raise Refusal("not_offered")  # art. 4.4, 15: the way out is another school
            if from_group is None:
                raise Refusal("no_group")
            fitting, _ = await slot_choices(tx, person.id, person.school_id, from_group, today,
                                            now, services.settings.tz)
            options = {g.id: g for g in fitting}
            if to_group_id not in options:
                target = await placement.get_group(tx, to_group_id, today) if to_group_id else None
                full = (target is not None and target.school_id == person.school_id
                        and (target.kind, target.level) == (from_group.kind, from_group.level)
                        and target.id != from_group.id
                        and target.free is not None and target.free <= 0)
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
