"""A school's standing in the convenant (issue 7, point 5; convenant art. 4.4, 14, 15).

When the admin (the Mandaatgemeente) marks a school suspended (its keurmerk suspended or
withdrawn, art. 4.4) or excluded (art. 14), in one transaction:

- each of its active participants gets a message in their own language advising them to switch,
  with a button that opens /overstap (art. 4.4, 15: "dringend adviseren");
- each klantmanager with participants there gets one urgent alert naming them (their caseload
  only);
- the other participating schools are told, to prepare to take over participants (art. 15).

A school that is not participating is no longer offered as a destination by /overstap.
Setting the same status again tells nobody anything new.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

import bot.overstap.notices  # noqa: F401  (renderers must be known before enqueueing)
from bot.outbox import PRIORITY_HIGH, enqueue
from bot.rules.localtime import AMSTERDAM
from storage import convenant, orgs
from storage.database import Database

STATUSES = ("participating", "suspended", "excluded")


class UnknownSchool(LookupError):
    pass


async def find_school(db: Database, ref: str) -> int:
    """A school by id, or by its exact name."""
    ref = ref.strip()
    if ref.isdigit():
        school = await orgs.get_school(db, int(ref))
        school_id = school.id if school is not None else None
    else:
        school_id = await orgs.school_named(db, ref)
    if school_id is None:
        raise UnknownSchool(ref)
    return school_id


async def change_status(db: Database, school_id: int, status: str, now: datetime,
                        keurmerk_valid_until: str | None = None, tz=AMSTERDAM) -> dict:
    """Set a school's convenant status and tell those concerned; returns what was done."""
    if status not in STATUSES:
        raise ValueError(f"status must be one of {', '.join(STATUSES)}")
    async with db.transaction() as tx:
        old = await convenant.set_school_status(tx, school_id, status, now, keurmerk_valid_until)
        if old is None:
            raise UnknownSchool(str(school_id))
        name = await convenant.school_name(tx, school_id)
        result = {"school": school_id, "name": name, "old_status": old, "status": status,
                  "participants_advised": 0, "klantmanagers_alerted": 0, "partners_told": 0}
        if old == status or status == "participating":
            return result
        change_id = await convenant.record_status_change(tx, school_id, old, status, now, 0, 0, 0)
        dedupe = f"school_status:{change_id}"
        participants = await convenant.active_participants(tx, school_id)
        by_klantmanager: dict[int, list[str]] = defaultdict(list)
        for participant in participants:
            await enqueue(tx, message_key="overstap.p.school_status", now=now,
                          params={"school": name, "status": status}, person_id=participant["id"],
                          priority=PRIORITY_HIGH, dedupe_key=f"{dedupe}:p:{participant['id']}")
            if participant["klantmanager_id"] is not None:
                by_klantmanager[participant["klantmanager_id"]].append(participant["name"])
        for klantmanager_id, names in by_klantmanager.items():
            await enqueue(tx, message_key="overstap.km.school_status", now=now, audience="staff",
                          params={"school": name, "status": status, "participants": names},
                          person_id=klantmanager_id, urgent=True, priority=PRIORITY_HIGH,
                          dedupe_key=f"{dedupe}:km:{klantmanager_id}")
        partners = 0
        today = now.astimezone(tz).date()
        for partner in await convenant.convenant_schools(tx, today, exclude=school_id):
            for staff_id in await convenant.staff_to_tell(tx, partner.id):
                await enqueue(tx, message_key="overstap.s.partner_status", now=now,
                              audience="staff", params={"school": name, "status": status},
                              person_id=staff_id, dedupe_key=f"{dedupe}:s:{staff_id}")
            partners += 1
        await convenant.record_status_counts(tx, change_id, len(participants),
                                             len(by_klantmanager), partners)
        result.update(participants_advised=len(participants),
                      klantmanagers_alerted=len(by_klantmanager), partners_told=partners)
    return result
