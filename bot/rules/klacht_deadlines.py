"""Klacht terms, reminders and the yearly figures (Blik op Werk norms 1.5.2 and 1.5.6 to 1.5.9).

Norm 1.5.2: a written klacht gets an acknowledgement of receipt within two weeks; when it is
not taken into treatment the complainant is told so, with reasons, at the latest four weeks
after the date of receipt; it is handled within six weeks after the date of receipt. Norm 1.5.8:
at least 80% of all klachten are handled within that term; 1.5.9: reported yearly.

The terms run from the *date* of receipt, so each deadline is the end (23:59:59.999999) of the
local Europe/Amsterdam calendar day 14, 28 or 42 days after the local date of receipt: the hour
of receipt, DST changes and year ends never move a deadline.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from fractions import Fraction
from typing import NewType

from bot.rules.localtime import AMSTERDAM, end_of_local_day, local_date, require_aware

ACK_DAYS = 14
DECIDE_DAYS = 28
HANDLE_DAYS = 42
NORM_SHARE = Fraction(4, 5)
REMINDER_DAYS = (7, 2)

ACK_BY = "ack_by"
DECIDE_BY = "decide_by"
HANDLE_BY = "handle_by"

ReminderKey = NewType("ReminderKey", str)


@dataclass(frozen=True)
class Deadlines:
    """The three 1.5.2 deadlines of one klacht, as aware local datetimes."""

    ack_by: datetime
    decide_by: datetime
    handle_by: datetime

    def as_dict(self) -> dict[str, datetime]:
        """The deadlines by name, the shape :func:`reminders_due` takes."""
        return {ACK_BY: self.ack_by, DECIDE_BY: self.decide_by, HANDLE_BY: self.handle_by}


def deadline_after(received_at: datetime, days: int, tz: tzinfo = AMSTERDAM) -> datetime:
    """End of the local calendar day ``days`` days after the local date of receipt."""
    return end_of_local_day(local_date(received_at, tz) + timedelta(days=days), tz)


def deadlines(received_at: datetime, tz: tzinfo = AMSTERDAM) -> Deadlines:
    """The acknowledgement, treatment-decision and handling deadlines of a klacht."""
    return Deadlines(
        ack_by=deadline_after(received_at, ACK_DAYS, tz),
        decide_by=deadline_after(received_at, DECIDE_DAYS, tz),
        handle_by=deadline_after(received_at, HANDLE_DAYS, tz),
    )


def reminder_key(deadline_name: str, stage: str) -> ReminderKey:
    """The stable key of one reminder stage, e.g. ``decide_by:remind7``."""
    return ReminderKey(f"{deadline_name}:{stage}")


def _latest_stage(deadline: datetime, now: datetime, tz: tzinfo) -> str | None:
    """The latest stage reached for one deadline: escalate, remind2, remind7, or None."""
    local_deadline = require_aware(deadline, "deadline").astimezone(tz)
    if now > local_deadline:
        return "escalate"
    for days in sorted(REMINDER_DAYS):
        if now >= local_deadline - timedelta(days=days):
            return f"remind{days}"
    return None


def reminders_due(
    deadlines_open: Mapping[str, datetime],
    now: datetime,
    sent: AbstractSet[str],
    tz: tzinfo = AMSTERDAM,
) -> list[ReminderKey]:
    """Reminder and escalation keys due now for the still-open deadlines and not yet sent.

    ``remind7``/``remind2`` are due once at most 7/2 local wall-clock days remain before the
    deadline; ``escalate`` once the deadline has passed. Per deadline only the latest stage
    reached is returned: a reminder that was never sent is skipped once a later stage is due,
    so nobody is told "7 days left" two days before a deadline. The caller removes a deadline
    from ``deadlines_open`` when it is met, and adds every returned key to ``sent`` after sending.
    Keys come ordered by deadline, earliest first.
    """
    require_aware(now, "now")
    due: list[tuple[datetime, ReminderKey]] = []
    for name, deadline in deadlines_open.items():
        stage = _latest_stage(deadline, now, tz)
        if stage is not None and (key := reminder_key(name, stage)) not in sent:
            due.append((deadline, key))
    due.sort(key=lambda item: (item[0], item[1]))
    return [key for _, key in due]


def can_refuse_treatment(received_at: datetime, now: datetime, tz: tzinfo = AMSTERDAM) -> bool:
    """True while a klacht may still be refused treatment: until the four-week deadline."""
    return require_aware(now, "now") <= deadline_after(received_at, DECIDE_DAYS, tz)


def handled_within_term(
    received_at: datetime, handled_at: datetime, tz: tzinfo = AMSTERDAM
) -> bool:
    """True when the klacht was handled by the end of the sixth week after receipt."""
    return require_aware(handled_at, "handled_at") <= deadline_after(received_at, HANDLE_DAYS, tz)


@dataclass(frozen=True)
class KlachtFacts:
    """What norm 1.5.6 registers about one klacht, as far as the report needs it.

    ``decided_at`` is when the klacht was taken into treatment or the complainant was told it
    would not be; ``handled_at`` is when it was closed (a refused klacht is closed by the
    refusal notice, so it carries a ``handled_at`` too).
    """

    received_at: datetime
    acknowledged_at: datetime | None = None
    decided_at: datetime | None = None
    handled_at: datetime | None = None


@dataclass(frozen=True)
class Report:
    """Klachten figures of one period (norms 1.5.8 and 1.5.9); None where there is no data.

    ``assessable`` counts the klachten whose six-week term is over or that are handled, as of
    ``as_of``; ``on_time`` those among them handled within the term. ``share_on_time`` is
    on_time / assessable, checked against the 80% norm exactly (``meets_norm``). A klacht
    still open past its deadline counts as late; one still open within its term is left out
    of the share, since its outcome is not known yet. Median days are local calendar days
    from receipt to decision and to closure.
    """

    period_start: date
    period_end: date
    as_of: datetime
    count: int
    handled: int
    still_open: int
    assessable: int
    on_time: int
    late: int
    share_on_time: Fraction | None
    meets_norm: bool | None
    median_days_to_decision: float | None
    median_days_to_closure: float | None
    norm_share: Fraction = NORM_SHARE

    @property
    def share_on_time_percent(self) -> float | None:
        """The on-time share as a percentage, for display."""
        return None if self.share_on_time is None else float(self.share_on_time * 100)


def _known_by(moment: datetime | None, as_of: datetime) -> datetime | None:
    """``moment`` if it happened by ``as_of``, else None (not yet known at that time)."""
    if moment is None:
        return None
    return moment if require_aware(moment) <= as_of else None


def _median(values: list[int]) -> float | None:
    """The median of whole day counts, or None for no data."""
    return float(statistics.median(values)) if values else None


def report(
    klachten: Iterable[KlachtFacts],
    period_start: date,
    period_end: date,
    as_of: datetime | None = None,
    tz: tzinfo = AMSTERDAM,
) -> Report:
    """Figures for the klachten received on local dates ``period_start``..``period_end``.

    The report is taken as of ``as_of`` (default: the end of ``period_end``), ignoring any
    decision or closure registered later, so the same inputs always give the same report.
    """
    if period_end < period_start:
        raise ValueError(f"period ends before it starts: {period_start} to {period_end}")
    moment = end_of_local_day(period_end, tz) if as_of is None else require_aware(as_of, "as_of")
    count = handled = on_time = late = 0
    to_decision: list[int] = []
    to_closure: list[int] = []
    for klacht in klachten:
        received_on = local_date(klacht.received_at, tz)
        if not period_start <= received_on <= period_end or klacht.received_at > moment:
            continue
        count += 1
        decided_at = _known_by(klacht.decided_at, moment)
        handled_at = _known_by(klacht.handled_at, moment)
        if decided_at is not None:
            to_decision.append((local_date(decided_at, tz) - received_on).days)
        if handled_at is not None:
            handled += 1
            to_closure.append((local_date(handled_at, tz) - received_on).days)
            if handled_within_term(klacht.received_at, handled_at, tz):
                on_time += 1
            else:
                late += 1
        elif moment > deadline_after(klacht.received_at, HANDLE_DAYS, tz):
            late += 1
    assessable = on_time + late
    share = Fraction(on_time, assessable) if assessable else None
    return Report(
        period_start=period_start,
        period_end=period_end,
        as_of=moment,
        count=count,
        handled=handled,
        still_open=count - handled,
        assessable=assessable,
        on_time=on_time,
        late=late,
        share_on_time=share,
        meets_norm=None if share is None else share >= NORM_SHARE,
        median_days_to_decision=_median(to_decision),
        median_days_to_closure=_median(to_closure),
    )
