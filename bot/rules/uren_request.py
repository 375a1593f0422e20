"""When an urenverklaring request that is not issued yet calls for a reminder (BoW 2.9.4).

BoW 2.9.4: on request of the participant or the gemeente the school provides the hours
registration; it may correct the figures (by correcting the attendance registration, which the
statement follows, BoW 2.5) but not refuse. So a request still pending 5 working days after it
was made reminds the school's staff, and one still pending after 10 working days is told to the
participant's klantmanager, the gemeente's contact with the school (C art. 12.4). Each step
happens once per request. Working days are Monday to Friday but Dutch public holidays, counted
on the Amsterdam calendar from the day after the request.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Literal

from bot.rules.localtime import AMSTERDAM, require_aware
from bot.rules.working_days import add_working_days

REMIND_SCHOOL_AFTER = 5
TELL_KLANTMANAGER_AFTER = 10

Step = Literal["remind_school", "tell_klantmanager"]


def due_steps(requested_at: datetime, now: datetime, *, school_reminded: bool,
              klantmanager_told: bool, tz: tzinfo = AMSTERDAM) -> list[Step]:
    """The steps due at ``now`` for a request still pending, not taken before, in order."""
    require_aware(now, "now")
    steps: list[Step] = []
    if not school_reminded and now >= add_working_days(requested_at, REMIND_SCHOOL_AFTER, tz):
        steps.append("remind_school")
    if not klantmanager_told and now >= add_working_days(requested_at,
                                                         TELL_KLANTMANAGER_AFTER, tz):
        steps.append("tell_klantmanager")
    return steps
