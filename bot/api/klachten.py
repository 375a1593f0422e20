"""``GET /klachten/report`` for a gemeente's API key (issue 5; Blik op Werk norms 1.5.8, 1.5.9;
convenant art. 13.5): per school, the klachten of the gemeente's own participants in a period,
the share handled within term against the 80% norm, and the median days to decision and to
closure. Figures only: no names, no klacht texts. JSON by default, CSV with ``format=csv``.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from fastapi import Depends, Query, Response
from pydantic import BaseModel

from bot.api import api_router, field_error
from bot.http.app import services
from bot.http.auth import gemeente
from bot.klachten.report import school_reports, to_csv
from bot.services import Services

router = api_router(prefix="/klachten", tags=["klachten"])

MAX_PERIOD_DAYS = 3 * 366
MIN_YEAR, MAX_YEAR = 2000, 2100  # as every date the API takes


class SchoolFigures(BaseModel):
    """One school's klachten figures in the period."""

    school_id: int
    school: str
    period_start: date
    period_end: date
    klachten: int
    handled: int
    open: int
    assessable: int
    on_time: int
    late: int
    share_on_time_percent: float | None
    norm_percent: float
    meets_norm: bool | None
    median_days_to_decision: float | None
    median_days_to_closure: float | None


class KlachtenReport(BaseModel):
    """Per school: the 1.5.8 figures for the gemeente's own participants."""

    period_start: date
    period_end: date
    schools: list[SchoolFigures]


@router.get("/report", response_model=KlachtenReport,
            responses={200: {"content": {"text/csv": {}},
                             "description": "The report (JSON, or CSV with format=csv)"}})
async def klachten_report(
    start: date = Query(..., alias="from", description="First day of the period (YYYY-MM-DD)"),
    end: date = Query(..., alias="to", description="Last day of the period (YYYY-MM-DD)"),
    format: Literal["json", "csv"] = Query("json", description="json or csv"),
    gemeente_id: int = Depends(gemeente),
    svc: Services = Depends(services),
):
    """Klachten per school in a period: count, share handled within term against the 80% norm,
    median days to decision and to closure; only the calling gemeente's participants."""
    for name, day in (("from", start), ("to", end)):
        if not MIN_YEAR <= day.year <= MAX_YEAR:
            raise field_error(["query", name], f"must be between the years {MIN_YEAR} and "
                                               f"{MAX_YEAR}")
    if end < start:
        raise field_error(["query", "to"], "the period ends before it starts")
    if (end - start).days > MAX_PERIOD_DAYS:
        raise field_error(["query", "to"], f"a period of at most {MAX_PERIOD_DAYS} days")
    rows = await school_reports(svc.db, start, end, svc.now(), svc.settings.tz,
                                gemeente_id=gemeente_id)
    if format == "csv":
        return Response(to_csv(rows), media_type="text/csv; charset=utf-8")
    return {"period_start": start, "period_end": end, "schools": rows}
