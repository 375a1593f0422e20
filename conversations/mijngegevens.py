"""/mijngegevens: everything the bot stores about the participant (issue 13; AVG art. 15, BoW
1.4.3 g): a PDF to read, in their language where it prints, and the complete JSON file. Only
their own rows are read (``storage/privacy_export.py``); the export goes to the audit trail.
Its buttons ask for a correction (typed in the next message) or for erasure (AVG art. 16, 17),
recorded with a deadline of one month by ``bot/privacy/requests.py``."""

from __future__ import annotations

import asyncio
import logging

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import (
    Application,
    ApplicationHandlerStop,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    filters,
)

from bot.context import BotContext
from bot.i18n import N_
from bot.privacy import export, requests
from bot.services import Command, Services
from bot.uren.issue import PDF_SECONDS

COMMANDS = (Command("mijngegevens", N_("Everything this bot keeps about you"),
                    frozenset({"participant"})),)
log = logging.getLogger(__name__)
MENU = ("mijngegevens",)
PREFIX = "pv:"
WAITING = "privacy_correction"
MAX_DETAILS = 2000
# Before the other features' text handlers, so a typed correction is not taken for anything else.
TEXT_GROUP = -50


async def send_export(update: Update, context: BotContext) -> None:
    tr, person, services = context.tr, context.person, context.services
    chat = update.effective_chat
    if person is None or person.role != "participant":
        await chat.send_message(tr._("Only course participants can see this here."))
        return
    now = services.now()
    data = await export.collect(services.db, person, person, now)
    await chat.send_message(tr._(
        "Here is everything this bot keeps about you: a document to read and a JSON file with "
        "all of it. Questions, or something to correct or erase? Ask the privacy contact of "
        "your school or gemeente."), reply_markup=InlineKeyboardMarkup([
            [InlineKeyboardButton(tr.f_("Ask for a correction"), callback_data=PREFIX + "corr")],
            [InlineKeyboardButton(tr.f_("Ask to erase my data"), callback_data=PREFIX + "erase")],
        ]))
    stamp = now.strftime("%Y-%m-%d")
    # Drawing the PDF takes a second or two (the fonts are read each time): off the event loop,
    # within its budget; past it the JSON file, which holds everything, still goes.
    try:
        pdf = await asyncio.wait_for(
            asyncio.to_thread(export.as_pdf, data, services.i18n, tr.language), PDF_SECONDS)
        await chat.send_document(document=pdf, filename=f"mijngegevens-{stamp}.pdf")
    except TimeoutError:
        log.warning("mijngegevens PDF over its time budget")
        await chat.send_message(tr._(
            "The document could not be made just now. Please try again in a few minutes."))
    await chat.send_document(document=export.as_json(data), filename=f"mijngegevens-{stamp}.json")


async def recorded(update: Update, context: BotContext, kind: str, details: str) -> None:
    tr, services = context.tr, context.services
    now = services.now()
    _, due = await requests.file_request(services.db, context.person, kind, details, now)
    await update.effective_chat.send_message(tr._(
        "Your request was recorded on {day}. The privacy contact of your school or gemeente "
        "must answer by {deadline}.", day=tr.date(now), deadline=tr.date(due)))


async def pressed(update: Update, context: BotContext) -> None:
    """"Ask for a correction": ask what is wrong; "Ask to erase my data": record the request."""
    query = update.callback_query
    await query.answer()
    if context.person is None or context.person.role != "participant":
        return
    if query.data == PREFIX + "corr":
        context.chat_data[WAITING] = True
        await update.effective_chat.send_message(context.tr._(
            "Write in one message what is wrong and what it should be."))
    elif query.data == PREFIX + "erase":
        await recorded(update, context, "erasure", "")


async def typed(update: Update, context: BotContext) -> None:
    """The correction the participant typed, if one was asked for."""
    if not context.chat_data.pop(WAITING, False) or context.person is None:
        return
    await recorded(update, context, "correction", update.effective_message.text[:MAX_DETAILS])
    raise ApplicationHandlerStop


def register(app: Application, services: Services) -> None:
    app.add_handler(CommandHandler("mijngegevens", send_export))
    app.add_handler(CallbackQueryHandler(pressed, pattern=f"^{PREFIX}(corr|erase)$"))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, typed), group=TEXT_GROUP)
