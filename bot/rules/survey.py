"""Who goes on the survey bureau's delivery list, and when a gemeente's survey may show figures.
Pure, no I/O.

BoW 5.2: the school delivers the contact data of every participant who consented (BoW 2.7.3) and
who has followed 75% or more of the full course, or who ended the trajectory early (moved, ill,
dissatisfied, or ended by the school). The course's length is its first lesson day to its
predicted end (the trajectory's latest prediction, C art. 12.4).

Convenant art. 16.1 lets the gemeente run a survey of its own; answers are reported only in
aggregate, and only for a group of at least five respondents, so that nobody's answer can be
told (the handbook's own response norm, BoW 3.1.1, is also "at least 5").
"""

from __future__ import annotations

from datetime import date

SHARE_DONE = 0.75
MIN_RESPONDENTS = 5
SCALE = (1, 2, 3, 4, 5)
ENDED_EARLY = "ended_early"
THREE_QUARTERS = "75_percent"


def share_done(started_on: date, predicted_end: date, today: date) -> float:
    """The share of the course's days that have passed (0 before the start, 1 at the end)."""
    total = (predicted_end - started_on).days
    if total <= 0:
        return 1.0
    return min(1.0, max(0.0, (today - started_on).days / total))


def delivery_reason(status: str, started_on: date | None, predicted_end: date | None,
                    today: date) -> str | None:
    """Why a consented participant is on the delivery list, or None when not (yet)."""
    if status in ("left", "dropped_out"):
        return ENDED_EARLY
    if started_on is None or predicted_end is None:
        return None
    return THREE_QUARTERS if share_done(started_on, predicted_end, today) >= SHARE_DONE else None


def may_show(respondents: int) -> bool:
    return respondents >= MIN_RESPONDENTS
