"""The school's attempts to reach a participant who keeps not coming (issue 15; BoW "Wanprestatie
door de Cursist"): a call, a message, a conversation or a warning, with its date and outcome. A
warning may be sent through the bot: a standard text per kind in the participant's language,
stating the consequences for the course contract, with the school's note added.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from fastapi import Depends, Path
from pydantic import BaseModel, Field, StringConstraints, model_validator

from bot import wanprestatie
from bot.api import api_router, field_error
from bot.api.lookups import school_participant
from bot.api.rooster_models import EXTERNAL_ID_PATTERN, PROSE_PATTERN, LocalDate, Strict
from bot.http import auth
from bot.http.app import services
from bot.services import Services
from storage import contact_attempts as store

router = api_router(prefix="/api/v1")
ExtPath = Path(pattern=EXTERNAL_ID_PATTERN, max_length=80, description="Your participant's id")
Note = Annotated[str, StringConstraints(pattern=PROSE_PATTERN, min_length=1, max_length=2000)]


class AttemptIn(Strict):
    kind: Literal["call", "message", "conversation", "warning"]
    on: LocalDate = Field(description="The day of the attempt (not in the future)")
    outcome: Literal["reached", "not_reached", "promised_to_come", "refused", "sent"]
    note: Note | None = Field(None, description="What was said or agreed; with a warning sent "
                                                "through the bot, added to it as your note")
    warning: Literal["absence", "agreements", "final"] | None = Field(
        None, description="For a warning: its standard text (absence, other agreements of the "
                          "contract, or the last warning before the contract ends)")
    come_back_by: LocalDate | None = Field(
        None, description="For a last warning: the day by which the participant must be back")
    send: bool = Field(False, description="Send the warning to the participant in the bot, in "
                                          "their language")

    @model_validator(mode="after")
    def _consistent(self) -> AttemptIn:
        if (self.kind == "warning") != (self.warning is not None):
            raise ValueError("give `warning` with kind warning, and only then")
        if self.send and self.kind != "warning":
            raise ValueError("only a warning can be sent through the bot")
        if (self.warning == "final") != (self.come_back_by is not None):
            raise ValueError("a last warning (final) needs `come_back_by`, and only it")
        if self.come_back_by is not None and self.come_back_by < self.on:
            raise ValueError("`come_back_by` must not be before the warning")
        return self


class AttemptOut(BaseModel):
    id: int
    kind: str
    on: date
    outcome: str
    note: str | None
    warning: str | None
    come_back_by: date | None
    sent_through_bot: bool
    recorded_at: datetime


def _out(attempt: store.Attempt) -> AttemptOut:
    return AttemptOut(id=attempt.id, kind=attempt.kind, on=attempt.attempted_on,
                      outcome=attempt.outcome, note=attempt.note, warning=attempt.warning_kind,
                      come_back_by=attempt.come_back_by,
                      sent_through_bot=attempt.sent_at is not None,
                      recorded_at=attempt.recorded_at)


@router.post("/participants/{external_id}/contact-attempts", response_model=AttemptOut,
             status_code=201, tags=["wanprestatie"])
async def post_attempt(body: AttemptIn, external_id: str = ExtPath,
                       school_id: int = Depends(auth.school),
                       svc: Services = Depends(services)) -> AttemptOut:
    """Record an attempt to reach your participant; a warning with `send` reaches them in the
    bot, in their language, with the consequences for the course contract."""
    person = await school_participant(svc, school_id, external_id)
    if body.on > svc.now().astimezone(svc.settings.tz).date():
        raise field_error(["body", "on"], "must not be in the future")
    attempt_id = await wanprestatie.record(svc, school_id=school_id, person=person,
                                           attempt=wanprestatie.Attempt(
                                               kind=body.kind, attempted_on=body.on,
                                               outcome=body.outcome, note=body.note,
                                               warning_kind=body.warning,
                                               come_back_by=body.come_back_by, send=body.send))
    return _out(await store.get_attempt(svc.db, attempt_id))


@router.get("/participants/{external_id}/contact-attempts", response_model=list[AttemptOut],
            tags=["wanprestatie"])
async def list_attempts(external_id: str = ExtPath, school_id: int = Depends(auth.school),
                        svc: Services = Depends(services)) -> list[AttemptOut]:
    """Your attempts to reach this participant, oldest first: the overview an auditor asks for
    and a registered letter carries."""
    person = await school_participant(svc, school_id, external_id)
    return [_out(a) for a in await store.attempts_for_school(svc.db, school_id, person.id)]
