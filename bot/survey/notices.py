"""How the survey reads for the participant, in their own language: the consent question (BoW
2.7.3) with its two buttons, and a gemeente's question (art. 16.1) with a five-point scale."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.i18n import N_, Translator
from bot.outbox import Rendered, loads, renders
from storage import survey as store
from storage.database import Database

PREFIX = "sv"
SCALE_LABELS = (N_("Very bad"), N_("Bad"), N_("Okay"), N_("Good"), N_("Very good"))


def consent_question(tr: Translator) -> str:
    return tr.paragraphs([
        tr._("Blik op Werk checks the quality of language schools with a satisfaction survey, "
             "done by the research bureau Panteia."),
        tr._("May your school give Panteia your contact details (e-mail, postcode, phone), so "
             "that Panteia can invite you? Your answers go only to Panteia: your school never "
             "sees them."),
        tr._("You can change your choice at any time with /enquete."),
    ])


def consent_buttons(tr: Translator) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([
        [InlineKeyboardButton(tr.f_("Yes, I agree"), callback_data=f"{PREFIX}:c:1")],
        [InlineKeyboardButton(tr.f_("No, I do not agree"), callback_data=f"{PREFIX}:c:0")],
    ])


@renders("survey.consent")
def _consent(tr: Translator, params: dict) -> Rendered:
    return Rendered(consent_question(tr), consent_buttons(tr))


@loads("survey.question")
async def _questions(db: Database, params: dict) -> dict:
    params.setdefault("questions", await store.survey_questions(db, params["survey_id"]) or [])
    return params


def question_message(tr: Translator, survey_id: int, questions: list[dict],
                     index: int) -> Rendered:
    question = questions[index]
    text = question.get(tr.language) or question.get("nl") or ""
    lines = [tr._("A short survey by your gemeente (question {n} of {total}):",
                  n=tr.number(index + 1), total=tr.number(len(questions))), "", text, "",
             tr._("Your answer is anonymous: the gemeente only sees totals of five or more "
                  "people.")]
    buttons = [[InlineKeyboardButton(f"{value} · {tr.f_(label)}",
                                     callback_data=f"{PREFIX}:a:{survey_id}:{index}:{value}")]
               for value, label in enumerate(SCALE_LABELS, start=1)]
    return Rendered(tr.lines(lines), InlineKeyboardMarkup(buttons))


@renders("survey.question")
def _question(tr: Translator, params: dict) -> Rendered:
    questions = params.get("questions") or [{}]
    return question_message(tr, params["survey_id"], questions, params.get("question", 0))
