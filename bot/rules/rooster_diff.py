"""Pure rooster rules (convenant art. 10.4: when the rooster changes, the school actively tells
the participant; art. 9.2 and 12.6: the rooster may not collide with the participant's mandatory
participation activities): what a participant notices when a lesson changes, whether that change
is worth a message, who was in the group on the lesson's day, and whether a lesson collides with a
participation activity. Changes further ahead than the horizon are not told one by one but in a
weekly summary (``told_later``, ``summary_boundary``: Monday 09:00 local). No I/O."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta, tzinfo

from bot.rules.lessons import NOTIFY_HORIZON, Activity, Lesson
from bot.rules.localtime import AMSTERDAM, at_local

# The weekly summary of changes further ahead than the horizon: Mondays from 09:00 local.
SUMMARY_WEEKDAY = 0
SUMMARY_TIME = time(9)

# The order in which changes of one lesson are listed to the participant.
CHANGE_KINDS = ("new", "cancelled", "moved", "location", "teacher", "mode")


def lesson_changes(old: Lesson | None, new: Lesson) -> tuple[str, ...]:
    """What a participant of the lesson's group notices between the stored and the pushed lesson.

    A lesson that appears (or comes back after a cancellation) is ``new``; one that is cancelled is
    ``cancelled`` and nothing else; otherwise a new start or end is ``moved`` (time or day), and
    other location, teacher, or classroom/distance are listed. Kind and level are corrections of
    the record, not something to act on, so they are stored silently.
    """
    if old is None or old.cancelled:
        return () if new.cancelled else ("new",)
    if new.cancelled:
        return ("cancelled",)
    kinds = []
    if (old.starts_at, old.ends_at) != (new.starts_at, new.ends_at):
        kinds.append("moved")
    if (old.location or "") != (new.location or ""):
        kinds.append("location")
    if (old.teacher or "") != (new.teacher or ""):
        kinds.append("teacher")
    if old.mode != new.mode:
        kinds.append("mode")
    return tuple(kinds)


def within_horizon(start: datetime, end: datetime, now: datetime,
                   horizon: timedelta = NOTIFY_HORIZON) -> bool:
    """A lesson not over yet that starts at most ``horizon`` from now."""
    return end > now and start <= now + horizon


def notifiable(old: Lesson | None, new: Lesson, now: datetime,
               horizon: timedelta = NOTIFY_HORIZON) -> bool:
    """A change is told when the lesson, before or after it, is neither past nor beyond the
    horizon: a lesson moved from next week to next year must still be taken out of the week."""
    if within_horizon(new.starts_at, new.ends_at, now, horizon):
        return True
    return old is not None and within_horizon(old.starts_at, old.ends_at, now, horizon)


def told_later(old: Lesson | None, new: Lesson, now: datetime,
               horizon: timedelta = NOTIFY_HORIZON) -> bool:
    """A change not told now because the lesson is beyond the horizon, of a lesson not over yet:
    it goes into the participant's weekly summary (convenant art. 10.4: the school actively
    tells every change, also one months ahead)."""
    if notifiable(old, new, now, horizon):
        return False
    return new.ends_at > now or (old is not None and old.ends_at > now)


def summary_boundary(now: datetime, tz: tzinfo = AMSTERDAM) -> datetime:
    """The latest weekly summary moment (Monday 09:00 local) at or before ``now``: changes held
    before it are summarized, later ones wait for the next week."""
    day = now.astimezone(tz).date()
    day -= timedelta(days=(day.weekday() - SUMMARY_WEEKDAY) % 7)
    moment = at_local(day, SUMMARY_TIME, tz)
    if moment > now:
        moment = at_local(day - timedelta(days=7), SUMMARY_TIME, tz)
    return moment


def local_day(moment: datetime, tz: tzinfo = AMSTERDAM) -> date:
    return moment.astimezone(tz).date()


def member_on(periods: Iterable[tuple[date, date | None]], day: date) -> bool:
    """Was someone with these (joined_on, left_on) periods in the group on ``day``?

    ``left_on`` is the first day no longer in the group (exclusive), so a participant who leaves
    on Monday does not hear about Monday's lesson.
    """
    return any(joined <= day and (left is None or day < left) for joined, left in periods)


def overlaps(a_start: datetime, a_end: datetime, b_start: datetime, b_end: datetime) -> bool:
    """Two half-open intervals share time (touching ends do not collide)."""
    return a_start < b_end and b_start < a_end


def activity_times(activity: Activity, day: date, tz: tzinfo = AMSTERDAM
                   ) -> tuple[datetime, datetime] | None:
    """The activity's interval on a local day, or None when it does not take place that day."""
    if not activity.weekly:
        return None
    if day.weekday() != activity.weekday:
        return None
    if activity.valid_from is not None and day < activity.valid_from:
        return None
    if activity.valid_until is not None and day > activity.valid_until:
        return None
    return at_local(day, activity.start_time, tz), at_local(day, activity.end_time, tz)


def collides(lesson: Lesson, activity: Activity, tz: tzinfo = AMSTERDAM) -> bool:
    """Does a planned lesson share time with the participation activity? (convenant art. 10.4:
    the rooster may not keep the participant from their participation obligations)."""
    if lesson.cancelled:
        return False
    if not activity.weekly:
        return overlaps(lesson.starts_at, lesson.ends_at, activity.starts_at, activity.ends_at)
    first, last = local_day(lesson.starts_at, tz), local_day(lesson.ends_at, tz)
    day = first
    while day <= last:
        times = activity_times(activity, day, tz)
        if times is not None and overlaps(lesson.starts_at, lesson.ends_at, *times):
            return True
        day += timedelta(days=1)
    return False
