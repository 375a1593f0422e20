"""How urgent a notification is (issue 18): urgent rows go before the bulk of a big push, reminders
go at their own time, everything else is bulk that keeps its order. Pure, no I/O.

- C art. 10.4: when the rooster changes, the school actively tells the participant. A change the
  participant must act on today (a lesson within the next 12 hours that is new, cancelled, moved,
  at another place, or online instead of in the classroom or back) is worthless when it arrives
  after they left home, so it is urgent. A new teacher, or a change next week, is bulk.
- C art. 12.4: the school informs the klantmanager of uitval (drop-out): urgent.
- A klacht about safety (topic ``safety``) is urgent: someone may be at risk now.
- A reminder before a lesson is due at its own time (``TIMED``): once due it goes like an urgent
  row, not behind a backlog.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.rules.localtime import require_aware

URGENT = "urgent"
TIMED = "timed"
BULK = "bulk"
URGENCIES = (URGENT, TIMED, BULK)
# Within the next 12 hours: the same window that lets a lesson message through quiet hours.
LESSON_WINDOW = timedelta(hours=12)
# What a participant must act on (bot.rules.rooster_diff.CHANGE_KINDS minus "teacher").
PRESSING_CHANGES = frozenset({"new", "cancelled", "moved", "location", "mode"})
SAFETY_TOPICS = frozenset({"safety"})


@dataclass(frozen=True)
class LessonChange:
    """One lesson in a rooster message: what changed, when it is now and (if moved) when it was."""

    kinds: tuple[str, ...]
    start: datetime
    end: datetime
    old_start: datetime | None = None
    old_end: datetime | None = None


def imminent(start: datetime, end: datetime, now: datetime,
             window: timedelta = LESSON_WINDOW) -> bool:
    """The lesson is not over and starts within ``window`` from now (or has started)."""
    require_aware(now, "now")
    return require_aware(end, "end") > now and require_aware(start, "start") <= now + window


def pressing(change: LessonChange, now: datetime, window: timedelta = LESSON_WINDOW) -> bool:
    """A change the participant must act on, of a lesson (before or after it) in the window."""
    if not PRESSING_CHANGES.intersection(change.kinds):
        return False
    if imminent(change.start, change.end, now, window):
        return True
    if change.old_start is None:
        return False
    old_end = change.old_end or change.old_start + (change.end - change.start)
    return imminent(change.old_start, old_end, now, window)


def urgency(now: datetime, *, lesson_changes: Iterable[LessonChange] = (), uitval: bool = False,
            klacht_topic: str | None = None, reminder: bool = False) -> str:
    """``URGENT``, ``TIMED`` or ``BULK`` for a notification about these things."""
    if uitval or klacht_topic in SAFETY_TOPICS:
        return URGENT
    if any(pressing(change, now) for change in lesson_changes):
        return URGENT
    if reminder:
        return TIMED
    return BULK
