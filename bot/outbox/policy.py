"""When an outbox row may be delivered: quiet hours for participants, working hours for staff
(issue 3, "Quiet hours"; the rules themselves are in ``bot.rules.quiet_hours``).

A row may go at the earliest at ``not_before`` (the moment the feature asked for); from there the
recipient's window applies: a participant notification waits until the end of the quiet hours
unless it concerns a lesson within 12 hours (C art. 10.4: a rooster change must arrive in time),
a klantmanager or staff alert waits for working hours unless urgent. The same rule applies to a
retry, so a message that failed at 20:55 is not retried in the middle of the night.
"""

from __future__ import annotations

from datetime import datetime

from bot.config import Settings
from bot.rules import quiet_hours


def send_at(settings: Settings, *, audience: str, moment: datetime, urgent: bool = False,
            lesson_at: datetime | None = None) -> datetime:
    """The first moment at or after ``moment`` at which the row may be sent."""
    if settings.ignore_hours:  # the demo, with its hours switched off
        return moment
    if audience == "staff":
        start, end = settings.working_hours or (quiet_hours.WORK_START, quiet_hours.WORK_END)
        return quiet_hours.staff_send_at(moment, urgent=urgent, start=start, end=end,
                                         tz=settings.tz)
    start, end = settings.quiet_hours or (quiet_hours.QUIET_START, quiet_hours.QUIET_END)
    return quiet_hours.participant_send_at(moment, quiet_start=start, quiet_end=end,
                                           concerns_lesson_at=lesson_at, tz=settings.tz)
