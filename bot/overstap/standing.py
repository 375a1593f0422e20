"""A school's standing (convenant art. 4.4, 14, 15; issue 11, point 5): its part in the convenant
and its keurmerk are separate standings (``bot.rules.standing``), set by the admin (the
Mandaatgemeente) with ``school-status``. In one transaction with the change:

- exclusion from the convenant (art. 14, 15) tells the other convenant schools, to prepare to
  take participants over; the participants are not told to switch;
- a suspension (schorsing) or withdrawal (intrekking) of the keurmerk (art. 4.4, 15) hands each
  klantmanager with participants there one urgent card: per participant of their caseload the
  advice to switch, ready to send (one button each, and one to send it to all). ``send_advice``
  sends it in the participant's own language through the outbox, with a button that opens
  /overstap, and records who sent it (``storage.switch_advice``).

A school not in good standing is no longer offered as a destination by /overstap, nor offers a
move to another of its groups. Setting the same standing again tells nobody anything new.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

import bot.overstap.notices  # noqa: F401  (renderers must be known before enqueueing)
import bot.overstap.standing_notices  # noqa: F401
from bot.names import marked, told_apart
from bot.outbox import PRIORITY_HIGH, enqueue
from bot.rules import standing as rule
from bot.rules.localtime import AMSTERDAM
from storage import convenant, orgs
from storage import switch_advice as advice_store
from storage.database import Database, Tx
from storage.people import Person

STATUSES = rule.CONVENANT
KEURMERK = rule.KEURMERK
ADVICE = "overstap.km.switch_advice"


class UnknownSchool(LookupError):
    pass


class NotYours(PermissionError):
    """Advice about a participant who is not in the pressing klantmanager's caseload."""


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


async def change_status(db: Database, school_id: int, now: datetime, *,
                        convenant_status: str | None = None, keurmerk: str | None = None,
                        keurmerk_valid_until: str | None = None, tz=AMSTERDAM) -> dict:
    """Set a school's standings and tell those concerned; returns what was done."""
    async with db.transaction() as tx:
        school = await orgs.get_school(tx, school_id)
        if school is None:
            raise UnknownSchool(str(school_id))
        if keurmerk_valid_until is not None:
            await convenant.set_keurmerk_until(tx, school_id, keurmerk_valid_until)
        result = {"school": school_id, "name": school.name,
                  "status": school.convenant_status, "keurmerk": school.keurmerk_status,
                  "partners_told": 0, "klantmanagers_alerted": 0, "advice_ready": 0}
        for standing, key, value in (("convenant", "status", convenant_status),
                                     ("keurmerk", "keurmerk", keurmerk)):
            if value is None:
                continue
            old = result[key]
            effect = rule.consequences(standing, old, value)
            await convenant.set_standing(tx, school_id, standing, value)
            result[key] = value
            if old == value:
                continue
            change_id = await convenant.record_status_change(tx, school_id, standing, old,
                                                             value, now)
            partners = alerted = advised = 0
            if effect.partners_told:
                partners = await _tell_partners(tx, school, change_id, value, now, tz)
            if effect.klantmanagers_advise:
                alerted, advised = await _hand_advice(tx, school, change_id, value, now)
            await convenant.record_status_counts(tx, change_id, advised, alerted, partners)
            result["partners_told"] += partners
            result["klantmanagers_alerted"] += alerted
            result["advice_ready"] += advised
    return result


async def _tell_partners(tx: Tx, school, change_id: int, status: str, now: datetime,
                         tz) -> int:
    """Art. 15: the other convenant partners prepare to take participants over."""
    partners = 0
    today = now.astimezone(tz).date()
    for partner in await convenant.convenant_schools(tx, today, exclude=school.id):
        for staff_id in await convenant.staff_to_tell(tx, partner.id):
            await enqueue(tx, message_key="overstap.s.partner_status", now=now,
                          audience="staff", params={"school": school.name, "status": status},
                          person_id=staff_id, dedupe_key=f"school_status:{change_id}:s:{staff_id}")
        partners += 1
    return partners


async def _hand_advice(tx: Tx, school, change_id: int, status: str,
                       now: datetime) -> tuple[int, int]:
    """Art. 4.4, 15: each klantmanager gets the advice for their caseload there, ready to send."""
    by_klantmanager: dict[int, list[int]] = defaultdict(list)
    for participant in await convenant.active_participants(tx, school.id):
        klantmanager_id = participant["klantmanager_id"]
        if klantmanager_id is None:
            continue
        by_klantmanager[klantmanager_id].append(await advice_store.add(
            tx, change_id=change_id, school_id=school.id, participant_id=participant["id"],
            klantmanager_id=klantmanager_id, now=now))
    for klantmanager_id in by_klantmanager:
        rows = await advice_store.of_change(tx, change_id, klantmanager_id)
        await enqueue(tx, message_key=ADVICE, now=now, audience="staff",
                      params=card_params(rows), person_id=klantmanager_id, urgent=True,
                      priority=PRIORITY_HIGH, dedupe_key=f"school_status:{change_id}:km:"
                                                         f"{klantmanager_id}")
    return len(by_klantmanager), sum(map(len, by_klantmanager.values()))


def card_params(rows: list[advice_store.Advice]) -> dict:
    """The klantmanager's card: the school, its keurmerk and each participant's advice."""
    first = rows[0]
    names = told_apart((row.participant_id, row.participant_name, row.participant_external_id)
                       for row in rows)
    return {"change_id": first.change_id, "school": first.school_name, "status": first.status,
            "participants": [{"advice": row.id, "name": names[row.participant_id],
                              "sent_by": row.sent_by_name,
                              "sent_at": row.sent_at.isoformat() if row.sent_at else None}
                             for row in rows]}


async def send_advice(db: Database, klantmanager: Person, now: datetime, *,
                      advice_id: int | None = None, change_id: int | None = None
                      ) -> tuple[list[str], dict]:
    """Send one participant's advice (``advice_id``) or all not yet sent of a change
    (``change_id``); returns the names it went to now and the card as it now stands. Raises
    ``NotYours`` for advice outside the klantmanager's caseload."""
    async with db.transaction() as tx:
        if advice_id is not None:
            rows = await advice_store.get(tx, [advice_id])
        else:
            rows = await advice_store.of_change(tx, change_id or 0, klantmanager.id)
        if not rows or any(row.klantmanager_id != klantmanager.id for row in rows):
            raise NotYours()
        sent = []
        for row in rows:
            if not await advice_store.mark_sent(tx, row.id, klantmanager.id, now):
                continue
            await enqueue(tx, message_key="overstap.p.school_status", now=now,
                          params={"school": row.school_name, "status": row.status},
                          person_id=row.participant_id, priority=PRIORITY_HIGH,
                          dedupe_key=f"switch_advice:{row.id}")
            sent.append(marked(row.participant_name, row.participant_external_id,
                               row.participant_id))
        card = card_params(await advice_store.of_change(tx, rows[0].change_id, klantmanager.id))
    return sent, card
