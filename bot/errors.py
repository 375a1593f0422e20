"""One error handler (issue 2): the user hears, in their language, that something went wrong and
nothing was lost; the log gets the exception type and traceback, never message text or names."""

from __future__ import annotations

import logging
import traceback

from telegram import Update
from telegram.error import TelegramError

from bot.context import BotContext
from bot.i18n import N_

log = logging.getLogger("inburgerbot.errors")

SORRY = N_("Sorry, something went wrong on our side. Nothing you sent is lost. Please try again.")


async def on_error(update: object, context: BotContext) -> None:
    error = context.error
    frames = "".join(traceback.format_tb(error.__traceback__)) if error else ""
    # The exception message may quote user input, so only its type and the code path are logged.
    log.error("unhandled %s in handler\n%s", type(error).__name__, frames)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    tr = getattr(context, "tr", None) or context.services.i18n.get(None)
    try:
        await update.effective_chat.send_message(tr._(SORRY))
    except TelegramError:
        log.warning("could not tell the user about the error")
