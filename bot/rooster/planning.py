"""What a school's push says and what applying it did (issue 4; Blik op Werk norm 2.10.1 names
the fields of a lesson; convenant art. 10.6 the holidays): the participants, groups with their
members, lessons and holidays as the API or an iCalendar upload hands them to ``bot.rooster.push``,
the window in which lessons a push leaves out are cancelled, the counts it answers with, and the
refusal that names each wrong field (nothing is then written). Plain data, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

Loc = tuple[str | int, ...]


class Rejected(Exception):
    """The push cannot be applied; nothing was written. ``errors`` name the fields and why."""

    def __init__(self, errors: list[tuple[Loc, str]], status: int = 422):
        super().__init__(f"{len(errors)} error(s)")
        self.errors = errors
        self.status = status


@dataclass(frozen=True)
class ParticipantInput:
    external_id: str
    name: str
    regime: str | None = None
    route: str | None = None
    klantmanager_id: int | None = None
    status: str | None = None  # None: a new participant is active, a known one keeps theirs
    loc: Loc = ()


@dataclass(frozen=True)
class MemberInput:
    participant: str
    joined_on: date
    left_on: date | None = None
    loc: Loc = ()


@dataclass(frozen=True)
class GroupInput:
    external_id: str
    name: str
    kind: str = "NT2"
    level: str | None = None
    capacity: int | None = None
    location: str | None = None
    members: tuple[MemberInput, ...] | None = None  # None: leave the members as they are
    loc: Loc = ()


@dataclass(frozen=True)
class LessonInput:
    external_id: str
    group: str
    starts_at: datetime
    ends_at: datetime
    kind: str | None = None  # None: the group's kind
    level: str | None = None
    location: str | None = None  # required (norm 2.10.1): a push without it is rejected
    mode: str | None = None  # classroom or distance: no default, it decides which hours count
    teacher: str | None = None  # required
    cancelled: bool = False
    loc: Loc = ()
    join_url: str | None = None


@dataclass(frozen=True)
class HolidayInput:
    external_id: str
    name: str
    starts_on: date
    ends_on: date
    group: str | None = None
    loc: Loc = ()


@dataclass(frozen=True)
class CancelMissing:
    """Lessons starting in [start, end) that the push does not list are cancelled; limited to
    some groups and/or to external ids with a prefix (an .ics upload replaces its own lessons)."""

    start: datetime
    end: datetime
    group_ids: frozenset[str] | None = None
    prefix: str | None = None


@dataclass
class Planning:
    participants: list[ParticipantInput] = field(default_factory=list)
    groups: list[GroupInput] = field(default_factory=list)
    lessons: list[LessonInput] = field(default_factory=list)
    holidays: list[HolidayInput] = field(default_factory=list)
    cancel_missing: CancelMissing | None = None


@dataclass
class Outcome:
    participants_created: int = 0
    participants_updated: int = 0
    link_codes: dict[str, str] = field(default_factory=dict)
    groups_created: int = 0
    groups_updated: int = 0
    lessons_created: int = 0
    lessons_updated: int = 0
    lessons_unchanged: int = 0
    lessons_cancelled: int = 0
    holidays_created: int = 0
    holidays_updated: int = 0
    notified_participants: int = 0
    conflicts_opened: int = 0
    conflicts_resolved: int = 0
    lesson_changes: dict[str, tuple[str, ...]] = field(default_factory=dict)
