"""When a notification may be delivered (project issue 3, delivery timing).

Participants are not woken at night: a message created in the quiet hours (default 21:00 to
07:30 local) waits for the morning, unless it concerns a lesson in the next 12 hours (C art.
10.4: a rooster change must reach the participant in time). Klantmanagers and other staff get
alerts in working hours only (default Monday to Friday 08:00 to 18:00, Dutch public holidays
excluded), unless urgent. All local times are Europe/Amsterdam wall-clock times; DST changes
are handled by building local datetimes per date rather than adding hours.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta, tzinfo

from bot.rules.localtime import AMSTERDAM, at_local, require_aware
from bot.rules.working_days import is_working_day, next_working_day

QUIET_START = time(21, 0)
QUIET_END = time(7, 30)
WORK_START = time(8, 0)
WORK_END = time(18, 0)
LESSON_URGENCY = timedelta(hours=12)


def in_quiet_hours(
    clock: time, quiet_start: time = QUIET_START, quiet_end: time = QUIET_END
) -> bool:
    """True when a local wall-clock time falls in [quiet_start, quiet_end), wrapping midnight."""
    if quiet_start == quiet_end:
        return False
    if quiet_start < quiet_end:
        return quiet_start <= clock < quiet_end
    return clock >= quiet_start or clock < quiet_end


def concerns_imminent_lesson(
    created_at: datetime, lesson_at: datetime | None, window: timedelta = LESSON_URGENCY
) -> bool:
    """True when the lesson starts between now and ``window`` from now (real time)."""
    if lesson_at is None:
        return False
    ahead = require_aware(lesson_at, "concerns_lesson_at") - require_aware(created_at)
    return timedelta(0) <= ahead <= window


def participant_send_at(
    created_at: datetime,
    quiet_start: time = QUIET_START,
    quiet_end: time = QUIET_END,
    concerns_lesson_at: datetime | None = None,
    tz: tzinfo = AMSTERDAM,
) -> datetime:
    """The moment a participant notification created at ``created_at`` may be delivered.

    Outside the quiet hours, or when it concerns a lesson starting within 12 hours, it goes at
    once (``created_at`` is returned unchanged). Otherwise it waits for ``quiet_end`` on the
    morning that ends this night. ``quiet_start == quiet_end`` means no quiet hours.
    """
    require_aware(created_at, "created_at")
    local = created_at.astimezone(tz)
    clock = local.time().replace(tzinfo=None)
    if not in_quiet_hours(clock, quiet_start, quiet_end):
        return created_at
    if concerns_imminent_lesson(created_at, concerns_lesson_at):
        return created_at
    morning = local.date()
    if quiet_start > quiet_end and clock >= quiet_start:
        morning += timedelta(days=1)
    return at_local(morning, quiet_end, tz)


def staff_send_at(
    created_at: datetime,
    urgent: bool = False,
    start: time = WORK_START,
    end: time = WORK_END,
    tz: tzinfo = AMSTERDAM,
) -> datetime:
    """The moment a staff alert may be delivered: at once if urgent or in working hours.

    Otherwise it waits for ``start`` on the next working day (Monday to Friday, Dutch public
    holidays excluded), or for ``start`` today when it is a working day not yet begun.
    """
    require_aware(created_at, "created_at")
    if not start < end:
        raise ValueError(f"working hours must start before they end: {start} to {end}")
    if urgent:
        return created_at
    local = created_at.astimezone(tz)
    day, clock = local.date(), local.time().replace(tzinfo=None)
    if is_working_day(day):
        if start <= clock < end:
            return created_at
        if clock < start:
            return at_local(day, start, tz)
    return at_local(next_working_day(day), start, tz)
