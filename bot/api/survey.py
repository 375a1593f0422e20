"""The survey API (issue 15; BoW 2.7.3, 5.2; convenant art. 16.1).

A school records a participant's consent from the course contract and downloads the survey
bureau's delivery list as CSV; a gemeente starts a short survey of its own and reads its counts,
only for five or more respondents. No endpoint gives anyone's answers.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path
from fastapi.responses import Response
from pydantic import BaseModel, Field, StringConstraints, field_validator

from bot import survey
from bot.api import api_router, field_error
from bot.api.lookups import school_participant
from bot.api.rooster_models import EXTERNAL_ID_PATTERN, TEXT_PATTERN, ExternalId, Strict
from bot.http import auth
from bot.http.app import services
from bot.i18n import LANGUAGES
from bot.services import Services
from storage import survey as store

router = api_router(prefix="/api/v1")
ExtPath = Path(pattern=EXTERNAL_ID_PATTERN, max_length=80, description="Your own id")
QuestionText = Annotated[str, StringConstraints(pattern=TEXT_PATTERN, min_length=1,
                                                max_length=300)]


class ConsentIn(Strict):
    consent: bool = Field(description="What the participant chose in the course contract")


class ConsentOut(BaseModel):
    participant: str
    consent: bool


class SurveyIn(Strict):
    """Up to five questions, each in every shipped language (language code -> text)."""

    external_id: ExternalId = Field(description="Your own id of the survey")
    questions: list[dict[str, QuestionText]] = Field(min_length=1, max_length=5)

    @field_validator("questions")
    @classmethod
    def _every_language(cls, questions):
        for question in questions:
            missing = [code for code in LANGUAGES if code not in question]
            unknown = [code for code in question if code not in LANGUAGES]
            if missing or unknown:
                raise ValueError("each question needs exactly the languages "
                                 f"{', '.join(LANGUAGES)}; missing {missing}, unknown {unknown}")
        return questions


class SurveyOut(BaseModel):
    external_id: str
    asked: int = Field(description="Participants the first question was sent to")


class QuestionCounts(BaseModel):
    question: str
    answers: dict[str, int] = Field(description="Scale value 1-5 -> how many chose it")


class SurveyReport(BaseModel):
    shown: bool
    reason: str | None
    respondents: int | None
    questions: list[QuestionCounts] | None


@router.put("/participants/{external_id}/survey-consent", response_model=ConsentOut,
            tags=["survey"])
async def put_consent(body: ConsentIn, external_id: str = ExtPath,
                      school_id: int = Depends(auth.school),
                      svc: Services = Depends(services)) -> ConsentOut:
    """Record the consent from the course contract (BoW 2.7.3); the participant can change it in
    the bot with /enquete."""
    person = await school_participant(svc, school_id, external_id)
    await survey.record_consent(svc, person.id, body.consent, "school")
    return ConsentOut(participant=external_id, consent=body.consent)


@router.get("/survey/delivery", tags=["survey"], response_class=Response, responses={
    200: {"content": {"text/csv": {"schema": {"type": "string"}}},
          "description": "participant,name,route,location,reason (75_percent or ended_early)"}})
async def delivery(school_id: int = Depends(auth.school),
                   svc: Services = Depends(services)) -> Response:
    """The survey bureau's delivery list (BoW 5.2): consented participants who followed 75% of
    the course or ended it early, with route and location. Add e-mail, postcode and phone from
    your own administration."""
    rows = await survey.delivery_list(svc.db, school_id,
                                     svc.now().astimezone(svc.settings.tz).date())
    return Response(survey.as_csv(rows), media_type="text/csv; charset=utf-8")


@router.post("/surveys", response_model=SurveyOut, status_code=201, tags=["survey"])
async def start_survey(body: SurveyIn, gemeente_id: int = Depends(auth.gemeente),
                       svc: Services = Depends(services)) -> SurveyOut:
    """Start a short survey of the gemeente (art. 16.1): each active participant with the bot
    gets the questions in their language, answered with a five-point scale."""
    started = await survey.start_gemeente_survey(svc, gemeente_id, body.external_id,
                                                 body.questions)
    if started is None:
        raise field_error(["body", "external_id"], "a survey with this id exists already",
                          "conflict", 409)
    return SurveyOut(external_id=body.external_id, asked=started[1])


@router.get("/surveys/{external_id}/report", response_model=SurveyReport, tags=["survey"])
async def survey_report(external_id: str = ExtPath,
                        gemeente_id: int = Depends(auth.gemeente),
                        svc: Services = Depends(services)) -> SurveyReport:
    """Counts per question, only when five or more participants answered."""
    found = await store.survey_by_external(svc.db, gemeente_id, external_id)
    if found is None:
        raise field_error(["path", "external_id"], "no such survey for this key", "not_found", 404)
    return SurveyReport(**await survey.report(svc, *found))
