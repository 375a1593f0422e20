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
A lesson that has not yet taken place (it has not ended) never counts as missed, whatever is
registered for it; a registered presence counts from the lesson's start.

"Longer than one week" (C art. 12.4) is read on counted days: from the start of the first missed
lesson, on the local wall clock (a DST change does not move the alert by an hour), minus every
later day that was a holiday of the participant's group or school (C art. 10.6) and every later
day on which all of the participant's lessons were cancelled: a participant cannot be absent
from a lesson nobody gave. The first alert needs more than 7 counted days in which every lesson
held was missed, and at least two missed lessons: one missed lesson, however long the gap after
it (a weekly group, a holiday), is not yet verzuim of more than a week.

Absence reported with a reason is still verzuim under C art. 12.4, so it alerts like any other;
the episode says which lessons were reported, for the klantmanager to weigh (C art. 9.3). An
episode does not close when a membership ends (later lessons just do not count); callers evaluate
only participants who are still enrolled, as uitval is its own report.
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
MIN_MISSED = 2
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
    # Local days after the first missed one that do not count: holidays, all lessons cancelled.
    skipped: frozenset[date] = frozenset()

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

    def counted(self, now: datetime) -> timedelta:
        """How long the episode has lasted at ``now`` on counted days: the wall-clock time less
        a whole day for each skipped day up to today (a holiday today does not count either)."""
        today = local_date(now, self.tz)
        skipped = sum(1 for day in self.skipped if day <= today)
        return max(self.lasted(now) - timedelta(days=skipped), timedelta(0))

    def longer_than_a_week(self, now: datetime) -> bool:
        """C art. 12.4: every lesson held over more than 7 counted days missed, at least two."""
        return len(self.missed) >= MIN_MISSED and self.counted(now) > ALERT_AFTER


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


def skipped_days(
    lessons: Iterable[Lesson],
    holidays: Iterable[Holiday],
    memberships: Iterable[Membership],
    after: date,
    until: date,
    tz: tzinfo = AMSTERDAM,
) -> frozenset[date]:
    """Local days in (``after``, ``until``] that do not count towards the week: a holiday, or a
    day with lessons of the participant (while a member) that were all cancelled."""
    holiday_list = list(holidays)
    membership_list = list(memberships)
    skipped = set()
    day = after + timedelta(days=1)
    while day <= until:
        if any(h.covers(day) for h in holiday_list):
            skipped.add(day)
        day += timedelta(days=1)
    given: dict[date, bool] = {}
    for lesson in lessons:
        day = local_date(lesson.start, tz)
        if after < day <= until and any(m.covers(day) for m in membership_list):
            given[day] = given.get(day, False) or not lesson.cancelled
    skipped.update(day for day, held in given.items() if not held)
    return frozenset(skipped)


def current_episode(
    lessons: Iterable[Lesson],
    holidays: Iterable[Holiday],
    attendance: Mapping[str, str],
    memberships: Iterable[Membership],
    now: datetime,
    tz: tzinfo = AMSTERDAM,
) -> Episode | None:
    """The open absence episode at ``now``, or None when the last registered lesson was attended."""
    lesson_list = list(lessons)
    holiday_list = list(holidays)
    membership_list = list(memberships)
    missed: list[Lesson] = []
    statuses: list[str] = []
    for lesson in reversed(countable_lessons(lesson_list, holiday_list, membership_list, now, tz)):
        status = attendance.get(lesson.id)
        if status is None:
            continue
        if _check_status(lesson.id, status) == PRESENT:
            break
        if lesson.end > now:
            continue  # not yet held: never missed
        missed.append(lesson)
        statuses.append(status)
    if not missed:
        return None
    first = local_date(missed[-1].start, tz)
    skipped = skipped_days(lesson_list, holiday_list, membership_list, first,
                           local_date(now, tz), tz)
    return Episode(missed=tuple(reversed(missed)), statuses=tuple(reversed(statuses)), tz=tz,
                   skipped=skipped)


def alert_decision(
    episode: Episode | None,
    now: datetime,
    already_alerted_at: datetime | None,
    last_followup_at: datetime | None,
) -> AlertDecision | None:
    """Whether to alert the klantmanager now: first when the absence is longer than a week
    (``Episode.longer_than_a_week``), then weekly.

    An alert or follow-up stamped before this episode started belongs to an earlier episode and
    is ignored, so a new episode always gets its own first alert.
    """
    if episode is None:
        return None
    if already_alerted_at is None or already_alerted_at < episode.start:
        return "alert" if episode.longer_than_a_week(now) else None
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
