"""/start <code>: link a Telegram chat to the person and role behind a one-time code (issue 2).

Codes are stored hashed, expire, work once, and five wrong tries from one chat within an hour
block further tries for a while. Linking never overwrites another person's link.
"""

from __future__ import annotations

import logging
import re

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import Application, CommandHandler

from bot.context import BotContext
from bot.i18n import N_, SN_, STAFF_LANGUAGES, Translator
from bot.menus import help_text, menu_keyboard, set_chat_menu
from bot.privacy.notice import pending_notice
from bot.services import Command, Services
from storage import people

log = logging.getLogger(__name__)

COMMANDS = (
    Command("start", N_("Start, or link your account with a code"),
            frozenset({"guest", "participant", "klantmanager", "staff"})),
)

CODE_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,64}$")

ROLE_NAMES = {
    "participant": N_("participant"),
    "klantmanager": N_("klantmanager of the gemeente"),
    "staff": N_("staff member of the school"),
}


PRIVACY_PREFIX = "prv:"
FULL_TEXT = N_("Read the full text")
GO_ON = N_("Go on")
STAFF_FULL_TEXT = SN_("Read the full text")
STAFF_GO_ON = SN_("Go on")


def notice_buttons(tr: Translator, staff: bool, full: bool = True) -> InlineKeyboardMarkup:
    """"Read the full text" and "Go on" under the privacy notice."""
    label = tr.sf_ if staff else tr.f_
    row = [InlineKeyboardButton(label(STAFF_FULL_TEXT if staff else FULL_TEXT),
                                callback_data=PRIVACY_PREFIX + "full")] if full else []
    row.append(InlineKeyboardButton(label(STAFF_GO_ON if staff else GO_ON),
                                    callback_data=PRIVACY_PREFIX + "ok"))
    return InlineKeyboardMarkup([row])


def is_privacy_press(update: Update) -> bool:
    query = update.callback_query
    return query is not None and (query.data or "").startswith(PRIVACY_PREFIX)


async def show_notice_if_pending(update: Update, context: BotContext) -> bool:
    """Show the privacy notice (issue 13) if this linked person has not read the current one;
    True if shown. Nothing beyond the link is stored before they go on."""
    if context.person is None:
        return False
    notice = await pending_notice(context.services.db, context.person, context.tr)
    if notice is None:
        return False
    staff = context.person.role != "participant"
    await update.effective_chat.send_message(notice.short,
                                             reply_markup=notice_buttons(context.tr, staff))
    return True


async def keep_staff_language(context: BotContext, chat_id: int) -> None:
    """A staff member or klantmanager reads Dutch or English: a chat that chose another
    language before it was linked to them is set to English (they may pick Dutch)."""
    if context.role not in ("staff", "klantmanager") or context.language in STAFF_LANGUAGES:
        return
    services = context.services
    await people.set_chat_language(services.db, chat_id, "en", services.now())
    context.language = "en"
    context.tr = services.i18n.get("en")


async def greet(update: Update, context: BotContext) -> None:
    """Greet a linked chat by name, with its role's menu (after the privacy notice)."""
    person, tr, services = context.person, context.tr, context.services
    if await show_notice_if_pending(update, context):
        return
    text = tr.lines([
        tr._("Hello {name}! You are linked as {role}.", name=person.name,
             role=tr.safe(tr.f_(ROLE_NAMES[person.role]))),
        "",
        help_text(services, person.role, tr),
    ])
    await update.effective_chat.send_message(
        text, reply_markup=menu_keyboard(services, person.role, tr))


async def explain_linking(update: Update, context: BotContext) -> None:
    tr = context.tr
    await update.effective_chat.send_message(tr._(
        # GLOSSARY: the first thing an unlinked person reads
        "Welcome! To use this bot, open the link you received from your school or gemeente, "
        "or send /start followed by your code."))


LINK_REPLIES = {
    "expired": N_("This code has expired. Ask your school or klantmanager for a new code."),
    "used": N_("This code has already been used. Ask your school or klantmanager for a new code."),
    "unknown": N_("This code is not known. Check the code and try again."),
    "throttled": N_("Too many wrong codes. Please wait an hour and try again."),
    "taken": N_("This account is already linked to another Telegram account. "
                "Ask your school or klantmanager for help."),
}


async def link_with_code(update: Update, context: BotContext, code: str) -> None:
    """Redeem a code and tell the person what happened, in their language."""
    services, tr = context.services, context.tr
    chat_id = update.effective_chat.id
    if context.person is not None:
        await greet(update, context)
        return
    if not CODE_PATTERN.match(code):
        code = "invalid"
    result = await people.link_chat(services.db, chat_id, code, services.now())
    if result.outcome in ("linked", "already_linked"):
        context.person = result.person
        if context.language is not None:
            await keep_staff_language(context, chat_id)
            tr = context.tr
        await set_chat_menu(services, chat_id, result.person.role, tr)
        await greet(update, context)
        return
    # Never the code itself (nor the chat) in the log: only what happened.
    log.warning("link code refused: %s%s", result.outcome,
                " (wrong codes from all chats this hour)" if result.all_chats else "")
    await update.effective_chat.send_message(tr._(LINK_REPLIES[result.outcome]))


async def start(update: Update, context: BotContext) -> None:
    """/start [code]: link with a code, or greet."""
    context.chat_data.pop("pending_code", None)
    if context.args:
        await link_with_code(update, context, context.args[0])
    elif context.person is not None:
        await greet(update, context)
    else:
        await explain_linking(update, context)


def register(app: Application, services: Services) -> None:
    app.add_handler(CommandHandler("start", start))
