"""Blocked and unblocked chats (issue 3): Telegram tells the bot when a user blocks it (a
``my_chat_member`` update with status "kicked"); the chat is marked unreachable at once, before any
message bounces, so the outbox stops sending and the klantmanager is told. Unblocking clears it.

Nothing else handles that update: the gate would otherwise greet a chat that just left.
"""

from __future__ import annotations

from telegram import ChatMember, Update
from telegram.ext import Application, ApplicationHandlerStop, ChatMemberHandler

from bot.context import BotContext
from bot.services import Services
from storage import outbox as store

# Before the gate (group -100), which would answer a chat without a language with the picker.
CHAT_MEMBER_GROUP = -150


async def chat_member_changed(update: Update, context: BotContext) -> None:
    """The user blocked (or unblocked) the bot."""
    change = update.my_chat_member
    if change is None or change.chat.type != "private":
        return
    services = context.services
    status = change.new_chat_member.status
    if status in (ChatMember.BANNED, ChatMember.LEFT):
        await services.outbox.note_unreachable(change.chat.id,
                                               "Forbidden: bot was blocked by the user")
        raise ApplicationHandlerStop
    if status == ChatMember.MEMBER:
        await store.clear_unreachable(services.db, change.chat.id)


def register(app: Application, services: Services) -> None:
    app.add_handler(ChatMemberHandler(chat_member_changed, ChatMemberHandler.MY_CHAT_MEMBER),
                    group=CHAT_MEMBER_GROUP)
