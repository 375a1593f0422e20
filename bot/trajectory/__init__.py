"""The trajectory on record (issue 15; convenant art. 12.1, 12.4, 12.6).

A school reports the intake, the predicted duration and its changes, work attitude and motivation,
obstacles and progress; each report is stored, reaches the participant's klantmanager as an alert
with "seen" (in working hours; unseen ones in the daily digest), is logged for the participant's
/gedeeld (art. 12.3), and, for the intake and every changed prediction, is told to the participant
in their own language (C art. 10.1; BoW 2.11). A gemeente's note about obstacles reaches the
school's coordinators. Everything is written in one transaction with its notifications.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bot.outbox import enqueue
from bot.rules import trajectory as rules
from bot.services import Services
from bot.survey import ask_consent
from bot.trajectory import notices  # noqa: F401  (registers the renderers)
from storage import people, sharing
from storage import trajectory as store
from storage.database import Database
from storage.people import Person

PURPOSE = "trajectory_report"
GEMEENTE_PURPOSE = "gemeente_note"


@dataclass(frozen=True)
class Reported:
    record_id: int
    klantmanager_told: bool
    participant_told: bool
    flagged: bool
    previous_end: date | None


async def report(services: Services, *, school_id: int, person: Person, kind: str,
                 details: dict, predicted_end: date | None = None) -> Reported:
    """Store one record of the school's participant and tell whom art. 12.4 and 10.1 name."""
    if kind not in rules.KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    now = services.now()
    async with services.db.transaction() as tx:
        before = await store.latest_prediction(tx, person.id)
        flagged = predicted_end is not None and rules.grew_by_more_than_a_month(before,
                                                                                predicted_end)
        klantmanager_id = person.klantmanager_id
        record_id = await store.insert_record(
            tx, person_id=person.id, school_id=school_id, kind=kind, details=details,
            predicted_end=predicted_end, previous_end=before, flagged=flagged,
            klantmanager_id=klantmanager_id, now=now)
        if klantmanager_id is not None:
            await enqueue(tx, message_key="trajectory.report", params={"record_id": record_id},
                          now=now, person_id=klantmanager_id, audience="staff",
                          dedupe_key=f"trajectory:{record_id}:km")
            await sharing.log_sharing(tx, person.id, f"klantmanager:{klantmanager_id}",
                                      [rules.HANDOVER_ITEM[kind]], PURPOSE, now)
        told = rules.tells_participant(kind, before, predicted_end)
        if told:
            await enqueue(tx, message_key=f"trajectory.{kind}", params={"record_id": record_id},
                          now=now, person_id=person.id,
                          dedupe_key=f"trajectory:{record_id}:participant")
        if kind == rules.INTAKE:
            # Consent for the satisfaction survey belongs with the course contract (BoW 2.7.3).
            await ask_consent(tx, person.id, now)
    return Reported(record_id, klantmanager_id is not None, told, flagged, before)


async def gemeente_note(services: Services, *, gemeente_id: int, person: Person,
                        text: str, reason: str | None = None,
                        recorded_by: int | None = None) -> tuple[int, int]:
    """The gemeente tells the school of obstacles (art. 12.6), through its API or a klantmanager
    in the bot (a standard ``reason``, own words optional): stored, each coordinator of the
    participant's school told; returns the note id and how many coordinators were told."""
    if reason is not None and reason not in rules.OBSTACLE_REASONS:
        raise ValueError(f"unknown reason {reason!r}")
    now = services.now()
    coordinators = await people.school_staff(services.db, person.school_id, "coordinator")
    async with services.db.transaction() as tx:
        note_id = await store.insert_gemeente_note(tx, person_id=person.id,
                                                   gemeente_id=gemeente_id,
                                                   school_id=person.school_id, text=text, now=now,
                                                   reason=reason, recorded_by=recorded_by)
        for coordinator in coordinators:
            await enqueue(tx, message_key="trajectory.gemeente_note",
                          params={"note_id": note_id}, now=now, person_id=coordinator.id,
                          audience="staff", dedupe_key=f"gemeente_note:{note_id}:{coordinator.id}")
        await sharing.log_sharing(tx, person.id, f"school:{person.school_id}", ["obstacles"],
                                  GEMEENTE_PURPOSE, now)
    return note_id, len(coordinators)


async def consented_records(db: Database, school_id: int, person_id: int,
                            consents: dict[str, str]) -> list[store.Record]:
    """The school's records of a participant that may travel in an overstap handover: only those
    of items the participant agreed to (C art. 12.3, 12.5), newest first."""
    agreed = {item for item, decision in consents.items() if decision == "agreed"}
    return [record for record in await store.records_for_school(db, school_id, person_id)
            if rules.HANDOVER_ITEM[record.kind] in agreed]
