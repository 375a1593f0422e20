"""Request and response bodies of the rooster API (issue 4; Blik op Werk norm 2.10.1 names the
fields of a lesson). Requests are strict: JSON types are not coerced (``"1"`` is not a number), no
unknown fields, every text has a length limit and no control characters, and dates and times are
ISO 8601 strings. A date-time without an offset is Europe/Amsterdam wall-clock time."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
)

from bot.rules.lessons import MAX_LESSON
from bot.rules.localtime import AMSTERDAM, at_local

EXTERNAL_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:@-]{0,79}$"
TEXT_PATTERN = r"^[^\x00-\x1f\x7f]*[^\s\x00-\x1f\x7f][^\x00-\x1f\x7f]*$"
# Free text over several lines (notes, reasons): no NUL or other control characters but newline
# and tab, which Telegram would refuse or show as garbage.
PROSE_PATTERN = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$"
MAX_ID = 2**53
# The join link of a distance lesson (issue 14): https only, a host name, no spaces or controls.
JOIN_URL_PATTERN = (r"^https://[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?"
                    r"(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+(:[0-9]{1,5})?"
                    r"([/?#][^\s\x00-\x1f\x7f]*)?$")

ExternalId = Annotated[str, StringConstraints(pattern=EXTERNAL_ID_PATTERN, max_length=80)]
Text = Annotated[str, StringConstraints(pattern=TEXT_PATTERN, min_length=1, max_length=200)]
Prose = Annotated[str, StringConstraints(pattern=PROSE_PATTERN)]
JoinUrl = Annotated[str, StringConstraints(pattern=JOIN_URL_PATTERN, max_length=500)]
Short = Annotated[str, StringConstraints(pattern=TEXT_PATTERN, min_length=1, max_length=20)]
Kind = Literal["NT2", "KNM", "ONA", "alfabetisering", "MAP", "other"]
Mode = Literal["classroom", "distance"]
Weekday = Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
Id = Annotated[int, Field(ge=1, le=MAX_ID)]


def _parse_datetime(value: object) -> datetime:
    if not isinstance(value, str) or len(value) < 16:
        raise ValueError("must be an ISO 8601 date and time such as 2026-11-30T09:00:00+01:00")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError("is not an ISO 8601 date and time (2026-11-30T09:00:00+01:00)") from None
    if not 2000 <= moment.year <= 2100:
        raise ValueError("must be between the years 2000 and 2100")
    if moment.tzinfo is None:
        # No offset: Europe/Amsterdam; a time in the spring DST gap moves an hour on.
        moment = at_local(moment.date(), moment.time(), AMSTERDAM)
    return moment


def parse_date(value: object) -> date:
    if not isinstance(value, str):
        raise ValueError("must be an ISO 8601 date such as 2026-11-30")
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise ValueError("is not an ISO 8601 date (2026-11-30)") from None
    if not 2000 <= day.year <= 2100:
        raise ValueError("must be between the years 2000 and 2100")
    return day


def _parse_time(value: object) -> time:
    if not isinstance(value, str) or len(value) not in (5, 8):
        raise ValueError("must be a time HH:MM such as 09:30")
    try:
        return time.fromisoformat(value)
    except ValueError:
        raise ValueError("is not a time HH:MM") from None


LocalDateTime = Annotated[datetime, BeforeValidator(_parse_datetime), WithJsonSchema({
    "type": "string", "format": "date-time",
    "description": "ISO 8601; without an offset it is Europe/Amsterdam time"})]
LocalDate = Annotated[date, BeforeValidator(parse_date), WithJsonSchema(
    {"type": "string", "format": "date"})]
LocalTime = Annotated[time, BeforeValidator(_parse_time), WithJsonSchema(
    {"type": "string", "pattern": r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$",
     "description": "Europe/Amsterdam wall-clock time"})]


class Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid")


# ---- participants ---------------------------------------------------------------------------

class ParticipantIn(Strict):
    """A participant of the school (create or update by the school's own id)."""

    name: Text
    regime: Literal["wi2013", "wi2021"] | None = None
    route: Literal["b1", "z", "onderwijs"] | None = Field(
        None, validate_default=True, description="Wi2021 only: the leerroute")
    klantmanager_id: Id | None = Field(None, description="The klantmanager (from the gemeente)")
    status: Literal["active", "left", "dropped_out"] | None = Field(
        None, description="Leave it out to keep the stored status (a new participant is active);"
                          " a change to left or dropped_out alerts the klantmanager once")

    @field_validator("route")
    @classmethod
    def _route_fits_regime(cls, route, info: ValidationInfo):
        regime = info.data.get("regime")
        if regime == "wi2013" and route is not None:
            raise ValueError("a leerroute applies only to Wi2021; leave it out for Wi2013")
        if regime == "wi2021" and route is None:
            raise ValueError("Wi2021 needs a leerroute: b1, z or onderwijs")
        return route


class ParticipantOut(BaseModel):
    id: int = Field(description="The bot's id for this person (gemeenten use it)")
    external_id: str
    name: str
    regime: str | None
    route: str | None
    klantmanager_id: int | None
    status: str
    linked: bool = Field(description="Whether the participant has linked Telegram")
    link_code: str | None = Field(
        None, description="One-time code for /start in the bot; only when just created")
    link_code_expires_at: datetime | None = None


class LinkCodeOut(BaseModel):
    link_code: str = Field(description="One-time code; earlier unused codes stop working")
    expires_at: datetime
    start_link: str | None = Field(None, description="t.me link that starts the bot with it")


# ---- groups ---------------------------------------------------------------------------------

class MembershipIn(Strict):
    joined_on: LocalDate
    left_on: LocalDate | None = Field(
        None, description="First day no longer in the group (exclusive); empty while a member")

    @field_validator("left_on")
    @classmethod
    def _after_joining(cls, left_on, info: ValidationInfo):
        joined = info.data.get("joined_on")
        if left_on is not None and joined is not None and left_on <= joined:
            raise ValueError("left_on must be after joined_on")
        return left_on


class MemberIn(MembershipIn):
    participant: ExternalId = Field(description="The participant's external id")


class GroupIn(Strict):
    name: Text
    kind: Kind = "NT2"
    level: Short | None = None
    capacity: Annotated[int, Field(ge=1, le=1000)] | None = None
    location: Text | None = None
    members: list[MemberIn] | None = Field(
        None, max_length=2000,
        description="When given, the complete list of membership periods (it replaces the "
                    "stored one); leave it out to keep the members as they are")


class MemberOut(BaseModel):
    participant: str
    joined_on: date
    left_on: date | None


class GroupOut(BaseModel):
    external_id: str
    name: str
    kind: str
    level: str | None
    capacity: int | None
    location: str | None
    members: list[MemberOut]


# ---- lessons --------------------------------------------------------------------------------

class LessonIn(Strict):
    """One lesson (Blik op Werk norm 2.10.1)."""

    group: ExternalId = Field(description="The group's external id")
    kind: Kind | None = Field(None, description="Default: the group's kind")
    level: Short = Field(description="Required (norm 2.10.1), e.g. A2 or B1")
    start: LocalDateTime
    end: LocalDateTime
    location: Text = Field(description="Required (norm 2.10.1)")
    mode: Mode = Field(description="Required, no default: classroom (klassikaal) or distance "
                                   "(afstand); it decides which hours count (BoW 2.3)")
    teacher: Text = Field(description="Required (norm 2.10.1)")
    cancelled: bool = False
    join_url: JoinUrl | None = Field(None, description="For a distance lesson: the https link "
                                                       "participants follow to join it")

    @field_validator("end")
    @classmethod
    def _end_after_start(cls, end, info: ValidationInfo):
        start = info.data.get("start")
        if start is not None:
            if end <= start:
                raise ValueError("end must be after start")
            if end - start > MAX_LESSON:
                raise ValueError("a lesson may not be longer than 12 hours")
        return end


ChangeKind = Literal["new", "cancelled", "moved", "location", "teacher", "mode"]


class LessonOut(BaseModel):
    external_id: str
    group: str
    kind: str
    level: str | None
    start: datetime
    end: datetime
    location: str | None
    mode: str
    teacher: str | None
    cancelled: bool
    join_url: str | None = None


class LessonWriteOut(LessonOut):
    changes: list[ChangeKind] = Field(description="What participants were told changed")
    notified_participants: int


# ---- holidays -------------------------------------------------------------------------------

class HolidayIn(Strict):
    """A vakantie (convenant art. 10.6), of the whole school or of one group; dates inclusive."""

    name: Text
    starts_on: LocalDate
    ends_on: LocalDate
    group: ExternalId | None = Field(None, description="Leave out for the whole school")

    @field_validator("ends_on")
    @classmethod
    def _ends_after_start(cls, ends_on, info: ValidationInfo):
        starts_on = info.data.get("starts_on")
        if starts_on is not None:
            if ends_on < starts_on:
                raise ValueError("ends_on may not be before starts_on")
            if (ends_on - starts_on).days > 366:
                raise ValueError("a holiday may not be longer than a year")
        return ends_on


class HolidayOut(BaseModel):
    external_id: str
    name: str
    starts_on: date
    ends_on: date
    group: str | None


# ---- a whole planning -----------------------------------------------------------------------

class PlanningParticipant(ParticipantIn):
    external_id: ExternalId


class PlanningGroup(GroupIn):
    external_id: ExternalId


class PlanningLesson(LessonIn):
    external_id: ExternalId


class PlanningHoliday(HolidayIn):
    external_id: ExternalId


class CancelWindow(Strict):
    """Lessons starting on these days that the planning does not list are cancelled."""

    start: LocalDate = Field(description="First day (inclusive)")
    end: LocalDate = Field(description="Last day (exclusive)")
    groups: list[ExternalId] | None = Field(
        None, max_length=5000, description="Only lessons of these groups; default all")

    @field_validator("end")
    @classmethod
    def _end_after_start(cls, end, info: ValidationInfo):
        start = info.data.get("start")
        if start is not None and end <= start:
            raise ValueError("end must be after start")
        return end


class PlanningIn(Strict):
    """A whole planning, applied all or nothing: participants, groups with members, lessons and
    holidays, each upserted by external id; lessons not listed are left alone unless
    ``cancel_missing`` names the days the planning covers completely."""

    participants: list[PlanningParticipant] = Field([], max_length=20000)
    groups: list[PlanningGroup] = Field([], max_length=5000)
    lessons: list[PlanningLesson] = Field([], max_length=50000)
    holidays: list[PlanningHoliday] = Field([], max_length=1000)
    cancel_missing: CancelWindow | None = None


class SkippedEvent(BaseModel):
    uid: str
    reason: str


class PushResult(BaseModel):
    participants_created: int = 0
    participants_updated: int = 0
    link_codes: dict[str, str] = Field(
        default_factory=dict, description="external id -> one-time link code, new participants")
    groups_created: int = 0
    groups_updated: int = 0
    lessons_created: int = 0
    lessons_updated: int = 0
    lessons_unchanged: int = 0
    lessons_cancelled: int = 0
    holidays_created: int = 0
    holidays_updated: int = 0
    notified_participants: int = Field(0, description="Participants who get a message")
    conflicts_opened: int = 0
    conflicts_resolved: int = 0
    skipped: list[SkippedEvent] = Field(default_factory=list,
                                        description="Calendar events not imported, and why")


# ---- participation activities and conflicts -------------------------------------------------

class WeeklySchedule(Strict):
    type: Literal["weekly"]
    weekday: Weekday
    start_time: LocalTime
    end_time: LocalTime
    valid_from: LocalDate | None = None
    valid_until: LocalDate | None = Field(None, description="Last day (inclusive)")

    @field_validator("end_time")
    @classmethod
    def _end_after_start(cls, end_time, info: ValidationInfo):
        start = info.data.get("start_time")
        if start is not None and end_time <= start:
            raise ValueError("end_time must be after start_time")
        return end_time

    @field_validator("valid_until")
    @classmethod
    def _until_after_from(cls, until, info: ValidationInfo):
        since = info.data.get("valid_from")
        if until is not None and since is not None and until < since:
            raise ValueError("valid_until may not be before valid_from")
        return until


class OnceSchedule(Strict):
    type: Literal["once"]
    start: LocalDateTime
    end: LocalDateTime

    @field_validator("end")
    @classmethod
    def _end_after_start(cls, end, info: ValidationInfo):
        start = info.data.get("start")
        if start is not None:
            if end <= start:
                raise ValueError("end must be after start")
            if (end - start).days >= 31:
                raise ValueError("a one-time activity may last at most 31 days")
        return end


Schedule = Annotated[WeeklySchedule | OnceSchedule, Field(discriminator="type")]


class ActivityIn(Strict):
    """A mandatory participation activity (convenant art. 9.2, 12.6)."""

    participant_id: Id = Field(description="The participant's id (see GET /api/v1/caseload)")
    title: Text
    schedule: Schedule


class WeeklyScheduleOut(BaseModel):
    type: Literal["weekly"]
    weekday: Weekday
    start_time: str
    end_time: str
    valid_from: date | None
    valid_until: date | None


class OnceScheduleOut(BaseModel):
    type: Literal["once"]
    start: datetime
    end: datetime


class ActivityOut(BaseModel):
    external_id: str | None
    participant_id: int
    title: str
    schedule: WeeklyScheduleOut | OnceScheduleOut
    open_conflicts: int


class CaseloadParticipant(BaseModel):
    id: int
    name: str
    school: str
    klantmanager_id: int | None
    status: str


class ConflictParticipant(BaseModel):
    id: int
    external_id: str | None
    name: str


class ConflictLesson(BaseModel):
    external_id: str
    group: str
    kind: str
    start: datetime
    end: datetime
    location: str | None
    mode: str


class ConflictActivity(BaseModel):
    external_id: str | None
    title: str
    start: datetime = Field(description="The activity on the lesson's day")
    end: datetime


class ConflictOut(BaseModel):
    id: int
    state: Literal["open", "resolved"]
    detected_at: datetime
    resolved_at: datetime | None
    participant: ConflictParticipant
    lesson: ConflictLesson
    activity: ConflictActivity
