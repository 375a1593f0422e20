"""The klachten report and register (issue 5; Blik op Werk norms 1.5.6 to 1.5.9).

Per school and period: the number of klachten, the share handled within term against the 80%
norm (1.5.8), and the median days to decision and to closure; the figures come from
``bot.rules.klacht_deadlines.report``. The register lists per klacht the date of receipt, date of
acknowledgement, handler, outcome and date handled (1.5.6). Used by ``inburgerbot admin
klachten-report`` (all schools) and ``GET /klachten/report`` (a gemeente: its own participants).
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.privacy import audit
from bot.rules.klacht_deadlines import KlachtFacts, report
from bot.rules.localtime import at_local
from storage import klachten as store
from storage import orgs
from storage.database import Database, from_db

FIELDS = ("school_id", "school", "period_start", "period_end", "klachten", "handled", "open",
          "assessable", "on_time", "late", "share_on_time_percent", "norm_percent", "meets_norm",
          "median_days_to_decision", "median_days_to_closure")


def period_bounds(start: date, end: date, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """The instants of local midnight at ``start`` and after ``end``."""
    return at_local(start, time(0), tz), at_local(end + timedelta(days=1), time(0), tz)


async def school_reports(db: Database, start: date, end: date, now: datetime, tz: ZoneInfo,
                         school_id: int | None = None,
                         gemeente_id: int | None = None) -> list[dict]:
    """One row per school (every school, also those without klachten), taken as of ``now``."""
    if end < start:
        raise ValueError("the period ends before it starts")
    lower, upper = period_bounds(start, end, tz)
    rows = await store.report_rows(db, lower, upper, school_id=school_id, gemeente_id=gemeente_id)
    facts: dict[int, list[KlachtFacts]] = {}
    for row in rows:
        facts.setdefault(row["school_id"], []).append(KlachtFacts(
            received_at=from_db(row["received_at"]),
            acknowledged_at=from_db(row["acknowledged_at"]),
            decided_at=from_db(row["decided_at"]), handled_at=from_db(row["handled_at"])))
    # Taken as of now: a klacht of the period closed after its end still counts as closed.
    as_of = now
    schools = [s for s in await orgs.list_schools(db) if school_id is None or s.id == school_id]
    result = []
    for school in schools:
        figures = report(facts.get(school.id, []), start, end, as_of=as_of, tz=tz)
        share = figures.share_on_time_percent
        result.append({
            "school_id": school.id, "school": school.name,
            "period_start": start.isoformat(), "period_end": end.isoformat(),
            "klachten": figures.count, "handled": figures.handled,
            "open": figures.count - figures.handled,
            "assessable": figures.assessable, "on_time": figures.on_time, "late": figures.late,
            "share_on_time_percent": None if share is None else round(share, 1),
            "norm_percent": float(figures.norm_share * 100),
            "meets_norm": figures.meets_norm,
            "median_days_to_decision": figures.median_days_to_decision,
            "median_days_to_closure": figures.median_days_to_closure,
        })
    return result


def to_csv(rows: list[dict], fields=FIELDS) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(fields), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: "" if row.get(key) is None else row.get(key) for key in fields})
    return buffer.getvalue()


REGISTER_FIELDS = ("reference", "school", "topic", "state", "received_at", "acknowledged_at",
                   "handler", "outcome", "decided_at", "handled_at", "channel")


async def register(db: Database, start: date, end: date, tz: ZoneInfo,
                   school_id: int | None = None, now: datetime | None = None) -> list[dict]:
    """The norm 1.5.6 register, dates in local time; with ``now`` the read goes to the audit
    trail of the participants whose klachten it lists."""
    lower, upper = period_bounds(start, end, tz)
    rows = await store.register_rows(db, lower, upper, school_id=school_id)
    if now is not None:
        await audit.record(db, None, [row["participant_id"] for row in rows], audit.REPORT, now,
                           via="admin")
    result = []
    for row in rows:
        item = {key: row[key] for key in REGISTER_FIELDS}
        for key in ("received_at", "acknowledged_at", "decided_at", "handled_at"):
            moment = from_db(item[key])
            item[key] = moment.astimezone(tz).strftime("%Y-%m-%d %H:%M") if moment else None
        result.append(item)
    return result
