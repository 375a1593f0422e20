"""The gemeente's side of the rooster API (issue 4; convenant art. 9.2, 12.6): its participants,
their mandatory participation activities, and the conflicts of those with lessons, which the
school sees too (each only for its own participants).

A gemeente key reaches the participants of the gemeente and of its klantmanagers; an activity of
another gemeente is a 404.
"""

from __future__ import annotations

from datetime import datetime

from fastapi import Depends, Path, Query, Response

from bot.api import api_router, field_error
from bot.api.rooster_models import (
    EXTERNAL_ID_PATTERN,
    WEEKDAY_NAMES,
    ActivityIn,
    ActivityOut,
    CaseloadParticipant,
    ConflictActivity,
    ConflictLesson,
    ConflictOut,
    ConflictParticipant,
    OnceScheduleOut,
    WeeklyScheduleOut,
)
from bot.http import auth
from bot.http.app import services
from bot.privacy import audit
from bot.rooster import activities
from bot.rooster.notices import conflict_item
from bot.rules.lessons import Activity
from bot.services import Services
from storage import participants as participant_store
from storage import participation as activity_store
from storage import rooster_conflicts as conflict_store

router = api_router(prefix="/api/v1")
ExtPath = Path(pattern=EXTERNAL_ID_PATTERN, max_length=80, description="Your own id")


def _activity_out(record: activity_store.ActivityRecord, open_conflicts: int) -> ActivityOut:
    a = record.activity
    if a.weekly:
        schedule = WeeklyScheduleOut(type="weekly", weekday=WEEKDAY_NAMES[a.weekday],
                                     start_time=a.start_time.strftime("%H:%M"),
                                     end_time=a.end_time.strftime("%H:%M"),
                                     valid_from=a.valid_from, valid_until=a.valid_until)
    else:
        schedule = OnceScheduleOut(type="once", start=a.starts_at, end=a.ends_at)
    return ActivityOut(external_id=record.external_id, participant_id=a.participant_id,
                       title=a.title, schedule=schedule, open_conflicts=open_conflicts)


@router.get("/caseload", response_model=list[CaseloadParticipant], tags=["activities"])
async def caseload(gemeente_id: int = Depends(auth.gemeente),
                   svc: Services = Depends(services)) -> list[CaseloadParticipant]:
    """The gemeente's participants, with the ids the activities refer to (each read is in
    the participants' audit trail)."""
    rows = await participant_store.gemeente_participants(svc.db, gemeente_id)
    await audit.record_api(svc.db, "gemeente", gemeente_id, [row.id for row in rows],
                           audit.CASELOAD, svc.now())
    return [CaseloadParticipant(id=row.id, name=row.name, school=row.school_name,
                                klantmanager_id=row.klantmanager_id, status=row.status)
            for row in rows]


@router.put("/activities/{external_id}", response_model=ActivityOut, tags=["activities"],
            responses={201: {"model": ActivityOut, "description": "Created"}})
async def put_activity(body: ActivityIn, response: Response, external_id: str = ExtPath,
                       gemeente_id: int = Depends(auth.gemeente),
                       svc: Services = Depends(services)) -> ActivityOut:
    """Record or change a participant's mandatory activity, weekly or once. When it overlaps a
    lesson, the klantmanager and the school get one alert naming both."""
    if not await participant_store.gemeente_participants(svc.db, gemeente_id, body.participant_id):
        raise field_error(["body", "participant_id"],
                          "there is no participant with this id in your gemeente")
    existing = await activity_store.activity_by_external(svc.db, gemeente_id, external_id,
                                                         include_deleted=True)
    schedule = body.schedule
    if schedule.type == "weekly":
        activity = Activity(id=existing.activity.id if existing else 0,
                            participant_id=body.participant_id, title=body.title,
                            weekday=WEEKDAY_NAMES.index(schedule.weekday),
                            start_time=schedule.start_time, end_time=schedule.end_time,
                            valid_from=schedule.valid_from, valid_until=schedule.valid_until)
    else:
        activity = Activity(id=existing.activity.id if existing else 0,
                            participant_id=body.participant_id, title=body.title,
                            starts_at=schedule.start, ends_at=schedule.end)
    live = await activity_store.activity_by_external(svc.db, gemeente_id, external_id)
    if live is not None and live.activity == activity:
        return _activity_out(live, await conflict_store.open_conflict_count(svc.db, activity.id))
    if existing is not None and existing.activity.participant_id != activity.participant_id:
        # The activity moves to another participant: the first one's conflicts must clear.
        await activities.remove(svc.db, existing.activity, svc.now(), svc.settings.tz)
    activity_id, _, _ = await activities.save(svc.db, activity, svc.now(), svc.settings.tz,
                                              gemeente_id=gemeente_id, external_id=external_id)
    if existing is None:
        response.status_code = 201
    record = await activity_store.activity_by_external(svc.db, gemeente_id, external_id)
    return _activity_out(record, await conflict_store.open_conflict_count(svc.db, activity_id))


@router.get("/activities/{external_id}", response_model=ActivityOut, tags=["activities"])
async def get_activity(external_id: str = ExtPath, gemeente_id: int = Depends(auth.gemeente),
                       svc: Services = Depends(services)) -> ActivityOut:
    record = await activity_store.activity_by_external(svc.db, gemeente_id, external_id)
    if record is None:
        raise field_error(["path", "external_id"], "no such activity for this key",
                          "not_found", 404)
    return _activity_out(record,
                         await conflict_store.open_conflict_count(svc.db, record.activity.id))


@router.get("/activities", response_model=list[ActivityOut], tags=["activities"])
async def list_activities(participant_id: int = Query(..., ge=1, le=2**53),
                          gemeente_id: int = Depends(auth.gemeente),
                          svc: Services = Depends(services)) -> list[ActivityOut]:
    """The activities of one participant of the gemeente (also those recorded in the bot)."""
    if not await participant_store.gemeente_participants(svc.db, gemeente_id, participant_id):
        raise field_error(["query", "participant_id"], "no such participant for this key",
                          "not_found", 404)
    return [_activity_out(record,
                          await conflict_store.open_conflict_count(svc.db, record.activity.id))
            for record in await activity_store.activity_records(svc.db, [participant_id])]


@router.delete("/activities/{external_id}", status_code=204, response_class=Response,
               tags=["activities"], responses={204: {"description": "Deleted; conflicts clear"}})
async def delete_activity(external_id: str = ExtPath, gemeente_id: int = Depends(auth.gemeente),
                          svc: Services = Depends(services)) -> Response:
    record = await activity_store.activity_by_external(svc.db, gemeente_id, external_id)
    if record is None:
        raise field_error(["path", "external_id"], "no such activity for this key",
                          "not_found", 404)
    await activities.remove(svc.db, record.activity, svc.now(), svc.settings.tz)
    return Response(status_code=204)


def _conflict_out(view: conflict_store.ConflictView, tz) -> ConflictOut:
    item = conflict_item(view)
    lesson = view.lesson
    return ConflictOut(
        id=view.id, state="resolved" if view.resolved_at else "open",
        detected_at=view.detected_at, resolved_at=view.resolved_at,
        participant=ConflictParticipant(id=view.participant_id, name=view.participant_name,
                                        external_id=view.participant_external_id),
        lesson=ConflictLesson(external_id=lesson.external_id, group=view.group_external_id,
                              kind=lesson.kind, start=lesson.starts_at.astimezone(tz),
                              end=lesson.ends_at.astimezone(tz), location=lesson.location,
                              mode=lesson.mode),
        activity=ConflictActivity(external_id=view.activity_external_id,
                                  title=view.activity.title,
                                  start=datetime.fromisoformat(item["a_start"]).astimezone(tz),
                                  end=datetime.fromisoformat(item["a_end"]).astimezone(tz)))


@router.get("/conflicts", response_model=list[ConflictOut], tags=["conflicts"])
async def list_conflicts(state: str = Query("open", pattern="^(open|all)$"),
                         limit: int = Query(500, ge=1, le=5000),
                         who: auth.Caller = Depends(auth.caller),
                         svc: Services = Depends(services)) -> list[ConflictOut]:
    """Lessons that overlap a participant's mandatory activity: a school sees those of its
    lessons, a gemeente those of its participants. ``state=all`` includes resolved ones."""
    include_resolved = state == "all"
    if who.kind == "school":
        views = await conflict_store.conflicts_for_school(svc.db, who.id, include_resolved, limit)
    else:
        views = await conflict_store.conflicts_for_gemeente(svc.db, who.id, include_resolved, limit)
    return [_conflict_out(view, svc.settings.tz) for view in views]
