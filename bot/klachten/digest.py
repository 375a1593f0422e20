"""The klachtbehandelaars' daily digest (issue 14): at ``INBURGERBOT_DIGEST_TIME`` on working
days, each staff member who must act on a klacht received before today (decide on treatment, or
handle the one they took) gets one message listing them, so a card that scrolled away in the
chat is not forgotten (Blik op Werk norm 1.5.2: the terms of 4 and 6 weeks run on). The new
klacht and a participant's answer themselves come as messages in working hours (the outbox)."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, time

from bot.outbox import enqueue
from bot.rules.digest import digest_day
from bot.rules.localtime import at_local
from bot.services import Services
from storage import klachten as store


async def sweep_digest(services: Services, now: datetime) -> int:
    """Today's digests, once the digest time has passed; each at most once a day per person."""
    tz = services.settings.tz
    day = digest_day(now, services.settings.digest_time, tz)
    if day is None:
        return 0
    waiting: dict[int, list[dict]] = defaultdict(list)
    for klacht in await store.waiting_klachten(services.db, at_local(day, time(0), tz)):
        if klacht.state == "in_treatment" and klacht.handler_id is not None:
            people = [klacht.handler_id]
        else:
            people = [p.id for p in await store.eligible_handlers(services.db, klacht)]
        by = klacht.decide_by if klacht.state == "received" else klacht.handle_by
        for person_id in people:
            waiting[person_id].append({"reference": klacht.reference, "state": klacht.state,
                                       "by": by.isoformat() if by else None})
    made = 0
    async with services.db.transaction() as tx:
        for person_id, klachten in waiting.items():
            if await enqueue(tx, message_key="klacht.digest", now=now, person_id=person_id,
                             audience="staff", params={"klachten": klachten},
                             dedupe_key=f"klacht:digest:{person_id}:{day.isoformat()}"):
                made += 1
    return made
