"""Absence episodes and when to alert the klantmanager (C art. 12.4, 9.3; BoW 4.20).

C art. 12.4: the school informs the klantmanager of absence (verzuim) of longer than one week.
BoW 4.20 ("Wanprestatie door de Cursist"): when a participant keeps not showing up, the school
keeps trying and records its attempts; here that is one follow-up per week while the absence
lasts. C art. 9.3: absence reported with a valid reason matters, so episodes tell which missed
lessons were reported.

An episode is the run of missed lessons since the last attended one, counting only lessons that
were scheduled, not cancelled, not in a holiday, and fell in a period of group membership.
Lessons whose attendance is not registered yet are skipped: they neither end an episode (the
participant may have been absent) nor extend it (they may have been present). So a school that
registers late never triggers an alert on its own, and an alert waits for a registered absence.

Absence reported with a reason is still verzuim under C art. 12.4, so it alerts like any other;
the episode says which lessons were reported, for the klantmanager to weigh. The week is read on
the local wall clock from the start of the first missed lesson, so a DST change does not move the
alert by an hour. An episode does not close when a membership ends (later lessons just do not
count); callers evaluate only participants who are still enrolled, as uitval is its own report.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import Literal

from bot.rules.localtime import AMSTERDAM, local_date, require_aware, wall_clock_elapsed

PRESENT = "present"
ABSENT = "absent"
ABSENT_REPORTED = "absent_reported"
ABSENT_ILL = "absent_ill"
ABSENT_OTHER = "absent_other"
REPORTED_STATUSES = frozenset({ABSENT_REPORTED, ABSENT_ILL, ABSENT_OTHER})
ABSENT_STATUSES = REPORTED_STATUSES | {ABSENT}
STATUSES = ABSENT_STATUSES | {PRESENT}

ALERT_AFTER = timedelta(days=7)
FOLLOWUP_EVERY = timedelta(days=7)

AlertDecision = Literal["alert", "followup"]


@dataclass(frozen=True)
class Lesson:
    """One scheduled lesson of the participant's group."""

    id: str
    start: datetime
    end: datetime
    cancelled: bool = False


@dataclass(frozen=True)
class Membership:
    """A period of group membership, inclusive local dates; ``left`` None while still a member."""

    joined: date
    left: date | None = None

    def covers(self, day: date) -> bool:
        """True when the participant was a member on ``day``."""
        return self.joined <= day and (self.left is None or day <= self.left)


@dataclass(frozen=True)
class Holiday:
    """A holiday or leave period (C art. 10.6), inclusive local dates."""

    first: date
    last: date

    def covers(self, day: date) -> bool:
        """True when ``day`` falls in the holiday."""
        return self.first <= day <= self.last


@dataclass(frozen=True)
class Episode:
    """An open run of missed lessons since the last attended one."""

    missed: tuple[Lesson, ...]
    statuses: tuple[str, ...]
    tz: tzinfo = AMSTERDAM

    @property
    def start(self) -> datetime:
        """Start of the first missed lesson."""
        return self.missed[0].start

    @property
    def last_missed(self) -> Lesson:
        """The most recent missed lesson."""
        return self.missed[-1]

    @property
    def reported(self) -> tuple[Lesson, ...]:
        """Missed lessons the participant reported with a reason (C art. 9.3)."""
        pairs = zip(self.missed, self.statuses, strict=True)
        return tuple(lesson for lesson, status in pairs if status in REPORTED_STATUSES)

    @property
    def unreported(self) -> tuple[Lesson, ...]:
        """Missed lessons without a reported reason."""
        pairs = zip(self.missed, self.statuses, strict=True)
        return tuple(lesson for lesson, status in pairs if status not in REPORTED_STATUSES)

    @property
    def all_reported(self) -> bool:
        """True when every missed lesson was reported with a reason."""
        return all(status in REPORTED_STATUSES for status in self.statuses)

    def lasted(self, now: datetime) -> timedelta:
        """Local wall-clock time from the first missed lesson's start to ``now``."""
        return wall_clock_elapsed(self.start, now, self.tz)

    def lasted_days(self, now: datetime) -> int:
        """Whole days the episode has lasted at ``now``."""
        return self.lasted(now).days


def _check_status(lesson_id: str, status: str) -> str:
    """Return a known attendance status, or raise ValueError."""
    if status not in STATUSES:
        raise ValueError(f"unknown attendance status {status!r} for lesson {lesson_id!r}")
    return status


def countable_lessons(
    lessons: Iterable[Lesson],
    holidays: Iterable[Holiday],
    memberships: Iterable[Membership],
    now: datetime,
    tz: tzinfo = AMSTERDAM,
) -> list[Lesson]:
    """Lessons begun by ``now``, not cancelled, not in a holiday, while a member; by start."""
    require_aware(now, "now")
    holiday_list = list(holidays)
    membership_list = list(memberships)
    kept = []
    for lesson in lessons:
        if lesson.cancelled or require_aware(lesson.start, "lesson start") > now:
            continue
        day = local_date(lesson.start, tz)
        if any(h.covers(day) for h in holiday_list):
            continue
        if any(m.covers(day) for m in membership_list):
            kept.append(lesson)
    kept.sort(key=lambda lesson: lesson.start)
    return kept


def current_episode(
    lessons: Iterable[Lesson],
    holidays: Iterable[Holiday],
    attendance: Mapping[str, str],
    memberships: Iterable[Membership],
    now: datetime,
    tz: tzinfo = AMSTERDAM,
) -> Episode | None:
    """The open absence episode at ``now``, or None when the last registered lesson was attended."""
    missed: list[Lesson] = []
    statuses: list[str] = []
    for lesson in reversed(countable_lessons(lessons, holidays, memberships, now, tz)):
        status = attendance.get(lesson.id)
        if status is None:
            continue
        if _check_status(lesson.id, status) == PRESENT:
            break
        missed.append(lesson)
        statuses.append(status)
    if not missed:
        return None
    return Episode(missed=tuple(reversed(missed)), statuses=tuple(reversed(statuses)), tz=tz)


def alert_decision(
    episode: Episode | None,
    now: datetime,
    already_alerted_at: datetime | None,
    last_followup_at: datetime | None,
) -> AlertDecision | None:
    """Whether to alert the klantmanager now: first after more than 7 days, then weekly.

    An alert or follow-up stamped before this episode started belongs to an earlier episode and
    is ignored, so a new episode always gets its own first alert.
    """
    if episode is None:
        return None
    if already_alerted_at is None or already_alerted_at < episode.start:
        return "alert" if episode.lasted(now) > ALERT_AFTER else None
    last_contact = already_alerted_at
    if last_followup_at is not None and last_followup_at > last_contact:
        last_contact = last_followup_at
    if wall_clock_elapsed(last_contact, now, episode.tz) >= FOLLOWUP_EVERY:
        return "followup"
    return None


def back_in_class(
    previous: Episode | None,
    alerted_at: datetime | None,
    lessons: Sequence[Lesson],
    attendance: Mapping[str, str],
) -> bool:
    """True when the participant attended a lesson after an episode the klantmanager was told of."""
    if previous is None or alerted_at is None or alerted_at < previous.start:
        return False
    return any(
        attendance.get(lesson.id) == PRESENT
        and not lesson.cancelled
        and lesson.start > previous.start
        for lesson in lessons
    )
