"""Recording a participant's mandatory participation activities (issue 4; convenant art. 9.2,
12.6): the gemeente tells the school which trajectories the participant follows and their times.
Recorded by the gemeente's API or by the klantmanager in the bot; every change recomputes the
participant's conflicts with lessons in the same transaction (``bot.rooster.conflicts``)."""

from __future__ import annotations

from datetime import datetime, tzinfo

from bot.rooster import conflicts
from bot.rules.lessons import Activity
from storage import participation as activity_store
from storage.database import Database


async def save(db: Database, activity: Activity, now: datetime, tz: tzinfo, *,
               gemeente_id: int | None, external_id: str | None = None,
               recorded_by: int | None = None) -> tuple[int, int, int]:
    """Insert or update (``activity.id`` set) an activity; returns (id, conflicts opened,
    conflicts resolved)."""
    async with db.transaction() as tx:
        activity_id = await activity_store.save_activity(
            tx, activity, now, gemeente_id=gemeente_id, external_id=external_id,
            recorded_by=recorded_by)
        opened, resolved = await conflicts.recompute(tx, {activity.participant_id}, now, tz)
    return activity_id, opened, resolved


async def remove(db: Database, activity: Activity, now: datetime, tz: tzinfo) -> int:
    """Delete an activity; its conflicts are resolved. Returns how many."""
    async with db.transaction() as tx:
        await activity_store.delete_activity(tx, activity.id, now)
        _, resolved = await conflicts.recompute(tx, {activity.participant_id}, now, tz)
    return resolved
