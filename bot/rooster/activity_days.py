"""The klantmanager hears of rooster changes on participation days (convenant art. 9.2: school
and gemeente tell each other of rooster changes as soon as possible, so the rooster stays
"volledig te volgen"; art. 10.4; issue 11, point 16).

When a push changes a lesson of a participant's group on a local day on which that participant
has a participation activity (``bot.rules.participation.touches_activity_day``; before or after
the change, also beyond the eight-week horizon), their klantmanager gets one message per push
naming the participant, the change and the activity, in the push's transaction. An overlap in
time is a conflict besides (``bot.rooster.conflicts``).
"""

from __future__ import annotations

import secrets
from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime, tzinfo

from bot.names import name_of
from bot.outbox import Notice, enqueue_many
from bot.rooster import notices
from bot.rules.lessons import Lesson
from bot.rules.participation import touches_activity_day
from storage import participation as activity_store
from storage import people
from storage.database import Tx

MAX_ITEMS = 15


async def tell_klantmanagers(tx: Tx, touched: Iterable[tuple[Lesson | None, Lesson, dict,
                                                             set[int]]],
                             now: datetime, tz: tzinfo) -> int:
    """``touched``: (old, new, entry, participants who notice it) per change; returns how many
    klantmanagers were told."""
    touched = list(touched)
    everyone = {pid for *_, pids in touched for pid in pids}
    if not everyone:
        return 0
    activities = await activity_store.activities_of(tx, everyone)
    if not activities:
        return 0
    by_klantmanager: dict[int, list[dict]] = defaultdict(list)
    persons = {}
    for old, new, entry, pids in touched:
        for pid in sorted(pids & set(activities)):
            titles = sorted({a.title for a in activities[pid]
                             if touches_activity_day((old, new), [a], tz)})
            if not titles:
                continue
            if pid not in persons:
                persons[pid] = await people.get_person(tx, pid)
            person = persons[pid]
            if person is None or person.klantmanager_id is None:
                continue
            by_klantmanager[person.klantmanager_id].append(
                {"participant": name_of(person), "entry": entry, "activities": titles})
    batch = secrets.token_hex(6)
    await enqueue_many(tx, (
        Notice(message_key=notices.ACTIVITY_DAY, audience="staff", person_id=klantmanager,
               params={"items": items[:MAX_ITEMS], "more": max(0, len(items) - MAX_ITEMS)},
               dedupe_key=f"rooster-activity-day:{batch}:{klantmanager}")
        for klantmanager, items in by_klantmanager.items()), now)
    return len(by_klantmanager)
