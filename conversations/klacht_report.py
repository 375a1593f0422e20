"""The short report when nobody independent can handle a klacht (issue 11 point 12; Blik op Werk
norm 1.5, note 7): the school's "Write the short report" button asks for a standard phrase of how
the klacht was handled (issue 14: the participant reads it in their own language), then the
school's own words (or /skip), and the
participant's "I agree" / "I do not agree" buttons record their answer. The rules and messages
are in ``bot.klachten.alternative``.
"""

from __future__ import annotations

import logging
import warnings
from enum import IntEnum

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)
from telegram.warnings import PTBUserWarning

from bot.context import BotContext
from bot.klachten import alternative
from bot.klachten.alternative import PREFIX, REPORT_PHRASES
from bot.refusal import Refused
from bot.services import Services
from conversations.presses import (
    drop_buttons,
    phrase_label,
    pressed_id,
    refuse_press,
    with_phrase,
)

log = logging.getLogger(__name__)

PENDING = "klacht_report"


class State(IntEnum):
    TEXT = 41
    PHRASE = 42

NO_PHRASE = "own"


async def begin(update: Update, context: BotContext) -> int:
    tr, person = context.tr, context.person
    klacht_id = pressed_id(update)
    try:
        if person is None or person.role != "staff" or klacht_id is None:
            raise Refused("not staff")
        klacht = await alternative.may_write(context.services.db, klacht_id, person)
    except Refused as refused:
        await refuse_press(update, tr.s_("You cannot do this for this klacht."), str(refused))
        return ConversationHandler.END
    await update.callback_query.answer()
    context.chat_data[PENDING] = {"klacht": klacht.id}
    rows = [[InlineKeyboardButton(phrase_label(tr.f_(text)),
                                  callback_data=f"{PREFIX}:ph:{klacht.id}:{code}")]
            for code, text in REPORT_PHRASES.items()]
    rows.append([InlineKeyboardButton(tr.sf_("Only my own words"),
                                      callback_data=f"{PREFIX}:ph:{klacht.id}:{NO_PHRASE}")])
    await update.effective_chat.send_message(tr.s_(
        "The short report on klacht {reference}: how was the klacht handled? Choose a standard "
        "phrase. The participant reads it in their own language; you can add your own words "
        "next.", reference=klacht.reference), reply_markup=InlineKeyboardMarkup(rows))
    return State.PHRASE


def pending_of(context: BotContext) -> dict:
    value = context.chat_data.get(PENDING)
    return value if isinstance(value, dict) else {"klacht": value} if value else {}


async def phrase_chosen(update: Update, context: BotContext) -> int:
    """kr:ph:<klacht id>:<code>: the phrase of the report; then the own words or /skip."""
    tr, pending = context.tr, pending_of(context)
    code = (update.callback_query.data or "").rsplit(":", 1)[-1]
    if pending.get("klacht") is None or pressed_id(update) != pending["klacht"] or (
            code != NO_PHRASE and code not in REPORT_PHRASES):
        await refuse_press(update, tr.s_("This button no longer applies."),
                           "report phrase not offered")
        return State.PHRASE if pending.get("klacht") is not None else ConversationHandler.END
    await update.callback_query.answer()
    await drop_buttons(update)
    pending["phrase"] = None if code == NO_PHRASE else code
    context.chat_data[PENDING] = pending
    await update.effective_chat.send_message(with_phrase(
        tr, REPORT_PHRASES.get(code),
        tr.s_("Now write your own words to add, or send /skip to send the phrase alone. "
              "Send /cancel to stop.") if code != NO_PHRASE else tr.s_(
        "Write the short report: the procedure you followed and how the klacht was handled. "
        "The participant reads it and endorses it, or not. Send /cancel to stop.")))
    return State.TEXT


async def skipped(update: Update, context: BotContext) -> int:
    """/skip: the standard phrase alone."""
    if not pending_of(context).get("phrase"):
        await update.effective_chat.send_message(context.tr.s_("Please write it in words."))
        return State.TEXT
    return await submit(update, context, "")


async def typed(update: Update, context: BotContext) -> int:
    return await submit(update, context, update.effective_message.text or "")


async def submit(update: Update, context: BotContext, text: str) -> int:
    tr, services, pending = context.tr, context.services, pending_of(context)
    try:
        klacht = await alternative.submit_report(services.db, pending.get("klacht") or 0,
                                                 context.person, text, services.now(),
                                                 pending.get("phrase"))
    except Refused as refused:
        log.warning("klacht report refused: %s", refused)
        await update.effective_chat.send_message(tr.s_(
            "The report was not sent: write at most {limit} characters, and only while the "
            "participant has not answered it.", limit=tr.number(alternative.MAX_REPORT)))
        return State.TEXT if "characters" in str(refused) else ConversationHandler.END
    context.chat_data.pop(PENDING, None)
    await update.effective_chat.send_message(tr.s_(
        "The report on klacht {reference} is sent to the participant to endorse.",
        reference=klacht.reference))
    return ConversationHandler.END


async def cancel(update: Update, context: BotContext) -> int:
    context.chat_data.pop(PENDING, None)
    await update.effective_chat.send_message(context.tr.s_("Stopped. Nothing was sent."))
    return ConversationHandler.END


async def answered(update: Update, context: BotContext) -> None:
    """The participant endorses the report, or not."""
    tr, person, services = context.tr, context.person, context.services
    klacht_id = pressed_id(update)
    endorsed = (update.callback_query.data or "").startswith(f"{PREFIX}:yes:")
    if person is None or klacht_id is None or not await alternative.answer_report(
            services.db, klacht_id, person, endorsed, services.now()):
        await refuse_press(update, tr._("This button no longer works. Send /help to start again."),
                     "report answer: not theirs or already answered")
        return
    await update.callback_query.answer()
    await drop_buttons(update)
    await update.effective_chat.send_message(
        tr._("Thank you. We have saved your answer and told the school."))


def conversation() -> ConversationHandler:
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*per_message=False.*", category=PTBUserWarning)
        return ConversationHandler(
            entry_points=[CallbackQueryHandler(begin, pattern=f"^{PREFIX}:write:")],
            states={State.PHRASE: [CallbackQueryHandler(phrase_chosen, pattern=f"^{PREFIX}:ph:")],
                    State.TEXT: [MessageHandler(filters.TEXT & ~filters.COMMAND, typed),
                                 CommandHandler("skip", skipped)]},
            fallbacks=[CommandHandler("cancel", cancel)],
            name="klacht_report", persistent=True, allow_reentry=True)


def register(app: Application, services: Services) -> None:
    app.add_handler(conversation())
    app.add_handler(CallbackQueryHandler(answered, pattern=f"^{PREFIX}:(yes|no):"))
