"""Who read whose data (AVG art. 5(2) accountability, art. 32; BoW 1.4.3 e: who has access):
every view of a caseload, a participant's attendance, a klacht file, a report, an export, an
urenverklaring or an overstap request is recorded with the actor and the participants concerned,
never with what was seen: in Telegram (``record``), through a school's or gemeente's API key
(``record_api``), and by whoever checks an urenverklaring's code at /verify."""

from __future__ import annotations

from datetime import datetime

from bot.i18n import N_
from storage import orgs
from storage import privacy as store
from storage.database import Database, Tx
from storage.people import Person

CASELOAD = "caseload"
PARTICIPANT = "participant"
ATTENDANCE = "attendance"
KLACHT = "klacht"
REPORT = "report"
EXPORT = "export"
UREN = "uren"
OVERSTAP = "overstap"
VERIFY = "verification (/verify)"
# What the participant reads in /gedeeld for each kind of view.
WHAT = {
    CASELOAD: N_("you in the list of their participants"),
    PARTICIPANT: N_("your details"),
    ATTENDANCE: N_("your lessons and attendance"),
    KLACHT: N_("your klacht"),
    REPORT: N_("you in a report"),
    EXPORT: N_("an export of all your data"),
    UREN: N_("your urenverklaring"),
    OVERSTAP: N_("your request to switch school"),
}


async def record(db: Database | Tx, actor: Person | None, subjects: list[int], what: str,
                 now: datetime, via: str = "telegram") -> None:
    """Record that ``actor`` (None: an API key or the admin CLI, named by ``via``) read ``what``
    about each participant in ``subjects``."""
    if not subjects:
        return
    label = f"{actor.role}:{actor.id}" if actor is not None else via
    await store.audit(db, actor.id if actor is not None else None, label, sorted(set(subjects)),
                      what, now)


async def record_api(db: Database, kind: str, caller_id: int, subjects: list[int], what: str,
                     now: datetime) -> None:
    """Record a read through a school's or gemeente's API key, named as the participant knows
    it: "Taalschool Twente (API)"."""
    if not subjects:
        return
    if kind == "school":
        school = await orgs.get_school(db, caller_id)
        name = school.name if school is not None else f"school {caller_id}"
    else:
        name = await orgs.gemeente_name(db, caller_id) or f"gemeente {caller_id}"
    await store.audit(db, None, f"{name} (API)", sorted(set(subjects)), what, now)
