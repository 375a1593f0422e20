"""/enquete and the survey buttons (issue 15; BoW 2.7.3, 5.2; convenant art. 16.1).

/enquete shows the participant's choice about passing contact data to the survey bureau and lets
them change it. A gemeente's question is answered with one of five buttons; the message then
becomes the next question, or a thank-you. Every press is checked in storage: only a participant
of the asking gemeente answers, only questions that exist, only values on the scale.
"""

from __future__ import annotations

import logging
import re

from telegram import Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot.context import BotContext
from bot.i18n import N_
from bot.rules.survey import SCALE
from bot.services import Command, Services
from bot.survey import record_consent
from bot.survey.notices import PREFIX, consent_buttons, consent_question, question_message
from storage import survey as store

log = logging.getLogger(__name__)

COMMANDS = (Command("enquete", N_("The satisfaction survey: your choice"),
                    frozenset({"participant"})),)
PRESS = re.compile(rf"^{PREFIX}:(?:c:([01])|a:(\d{{1,10}}):(\d{{1,2}}):(\d))$")


async def show(update: Update, context: BotContext) -> None:
    tr, person, chat = context.tr, context.person, update.effective_chat
    if update.callback_query is not None:
        await update.callback_query.answer()
    if person is None or person.role != "participant":
        await chat.send_message(tr._("Only course participants can see this here."))
        return
    consent = await store.consent_of(context.services.db, person.id)
    if consent is None or consent.consent is None:
        now = tr._("You have not chosen yet.")
    elif consent.consent:
        now = tr._("Your choice now: your school may pass your contact details to Panteia.")
    else:
        now = tr._("Your choice now: your school does not pass your contact details to Panteia.")
    await chat.send_message(tr.paragraphs([now, consent_question(tr)]),
                            reply_markup=consent_buttons(tr))


async def on_press(update: Update, context: BotContext) -> None:
    query, tr, person, services = (update.callback_query, context.tr, context.person,
                                   context.services)
    match = PRESS.match(query.data or "")
    if match is None or person is None or person.role != "participant":
        await query.answer(tr._("This button no longer works. Send /help to start again."),
                           show_alert=True)
        return
    if match.group(1) is not None:
        agreed = match.group(1) == "1"
        await record_consent(services, person.id, agreed, "bot")
        await query.answer()
        await query.edit_message_text(tr.paragraphs([
            tr._("Thank you. Your school may pass your contact details to Panteia.") if agreed
            else tr._("Thank you. Your school will not pass your contact details to Panteia."),
            tr._("You can change your choice at any time with /enquete.")]))
        return
    survey_id, index, value = (int(match.group(2)), int(match.group(3)), int(match.group(4)))
    questions = await store.survey_questions(services.db, survey_id)
    if (questions is None or index >= len(questions) or value not in SCALE
            or not await store.may_answer(services.db, survey_id, person.id)):
        log.warning("survey button refused: not this participant's survey or out of range")
        await query.answer(tr._("This button no longer works. Send /help to start again."),
                           show_alert=True)
        return
    async with services.db.transaction() as tx:
        await store.record_answer(tx, survey_id, person.id, index, value, services.now())
    await query.answer(tr._("Thank you!"))
    if index + 1 < len(questions):
        rendered = question_message(tr, survey_id, questions, index + 1)
        await query.edit_message_text(rendered.text, reply_markup=rendered.buttons)
    else:
        await query.edit_message_text(tr._("Thank you for your answers!"))


def register(app: Application, services: Services) -> None:
    app.add_handler(CommandHandler("enquete", show))
    app.add_handler(CallbackQueryHandler(show, pattern=r"^menu:enquete$"))
    app.add_handler(CallbackQueryHandler(on_press, pattern=rf"^{PREFIX}:"))
