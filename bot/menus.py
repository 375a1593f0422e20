"""Role menus: per-chat command menus (BotCommandScopeChat, since setMyCommands knows only
two-letter language codes and not Dari from Persian) and the inline menu shown with a greeting."""

from __future__ import annotations

import logging

from telegram import (
    BotCommand,
    BotCommandScopeChat,
    BotCommandScopeDefault,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
)
from telegram.error import TelegramError

from bot.i18n import LANGUAGES, Translator
from bot.services import Services

log = logging.getLogger(__name__)

MENU_PREFIX = "menu:"
# A command's description is shown whole in the chat's command menu (Telegram allows 256) and on
# a menu button (60 keep it on one line of a phone): the translator keeps it within
# DESCRIPTION_LIMIT, which the catalog check (locales/tool.py) enforces in every language.
DESCRIPTION_LIMIT = 60


def command_list(services: Services, role: str, tr: Translator) -> list[BotCommand]:
    return [BotCommand(command.name, command.describe(tr, role))
            for command in services.commands_for(role)]


async def set_chat_menu(services: Services, chat_id: int, role: str, tr: Translator) -> None:
    """Show this chat the commands of its role, described in its language."""
    try:
        await services.bot.set_my_commands(command_list(services, role, tr),
                                           scope=BotCommandScopeChat(chat_id))
    except TelegramError as exc:  # a menu is a convenience; the chat works without it
        log.warning("could not set chat menu: %s", type(exc).__name__)


async def set_default_menus(services: Services) -> None:
    """The guest menu for chats not linked yet, per two-letter language code, plus the fallback."""
    for language in LANGUAGES:
        if len(language) != 2:
            continue
        tr = services.i18n.get(language)
        await services.bot.set_my_commands(command_list(services, "guest", tr),
                                           scope=BotCommandScopeDefault(), language_code=language)
    tr = services.i18n.get(None)
    await services.bot.set_my_commands(command_list(services, "guest", tr),
                                       scope=BotCommandScopeDefault())


def help_text(services: Services, role: str, tr: Translator) -> str:
    lines = [tr._("What you can do:")]
    for command in services.commands_for(role):
        # The whole "/name" is one value: in a right-to-left language its isolate goes around
        # it, never between "/" and the name, so Telegram still makes it a tappable command.
        lines.append(tr._("{command} – {description}", command="/" + command.name,
                          description=tr.safe(command.describe(tr, role))))
    return tr.lines(lines)


def menu_keyboard(services: Services, role: str, tr: Translator) -> InlineKeyboardMarkup | None:
    """Buttons for the role's main actions (commands whose feature answers ``menu:<name>``)."""
    buttons = [InlineKeyboardButton(command.describe(tr, role),
                                    callback_data=MENU_PREFIX + command.name)
               for command in services.commands_for(role)
               if command.name in services.menu_commands]
    if not buttons:
        return None
    return InlineKeyboardMarkup([[button] for button in buttons])
