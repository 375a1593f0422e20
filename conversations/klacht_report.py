"""The short report when nobody independent can handle a klacht (issue 11 point 12; Blik op Werk
norm 1.5, note 7): the school's "Write the short report" button asks for the text, and the
participant's "I agree" / "I do not agree" buttons record their answer. The rules and messages
are in ``bot.klachten.alternative``.
"""

from __future__ import annotations

import logging
import warnings
from enum import IntEnum

from telegram import Update
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
from bot.klachten.alternative import PREFIX
from bot.refusal import Refused
from bot.services import Services
from conversations.presses import drop_buttons, pressed_id, refuse_press

log = logging.getLogger(__name__)

PENDING = "klacht_report"


class State(IntEnum):
    TEXT = 41


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
    context.chat_data[PENDING] = klacht.id
    await update.effective_chat.send_message(tr.s_(
        "Write the short report on klacht {reference}: the procedure you followed and how the "
        "klacht was handled. The participant reads it and endorses it, or not. Send /cancel to "
        "stop.", reference=klacht.reference))
    return State.TEXT


async def typed(update: Update, context: BotContext) -> int:
    tr, services = context.tr, context.services
    klacht_id = context.chat_data.get(PENDING)
    try:
        klacht = await alternative.submit_report(services.db, klacht_id or 0, context.person,
                                                 update.effective_message.text or "",
                                                 services.now())
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
            states={State.TEXT: [MessageHandler(filters.TEXT & ~filters.COMMAND, typed)]},
            fallbacks=[CommandHandler("cancel", cancel)],
            name="klacht_report", persistent=True, allow_reentry=True)


def register(app: Application, services: Services) -> None:
    app.add_handler(conversation())
    app.add_handler(CallbackQueryHandler(answered, pattern=f"^{PREFIX}:(yes|no):"))
