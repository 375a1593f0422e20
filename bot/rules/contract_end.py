"""The end of a participant's course contract (convenant art. 10.7): "bij opzegging van het
contract ... krijgt de Inburgeraar een urenverklaring en de daarbij behorende bewijs van
deelname", as on a switch to another school.

A contract ends when the school reports the participant ``left`` or ``dropped_out`` (uitval,
art. 12.4) while they were active; a second report of an ended contract (left, then dropped out)
ends nothing new. The final statement covers the lessons up to the last day: the reported date,
or the day of the report when the school gave none. It is issued once that day has come; a
return to ``active`` before then cancels it. No I/O.
"""

from __future__ import annotations

from datetime import date

ENDED = frozenset({"left", "dropped_out"})


def ends_contract(old: str | None, new: str) -> bool:
    """Does this status change end the contract (and so call for a final urenverklaring)?"""
    return new in ENDED and old not in ENDED


def last_day(effective_on: date | None, reported_on: date) -> date:
    """The last day the final statement covers."""
    return effective_on if effective_on is not None else reported_on


def statement_due(last: date, today: date, status_now: str) -> str:
    """``issue`` once the last day has come, ``wait`` before it, ``cancel`` when the
    participant is active again (the contract did not end after all)."""
    if status_now not in ENDED:
        return "cancel"
    return "issue" if today >= last else "wait"
