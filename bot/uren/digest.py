"""The staff's daily digest of urenverklaring requests (issue 14; BoW 2.9.4: the school provides
the hours registration on request). A new request reaches the staff who confirm statements
(``bot.uren.issue.confirmers``) as a message with its button, in working hours (the outbox's
staff window); at ``INBURGERBOT_DIGEST_TIME`` on working days each of them gets one message
listing the requests made before that day that are still not issued, each with its button, so
a card that scrolled away in the chat is not forgotten. Once a day per person (dedupe key)."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, time

from bot.names import marked
from bot.outbox import enqueue
from bot.rules.digest import digest_day
from bot.rules.localtime import at_local
from bot.services import Services
from bot.uren.issue import confirmers
from storage import uren as store

# The digest's buttons: one a request, the oldest first; the rest are counted.
MAX_LISTED = 20


async def sweep_digest(services: Services, now: datetime) -> int:
    """Today's digests, once the digest time has passed; each at most once a day per person."""
    tz = services.settings.tz
    day = digest_day(now, services.settings.digest_time, tz)
    if day is None:
        return 0
    waiting: dict[int, list[dict]] = defaultdict(list)
    staff_of: dict[int, list[int]] = {}
    for request in await store.waiting_requests(services.db, at_local(day, time(0), tz)):
        if request.school_id not in staff_of:
            staff_of[request.school_id] = [
                p.id for p in await confirmers(services.db, request.school_id)]
        for person_id in staff_of[request.school_id]:
            waiting[person_id].append({
                "request_id": request.id, "requested_at": request.requested_at.isoformat(),
                "name": marked(request.name, request.external_id, request.participant_id)})
    made = 0
    async with services.db.transaction() as tx:
        for person_id, requests in waiting.items():
            if await enqueue(tx, message_key="uren.digest", now=now, person_id=person_id,
                             audience="staff",
                             params={"requests": requests[:MAX_LISTED],
                                     "more": max(0, len(requests) - MAX_LISTED)},
                             dedupe_key=f"uren:digest:{person_id}:{day.isoformat()}"):
                made += 1
    return made
