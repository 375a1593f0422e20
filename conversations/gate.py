"""Runs before every other handler: resolves the person behind the chat and the language once per
update, and at first contact asks for the language with buttons (issue 2, "Languages"); a linked
person who has not read the current privacy notice sees it before anything else (issue 13).

Telegram's language_code reflects only the app's interface language: it cannot tell Dari from
Persian, and few people have a Tigrinya or Somali app, so we ask and store the choice.
"""

from __future__ import annotations

import logging

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import Application, ApplicationHandlerStop, TypeHandler

from bot.buttons import could_be_ours
from bot.context import BotContext
from bot.i18n import LANGUAGES, N_, STAFF_LANGUAGES, parse_language
from bot.services import Services
from conversations.onboarding import is_privacy_press, keep_staff_language, show_notice_if_pending
from storage import people

log = logging.getLogger(__name__)

LANGUAGE_PREFIX = "lang:"
GATE_GROUP = -100
MAX_PENDING_CODE = 64

N_("Choose your language")
STALE_BUTTON = N_("This button no longer works. Send /help to start again.")
# GLOSSARY: the first answer an unlinked person gets
NOT_LINKED = N_(
    "This works once your Telegram is linked to your course. Open the link you received from "
    "your school or gemeente, or send /start followed by your code. No code? Ask your school "
    "or your klantmanager for one.")
# Buttons only staff and klantmanagers are ever given: their handlers refuse in staff text, which
# a participant would read in English, so a participant's or guest's press is refused here.
STAFF_ONLY = ("kh:", "cl:", "vz:", "act:", "ovk:", "ovs:", "ur:ok:", "ur:no:", "ur:km:",
              "ur:note:", "trj:", "gn:")


STAFF_ROLES = ("staff", "klantmanager")


def languages_for(role: str) -> tuple[str, ...]:
    """The languages a role may choose: staff and klantmanagers only those whose staff texts
    are complete (Dutch and English), so no staff screen is half translated."""
    return STAFF_LANGUAGES if role in STAFF_ROLES else tuple(LANGUAGES)


def language_keyboard(services: Services, first: str | None,
                      languages: tuple[str, ...] = tuple(LANGUAGES)) -> InlineKeyboardMarkup:
    """One button per language, in its own script; Telegram's language first."""
    first = first if first in languages else None
    order = ([first] if first else []) + [code for code in languages if code != first]
    rows, row = [], []
    for code in order:
        row.append(InlineKeyboardButton(LANGUAGES[code], callback_data=LANGUAGE_PREFIX + code))
        if len(row) == 2 or code == first:
            rows.append(row)
            row = []
    if row:
        rows.append(row)
    return InlineKeyboardMarkup(rows)


def language_prompt(services: Services, first: str | None,
                    languages: tuple[str, ...] = tuple(LANGUAGES)) -> str:
    """"Choose your language" in every offered language, the likely one first."""
    first = first if first in languages else None
    order = ([first] if first else []) + [code for code in languages if code != first]
    return "\n".join(services.i18n.get(code).f_("Choose your language")
                     for code in order)


def may_press(context: BotContext, data: str) -> bool:
    """Whether the presser's role is ever given a button with this data (the handler still
    checks the person's right to the object)."""
    role = context.role
    if data.startswith("menu:"):
        return any(command.name == data[5:] for command in context.services.commands_for(role))
    return role in ("staff", "klantmanager") or not data.startswith(STAFF_ONLY)


async def send_language_picker(update: Update, context: BotContext, first: str | None) -> None:
    services = context.services
    languages = languages_for(context.role)
    await update.effective_chat.send_message(
        language_prompt(services, first, languages),
        reply_markup=language_keyboard(services, first, languages))


async def resolve(update: Update, context: BotContext) -> None:
    """Load person and language; hold back everything but the language choice until one is made."""
    chat = update.effective_chat
    if chat is None or chat.type != "private":
        raise ApplicationHandlerStop
    services = context.services
    context.person = await people.person_for_chat(services.db, chat.id)
    context.language = await people.chat_language(services.db, chat.id)
    telegram_language = parse_language(update.effective_user.language_code
                                       if update.effective_user else None)
    context.tr = services.i18n.get(context.language or telegram_language)
    if context.language is not None:
        await keep_staff_language(context, chat.id)
    query = update.callback_query
    if query is not None and not could_be_ours(query.data):
        # Made up by a modified client: refused like a button that no longer works, before
        # any handler tries to read an id out of it.
        await query.answer(context.tr._(STALE_BUTTON), show_alert=True)
        log.warning("button data refused: not of a form the bot makes")
        raise ApplicationHandlerStop
    if query is not None and not may_press(context, query.data or ""):
        await query.answer(context.tr._(STALE_BUTTON), show_alert=True)
        log.warning("button refused: not for this role")
        raise ApplicationHandlerStop
    if context.language is not None:
        await hold_for_notice(update, context)
        await refuse_unlinked_command(update, context)
        return
    if query is not None and (query.data or "").startswith(LANGUAGE_PREFIX):
        return
    message = update.effective_message
    if message is not None and message.text and message.text.startswith("/start"):
        parts = message.text.split(maxsplit=1)
        if len(parts) == 2:
            context.chat_data["pending_code"] = parts[1][:MAX_PENDING_CODE]
    if query is not None:
        await query.answer()
    await send_language_picker(update, context, telegram_language)
    raise ApplicationHandlerStop


def command_name(update: Update) -> str | None:
    """The /command a message starts with (without @botname), if any."""
    message = update.effective_message
    text = (message.text or "") if message is not None else ""
    if not text.startswith("/"):
        return None
    return text[1:].split(maxsplit=1)[0].split("@")[0].lower() if len(text) > 1 else None


async def refuse_unlinked_command(update: Update, context: BotContext) -> None:
    """A chat not linked yet that tries a command of the linked (/rooster, /klacht, ...) is told
    how to link, not that the command is for others."""
    if context.person is not None or update.callback_query is not None:
        return
    name = command_name(update)
    services = context.services
    if name is None:
        return
    known = [c for c in services.commands if c.name == name]
    # A command without roles (/language) is an alias shown to no one, open to everyone.
    if known and all(c.roles and "guest" not in c.roles for c in known):
        await update.effective_chat.send_message(context.tr._(NOT_LINKED))
        raise ApplicationHandlerStop


async def hold_for_notice(update: Update, context: BotContext) -> None:
    """A linked person who has not read the current privacy notice sees it first (issue 13);
    only its own buttons, the language buttons and /start (which shows it) pass."""
    if context.person is None or is_privacy_press(update):
        return
    query = update.callback_query
    if query is not None and (query.data or "").startswith(LANGUAGE_PREFIX):
        return
    message = update.effective_message
    if query is None and message is not None and (message.text or "").startswith("/start"):
        return
    if query is not None:
        if not await show_notice_if_pending(update, context):
            return
        await query.answer()
        raise ApplicationHandlerStop
    if message is not None and await show_notice_if_pending(update, context):
        raise ApplicationHandlerStop


def register(app: Application, services: Services) -> None:
    app.add_handler(TypeHandler(Update, resolve), group=GATE_GROUP)
