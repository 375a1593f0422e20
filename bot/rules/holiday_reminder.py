"""When the holiday arrangement is repeated to participants (convenant art. 10.6). Pure.

The vakantieregeling is announced in advance when the school sends a holiday; a week before each
holiday starts, its participants are told again. A holiday announced less than a week before it
starts needs no reminder: its announcement is that week's notice.
"""

from __future__ import annotations

from datetime import date, timedelta

BEFORE = timedelta(days=7)


def window(today: date) -> tuple[date, date]:
    """The start days of holidays to remind of today: tomorrow up to a week from today."""
    return today + timedelta(days=1), today + BEFORE


def due(today: date, starts_on: date, announced_on: date) -> bool:
    """Remind today of a holiday starting on ``starts_on`` that was announced on
    ``announced_on``: within the week before it, and only if announced before that week."""
    return today < starts_on <= today + BEFORE and announced_on < starts_on - BEFORE
