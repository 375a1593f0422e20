"""Conflicts between lessons and participation activities (issue 4; convenant art. 9.2, 10.4,
12.6: the rooster may not keep the participant from their mandatory participation activities;
school and gemeente tell each other of changes as soon as possible).

``recompute`` compares, for some participants, the overlaps that exist now (future lessons of
their groups on days they are members, against their activities) with the open conflicts: new
overlaps open a conflict and alert the klantmanager and the school once; overlaps that are gone
(the lesson moved or was cancelled, the activity changed or was deleted, the participant left the
group) are resolved. It runs inside the transaction of the push or the activity change.
"""

from __future__ import annotations

import secrets
from collections import defaultdict
from datetime import datetime, tzinfo

from bot.outbox import Notice, enqueue_many
from bot.rooster import notices
from bot.rules.rooster_diff import collides, local_day, member_on
from storage import groups as group_store
from storage import lessons as lesson_store
from storage import participation as activity_store
from storage import people
from storage import rooster_conflicts as conflict_store
from storage.database import Tx


async def recompute(tx: Tx, person_ids: set[int], now: datetime, tz: tzinfo) -> tuple[int, int]:
    """Open and resolve conflicts for these participants; returns (opened, resolved)."""
    activities = await activity_store.activities_of(tx, person_ids)
    relevant = set(activities) | await conflict_store.people_with_open_conflicts(tx, person_ids)
    if not relevant:
        return 0, 0
    existing = await conflict_store.open_conflicts(tx, relevant, now)
    groups_of = await group_store.people_groups(tx, list(activities))
    group_ids = {group for periods in groups_of.values() for group, _, _ in periods}
    lessons = await lesson_store.future_lessons_of_groups(tx, group_ids, now)
    school_of = await group_store.schools_of_groups(tx, group_ids)
    wanted: dict[tuple[int, int], tuple[int, int]] = {}
    for person_id, acts in activities.items():
        for group_id, joined, left in groups_of.get(person_id, ()):
            for lesson in lessons.get(group_id, ()):
                if not member_on([(joined, left)], local_day(lesson.starts_at, tz)):
                    continue
                for activity in acts:
                    if collides(lesson, activity, tz):
                        wanted[(lesson.id, activity.id)] = (person_id, school_of[group_id])
    gone = [conflict_id for key, conflict_id in existing.items() if key not in wanted]
    new = [(*key, *wanted[key]) for key in wanted if key not in existing]
    await conflict_store.resolve_conflicts(tx, gone, now)
    await conflict_store.open_new_conflicts(tx, new, now)
    if new:
        await alert(tx, [(lesson_id, activity_id) for lesson_id, activity_id, _, _ in new], now)
    return len(new), len(gone)


async def alert(tx: Tx, pairs: list[tuple[int, int]], now: datetime) -> None:
    """One message per klantmanager and per school contact, naming lesson and activity."""
    views = await conflict_store.conflicts_by_ids(tx, pairs)
    by_recipient: dict[int, list[dict]] = defaultdict(list)
    contacts: dict[int, list[int]] = {}
    for view in views:
        item = notices.conflict_item(view)
        if view.klantmanager_id is not None:
            by_recipient[view.klantmanager_id].append(item)
        if view.school_id not in contacts:
            staff = await people.school_staff(tx, view.school_id, "coordinator")
            if not staff:
                staff = await people.school_staff(tx, view.school_id)
            contacts[view.school_id] = [person.id for person in staff]
        for staff_id in contacts[view.school_id]:
            by_recipient[staff_id].append(item)
    batch = secrets.token_hex(6)
    await enqueue_many(tx, (
        Notice(message_key=notices.CONFLICT, params=notices.conflict_params(items),
               person_id=recipient, audience="staff",
               dedupe_key=f"rooster-conflict:{batch}:{recipient}")
        for recipient, items in by_recipient.items()), now)
