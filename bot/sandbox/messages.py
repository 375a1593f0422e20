"""Messages of the sandbox: what users send, what the bot sends, edits and deletes, as events.

Stored message dicts are Telegram Message objects and are never mutated in place: an edit stores a
new dict, so events keep the snapshot of the moment they happened. User and bot messages share the
chat's message ids; every bot send, edit and delete is recorded as an event with a sequence number
that rises over the whole server, which the driver's long poll waits on.
"""

from __future__ import annotations

import time
from typing import Any

from .chats import ChatState
from .errors import ApiError


class MessagesMixin:
    """The message and event part of :class:`~bot.sandbox.state.SandboxState`.

    Uses the users and chats of :class:`~bot.sandbox.chats.ChatsMixin` and queues user messages
    with :class:`~bot.sandbox.updates.UpdatesMixin`.
    """

    _next_seq: int

    def user_message(self, user_id: int, content: dict[str, Any]) -> tuple[int, int]:
        """The user sends something to the bot; returns (message_id, update_id)."""
        user = self.require_user(user_id)
        chat = self.chat_state(user_id, create=True)
        assert chat is not None
        if chat.blocked:
            raise ApiError(409, "Conflict: the user has blocked the bot; unblock first")
        chat.started = True
        message = {
            "message_id": chat.take_message_id(),
            "date": int(time.time()),
            "chat": self.chat_object(user_id),
            "from": user,
            **content,
        }
        chat.messages[message["message_id"]] = message
        return message["message_id"], self.enqueue("message", message)

    def reply_target(self, chat: ChatState, message_id: int | None) -> dict[str, Any] | None:
        """The message a bot message replies to (without its own reply)."""
        if message_id is None:
            return None
        target = chat.live_message(message_id)
        if target is None:
            return None
        return {k: v for k, v in target.items() if k != "reply_to_message"}

    def store_bot_message(self, chat: ChatState, content: dict[str, Any]) -> dict[str, Any]:
        """Store a message the bot sent and record the event; returns the Message object."""
        message = {
            "message_id": chat.take_message_id(),
            "from": self.bot_user(),
            "chat": self.chat_object(chat.chat_id),
            "date": int(time.time()),
            **content,
        }
        chat.messages[message["message_id"]] = message
        chat.bot_message_ids.add(message["message_id"])
        chat.send_times.append(time.time())
        self._record_event(chat, "message", message)
        return message

    def replace_bot_message(self, chat: ChatState, message: dict[str, Any]) -> dict[str, Any]:
        """Store an edited version of a bot message and record the edit event."""
        message = {**message, "edit_date": int(time.time())}
        chat.messages[message["message_id"]] = message
        chat.edit_times.append(time.time())
        self._record_event(chat, "edit", message)
        return message

    def delete_message(self, chat: ChatState, message_id: int) -> bool:
        """Delete a message; False when it does not exist (any more)."""
        message = chat.live_message(message_id)
        if message is None:
            return False
        chat.deleted.add(message_id)
        if message_id in chat.bot_message_ids:
            self._record_event(chat, "delete", message)
        return True

    def _record_event(self, chat: ChatState, kind: str, message: dict[str, Any]) -> None:
        seq = self._next_seq
        self._next_seq += 1
        chat.last_seq[message["message_id"]] = seq
        chat.events.append(
            {
                "seq": seq,
                "kind": kind,
                "chat_id": chat.chat_id,
                "message_id": message["message_id"],
                "received_at": time.time(),
                "message": message,
            }
        )
        self.notifier.notify()

    def bot_messages(self, chat: ChatState, include_user: bool = False) -> list[dict[str, Any]]:
        """Current state of the chat's live messages, oldest first, with seq/edited/from_bot."""
        result = []
        for message_id in sorted(chat.messages):
            message = chat.live_message(message_id)
            from_bot = message_id in chat.bot_message_ids
            if message is None or not (from_bot or include_user):
                continue
            result.append(
                {
                    "seq": chat.last_seq.get(message_id, 0),
                    "kind": "message",
                    "chat_id": chat.chat_id,
                    "message_id": message_id,
                    "from_bot": from_bot,
                    "edited": "edit_date" in message,
                    "message": message,
                }
            )
        return result
