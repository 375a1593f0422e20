"""How long each kind of personal data is kept, and which row is past it (AVG art. 5(1)(e)
storage limitation; BoW 1.4.3 c: the privacy regulation says how long data is kept).

Each kind has its own period, a setting (see the README's retention table). A row is past its
retention when the moment it is measured from (last change, sending, use or expiry, closing,
the lesson) lies further back than the period: exactly at the period it is still kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.rules.localtime import require_aware

# Every kind the sweep handles, in the order of the report. The klachten register has a period
# per school (``klachten_cutoff``), so it is not among the ``Periods``.
KINDS = ("drafts", "outbox", "link_codes", "link_failures", "alerts", "audit", "attendance",
         "absence_reports", "trajectory", "contact_attempts", "invoices", "survey_answers")
# The participant's file at the school (issue 15) is kept as long as the attendance it goes with:
# the intake, predictions and progress (the cursistendossier the audit reads), the attempts to
# reach them (the evidence behind ending a contract), the invoices they approved and their
# answers to a gemeente's survey.
WITH_ATTENDANCE = ("absence_reports", "trajectory", "contact_attempts", "invoices",
                   "survey_answers")
KLACHTEN = "klachten"

# The klachten register (BoW 1.5.6) is kept for the period the school sets, in whole months. At
# least the twelve-month meetperiode the resultatenaudit looks back on (BoW 1.5.8, 1.5.9: the
# yearly report to the management) so no school erases a register before it is audited; at most
# twenty years.
KLACHTEN_MONTHS = range(12, 241)


@dataclass(frozen=True)
class Periods:
    """The retention period of each kind of data."""

    drafts: timedelta
    outbox: timedelta
    link_codes: timedelta
    alerts: timedelta
    audit: timedelta
    attendance: timedelta

    def of(self, kind: str) -> timedelta:
        if kind == "link_failures":  # wrong tries only throttle for an hour; kept as link codes
            return self.link_codes
        if kind in WITH_ATTENDANCE:  # part of the attendance record (norm 2.9.4) or with it
            return self.attendance
        return getattr(self, kind)


def cutoff(periods: Periods, kind: str, now: datetime) -> datetime:
    """Rows of ``kind`` measured from before this moment are past their retention."""
    require_aware(now)
    return now - periods.of(kind)


def is_past(periods: Periods, kind: str, measured_from: datetime, now: datetime) -> bool:
    """True when a row of ``kind`` measured from ``measured_from`` must go now."""
    require_aware(measured_from)
    return measured_from < cutoff(periods, kind, now)


def months_before(moment: datetime, months: int) -> datetime:
    """The same day and time ``months`` calendar months earlier; the month's last day when it is
    shorter (31 March, one month back, gives 28 or 29 February)."""
    require_aware(moment)
    index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(index, 12)
    for day in range(moment.day, 27, -1):
        try:
            return moment.replace(year=year, month=month + 1, day=day)
        except ValueError:
            continue
    return moment.replace(year=year, month=month + 1, day=min(moment.day, 28))


def klachten_cutoff(now: datetime, school_months: int | None, default_months: int) -> datetime:
    """A school's klachten closed before this moment are past their retention: the school's own
    period, else the default."""
    return months_before(now, school_months if school_months is not None else default_months)


# A request for access, correction or erasure is answered within one month of receipt (AVG art.
# 12(3)); the privacy contacts are reminded this long before the deadline.
REMIND_BEFORE = timedelta(days=7)


def one_month_after(moment: datetime) -> datetime:
    """The same day and time a month later; the month's last day when it is shorter (31 January
    gives 28 or 29 February)."""
    require_aware(moment)
    year, month = (moment.year + 1, 1) if moment.month == 12 else (moment.year, moment.month + 1)
    for day in range(moment.day, 27, -1):
        try:
            return moment.replace(year=year, month=month, day=day)
        except ValueError:
            continue
    return moment.replace(year=year, month=month, day=min(moment.day, 28))
