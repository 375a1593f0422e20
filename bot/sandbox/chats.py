"""The bot, its users and their private chats in the sandbox, as the bot sees them.

The bot can only reach a chat after the user wrote to it ("chat not found" before) and not while
the user has blocked it (403); blocking and unblocking reach the bot as my_chat_member updates.
The command menu a user sees is resolved from the bot's command lists like Telegram clients do:
chat scope before all private chats before default, the user's language before no language.
"""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass, field
from typing import Any

from .errors import BLOCKED, CHAT_NOT_FOUND, ApiError

BOT_FIRST_NAME = "Inburger Sandbox"


@dataclass
class ChatState:
    """One private chat between the bot and a user (chat id == user id)."""

    chat_id: int
    chat_instance: str = field(default_factory=lambda: str(secrets.randbits(62)))
    blocked: bool = False
    started: bool = False  # the user has written to the bot at least once
    next_message_id: int = 1
    messages: dict[int, dict[str, Any]] = field(default_factory=dict)
    bot_message_ids: set[int] = field(default_factory=set)
    last_seq: dict[int, int] = field(default_factory=dict)
    deleted: set[int] = field(default_factory=set)
    events: list[dict[str, Any]] = field(default_factory=list)
    reply_keyboard: dict[str, Any] | None = None
    chat_actions: list[dict[str, Any]] = field(default_factory=list)
    callback_answers: list[dict[str, Any]] = field(default_factory=list)
    send_times: list[float] = field(default_factory=list)
    edit_times: list[float] = field(default_factory=list)
    too_many_requests: int = 0

    def take_message_id(self) -> int:
        """The next message id of this chat (shared by user and bot messages)."""
        message_id = self.next_message_id
        self.next_message_id += 1
        return message_id

    def live_message(self, message_id: int) -> dict[str, Any] | None:
        """A message that exists and was not deleted."""
        if message_id in self.deleted:
            return None
        return self.messages.get(message_id)

    def summary(self) -> dict[str, Any]:
        """Chat facts for the control API."""
        return {
            "chat_id": self.chat_id,
            "blocked": self.blocked,
            "started": self.started,
            "reply_keyboard": self.reply_keyboard,
            "chat_actions": list(self.chat_actions),
            "last_seq": self.events[-1]["seq"] if self.events else 0,
        }


class ChatsMixin:
    """The bot, user and chat part of :class:`~bot.sandbox.state.SandboxState`.

    Queues my_chat_member updates with :class:`~bot.sandbox.updates.UpdatesMixin`.
    """

    bot_id: int
    bot_username: str
    users: dict[int, dict[str, Any]]
    chats: dict[int, ChatState]
    commands: dict[tuple[tuple[Any, ...], str], list[dict[str, str]]]

    def bot_user(self) -> dict[str, Any]:
        """The bot as a Telegram User object."""
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": BOT_FIRST_NAME,
            "username": self.bot_username,
        }

    def get_me(self) -> dict[str, Any]:
        """The getMe result."""
        return {
            **self.bot_user(),
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    def upsert_user(self, user: dict[str, Any]) -> dict[str, Any]:
        """Create or update a user (a Telegram User object without is_bot)."""
        stored = {"id": user["id"], "is_bot": False, "first_name": user["first_name"]}
        for key in ("last_name", "username", "language_code", "is_premium"):
            if user.get(key) not in (None, ""):
                stored[key] = user[key]
        self.users[stored["id"]] = stored
        return stored

    def require_user(self, user_id: int) -> dict[str, Any]:
        """A known user, else a 404 control error."""
        user = self.users.get(user_id)
        if user is None:
            raise ApiError(404, f"Not Found: unknown user {user_id}")
        return user

    def chat_object(self, user_id: int) -> dict[str, Any]:
        """The Telegram Chat object of the private chat with `user_id`."""
        user = self.users.get(user_id, {"first_name": "User"})
        chat = {"id": user_id, "type": "private", "first_name": user["first_name"]}
        for key in ("last_name", "username"):
            if key in user:
                chat[key] = user[key]
        return chat

    def chat_state(self, chat_id: int, *, create: bool = False) -> ChatState | None:
        """The chat record (created on demand when `create`)."""
        chat = self.chats.get(chat_id)
        if chat is None and create:
            chat = self.chats[chat_id] = ChatState(chat_id)
        return chat

    def require_chat(self, chat_id: int) -> ChatState:
        """A chat the bot can see (the user wrote first), else "chat not found"."""
        chat = self.chats.get(chat_id)
        if chat is None or not chat.started:
            raise ApiError(400, CHAT_NOT_FOUND)
        return chat

    def sendable_chat(self, chat_id: int) -> ChatState:
        """A chat the bot can send to now, else 400 chat not found / 403 blocked."""
        chat = self.require_chat(chat_id)
        if chat.blocked:
            raise ApiError(403, BLOCKED)
        return chat

    def set_blocked(self, user_id: int, blocked: bool) -> None:
        """Block or unblock the bot; Telegram tells the bot with a my_chat_member update."""
        user = self.require_user(user_id)
        chat = self.chat_state(user_id, create=True)
        assert chat is not None
        if chat.blocked == blocked:
            return
        chat.blocked = blocked
        old, new = ("member", "kicked") if blocked else ("kicked", "member")
        self.enqueue(
            "my_chat_member",
            {
                "chat": self.chat_object(user_id),
                "from": user,
                "date": int(time.time()),
                "old_chat_member": _member(self.bot_user(), old),
                "new_chat_member": _member(self.bot_user(), new),
            },
        )

    def visible_commands(self, chat_id: int) -> tuple[list[dict[str, str]], dict[str, Any]]:
        """The command menu a user sees in the chat, resolved like Telegram clients do."""
        language = (self.users.get(chat_id, {}).get("language_code") or "")[:2].lower()
        scopes = [("chat", chat_id), ("all_private_chats",), ("default",)]
        for scope in scopes:
            for code in ([language] if language else []) + [""]:
                commands = self.commands.get((scope, code))
                if commands:
                    source = {"scope": scope[0], "language_code": code}
                    return list(commands), source
        return [], {"scope": None, "language_code": None}


def _member(user: dict[str, Any], status: str) -> dict[str, Any]:
    member: dict[str, Any] = {"user": user, "status": status}
    if status == "kicked":
        member["until_date"] = 0
    return member
