"""One error handler (issue 2): the user hears, in their language, that something went wrong and
nothing was lost; the log gets the exception type and traceback, never message text or names."""

from __future__ import annotations

import logging
import traceback

from telegram import Update
from telegram.error import TelegramError

from bot.context import BotContext
from bot.i18n import N_, parse_language
from storage import people

log = logging.getLogger("inburgerbot.errors")

SORRY = N_("Sorry, something went wrong on our side. Nothing you sent is lost. Please try again.")


async def on_error(update: object, context: BotContext) -> None:
    error = context.error
    frames = "".join(traceback.format_tb(error.__traceback__)) if error else ""
    # The exception message may quote user input, so only its type and the code path are logged.
    log.error("unhandled %s in handler\n%s", type(error).__name__, frames)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    # Error handlers get a fresh context, so the language is looked up again here.
    services = context.services
    language = await people.chat_language(services.db, update.effective_chat.id)
    if language is None and update.effective_user is not None:
        language = parse_language(update.effective_user.language_code)
    tr = services.i18n.get(language)
    try:
        await update.effective_chat.send_message(tr._(SORRY))
    except TelegramError:
        log.warning("could not tell the user about the error")
