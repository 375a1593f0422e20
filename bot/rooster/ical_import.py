"""Lessons from an iCalendar upload (RFC 5545), for schools whose planning software exports .ics
(issue 4). Parsing is the ``icalendar`` library's; recurrence is expanded here, for what lesson
plannings use, so that anything else is refused with a clear reason instead of guessed at.

Supported:
- VEVENTs with DTSTART and DTEND or DURATION, at a time of day (all-day events are skipped and
  reported: a lesson has a time). A time with TZID is in that zone (VTIMEZONE or IANA name), one
  with Z is UTC, a floating time is Europe/Amsterdam.
- RRULE with FREQ=WEEKLY or FREQ=DAILY and INTERVAL, COUNT, UNTIL, BYDAY (weekdays without a
  number) and WKST=MO; occurrences keep their wall-clock time across daylight-saving changes. A
  rule without COUNT or UNTIL is expanded up to one year from now.
- EXDATE (times, or dates for the whole day) removes occurrences; a VEVENT with RECURRENCE-ID
  replaces one occurrence (moved, another place, STATUS:CANCELLED).
- STATUS:CANCELLED cancels; LOCATION is the location; the teacher is ORGANIZER's CN, else the
  CN of an ATTENDEE with ROLE=CHAIR; CATEGORIES (else SUMMARY words) may name the kind (NT2,
  KNM, ONA, alfabetisering, MAP) and "afstand", "distance" or "online" makes it distance learning.

Refused (422): unparseable text, other FREQ values (MONTHLY, YEARLY, ...), BY* parts other than
BYDAY, numbered BYDAY (1MO), other WKST with INTERVAL > 1, RDATE, EXRULE, more than
``MAX_OCCURRENCES`` lessons per event or ``MAX_LESSONS`` per upload.

Each occurrence gets a stable external id from the event's UID and its original start, so a
re-upload of the same calendar changes nothing and moving one occurrence is a move.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo

from icalendar import Calendar

from bot.rules.lessons import KINDS, MAX_LESSON
from bot.rules.localtime import AMSTERDAM, at_local

MAX_OCCURRENCES = 1000
MAX_LESSONS = 20000
MIN_YEAR, MAX_YEAR = 2000, 2100  # as the JSON API
UNBOUNDED = timedelta(days=366)
ID_PREFIX = "ics-"
WEEKDAYS = {"MO": 0, "TU": 1, "WE": 2, "TH": 3, "FR": 4, "SA": 5, "SU": 6}
SUPPORTED_PARTS = {"FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "WKST"}
DISTANCE_WORDS = {"afstand", "afstandsonderwijs", "distance", "online"}


class IcsError(ValueError):
    """The calendar cannot be used; ``where`` names the event (UID) or part, ``why`` says why."""

    def __init__(self, where: str, why: str):
        super().__init__(f"{where}: {why}")
        self.where, self.why = where, why


@dataclass(frozen=True)
class Occurrence:
    """One lesson from the calendar, before it is given a group."""

    external_id: str
    starts_at: datetime
    ends_at: datetime
    location: str | None
    teacher: str | None
    kind: str | None
    distance: bool
    cancelled: bool


@dataclass
class Parsed:
    lessons: list[Occurrence] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (uid, reason)


# The JSON API's rules for the same fields (bot/api/rooster_models.py: Text).
MAX_TEXT = 200
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _text(value, what: str = "text") -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    if _CONTROL.search(text):
        raise IcsError(what, "contains control characters (line breaks, NUL, ...)")
    if len(text) > MAX_TEXT:
        raise IcsError(what, f"is longer than {MAX_TEXT} characters")
    return text or None


def _cn(prop) -> str | None:
    params = getattr(prop, "params", None) or {}
    return _text(params.get("CN"), "CN (teacher)")


def _teacher(event) -> str | None:
    organizer = event.get("ORGANIZER")
    if organizer is not None and _cn(organizer):
        return _cn(organizer)
    attendees = event.get("ATTENDEE")
    for attendee in attendees if isinstance(attendees, list) else [attendees] if attendees else []:
        if str((getattr(attendee, "params", None) or {}).get("ROLE", "")).upper() == "CHAIR":
            return _cn(attendee)
    return None


def _words(event) -> list[str]:
    words: list[str] = []
    categories = event.get("CATEGORIES")
    for entry in categories if isinstance(categories, list) else [categories] if categories else []:
        words.extend(str(cat).strip() for cat in getattr(entry, "cats", []))
    return words


def _kind_and_mode(event) -> tuple[str | None, bool]:
    words = _words(event)
    summary = re.findall(r"[A-Za-z0-9]+", str(event.get("SUMMARY") or ""))
    by_lower = {kind.lower(): kind for kind in KINDS if kind != "other"}
    kind = next((by_lower[w.lower()] for w in words if w.lower() in by_lower), None)
    if kind is None:
        kind = next((by_lower[w.lower()] for w in summary if w.lower() in by_lower), None)
    distance = any(w.lower() in DISTANCE_WORDS for w in words)
    return kind, distance


def _aware(value: datetime, default_tz: tzinfo) -> datetime:
    return value.replace(tzinfo=default_tz) if value.tzinfo is None else value


def _external_id(uid: str, original: datetime) -> str:
    digest = hashlib.sha256(uid.encode("utf-8")).hexdigest()[:16]
    return f"{ID_PREFIX}{digest}-{original.astimezone(UTC):%Y%m%dT%H%MZ}"


def _rule(event, uid: str) -> dict | None:
    for name in ("RDATE", "EXRULE"):
        if event.get(name) is not None:
            raise IcsError(uid, f"{name} is not supported; list the lessons as events or use RRULE")
    rrule = event.get("RRULE")
    if rrule is None:
        return None
    if isinstance(rrule, list):
        if len(rrule) > 1:
            raise IcsError(uid, "more than one RRULE is not supported")
        rrule = rrule[0]
    parts = {str(key).upper(): value for key, value in dict(rrule).items()}
    unknown = sorted(set(parts) - SUPPORTED_PARTS)
    if unknown:
        raise IcsError(uid, f"RRULE part {', '.join(unknown)} is not supported"
                       " (supported: FREQ=WEEKLY or DAILY, INTERVAL, COUNT, UNTIL, BYDAY)")
    freq = str(parts.get("FREQ", [""])[0]).upper()
    if freq not in ("WEEKLY", "DAILY"):
        raise IcsError(uid, f"RRULE FREQ={freq or '?'} is not supported (WEEKLY or DAILY)")
    try:
        interval = int(parts.get("INTERVAL", [1])[0])
        count = int(parts["COUNT"][0]) if "COUNT" in parts else None
    except (TypeError, ValueError):
        raise IcsError(uid, "RRULE INTERVAL and COUNT must be whole numbers") from None
    if interval < 1 or interval > 52 or (count is not None and count < 1):
        raise IcsError(uid, "RRULE INTERVAL must be 1 to 52 and COUNT at least 1")
    days = []
    for day in parts.get("BYDAY", []):
        code = str(day).upper()
        if code not in WEEKDAYS:
            raise IcsError(uid, f"RRULE BYDAY={code} is not supported (plain weekdays only)")
        days.append(WEEKDAYS[code])
    wkst = str(parts.get("WKST", ["MO"])[0]).upper()
    if wkst != "MO" and interval > 1 and freq == "WEEKLY":
        raise IcsError(uid, "RRULE WKST other than MO with INTERVAL > 1 is not supported")
    until = parts.get("UNTIL", [None])[0]
    if count is not None and until is not None:
        raise IcsError(uid, "RRULE may not have both COUNT and UNTIL (RFC 5545)")
    return {"freq": freq, "interval": interval, "count": count, "until": until,
            "days": sorted(set(days))}


def _dates(rule: dict, first: date) -> iter[date]:
    """Candidate local dates in order, from the first date on (unbounded)."""
    step, days = rule["interval"], rule["days"]
    if rule["freq"] == "DAILY":
        day = first
        while True:
            if not days or day.weekday() in days:
                yield day
            day += timedelta(days=step)
    else:
        monday = first - timedelta(days=first.weekday())
        weekdays = days or [first.weekday()]
        while True:
            for weekday in weekdays:
                day = monday + timedelta(days=weekday)
                if day >= first:
                    yield day
            monday += timedelta(weeks=step)


def _occurrence_starts(start: datetime, rule: dict | None, uid: str, now: datetime
                       ) -> list[datetime]:
    if rule is None:
        return [start]
    tz = start.tzinfo
    clock = start.timetz().replace(tzinfo=None)
    until = rule["until"]
    if isinstance(until, datetime):
        until = _aware(until, tz)
    limit = max(start, now) + UNBOUNDED
    starts = []
    for day in _dates(rule, start.date()):
        moment = at_local(day, clock, tz)
        if isinstance(until, datetime) and moment > until:
            break
        if isinstance(until, date) and not isinstance(until, datetime) and day > until:
            break
        if until is None and rule["count"] is None and moment > limit:
            break
        starts.append(moment)
        if rule["count"] is not None and len(starts) >= rule["count"]:
            break
        if len(starts) > MAX_OCCURRENCES:
            raise IcsError(uid, f"the rule gives more than {MAX_OCCURRENCES} lessons")
    return starts


def _excluded(event, tz: tzinfo) -> tuple[set[datetime], set[date]]:
    moments: set[datetime] = set()
    days: set[date] = set()
    exdates = event.get("EXDATE")
    for entry in exdates if isinstance(exdates, list) else [exdates] if exdates else []:
        for value in getattr(entry, "dts", []):
            dt = value.dt
            if isinstance(dt, datetime):
                moments.add(_aware(dt, tz))
            else:
                days.add(dt)
    return moments, days


def _times(event, uid: str) -> tuple[datetime, timedelta] | None:
    """DTSTART and the duration, or None for an all-day event."""
    dtstart = event.get("DTSTART")
    if dtstart is None:
        raise IcsError(uid, "DTSTART is missing")
    start = dtstart.dt
    if not isinstance(start, datetime):
        return None
    start = _aware(start, AMSTERDAM)
    dtend, duration = event.get("DTEND"), event.get("DURATION")
    if dtend is not None:
        end = dtend.dt
        if not isinstance(end, datetime):
            raise IcsError(uid, "DTEND is a date but DTSTART a time")
        length = _aware(end, start.tzinfo) - start
    elif duration is not None:
        length = duration.dt
        if not isinstance(length, timedelta):
            raise IcsError(uid, "DURATION is not a duration")
    else:
        raise IcsError(uid, "DTEND or DURATION is missing")
    if length <= timedelta(0):
        raise IcsError(uid, "the event ends before it starts")
    if length > MAX_LESSON:
        raise IcsError(uid, "a lesson may not be longer than 12 hours")
    if not MIN_YEAR <= start.year <= MAX_YEAR:
        raise IcsError(uid, f"DTSTART must be between the years {MIN_YEAR} and {MAX_YEAR}")
    return start, length


def parse(data: bytes, now: datetime) -> Parsed:
    """Every lesson in the calendar, with recurrences expanded; raises IcsError."""
    try:
        calendar = Calendar.from_ical(data)
    except Exception as exc:  # icalendar raises ValueError, KeyError, IndexError...
        raise IcsError("calendar", f"not a readable iCalendar file ({type(exc).__name__})"
                       ) from None
    if isinstance(calendar, list):
        raise IcsError("calendar", "send one VCALENDAR, not several")
    if getattr(calendar, "name", "") != "VCALENDAR":
        raise IcsError("calendar", "the file does not start with BEGIN:VCALENDAR")
    try:
        return _expand(calendar, now)
    except IcsError:
        raise
    except (ValueError, TypeError, KeyError, AttributeError, OverflowError) as exc:
        raise IcsError("calendar", f"an event could not be read ({type(exc).__name__})") from None


def _expand(calendar, now: datetime) -> Parsed:
    parsed = Parsed()
    masters: dict[str, object] = {}
    overrides: dict[str, list] = {}
    for number, event in enumerate(calendar.walk("VEVENT"), start=1):
        if getattr(event, "errors", None):
            raise IcsError(f"event {number}", "contains a property that could not be read")
        uid = _text(event.get("UID"), "UID") or f"event {number}"
        if event.get("RECURRENCE-ID") is not None:
            overrides.setdefault(uid, []).append(event)
        elif uid in masters:
            raise IcsError(uid, "two events have the same UID")
        else:
            masters[uid] = event
    for uid, event in masters.items():
        times = _times(event, uid)
        if times is None:
            parsed.skipped.append((uid, "all-day event: a lesson needs a start and end time"))
            continue
        start, length = times
        rule = _rule(event, uid)
        moments, days = _excluded(event, start.tzinfo)
        replaced = {}
        for override in overrides.pop(uid, []):
            original = override.get("RECURRENCE-ID").dt
            if not isinstance(original, datetime):
                raise IcsError(uid, "RECURRENCE-ID must be a date with time")
            replaced[_aware(original, start.tzinfo)] = override
        kind, distance = _kind_and_mode(event)
        for occurrence in _occurrence_starts(start, rule, uid, now):
            if occurrence in moments or occurrence.date() in days:
                continue
            source, begin, end = event, occurrence, occurrence + length
            this_kind, this_distance = kind, distance
            override = replaced.pop(occurrence, None)
            if override is not None:
                moved = _times(override, uid)
                if moved is None:
                    raise IcsError(uid, "an overridden occurrence must have a time")
                source, begin, end = override, moved[0], moved[0] + moved[1]
                if _words(override):
                    this_kind, this_distance = _kind_and_mode(override)
            if not (MIN_YEAR <= begin.year and end.year <= MAX_YEAR):
                raise IcsError(uid, f"lessons must be between the years {MIN_YEAR} and "
                                    f"{MAX_YEAR}")
            parsed.lessons.append(Occurrence(
                external_id=_external_id(uid, occurrence), starts_at=begin, ends_at=end,
                location=(_text(source.get("LOCATION"), "LOCATION")
                          or _text(event.get("LOCATION"), "LOCATION")),
                teacher=_teacher(source) or _teacher(event), kind=this_kind,
                distance=this_distance,
                cancelled=str(source.get("STATUS") or "").upper() == "CANCELLED"))
            if len(parsed.lessons) > MAX_LESSONS:
                raise IcsError("calendar", f"more than {MAX_LESSONS} lessons in one upload")
    for uid in overrides:
        raise IcsError(uid, "RECURRENCE-ID refers to an event that is not in the file")
    return parsed
