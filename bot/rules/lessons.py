"""The values the rooster rules work on (Blik op Werk norm 2.10.1: per lesson the location,
date and time, group, kind, level, classroom or distance, and teacher; convenant art. 10.6: the
vakantieregeling; art. 9.2 and 12.6: the participant's mandatory participation activities).

A lesson, a holiday and a participation activity as plain frozen data, with the kinds and modes a
lesson may have, how far ahead a change is still told, and how long a lesson may last. Times are
aware datetimes; dates and wall-clock times of activities are local (Europe/Amsterdam)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

KINDS = ("NT2", "KNM", "ONA", "alfabetisering", "MAP", "other")
MODES = ("classroom", "distance")

# Changes to lessons further ahead than this notify nobody (issue 4): the participant sees them
# in /rooster and in the calendar feed; a message about a lesson in three months is noise.
NOTIFY_HORIZON = timedelta(weeks=8)
# A lesson longer than this is a typing error in the school's system, not a lesson.
MAX_LESSON = timedelta(hours=12)


@dataclass(frozen=True)
class Lesson:
    """One lesson as the school planned it; ``id`` is ours and not part of its content."""

    external_id: str
    group_id: int
    kind: str
    level: str | None
    starts_at: datetime
    ends_at: datetime
    location: str | None
    mode: str
    teacher: str | None
    cancelled: bool = False
    id: int | None = field(default=None, compare=False)
    # The link to join a distance lesson, as the school gave it (issue 14).
    join_url: str | None = None


@dataclass(frozen=True)
class Holiday:
    """A vakantie of the whole school (``group_id`` None) or of one group; dates inclusive."""

    external_id: str
    name: str
    starts_on: date
    ends_on: date
    group_id: int | None = None
    id: int | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Activity:
    """A mandatory participation activity: weekly (weekday 0 = Monday, local times, optional
    local date range) or once (``starts_at`` to ``ends_at``)."""

    id: int
    participant_id: int
    title: str
    weekday: int | None = None
    start_time: time | None = None
    end_time: time | None = None
    valid_from: date | None = None
    valid_until: date | None = None
    starts_at: datetime | None = None
    ends_at: datetime | None = None

    @property
    def weekly(self) -> bool:
        return self.weekday is not None
