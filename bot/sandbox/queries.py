"""Callback queries of the sandbox: a user pressing an inline button, and the bot's answer.

A press is only possible on a live bot message that carries a button with that callback_data, and
not while the user has blocked the bot; it reaches the bot as a callback_query update. Each query
can be answered once, within Telegram's 15 minutes; later or repeated answers get "query is too
old". The answers are kept per chat for the driver.
"""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass, field
from typing import Any

from .errors import QUERY_TOO_OLD, ApiError

CALLBACK_QUERY_TTL = 900.0  # seconds a callback query can still be answered


@dataclass
class PendingQuery:
    """A callback query sent to the bot, waiting for answerCallbackQuery."""

    query_id: str
    chat_id: int
    message_id: int
    data: str
    created: float = field(default_factory=time.monotonic)
    answered: bool = False


class QueriesMixin:
    """The callback query part of :class:`~bot.sandbox.state.SandboxState`.

    Uses the users and chats of :class:`~bot.sandbox.chats.ChatsMixin` and queues the queries
    with :class:`~bot.sandbox.updates.UpdatesMixin`.
    """

    queries: dict[str, PendingQuery]

    def press(self, user_id: int, message_id: int, data: str) -> str:
        """The user presses an inline button; enqueues a callback_query, returns its id."""
        user = self.require_user(user_id)
        chat = self.chats.get(user_id)
        message = chat.live_message(message_id) if chat else None
        if chat is None or message is None or message_id not in chat.bot_message_ids:
            raise ApiError(404, f"Not Found: no bot message {message_id} in this chat")
        if chat.blocked:
            raise ApiError(409, "Conflict: the user has blocked the bot; unblock first")
        if data not in _callback_data(message):
            raise ApiError(400, "Bad Request: the message has no button with this callback_data")
        query_id = str(secrets.randbits(63))
        self.queries[query_id] = PendingQuery(query_id, user_id, message_id, data)
        self.enqueue(
            "callback_query",
            {
                "id": query_id,
                "from": user,
                "message": message,
                "chat_instance": chat.chat_instance,
                "data": data,
            },
        )
        return query_id

    def answer_query(self, query_id: str, answer: dict[str, Any]) -> None:
        """Record the bot's answerCallbackQuery; each query can be answered once, in time."""
        query = self.queries.get(query_id)
        too_old = query is None or time.monotonic() - query.created > CALLBACK_QUERY_TTL
        if too_old or query.answered:
            raise ApiError(400, QUERY_TOO_OLD)
        query.answered = True
        chat = self.chat_state(query.chat_id, create=True)
        assert chat is not None
        chat.callback_answers.append(
            {
                "callback_query_id": query_id,
                "message_id": query.message_id,
                "data": query.data,
                "answered_at": time.time(),
                **answer,
            }
        )


def _callback_data(message: dict[str, Any]) -> set[str]:
    rows = (message.get("reply_markup") or {}).get("inline_keyboard") or []
    return {b["callback_data"] for row in rows for b in row if "callback_data" in b}
