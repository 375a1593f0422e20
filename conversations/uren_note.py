"""The school's note on an urenverklaring request (issue 11; BoW 2.9.4): staff cannot refuse a
statement, but may add a note that is printed on it (``ur:note:<id>`` from the confirm message
or its reminder), then confirm it. Checked against the pressing staff member's school.
"""

from __future__ import annotations

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
from bot.services import Services
from bot.uren import issue
from bot.uren.notices import PREFIX, confirm_button
from storage import uren as store

PENDING = "uren_note"


class State(IntEnum):
    NOTE = 1


async def ask(update: Update, context: BotContext) -> int:
    query, tr, person = update.callback_query, context.tr, context.person
    request_id = int((query.data or "").rsplit(":", 1)[1])
    request = await store.get_request(context.services.db, request_id)
    if (person is None or person.role != "staff" or request is None
            or request.school_id != person.school_id):
        await query.answer(tr.s_("This request is not for your school."), show_alert=True)
        return ConversationHandler.END
    if request.state != "pending":
        await query.answer(tr.s_("A colleague has already handled this request."),
                           show_alert=True)
        return ConversationHandler.END
    await query.answer()
    context.chat_data[PENDING] = request_id
    await update.effective_chat.send_message(tr.s_(
        "Type the note for the urenverklaring (at most {limit} characters). It is printed on the "
        "statement. /cancel to stop.", limit=tr.number(issue.MAX_NOTE)))
    return State.NOTE


async def typed(update: Update, context: BotContext) -> int:
    tr, person = context.tr, context.person
    request_id = context.chat_data.pop(PENDING, None)
    text = (update.effective_message.text or "").strip()
    if request_id is None or person is None:
        return ConversationHandler.END
    if not text or len(text) > issue.MAX_NOTE:
        context.chat_data[PENDING] = request_id
        await update.effective_chat.send_message(tr.s_(
            "Please type a note of 1 to {limit} characters.", limit=tr.number(issue.MAX_NOTE)))
        return State.NOTE
    outcome = await issue.add_note(context.services, request_id, person, text)
    if outcome.kind == "noted":
        await update.effective_chat.send_message(
            tr.s_("Note added; it will be on the statement. Confirm to issue it."),
            reply_markup=confirm_button(tr, request_id))
    elif outcome.kind == "already":
        await update.effective_chat.send_message(
            tr.s_("A colleague has already handled this request."))
    return ConversationHandler.END


async def cancel(update: Update, context: BotContext) -> int:
    context.chat_data.pop(PENDING, None)
    await update.effective_chat.send_message(context.tr.s_("Stopped."))
    return ConversationHandler.END


def conversation() -> ConversationHandler:
    with warnings.catch_warnings():
        # A button opens it and one typed line ends it, so per_message stays off.
        warnings.filterwarnings("ignore", message=".*per_message=False.*", category=PTBUserWarning)
        return ConversationHandler(
            entry_points=[CallbackQueryHandler(ask, pattern=rf"^{PREFIX}:note:\d{{1,10}}$")],
            states={State.NOTE: [MessageHandler(filters.TEXT & ~filters.COMMAND, typed)]},
            fallbacks=[CommandHandler("cancel", cancel)],
            name="uren_note", persistent=True, allow_reentry=True)


def register(app: Application, services: Services) -> None:
    app.add_handler(conversation())
