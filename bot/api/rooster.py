"""The schools' rooster API (issue 4; convenant art. 10.4, 10.6, 12.6; Blik op Werk norm 2.10.1):
participants with their one-time link codes, groups with members, lessons (one at a time, a whole
planning as JSON, or an iCalendar upload) and holidays. The gemeenten's side (participation
activities) and the conflicts are ``bot.api.activities``; the participants' calendar feed is
``bot.api.feed``.

Everything a school sends is keyed by its own external ids and idempotent: the same payload twice
changes nothing and notifies nobody. A school's key reaches only its own rows (another school's
look absent: 404). Each write is one transaction; a rejected push changes nothing.
"""

from __future__ import annotations

import contextlib
from datetime import datetime, time, timedelta

from fastapi import Depends, HTTPException, Path, Query, Request, Response

from bot.api import api_router, field_error, field_errors, planning_body
from bot.api.rooster_models import (
    EXTERNAL_ID_PATTERN,
    GroupIn,
    GroupOut,
    HolidayIn,
    HolidayOut,
    Kind,
    LessonIn,
    LessonOut,
    LessonWriteOut,
    LinkCodeOut,
    MemberOut,
    MembershipIn,
    Mode,
    ParticipantIn,
    ParticipantOut,
    PushResult,
    SkippedEvent,
    parse_date,
)
from bot.http import auth
from bot.http.app import services
from bot.rooster import ical_import, ics_worker, pacing, push
from bot.rooster.planning import (
    CancelMissing,
    GroupInput,
    HolidayInput,
    LessonInput,
    Outcome,
    ParticipantInput,
    Planning,
    Rejected,
)
from bot.rules.lessons import Lesson
from bot.rules.localtime import at_local
from bot.services import Services
from bot.uren import ending
from storage import groups as group_store
from storage import holidays as holiday_store
from storage import lessons as lesson_store
from storage import participants as participant_store
from storage import people

ExtPath = Path(pattern=EXTERNAL_ID_PATTERN, max_length=80, description="Your own id")

router = api_router(prefix="/api/v1")
BULK_ITEMS = 1000


def _rejected(exc: Rejected):
    return field_errors([(["body", *loc], msg) for loc, msg in exc.errors], exc.status)


async def _apply(svc: Services, school_id: int, planning: Planning,
                 read_back: str | None = None):
    """One push in one transaction; a rejection rolls everything back. With ``read_back`` (a
    lesson's external id) the stored lesson is read in the same transaction, so the answer
    does not queue again for the database behind the outbox dispatcher."""
    # A large planning takes seconds to write: reads and /health go on beside it meanwhile.
    bulk = len(planning.lessons) + len(planning.participants) > BULK_ITEMS
    try:
        async with svc.db.transaction(bulk=bulk) as tx:
            outcome = await push.apply(tx, school_id, planning, svc.now(), svc.settings.tz,
                                       svc.settings.link_code_days)
            answer = outcome if read_back is None else (
                outcome, await _lesson_row(tx, school_id, read_back))
    except Rejected as exc:
        raise _rejected(exc) from None
    if planning.participants:  # a participant who left: the final urenverklaring (C art. 10.7)
        await ending.issue_due(svc)
    return answer


def _result(outcome: Outcome, skipped=()) -> PushResult:
    """The push's counts as the API reports them (the lesson details stay inside)."""
    counts = {name: getattr(outcome, name) for name in PushResult.model_fields
              if name != "skipped"}
    return PushResult(**counts, skipped=[SkippedEvent(uid=uid[:200], reason=reason)
                                         for uid, reason in skipped])


def _not_found(what: str):
    return field_error(["path", "external_id"], f"no such {what} for this key", "not_found", 404)


# ---- participants ---------------------------------------------------------------------------

def _participant_out(row: participant_store.ParticipantRow, code: str | None = None,
                     expires: datetime | None = None) -> ParticipantOut:
    return ParticipantOut(id=row.id, external_id=row.external_id, name=row.name,
                          regime=row.regime, route=row.route,
                          klantmanager_id=row.klantmanager_id, status=row.status,
                          linked=row.linked, link_code=code, link_code_expires_at=expires)


@router.put(
    "/participants/{external_id}", response_model=ParticipantOut, tags=["participants"],
    responses={201: {"model": ParticipantOut, "description": "Created, with a one-time link code"}})
async def put_participant(body: ParticipantIn, response: Response,
                          external_id: str = ExtPath, school_id: int = Depends(auth.school),
                          svc: Services = Depends(services)) -> ParticipantOut:
    """Create or update a participant. A new participant gets a one-time link code to give
    them (they send it to the bot with /start); an update returns none."""
    item = ParticipantInput(external_id, body.name, body.regime, body.route,
                            body.klantmanager_id, body.status)
    outcome = await _apply(svc, school_id, Planning(participants=[item]))
    known = await participant_store.participants_by_external(svc.db, school_id, [external_id])
    row = known[external_id]
    code = outcome.link_codes.get(external_id)
    if code:
        response.status_code = 201
        return _participant_out(row, code, svc.now() + timedelta(days=svc.settings.link_code_days))
    return _participant_out(row)


@router.get("/participants/{external_id}", response_model=ParticipantOut,
            tags=["participants"])
async def get_participant(external_id: str = ExtPath, school_id: int = Depends(auth.school),
                          svc: Services = Depends(services)) -> ParticipantOut:
    known = await participant_store.participants_by_external(svc.db, school_id, [external_id])
    row = known.get(external_id)
    if row is None:
        raise _not_found("participant")
    return _participant_out(row)


@router.post("/participants/{external_id}/link-code", response_model=LinkCodeOut,
             tags=["participants"])
async def new_link_code(external_id: str = ExtPath, school_id: int = Depends(auth.school),
                        svc: Services = Depends(services)) -> LinkCodeOut:
    """A fresh one-time link code (the earlier unused ones stop working)."""
    known = await participant_store.participants_by_external(svc.db, school_id, [external_id])
    row = known.get(external_id)
    if row is None:
        raise _not_found("participant")
    now = svc.now()
    async with svc.db.transaction() as tx:
        code = await people.issue_link_code(tx, row.id, now, svc.settings.link_code_days)
    username = svc.bot_username
    return LinkCodeOut(link_code=code, expires_at=now + timedelta(days=svc.settings.link_code_days),
                       start_link=f"https://t.me/{username}?start={code}" if username else None)


# ---- groups ---------------------------------------------------------------------------------

async def _group_out(svc: Services, group: group_store.GroupRow,
                     members: list[group_store.MemberRow] | None = None) -> GroupOut:
    if members is None:
        members = await group_store.members(svc.db, [group.id])
    return GroupOut(external_id=group.external_id, name=group.name, kind=group.kind,
                    level=group.level, capacity=group.capacity, location=group.location,
                    members=[MemberOut(participant=m.external_id or str(m.person_id),
                                       joined_on=m.joined_on, left_on=m.left_on)
                             for m in members])


@router.put(
    "/groups/{external_id}", response_model=GroupOut, tags=["groups"],
    responses={201: {"model": GroupOut, "description": "Created"}})
async def put_group(body: GroupIn, response: Response, external_id: str = ExtPath,
                    school_id: int = Depends(auth.school),
                    svc: Services = Depends(services)) -> GroupOut:
    """Create or update a group; ``members``, when given, replaces its membership periods."""
    item = GroupInput(external_id, body.name, body.kind, body.level, body.capacity,
                      body.location, planning_body.member_inputs(body.members, ()))
    outcome = await _apply(svc, school_id, Planning(groups=[item]))
    if outcome.groups_created:
        response.status_code = 201
    group = await group_store.group_by_external(svc.db, school_id, external_id)
    return await _group_out(svc, group)


@router.get("/groups", response_model=list[GroupOut], tags=["groups"])
async def list_groups(limit: int = Query(100, ge=1, le=1000), offset: int = Query(0, ge=0,
                                                                                  le=10**9),
                      school_id: int = Depends(auth.school),
                      svc: Services = Depends(services)) -> list[GroupOut]:
    groups = await group_store.list_groups(svc.db, school_id, limit, offset)
    by_group: dict[int, list[group_store.MemberRow]] = {group.id: [] for group in groups}
    for member in await group_store.members(svc.db, list(by_group)):
        by_group[member.group_id].append(member)
    return [await _group_out(svc, group, by_group[group.id]) for group in groups]


@router.get("/groups/{external_id}", response_model=GroupOut, tags=["groups"])
async def get_group(external_id: str = ExtPath, school_id: int = Depends(auth.school),
                    svc: Services = Depends(services)) -> GroupOut:
    group = await group_store.group_by_external(svc.db, school_id, external_id)
    if group is None:
        raise _not_found("group")
    return await _group_out(svc, group)


@router.put("/groups/{external_id}/members/{participant}", response_model=GroupOut,
            tags=["groups"])
async def put_member(body: MembershipIn, external_id: str = ExtPath,
                     participant: str = Path(pattern=EXTERNAL_ID_PATTERN, max_length=80),
                     school_id: int = Depends(auth.school),
                     svc: Services = Depends(services)) -> GroupOut:
    """A participant joins a group on ``joined_on`` (and leaves on ``left_on``, exclusive);
    the period with the same ``joined_on`` is updated, other periods are kept."""
    group = await group_store.group_by_external(svc.db, school_id, external_id)
    if group is None:
        raise _not_found("group")
    known = await participant_store.participants_by_external(svc.db, school_id, [participant])
    if participant not in known:
        raise field_error(["path", "participant"], "no such participant for this key",
                          "not_found", 404)
    async with svc.db.transaction() as tx:
        await push.set_membership(tx, group.id, known[participant].id,
                                  body.joined_on, body.left_on, svc.now(), svc.settings.tz)
    return await _group_out(svc, group)


# ---- lessons --------------------------------------------------------------------------------

async def _lesson_row(db, school_id: int, external_id: str) -> tuple[Lesson, str] | None:
    """A stored lesson and its group's external id."""
    lesson = (await lesson_store.lessons_by_external(db, school_id, [external_id])).get(external_id)
    if lesson is None:
        return None
    group = await group_store.group_external_id(db, lesson.group_id)
    return lesson, group


def _lesson_out(svc: Services, row: tuple[Lesson, str], cls=LessonOut, **extra) -> LessonOut:
    lesson, group = row
    tz = svc.settings.tz
    return cls(external_id=lesson.external_id, group=group, kind=lesson.kind,
               level=lesson.level, start=lesson.starts_at.astimezone(tz),
               end=lesson.ends_at.astimezone(tz), location=lesson.location, mode=lesson.mode,
               teacher=lesson.teacher, cancelled=lesson.cancelled, join_url=lesson.join_url,
               **extra)


@router.put(
    "/lessons/{external_id}", response_model=LessonWriteOut, tags=["lessons"],
    responses={201: {"model": LessonWriteOut, "description": "Created"}})
async def put_lesson(body: LessonIn, response: Response, external_id: str = ExtPath,
                     school_id: int = Depends(auth.school),
                     svc: Services = Depends(services)) -> LessonWriteOut:
    """Create or change one lesson. The participants of its group who notice a change (new,
    cancelled, moved, other place, teacher, classroom or distance) get one message, unless the
    lesson is over or more than eight weeks ahead."""
    outcome, row = await _apply(svc, school_id,
                                Planning(lessons=[planning_body.lesson_input(external_id, body)]),
                                read_back=external_id)
    if outcome.lessons_created:
        response.status_code = 201
    return _lesson_out(svc, row, LessonWriteOut,
                       changes=list(outcome.lesson_changes.get(external_id, ())),
                       notified_participants=outcome.notified_participants)


@router.post("/lessons/{external_id}/cancel", response_model=LessonWriteOut,
             tags=["lessons"])
async def cancel_lesson(external_id: str = ExtPath, school_id: int = Depends(auth.school),
                        svc: Services = Depends(services)) -> LessonWriteOut:
    """Cancel a lesson; its participants hear of it (cancelling twice notifies once)."""
    known = await lesson_store.lessons_by_external(svc.db, school_id, [external_id])
    stored = known.get(external_id)
    if stored is None:
        raise _not_found("lesson")
    group_ext = await group_store.group_external_id(svc.db, stored.group_id)
    item = LessonInput(external_id=external_id, group=group_ext, starts_at=stored.starts_at,
                       ends_at=stored.ends_at, kind=stored.kind, level=stored.level,
                       location=stored.location, mode=stored.mode, teacher=stored.teacher,
                       cancelled=True, join_url=stored.join_url)
    outcome, row = await _apply(svc, school_id, Planning(lessons=[item]),
                                read_back=external_id)
    return _lesson_out(svc, row, LessonWriteOut,
                       changes=list(outcome.lesson_changes.get(external_id, ())),
                       notified_participants=outcome.notified_participants)


@router.get("/lessons/{external_id}", response_model=LessonOut, tags=["lessons"])
async def get_lesson(external_id: str = ExtPath, school_id: int = Depends(auth.school),
                     svc: Services = Depends(services)) -> LessonOut:
    row = await _lesson_row(svc.db, school_id, external_id)
    if row is None:
        raise _not_found("lesson")
    return _lesson_out(svc, row)


@router.get("/lessons", response_model=list[LessonOut], tags=["lessons"])
async def list_lessons(
        start: str = Query(..., alias="from", pattern=r"^\d{4}-\d{2}-\d{2}$",
                           description="First day (inclusive), YYYY-MM-DD"),
        end: str = Query(..., alias="to", pattern=r"^\d{4}-\d{2}-\d{2}$",
                         description="Last day (exclusive), at most 400 days after from"),
        group: str | None = Query(None, pattern=EXTERNAL_ID_PATTERN, max_length=80),
        school_id: int = Depends(auth.school),
        svc: Services = Depends(services)) -> list[LessonOut]:
    """The school's lessons starting on the days ``from`` to ``to``."""
    try:
        first = parse_date(start)
    except ValueError as exc:
        raise field_error(["query", "from"], str(exc)) from None
    try:
        last = parse_date(end)
    except ValueError as exc:
        raise field_error(["query", "to"], str(exc)) from None
    if last <= first or (last - first).days > 400:
        raise field_error(["query", "to"], "to must be after from, at most 400 days")
    tz = svc.settings.tz
    group_ids = None
    groups = await group_store.groups_by_external(svc.db, school_id)
    if group is not None:
        if group not in groups:
            return []
        group_ids = [groups[group].id]
    lessons = await lesson_store.lessons_between(svc.db, school_id, at_local(first, time(0), tz),
                                                 at_local(last, time(0), tz), group_ids)
    by_id = {g.id: ext for ext, g in groups.items()}
    return [LessonOut(external_id=one.external_id, group=by_id[one.group_id], kind=one.kind,
                      level=one.level, start=one.starts_at.astimezone(tz),
                      end=one.ends_at.astimezone(tz), location=one.location, mode=one.mode,
                      teacher=one.teacher, cancelled=one.cancelled, join_url=one.join_url)
            for one in sorted(lessons, key=lambda lesson: (lesson.starts_at, lesson.external_id))]


@router.post("/planning", response_model=PushResult, tags=["planning"],
             openapi_extra=planning_body.OPENAPI)
async def push_planning(request: Request, school_id: int = Depends(auth.school),
                        svc: Services = Depends(services)) -> PushResult:
    """A whole planning in one request, all or nothing. Each participant who notices changes
    gets one message listing all of them. The body is read off the event loop (a large one in a
    separate process, up to 50,000 lessons), so nobody else waits meanwhile."""
    # A large planning's many objects would make each garbage collection stop everyone: the
    # collector waits from reading the body until they are gone again.
    declared = request.headers.get("content-length", "")
    large = declared.isdigit() and int(declared) > planning_body.PROCESS_BYTES
    with pacing.collector_paused() if large else contextlib.nullcontext():
        return await _push_body(svc, school_id, await request.body())


async def _push_body(svc: Services, school_id: int, raw: bytes) -> PushResult:
    try:
        planning = await planning_body.read(raw, svc.settings.tz)
    except planning_body.OverBudget as exc:
        raise field_error(["body"], str(exc)) from None
    return _result(await _apply(svc, school_id, planning))


@router.post(
    "/groups/{external_id}/calendar", response_model=PushResult, tags=["planning"],
    openapi_extra={"requestBody": {"required": True, "content": {
        "text/calendar": {"schema": {"type": "string"}}}}})
async def upload_calendar(
        request: Request, external_id: str = ExtPath,
        kind: Kind | None = Query(None, description="Kind when an event does not name one; "
                                                    "default the group's"),
        level: str | None = Query(None, pattern=r"^[A-Za-z0-9 .+-]{1,20}$"),
        mode: Mode | None = Query(None, description="For events whose CATEGORIES do not say "
                                                    "distance/afstand/online; no default"),
        replace: bool = Query(True, description="Cancel this group's future lessons from an "
                                                "earlier upload that this calendar no longer has"),
        school_id: int = Depends(auth.school),
        svc: Services = Depends(services)) -> PushResult:
    """The group's lessons from an iCalendar file (RFC 5545), with weekly or daily recurrence;
    see the supported subset in the project README. Re-uploading the same file changes nothing."""
    group = await group_store.group_by_external(svc.db, school_id, external_id)
    if group is None:
        raise _not_found("group")
    now = svc.now()
    data = await request.body()
    if len(data) > ics_worker.MAX_CALENDAR_BYTES:
        raise HTTPException(status_code=413, detail="a calendar is at most "
                                                    f"{ics_worker.MAX_CALENDAR_BYTES} bytes")
    try:
        parsed = await ics_worker.parse(data, now)
    except ical_import.IcsError as exc:
        raise field_error(["body", exc.where[:200]], exc.why, "ics_error") from None
    except ics_worker.OverBudget as exc:
        raise field_error(["body"], str(exc), "ics_budget") from None
    if mode is None and any(not o.distance for o in parsed.lessons):
        raise field_error(["query", "mode"], "say whether these lessons are classroom or distance"
                          " (norm 2.10.1): there is no default")
    lessons = [LessonInput(
        external_id=o.external_id, group=external_id, starts_at=o.starts_at, ends_at=o.ends_at,
        kind=o.kind or kind, level=level, location=o.location,
        mode="distance" if o.distance else mode, teacher=o.teacher, cancelled=o.cancelled,
        loc=("calendar", o.external_id)) for o in parsed.lessons]
    planning = Planning(lessons=lessons)
    if replace:
        planning.cancel_missing = CancelMissing(now, now + timedelta(days=3660),
                                                frozenset({external_id}),
                                                ical_import.ID_PREFIX)
    return _result(await _apply(svc, school_id, planning), parsed.skipped)


# ---- holidays -------------------------------------------------------------------------------

def _holiday_out(holiday, groups_by_id: dict[int, str]) -> HolidayOut:
    return HolidayOut(external_id=holiday.external_id, name=holiday.name,
                      starts_on=holiday.starts_on, ends_on=holiday.ends_on,
                      group=groups_by_id.get(holiday.group_id) if holiday.group_id else None)


@router.put("/holidays/{external_id}", response_model=HolidayOut, tags=["holidays"],
            responses={201: {"model": HolidayOut, "description": "Created"}})
async def put_holiday(body: HolidayIn, response: Response, external_id: str = ExtPath,
                      school_id: int = Depends(auth.school),
                      svc: Services = Depends(services)) -> HolidayOut:
    """Create or change a holiday (convenant art. 10.6); the participants it concerns are told
    of a new holiday or new dates."""
    item = HolidayInput(external_id, body.name, body.starts_on, body.ends_on, body.group)
    outcome = await _apply(svc, school_id, Planning(holidays=[item]))
    if outcome.holidays_created:
        response.status_code = 201
    holidays = await holiday_store.holidays_by_external(svc.db, school_id)
    stored = await group_store.groups_by_external(svc.db, school_id)
    groups = {g.id: ext for ext, g in stored.items()}
    return _holiday_out(holidays[external_id], groups)


@router.get("/holidays", response_model=list[HolidayOut], tags=["holidays"])
async def list_holidays(school_id: int = Depends(auth.school),
                        svc: Services = Depends(services)) -> list[HolidayOut]:
    holidays = await holiday_store.holidays_by_external(svc.db, school_id)
    stored = await group_store.groups_by_external(svc.db, school_id)
    groups = {g.id: ext for ext, g in stored.items()}
    return [_holiday_out(h, groups) for h in sorted(holidays.values(),
                                                    key=lambda h: (h.starts_on, h.external_id))]


@router.delete("/holidays/{external_id}", status_code=204, response_class=Response,
               tags=["holidays"], responses={204: {"description": "Deleted"}})
async def delete_holiday(external_id: str = ExtPath, school_id: int = Depends(auth.school),
                         svc: Services = Depends(services)) -> Response:
    async with svc.db.transaction() as tx:
        deleted = await holiday_store.delete_holiday(tx, school_id, external_id)
    if not deleted:
        raise _not_found("holiday")
    return Response(status_code=204)
