"""The urenverklaring's content (issue 6; C art. 10.7; BoW 2.5, 2.3.3-2.3.6, 4.6, 4.7): which
lessons it lists and which hours count, by the pure rule ``bot.rules.hours``; and the payload
that is signed, stored, printed on the PDF and shown by ``/verify``.

Only lessons actually attended count (norm 2.5): the annex lists exactly the attended lessons of
the period, and every total is computed from exactly those lessons. A lesson belongs to the
period by the local date it starts on, as the rule reads it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from bot.rules import hours as rule
from bot.rules.localtime import at_local
from storage.uren import AttendedRow

PAYLOAD_VERSION = 1


class NoRegime(Exception):
    """The participant's regime (and for Wi2021 the route) is not recorded: no statement."""


@dataclass(frozen=True)
class Computed:
    statement: rule.HoursStatement
    lessons: list[AttendedRow]
    rules: list[rule.Rule]


def check_regime(regime: str | None, route: str | None) -> None:
    if regime not in ("wi2013", "wi2021") or (regime == "wi2021" and route not in rule.ROUTES):
        raise NoRegime(f"regime {regime!r} route {route!r}")


def range_for(period_start: date | None, period_end: date | None,
              tz: tzinfo) -> tuple[datetime | None, datetime | None]:
    """The instants to read registrations between (a local day wide at each end)."""
    after = at_local(period_start, datetime.min.time(), tz) if period_start else None
    before = (at_local(period_end + timedelta(days=1), datetime.min.time(), tz)
              if period_end else None)
    return after, before


def compute(rows: list[AttendedRow], regime: str, route: str | None, period_start: date | None,
            period_end: date | None, tz: tzinfo) -> Computed:
    """The statement over the attended lessons in the period, and each listed lesson's rule."""
    check_regime(regime, route)
    rule_route = None if regime == "wi2013" else route  # Wi2013 has no leerroute
    attended = []
    kept = []
    for row in rows:
        if row.status != "present":
            continue
        day = row.starts_at.astimezone(tz).date()
        if (period_start and day < period_start) or (period_end and day > period_end):
            continue
        kept.append(row)
        attended.append(rule.AttendedLesson(row.kind, row.mode, row.starts_at, row.ends_at,
                                            supervised=row.supervised, practice=row.practice))
    statement = rule.hours_statement(attended, regime, rule_route, period_start, period_end, tz)
    line_rule = {(line.kind, line.mode): line.rule for line in statement.lines
                     if line.kind != "ONA"}
    rules = []
    for row in kept:
        if row.kind == "ONA":
            # The ONA line a lesson falls in depends on its own flags (BoW 4.7).
            rules.append(rule._ona_rule(row.mode, row.supervised, row.practice))
        else:
            rules.append(line_rule[(row.kind, row.mode)])
    return Computed(statement, kept, rules)


def payload(computed: Computed, *, school: str, participant: str, participant_ref: str | None,
            requested_by: str, issued_at: datetime, tz: tzinfo, note: str | None = None) -> dict:
    """Everything the PDF shows, as signed JSON (seconds, not rounded hours, so the totals can be
    recomputed exactly from the annex)."""
    s = computed.statement
    lessons = computed.lessons
    first = lessons[0].starts_at.astimezone(tz).date().isoformat() if lessons else None
    last = lessons[-1].starts_at.astimezone(tz).date().isoformat() if lessons else None
    return {
        "v": PAYLOAD_VERSION,
        "school": school,
        "participant": participant,
        "participant_ref": participant_ref,
        "regime": s.regime,
        "route": s.route,
        "period_start": s.period_start.isoformat() if s.period_start else None,
        "period_end": s.period_end.isoformat() if s.period_end else None,
        "first_lesson": first,
        "last_lesson": last,
        "issued_at": issued_at.astimezone(tz).isoformat(),
        "requested_by": requested_by,
        "classroom_share": (f"{s.classroom_share.numerator}/{s.classroom_share.denominator}"
                            if s.classroom_share is not None else None),
        "by_kind": [[k.kind, k.classroom_seconds, k.distance_seconds] for k in s.by_kind],
        "lines": [[line.kind, line.mode, str(line.rule), line.attended_seconds,
                   line.counted_seconds] for line in s.lines],
        "attended_seconds": s.attended_seconds,
        "classroom_seconds": s.classroom_seconds,
        "distance_seconds": s.distance_seconds,
        "counted_seconds": s.counted_seconds,
        "ona_counted_seconds": s.ona_counted_seconds if s.has_ona else None,
        "lessons": [[row.starts_at.isoformat(), row.ends_at.isoformat(), row.kind, row.mode,
                     row.teacher or "", r in rule.COUNTING_RULES]
                    for row, r in zip(lessons, computed.rules)],
    } | ({"note": note} if note else {})


def public_summary(data: dict) -> dict:
    """What ``/verify`` may show: the figures, school, period and dates; no personal data."""
    hours = rule.to_hours
    return {
        "school": data["school"],
        "regime": data["regime"],
        "route": data["route"],
        "period_start": data["period_start"] or data["first_lesson"],
        "period_end": data["period_end"] or data["last_lesson"],
        "issued_on": datetime.fromisoformat(data["issued_at"]).date().isoformat(),
        "lessons": len(data["lessons"]),
        "attended_hours": str(hours(data["attended_seconds"])),
        "classroom_hours": str(hours(data["classroom_seconds"])),
        "distance_hours": str(hours(data["distance_seconds"])),
        "counted_hours": str(hours(data["counted_seconds"])),
        "ona_counted_hours": (str(hours(data["ona_counted_seconds"]))
                              if data.get("ona_counted_seconds") is not None else None),
        "by_kind": [{"kind": kind, "classroom_hours": str(hours(c)),
                     "distance_hours": str(hours(d))} for kind, c, d in data["by_kind"]],
    }
