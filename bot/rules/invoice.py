"""When a participant may answer an invoice, and what to flag on it (BoW 2.4.1, 2.4.3). Pure.

Invoices are approved only by the participant themself and only after the lessons they cover are
over; the participant checks the hours against their own attendance, so hours invoiced beyond the
hours they were registered present are shown to them as a difference.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

# Half a minute of rounding between a school's hours and lesson times is no difference.
TOLERANCE = 0.01


def hours_of(spans: Iterable[tuple[datetime, datetime]]) -> float:
    return round(sum((end - start) / timedelta(hours=1) for start, end in spans), 2)


def excess_hours(invoiced: float, attended: float) -> float:
    """Hours invoiced beyond those attended (0 when none)."""
    extra = round(invoiced - attended, 2)
    return extra if extra > TOLERANCE else 0.0


def may_answer(now: datetime, lessons_end: datetime) -> bool:
    return now >= lessons_end
