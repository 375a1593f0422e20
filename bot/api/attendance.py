"""The school's attendance API (issue 6; Blik op Werk norm 2.9.1, 2.9.4; C art. 9.3, 12.4).

All under ``/api/v1``, beside the rooster API:

- ``PUT /attendance``: a batch of registrations, per lesson and participant present or absent,
  absent optionally with a reason (reported, ill, other); all or nothing.
- ``PUT /attendance/{lesson}/{participant}``: one registration.
- ``GET /attendance/lessons/{lesson}``: the lesson's register with participants' own absence
  reports and every earlier value (corrections keep the audit trail).
- ``GET /attendance/absence-reports``: what participants reported with /afmelden.
- ``PUT /participants/{participant}/status``: left or dropped out (uitval): the klantmanager is
  alerted at once.

Everything is addressed by the school's own ids and idempotent: the same registration twice
changes nothing. A school's key reaches only its own lessons and participants; anything else is a
404, as if it did not exist.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Literal

from fastapi import Depends, Query
from pydantic import BaseModel, Field, model_validator

from bot.api import api_router, field_error, field_errors
from bot.api.rooster_models import PROSE_PATTERN
from bot.http.app import services
from bot.http.auth import school
from bot.privacy import audit
from bot.services import Services
from bot.verzuim import uitval
from storage import attendance as store
from storage import participants as participant_store

router = api_router(prefix="/api/v1", tags=["attendance"])

MAX_RECORDS = 5000
ExternalId = Field(min_length=1, max_length=100)
Reason = Literal["reported", "ill", "other"]


class Registration(BaseModel):
    """Present, or absent with an optional reason; ONA flags for the urenverklaring (BoW 4.7)."""

    status: Literal["present", "absent"]
    reason: Reason | None = Field(None, description="only with status absent")
    supervised: bool = Field(True, description="under direct supervision of a (qualified ONA) "
                                               "teacher; ONA hours count only then")
    practice: bool = Field(False, description="documented ONA practice hours")

    @model_validator(mode="after")
    def reason_only_when_absent(self) -> Registration:
        if self.status == "present" and self.reason is not None:
            raise ValueError("a reason is given only with status absent")
        return self


class Record(Registration):
    """One registration in a batch: the school's lesson id and participant id."""

    lesson: str = ExternalId
    participant: str = ExternalId


class Batch(BaseModel):
    records: list[Record] = Field(min_length=1, max_length=MAX_RECORDS)


class Result(BaseModel):
    lesson: str
    participant: str
    outcome: Literal["created", "updated", "unchanged"]
    status: Literal["present", "absent"]
    reason: Reason | None


class BatchResult(BaseModel):
    created: int
    updated: int
    unchanged: int
    results: list[Result]


class AbsenceReport(BaseModel):
    reason: Literal["ill", "appointment", "work", "childcare", "other"]
    note: str | None
    reported_at: datetime


class Previous(BaseModel):
    status: Literal["present", "absent"]
    reason: Reason | None
    supervised: bool
    practice: bool
    source: Literal["school", "participant"]
    recorded_at: datetime
    replaced_at: datetime


class RegisterEntry(BaseModel):
    participant: str
    status: Literal["present", "absent"] | None
    reason: Reason | None
    supervised: bool | None = None
    practice: bool | None = None
    source: Literal["school", "participant"] | None = None
    recorded_at: datetime | None = None
    absence_report: AbsenceReport | None
    history: list[Previous]


class LessonRegister(BaseModel):
    lesson: str
    starts_at: datetime
    cancelled: bool
    participants: list[RegisterEntry]


class ReportedAbsence(BaseModel):
    lesson: str
    lesson_starts_at: datetime
    participant: str
    reason: Literal["ill", "appointment", "work", "childcare", "other"]
    note: str | None
    reported_at: datetime


class StatusChange(BaseModel):
    """``left`` or ``dropped_out`` (uitval) alert the klantmanager; ``active`` undoes it."""

    status: Literal["active", "left", "dropped_out"]
    effective_on: date | None = None
    reason: str | None = Field(None, max_length=500, pattern=PROSE_PATTERN)


class StatusResult(BaseModel):
    participant: str
    status: Literal["active", "left", "dropped_out"]
    changed: bool
    klantmanager_alerted: bool


def status_of(registration: Registration) -> str:
    if registration.status == "present":
        return store.PRESENT
    return store.REASON_STATUS[registration.reason]


def as_result(lesson: str, participant: str, outcome: str, status: str) -> Result:
    return Result(lesson=lesson, participant=participant, outcome=outcome,
                  status="present" if status == store.PRESENT else "absent",
                  reason=store.STATUS_REASON.get(status))


async def resolve(svc: Services, school_id: int, records: list[Record]):
    """Every record's lesson and participant, or 404 naming the first unknown ones."""
    lessons: dict[str, store.LessonRow | None] = {}
    participants: dict[str, int | None] = {}
    errors = []
    now = svc.now()
    for index, record in enumerate(records):
        if record.lesson not in lessons:
            lessons[record.lesson] = await store.school_lesson(svc.db, school_id, record.lesson)
        if record.participant not in participants:
            participants[record.participant] = await store.school_participant(
                svc.db, school_id, record.participant)
        lesson = lessons[record.lesson]
        if lesson is None:
            errors.append(([ "body", "records", index, "lesson"], "unknown lesson"))
        elif lesson.cancelled:
            errors.append((["body", "records", index, "lesson"],
                           "the lesson is cancelled: no attendance is registered for it"))
        elif lesson.starts_at > now:
            errors.append((["body", "records", index, "lesson"], "the lesson has not started yet"))
        if participants[record.participant] is None:
            errors.append((["body", "records", index, "participant"], "unknown participant"))
        if len(errors) >= 20:
            break
    if errors:
        unknown = all(msg.startswith("unknown") for _, msg in errors)
        raise field_errors(errors, status_code=404 if unknown else 422)
    return lessons, participants


async def register_all(svc: Services, school_id: int, records: list[Record]) -> BatchResult:
    lessons, participants = await resolve(svc, school_id, records)
    now = svc.now()
    results = []
    async with svc.db.transaction() as tx:
        for record in records:
            recorded = await store.record(
                tx, lesson=lessons[record.lesson], person_id=participants[record.participant],
                status=status_of(record), supervised=record.supervised, practice=record.practice,
                now=now)
            results.append(as_result(record.lesson, record.participant, recorded.outcome,
                                     recorded.status))
    counts = {key: sum(1 for r in results if r.outcome == key)
              for key in ("created", "updated", "unchanged")}
    return BatchResult(**counts, results=results)


@router.put("/attendance", response_model=BatchResult)
async def put_attendance(batch: Batch, school_id: int = Depends(school),
                         svc: Services = Depends(services)) -> BatchResult:
    """Register attendance for many lessons and participants at once (all or nothing).
    Sending the same registration again changes nothing; a different value replaces the
    registration and keeps the earlier one in the lesson's history."""
    return await register_all(svc, school_id, batch.records)


@router.put("/attendance/{lesson}/{participant}", response_model=Result)
async def put_one(lesson: str, participant: str, registration: Registration,
                  school_id: int = Depends(school), svc: Services = Depends(services)) -> Result:
    """Register one participant at one lesson."""
    if not 0 < len(lesson) <= 100 or not 0 < len(participant) <= 100:
        raise field_error(["path"], "ids are 1 to 100 characters", status_code=404)
    record = Record(lesson=lesson, participant=participant, **registration.model_dump())
    result = await register_all(svc, school_id, [record])
    return result.results[0]


@router.get("/attendance/lessons/{lesson}", response_model=LessonRegister)
async def get_register(lesson: str, school_id: int = Depends(school),
                       svc: Services = Depends(services)) -> LessonRegister:
    """A lesson's register: registrations, participants' own absence reports, and every earlier
    value of a corrected registration."""
    row = await store.school_lesson(svc.db, school_id, lesson)
    if row is None:
        raise field_error(["path", "lesson"], "unknown lesson", status_code=404)
    entries = await store.lesson_register(svc.db, school_id, row.id)
    await _audit(svc, school_id, [entry["participant"] for entry in entries])
    return LessonRegister(lesson=row.external_id, starts_at=row.starts_at,
                          cancelled=row.cancelled, participants=entries)


def aware(moment: datetime, tz) -> datetime:
    """A time without offset is local (Europe/Amsterdam), as in the rooster API."""
    if not 2000 <= moment.year <= 2100:
        raise field_error(["query", "since"], "a time between the years 2000 and 2100")
    return moment.replace(tzinfo=tz) if moment.tzinfo is None else moment


@router.get("/attendance/absence-reports", response_model=list[ReportedAbsence])
async def get_absence_reports(
        since: datetime | None = Query(None, description="Reported at or after this time "
                                                         "(default: the last 14 days)"),
        school_id: int = Depends(school), svc: Services = Depends(services)):
    """Absences participants reported themselves with /afmelden, oldest first."""
    start = aware(since, svc.settings.tz) if since else svc.now() - timedelta(days=14)
    reports = await store.absence_reports(svc.db, school_id, start)
    await _audit(svc, school_id, [report["participant"] for report in reports])
    return reports


async def _audit(svc: Services, school_id: int, external_ids: list[str]) -> None:
    """The school's read of these participants' attendance goes to their audit trail."""
    found = await participant_store.participants_by_external(svc.db, school_id,
                                                             set(external_ids))
    await audit.record_api(svc.db, "school", school_id, [row.id for row in found.values()],
                           audit.ATTENDANCE, svc.now())


@router.put("/participants/{participant}/status", response_model=StatusResult)
async def put_status(participant: str, change: StatusChange, school_id: int = Depends(school),
                     svc: Services = Depends(services)) -> StatusResult:
    """The participant left or dropped out (uitval, C art. 12.4): the klantmanager is alerted
    at once, with "seen" and "contacted" buttons. ``active`` records a return. Idempotent."""
    person_id = await store.school_participant(svc.db, school_id, participant)
    if person_id is None:
        raise field_error(["path", "participant"], "unknown participant", status_code=404)
    if change.effective_on is not None and not 2000 <= change.effective_on.year <= 2100:
        raise field_error(["body", "effective_on"], "a date between the years 2000 and 2100")
    outcome = await uitval.change_status(svc, school_id=school_id, person_id=person_id,
                                         status=change.status, effective_on=change.effective_on,
                                         reason=change.reason)
    return StatusResult(participant=participant, status=change.status, changed=outcome.changed,
                        klantmanager_alerted=outcome.klantmanager_alerted)
