"""/help for every role, a short pointer to /help for unknown commands or unexpected input,
and buttons that are stale or forged (issue 2, "Help and errors").

Registered last in group 0, so these catch only what no feature handler (and no active
conversation) accepted: PTB runs at most one handler per group, the first that matches."""

from __future__ import annotations

from telegram import Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot.context import BotContext
from bot.i18n import N_
from bot.menus import help_text, menu_keyboard
from bot.services import Command, Services

COMMANDS = (
    Command("help", N_("What this bot can do for you"),
            frozenset({"guest", "participant", "klantmanager", "staff"})),
)


async def show_help(update: Update, context: BotContext) -> None:
    """/help: the role's commands, described in the user's language."""
    services, tr = context.services, context.tr
    await update.effective_chat.send_message(
        help_text(services, context.role, tr),
        reply_markup=menu_keyboard(services, context.role, tr))


async def unknown(update: Update, context: BotContext) -> None:
    """Anything no other handler took: a short pointer to /help."""
    await update.effective_chat.send_message(
        context.tr._("Sorry, I did not understand that. Send /help to see what I can do."))


async def stale_button(update: Update, context: BotContext) -> None:
    """A button no handler accepts (old message, or data we never sent)."""
    await update.callback_query.answer(
        context.tr._("This button no longer works. Send /help to start again."), show_alert=True)


def register(app: Application, services: Services) -> None:
    app.add_handler(CommandHandler("help", show_help))
    app.add_handler(MessageHandler(filters.ALL & ~filters.UpdateType.EDITED, unknown))
    app.add_handler(CallbackQueryHandler(stale_button))
