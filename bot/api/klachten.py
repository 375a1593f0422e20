"""``POST /klachten`` for a school's key: a klacht received by mail, phone or on paper (issue 11
point 11; norm 1.5.6). ``GET /klachten/report`` for a gemeente's API key (issue 5; Blik op Werk
norms 1.5.8, 1.5.9; convenant art. 13.5): per school, the klachten of the gemeente's own
participants in a period, the share handled within term against the 80% norm, and the median days
to decision and to closure. Figures only: no names, no klacht texts. JSON by default, CSV with
``format=csv``.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from fastapi import Depends, Query, Response
from pydantic import BaseModel, Field

from bot.api import api_router, field_error
from bot.http.app import services
from bot.http.auth import gemeente, school
from bot.klachten import intake
from bot.klachten.limits import MAX_TEXT
from bot.klachten.report import school_reports, to_csv
from bot.services import Services
from storage import people
from storage.attendance import school_participant

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


class KlachtIn(BaseModel):
    """A klacht the school received by mail, phone or on paper (Blik op Werk norm 1.5.6)."""

    participant: str = Field(max_length=100, description="The school's own participant id")
    topic: str = Field(max_length=40, description="lesson, teacher, group, invoice, rooster, "
                                                  "safety or other")
    description: str = Field(max_length=MAX_TEXT, description="What the klacht says")
    channel: Literal["mail", "phone", "paper"]
    received_on: date = Field(description="The real date of receipt: the terms run from it")
    acknowledged_on: date | None = Field(None, description="When the school already acknowledged "
                                                           "it in writing; else the bot does")
    anonymous: bool = Field(False, description="The participant asked to stay anonymous")


class KlachtRegistered(BaseModel):
    reference: str
    received_on: date
    decide_by: date
    handle_by: date


@router.post("", response_model=KlachtRegistered, status_code=201)
async def register_klacht(body: KlachtIn, school_id: int = Depends(school),
                          svc: Services = Depends(services)) -> KlachtRegistered:
    """Register a klacht received by mail, phone or on paper, with its real date of receipt: it
    joins the register, the deadline reminders and the 80% figure; the independent handlers get
    it in the bot, the participant the acknowledgement."""
    person_id = await school_participant(svc.db, school_id, body.participant)
    if person_id is None:
        raise field_error(["body", "participant"], "unknown participant", status_code=404)
    person = await people.get_person(svc.db, person_id)
    try:
        filed = await intake.register(
            svc.db, intake.Intake(person, body.topic, body.description.strip(), body.channel,
                                  body.received_on, body.acknowledged_on, body.anonymous),
            registered_by=None, now=svc.now(), tz=svc.settings.tz)
    except intake.BadIntake as bad:
        raise field_error(["body", bad.field], bad.message) from None
    tz = svc.settings.tz
    return KlachtRegistered(reference=filed.reference, received_on=body.received_on,
                            decide_by=filed.decide_by.astimezone(tz).date(),
                            handle_by=filed.handle_by.astimezone(tz).date())
