"""When a participant is reminded of a lesson (issue 14). Pure, no I/O.

Convenant art. 10.4 asks the school for a clear lesrooster that reaches the participant; a
reminder before each lesson is what participants know from school apps. Two reminders, each of
which the participant can turn off (/instellingen): the evening before (at the installation's
``INBURGERBOT_REMINDER_EVENING``, ``EVENING_AT`` by default, or the time the participant chose
from ``EVENING_CHOICES``, local time on the day before) and one hour before the start.

- A participant chooses the evening time only among the ``EVENING_CHOICES`` outside the quiet
  hours (``evening_choices``).
- The evening reminder never falls in the participant's quiet hours (``bot.rules.quiet_hours``):
  when the evening moment is quiet, it moves to the last minute before the quiet hours begin, and
  it is dropped when that is not before the lesson.
- The one-hour reminder may break quiet hours (it concerns a lesson within 12 hours, as a
  rooster change does).
- A reminder is worth sending only up to its ``until``: the evening one for ``EVENING_GRACE``
  after its moment (not the next morning), the one-hour one until the lesson starts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta, tzinfo

from bot.rules.localtime import AMSTERDAM, at_local, require_aware
from bot.rules.quiet_hours import QUIET_END, QUIET_START, in_quiet_hours

EVENING = "evening"
HOUR = "hour"
KINDS = (EVENING, HOUR)
EVENING_AT = time(19, 0)
EVENING_CHOICES = (time(18, 0), time(19, 0), time(20, 0), time(21, 0))
EVENING_GRACE = timedelta(hours=2)
HOUR_BEFORE = timedelta(hours=1)


@dataclass(frozen=True)
class Reminder:
    kind: str
    at: datetime
    until: datetime


def evening_choices(quiet_start: time = QUIET_START, quiet_end: time = QUIET_END,
                    default: time = EVENING_AT) -> tuple[time, ...]:
    """The evening times a participant may choose: the installation's default and the usual
    choices, none of them inside the quiet hours, earliest first."""
    return tuple(sorted(at for at in {*EVENING_CHOICES, default}
                        if not in_quiet_hours(at, quiet_start, quiet_end)))


def evening_moment(start: datetime, tz: tzinfo = AMSTERDAM, quiet_start: time = QUIET_START,
                   quiet_end: time = QUIET_END, at: time = EVENING_AT) -> datetime | None:
    """The evening before the lesson's local day at ``at``, kept out of the quiet hours; None
    when there is no such moment before the lesson."""
    day = require_aware(start, "start").astimezone(tz).date() - timedelta(days=1)
    moment = at_local(day, at, tz)
    if in_quiet_hours(moment.astimezone(tz).time(), quiet_start, quiet_end):
        before_quiet = at_local(day, quiet_start, tz) - timedelta(minutes=1)
        if before_quiet > moment or in_quiet_hours(before_quiet.astimezone(tz).time(),
                                                   quiet_start, quiet_end):
            return None  # the quiet hours began earlier that day, or cover the whole evening
        moment = before_quiet
    return moment if moment < start else None


def reminders_for(start: datetime, *, evening: bool = True, hour: bool = True,
                  tz: tzinfo = AMSTERDAM, quiet_start: time = QUIET_START,
                  quiet_end: time = QUIET_END, evening_at: time = EVENING_AT
                  ) -> list[Reminder]:
    """The reminders of a lesson starting at ``start``, given which ones the participant wants
    and when in the evening."""
    require_aware(start, "start")
    found = []
    if evening:
        moment = evening_moment(start, tz, quiet_start, quiet_end, evening_at)
        if moment is not None:
            found.append(Reminder(EVENING, moment, min(moment + EVENING_GRACE, start)))
    if hour:
        found.append(Reminder(HOUR, start - HOUR_BEFORE, start))
    return found


def due(reminders: list[Reminder], now: datetime, ahead: timedelta) -> list[Reminder]:
    """The reminders to put in the outbox now: their moment within ``ahead`` from now, and not
    yet too late to be of use."""
    require_aware(now, "now")
    return [r for r in reminders if r.at <= now + ahead and now < r.until]
