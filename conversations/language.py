"""/taal (alias /language): change the language; and the language buttons of the first contact.

The stored choice wins from then on over Telegram's language_code (issue 2, "Languages").
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot.context import BotContext
from bot.i18n import LANGUAGES, N_, parse_language
from bot.menus import set_chat_menu
from bot.services import Command, Services
from conversations import onboarding
from conversations.gate import (
    LANGUAGE_PREFIX,
    STALE_BUTTON,
    languages_for,
    send_language_picker,
)
from storage import people

ALL_ROLES = frozenset({"guest", "participant", "klantmanager", "staff"})
COMMANDS = (
    Command("taal", N_("Choose your language"), ALL_ROLES),
    # An alias for people who look for the English word; kept out of menus to keep them short.
    Command("language", N_("Choose your language"), frozenset()),
)


async def choose(update: Update, context: BotContext) -> None:
    """/taal: show the language buttons."""
    current = context.language or parse_language(update.effective_user.language_code)
    await send_language_picker(update, context, current)


async def chosen(update: Update, context: BotContext) -> None:
    """A language button: store the choice, confirm in that language, continue where we were."""
    query = update.callback_query
    code = (query.data or "")[len(LANGUAGE_PREFIX):]
    if code not in languages_for(context.role):
        await query.answer(context.tr._(STALE_BUTTON), show_alert=True)
        return
    services = context.services
    first_contact = context.language is None
    await people.set_chat_language(services.db, update.effective_chat.id, code, services.now())
    context.language = code
    context.tr = tr = services.i18n.get(code)
    await query.answer()
    await query.edit_message_text(tr._("Language: {language}", language=LANGUAGES[code]))
    role = context.person.role if context.person else "guest"
    await set_chat_menu(services, update.effective_chat.id, role, tr)
    pending = context.chat_data.pop("pending_code", None)
    if pending:
        await onboarding.link_with_code(update, context, pending)
    elif context.person is not None:
        await onboarding.greet(update, context)
    elif first_contact:
        await onboarding.explain_linking(update, context)


def register(app: Application, services: Services) -> None:
    app.add_handler(CommandHandler(["taal", "language"], choose))
    app.add_handler(CallbackQueryHandler(chosen, pattern=f"^{LANGUAGE_PREFIX}"))
