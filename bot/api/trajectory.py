"""The trajectory API (issue 15; convenant art. 12.1, 12.4, 12.6).

A school records, per participant (its own id), the intake with the agreed goal, the predicted
duration and its changes, work attitude and motivation, obstacles and progress; each record
reaches the klantmanager and is logged for the participant's /gedeeld. A gemeente tells the school
of obstacles it knows (art. 12.6); the school's coordinators are told.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from fastapi import Depends, Path
from pydantic import BaseModel, Field, StringConstraints, model_validator

from bot import trajectory
from bot.api import api_router, field_error
from bot.api.lookups import school_participant
from bot.api.rooster_models import EXTERNAL_ID_PATTERN, PROSE_PATTERN, Id, LocalDate, Strict
from bot.http import auth
from bot.http.app import services
from bot.rules.trajectory import (
    LEVELS,
    MAX_COSTS_EUROS,
    MAX_TEXT,
    OBSTACLE_REASONS,
    ROUTES,
    SKILLS,
)
from bot.services import Services
from storage import participants as participant_store
from storage import people
from storage import trajectory as store

router = api_router(prefix="/api/v1")
ExtPath = Path(pattern=EXTERNAL_ID_PATTERN, max_length=80, description="Your own id")

Level = Literal[LEVELS]  # type: ignore[valid-type]
Skill = Literal[SKILLS]  # type: ignore[valid-type]
Route = Literal[ROUTES]  # type: ignore[valid-type]
ObstacleReason = Literal[OBSTACLE_REASONS]  # type: ignore[valid-type]
# The same values and limits the coordinator's /traject offers (bot.rules.trajectory).
Note = Annotated[str, StringConstraints(pattern=PROSE_PATTERN, min_length=1,
                                        max_length=MAX_TEXT)]


class IntakeIn(Strict):
    """The intake result with the agreed end goal and the predicted end (art. 12.4)."""

    kind: Literal["intake"]
    goal_level: Level = Field(description="The agreed end goal (CEFR level)")
    route: Route | None = Field(None, description="Wi2021 leerroute")
    predicted_end: LocalDate = Field(description="When the trajectory will probably end")
    text: Note | None = Field(None, description="The intake's conclusion, for the klantmanager")
    costs: float | None = Field(None, ge=0, le=MAX_COSTS_EUROS,
                                description="The course's costs in euros, told to the "
                                            "participant with their plan (C art. 10.1)")


class DurationIn(Strict):
    """A new prediction of the end of the trajectory; the participant is told of every change,
    and one more than a month later than before is flagged for the klantmanager."""

    kind: Literal["duration"]
    predicted_end: LocalDate
    text: Note | None = Field(None, description="Why the prediction changed")


class AttitudeIn(Strict):
    kind: Literal["attitude"]
    text: Note = Field(description="Work attitude and motivation")


class ObstaclesIn(Strict):
    kind: Literal["obstacles"]
    text: Note = Field(description="Learning problems or social circumstances that may hinder")


class ProgressIn(Strict):
    kind: Literal["progress"]
    assessed_on: LocalDate
    skills: dict[Skill, Level] = Field(min_length=1, description="Level reached per skill")
    text: Note | None = None


TrajectoryIn = Annotated[IntakeIn | DurationIn | AttitudeIn | ObstaclesIn | ProgressIn,
                         Field(discriminator="kind")]


class RecordOut(BaseModel):
    id: int
    kind: str
    details: dict
    predicted_end: date | None
    previous_end: date | None = Field(description="The prediction before this record")
    flagged: bool = Field(description="The end moved more than a month later")
    recorded_at: datetime
    klantmanager_told: bool
    seen_by_klantmanager: bool


class NoteIn(Strict):
    participant_id: Id = Field(description="The bot's id of the participant (from /caseload)")
    reason: ObstacleReason | None = Field(
        None, description="A standard obstacle, as a klantmanager picks it in the bot; the "
                          "coordinator reads it in their language")
    text: Note | None = Field(None, description="Your own words; required without a reason "
                                                "and with the reason 'other'")

    @model_validator(mode="after")
    def words_where_needed(self) -> NoteIn:
        if self.text is None and self.reason in (None, "other"):
            raise ValueError("give a text (your own words), or a reason other than 'other'")
        return self


class NoteOut(BaseModel):
    id: int
    coordinators_told: int


def _out(record: store.Record) -> RecordOut:
    return RecordOut(id=record.id, kind=record.kind, details=record.details,
                     predicted_end=record.predicted_end, previous_end=record.previous_end,
                     flagged=record.flagged, recorded_at=record.recorded_at,
                     klantmanager_told=record.klantmanager_id is not None,
                     seen_by_klantmanager=record.seen_at is not None)


@router.post("/participants/{external_id}/trajectory", response_model=RecordOut,
             status_code=201, tags=["trajectory"])
async def post_record(body: TrajectoryIn, external_id: str = ExtPath,
                      school_id: int = Depends(auth.school),
                      svc: Services = Depends(services)) -> RecordOut:
    """Record the intake, a new prediction, work attitude, obstacles or progress of your
    participant; the klantmanager is told (art. 12.4), the participant of their plan."""
    person = await school_participant(svc, school_id, external_id)
    details = body.model_dump(mode="json", exclude={"kind", "predicted_end", "costs"},
                              exclude_none=True)
    if getattr(body, "costs", None) is not None:
        details["costs_cents"] = round(body.costs * 100)
    predicted_end = getattr(body, "predicted_end", None)
    reported = await trajectory.report(svc, school_id=school_id, person=person, kind=body.kind,
                                       details=details, predicted_end=predicted_end)
    return _out(await store.get_record(svc.db, reported.record_id))


@router.get("/participants/{external_id}/trajectory", response_model=list[RecordOut],
            tags=["trajectory"])
async def list_records(external_id: str = ExtPath, school_id: int = Depends(auth.school),
                       svc: Services = Depends(services)) -> list[RecordOut]:
    """What your school recorded of this participant's trajectory, newest first."""
    person = await school_participant(svc, school_id, external_id)
    return [_out(r) for r in await store.records_for_school(svc.db, school_id, person.id)]


@router.post("/obstacles", response_model=NoteOut, status_code=201, tags=["trajectory"])
async def post_obstacle(body: NoteIn, gemeente_id: int = Depends(auth.gemeente),
                        svc: Services = Depends(services)) -> NoteOut:
    """The gemeente tells the participant's school of obstacles it should know (art. 12.6);
    the school's coordinators are told in the bot."""
    if not await participant_store.gemeente_participants(svc.db, gemeente_id,
                                                         body.participant_id):
        raise field_error(["body", "participant_id"],
                          "there is no participant with this id in your gemeente")
    person = await people.get_person(svc.db, body.participant_id)
    note_id, told = await trajectory.gemeente_note(svc, gemeente_id=gemeente_id, person=person,
                                                   text=body.text or "", reason=body.reason)
    return NoteOut(id=note_id, coordinators_told=told)
