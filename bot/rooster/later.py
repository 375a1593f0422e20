"""Rooster changes further ahead (convenant art. 10.4, 9.2; issue 11, point 16).

A change of a lesson more than eight weeks ahead is not pushed to the participant one by one
(``bot.rules.rooster_diff.told_later``): the push holds it (``hold``, in its transaction) and the
weekly summary tells it, Monday from 09:00 local: one message per participant with every change
held before that moment, a lesson changed twice told once in its final state, and nothing when
the changes cancel out; a lesson that is told at once meanwhile (moved into the coming weeks)
leaves the summary. ``SWEEPS`` hands the summary to the scheduler.
"""

from __future__ import annotations

from datetime import datetime

from bot.outbox import Notice, enqueue_many
from bot.rooster import notices
from bot.rooster.pacing import breathing
from bot.rules.rooster_diff import summary_boundary
from bot.services import Services
from storage import rooster_later as store
from storage.database import Tx


async def hold(tx: Tx, school_id: int, changes: list[tuple[dict, set[int]]],
               told_now: set[str], now: datetime) -> None:
    """In the push's transaction: hold each change with the participants who notice it, and drop
    held changes of lessons the push told at once (``told_now``: moved into the coming weeks)."""
    if told_now:
        await store.forget(tx, school_id, sorted(told_now), now)
    await store.hold(tx, school_id, [(entry, sorted(people)) async for entry, people
                                     in breathing(changes) if people], now)


async def sweep(services: Services, now: datetime) -> None:
    held = await store.due(services.db, summary_boundary(now, services.settings.tz))
    if not held:
        return
    fresh = []
    async with services.db.transaction() as tx:
        await store.mark_summarized(tx, sorted({i for rows in held.values() for i, _ in rows}),
                                    now)
        for person_id, rows in held.items():
            entries: list[dict] = []
            for _, entry in rows:
                entries = notices.fold(entries, [entry])
            ids = [row_id for row_id, _ in rows]
            if entries:
                fresh.append(Notice(message_key=notices.LATER,
                                    params=notices.changed_params(entries), person_id=person_id,
                                    dedupe_key=f"rooster-later:{ids[0]}"))
        await enqueue_many(tx, fresh, now)


SWEEPS = (("rooster_later", sweep),)
