"""The privacy API (issue 13; BoW 1.4.3-1.4.5) for a school's or a gemeente's key: set its own
privacy notice per audience and language (everyone concerned reads it again once), and read the
audit trail of who looked at its own participants' data."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from fastapi import Depends, Query
from pydantic import BaseModel, Field

from bot.api import api_router, field_error
from bot.http import auth
from bot.http.app import services
from bot.http.auth import Caller, caller
from bot.i18n import LANGUAGES
from bot.privacy import retention
from bot.rules.retention import KLACHTEN_MONTHS
from bot.services import Services
from storage import privacy as store

router = api_router(prefix="/api/v1/privacy", tags=["privacy"])

MAX_NOTICE = 3500
MAX_ID = 2 ** 53


class NoticeText(BaseModel):
    text: str = Field(..., min_length=1, max_length=MAX_NOTICE,
                      description="The notice in this language, as the person reads it")


class NoticeSet(BaseModel):
    scope: str
    scope_id: int
    audience: str
    language: str
    version: int


class AuditRow(BaseModel):
    at: datetime
    who: str
    role: str | None
    participant_id: int | None
    what: str


@router.put("/notice/{audience}/{language}", response_model=NoticeSet)
async def set_notice(audience: Literal["participant", "staff"], language: str, body: NoticeText,
                     who: Caller = Depends(caller), svc: Services = Depends(services)):
    """Set the caller's own privacy notice for participants or for staff in one language."""
    if language not in LANGUAGES:
        raise field_error(["path", "language"], f"one of {', '.join(LANGUAGES)}")
    text = body.text.strip()
    if not text or "\x00" in text:
        raise field_error(["body", "text"], "the text is empty or holds a NUL character")
    version = await store.set_notice(svc.db, who.kind, who.id, audience, language, text,
                                     svc.now())
    return NoticeSet(scope=who.kind, scope_id=who.id, audience=audience, language=language,
                     version=version)


class KlachtenRetention(BaseModel):
    months: int | None = Field(..., ge=KLACHTEN_MONTHS.start, le=KLACHTEN_MONTHS.stop - 1,
                               description="Months a closed klacht stays in your klachten "
                                           "register; null: the installation's default")


class KlachtenRetentionSet(BaseModel):
    months: int
    own: bool


@router.get("/klachten-retention", response_model=KlachtenRetentionSet)
async def read_klachten_retention(school_id: int = Depends(auth.school),
                                  svc: Services = Depends(services)):
    """How long the calling school keeps its klachten register after a klacht is closed."""
    period = await retention.klachten_period(svc.db, svc.settings, school_id)
    return KlachtenRetentionSet(months=period["months"], own=period["own"])


@router.put("/klachten-retention", response_model=KlachtenRetentionSet)
async def set_klachten_retention(body: KlachtenRetention, school_id: int = Depends(auth.school),
                                 svc: Services = Depends(services)):
    """Set how long the calling school keeps its klachten register (BoW 1.5.6), 12 to 240
    months after closing; the retention sweep removes older closed klachten."""
    period = await retention.set_klachten_period(svc.db, svc.settings, school_id, body.months)
    return KlachtenRetentionSet(months=period["months"], own=period["own"])


@router.get("/audit", response_model=list[AuditRow])
async def read_audit(participant_id: int | None = Query(None, ge=1, le=MAX_ID),
                     limit: int = Query(200, ge=1, le=1000),
                     who: Caller = Depends(caller), svc: Services = Depends(services)):
    """Who read the data of the caller's own participants (a school's, or a gemeente's
    klantmanagers' caseloads), newest first."""
    scope = {"school_id": who.id} if who.kind == "school" else {"gemeente_id": who.id}
    entries = await store.audit_entries(svc.db, subject_id=participant_id, limit=limit, **scope)
    return [AuditRow(at=e.at, who=e.actor_name or e.actor, role=e.actor_role,
                     participant_id=e.subject_id, what=e.what) for e in entries]
