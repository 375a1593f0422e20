"""The rooster and the participant's participation activities (convenant art. 10.4: "Het rooster
mag niet zodanig wijzigen dat de Inburgeraar niet aan zijn participatieverplichting kan
voldoen"; art. 9.2: courses and activities are aligned "zodat het rooster volledig te volgen is",
and the parties tell each other of rooster changes as soon as possible). No I/O.

- ``group_fits``: a group a participant may switch to (an overstap slot choice) has no lesson,
  from the day they would join, that overlaps one of their activities;
- ``touches_activity_day``: a changed lesson falls on a local day on which the participant has
  an activity, so the klantmanager who arranged the activity hears of it (art. 9.2).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta, tzinfo

from bot.rules.lessons import Activity, Lesson
from bot.rules.localtime import AMSTERDAM
from bot.rules.rooster_diff import activity_times, collides, local_day


def group_fits(lessons: Iterable[Lesson], activities: Iterable[Activity], joined_on: date,
               tz: tzinfo = AMSTERDAM) -> bool:
    """No lesson of the group on or after ``joined_on`` collides with an activity."""
    activities = list(activities)
    return not any(collides(lesson, activity, tz) for lesson in lessons
                   if local_day(lesson.starts_at, tz) >= joined_on for activity in activities)


def activity_on(activity: Activity, day: date, tz: tzinfo = AMSTERDAM) -> bool:
    """Does the activity take place (at any time) on this local day?"""
    if activity.weekly:
        return activity_times(activity, day, tz) is not None
    first, last = local_day(activity.starts_at, tz), local_day(activity.ends_at, tz)
    return first <= day <= last


def lesson_days(lesson: Lesson, tz: tzinfo = AMSTERDAM) -> list[date]:
    first, last = local_day(lesson.starts_at, tz), local_day(lesson.ends_at, tz)
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def touches_activity_day(lessons: Iterable[Lesson | None], activities: Iterable[Activity],
                         tz: tzinfo = AMSTERDAM) -> bool:
    """Does a change (the lesson before and after it) touch a day with an activity?"""
    activities = list(activities)
    return any(activity_on(activity, day, tz) for lesson in lessons if lesson is not None
               for day in lesson_days(lesson, tz) for activity in activities)
