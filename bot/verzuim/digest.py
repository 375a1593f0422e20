"""The daily digest of alerts a klantmanager has not marked as seen (issue 6), at
``INBURGERBOT_DIGEST_TIME`` on working days, so an alert that scrolled away is not lost.

It gathers unseen alerts from before today (today's alerts were just delivered); the digest row
and its outbox message are written together, so a restart never makes a second one that day.
"""

from __future__ import annotations

from datetime import datetime, time

from bot.names import marked
from bot.outbox import enqueue
from bot.rules.digest import digest_day
from bot.rules.localtime import at_local
from bot.services import Services
from bot.verzuim import notices  # noqa: F401  (registers the renderers)
from storage import trajectory as trajectory_store
from storage import verzuim as store
from storage.database import from_db


async def sweep(services: Services, now: datetime) -> int:
    """Make today's digests once the digest time has passed; returns how many were made."""
    tz = services.settings.tz
    day = digest_day(now, services.settings.digest_time, tz)
    if day is None:
        return 0
    start_of_day = at_local(day, time(0), tz)
    made = 0
    # Unseen trajectory reports (issue 15) join the digest of the alerts.
    due = set(await store.klantmanagers_due_digest(services.db, day, start_of_day))
    due |= set(await trajectory_store.klantmanagers_with_unseen(services.db, start_of_day))
    for klantmanager_id in sorted(due):
        alerts = await store.unseen_alerts(services.db, klantmanager_id, start_of_day)
        reports = await trajectory_store.unseen_for_digest(services.db, klantmanager_id,
                                                           start_of_day)
        if not alerts and not reports:
            continue
        params = {"day": day.isoformat(), "reports": [
            {"kind": r["kind"], "name": marked(r["name"], r["external_id"], r["person_id"]),
             "school": r["school"],
             "flagged": bool(r["flagged"]), "at": from_db(r["recorded_at"]).isoformat()}
            for r in reports], "alerts": [
            {"kind": a["kind"], "name": marked(a["name"], a["external_id"], a["person_id"]),
             "school": a["school"],
             "since": (from_db(a["episode_start"]) or from_db(a["alerted_at"])).isoformat(),
             "alerted_at": from_db(a["alerted_at"]).isoformat()} for a in alerts]}
        async with services.db.transaction() as tx:
            if await store.record_digest(tx, klantmanager_id, day,
                                        len(alerts) + len(reports), now):
                await enqueue(tx, message_key="verzuim.digest", params=params, now=now,
                              person_id=klantmanager_id, audience="staff",
                              dedupe_key=f"verzuim:digest:{klantmanager_id}:{day.isoformat()}")
                made += 1
    return made
