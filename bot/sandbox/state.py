"""All in-memory state of the sandbox Bot API server and the operations on it.

Stored message dicts are Telegram Message objects and are never mutated in place: an edit
stores a new dict, so events keep the snapshot of the moment they happened.
"""

from __future__ import annotations

import asyncio
import math
import mimetypes
import secrets
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from .errors import BLOCKED, CHAT_NOT_FOUND, QUERY_TOO_OLD, ApiError, too_many_requests

BOT_FIRST_NAME = "Inburger Sandbox"
DEFAULT_UPDATE_TYPES = frozenset(
    {
        "message",
        "edited_message",
        "channel_post",
        "edited_channel_post",
        "callback_query",
        "my_chat_member",
        "inline_query",
        "chosen_inline_result",
        "shipping_query",
        "pre_checkout_query",
        "poll",
        "poll_answer",
        "chat_join_request",
    }
)
CALLBACK_QUERY_TTL = 900.0  # seconds a callback query can still be answered


class Notifier:
    """Wakes every waiting coroutine when something changed (updates, events, shutdown)."""

    def __init__(self) -> None:
        self._waiters: set[asyncio.Future[None]] = set()

    def notify(self) -> None:
        """Wake all current waiters."""
        for waiter in self._waiters:
            if not waiter.done():
                waiter.set_result(None)
        self._waiters.clear()

    async def wait(self, timeout: float) -> None:
        """Wait until the next notify() or until `timeout` seconds passed."""
        if timeout <= 0:
            return
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiters.add(waiter)
        try:
            await asyncio.wait_for(waiter, timeout)
        except TimeoutError:
            pass
        finally:
            self._waiters.discard(waiter)


class RateLimiter:
    """Telegram-like flood control: a global sliding window and a token bucket per chat."""

    def __init__(self, global_limit: int, chat_rate: float, chat_burst: int) -> None:
        self.configure(global_limit, chat_rate, chat_burst)
        self._window: deque[float] = deque()
        self._buckets: dict[int, tuple[float, float]] = {}

    def configure(self, global_limit: int, chat_rate: float, chat_burst: int) -> None:
        """Change the limits (state of the window and buckets is kept)."""
        self.global_limit = global_limit
        self.chat_rate = chat_rate
        self.chat_burst = chat_burst

    def reset(self) -> None:
        """Forget all past sends."""
        self._window.clear()
        self._buckets.clear()

    def acquire(self, chat_id: int, *, count_global: bool) -> int | None:
        """Take one send for `chat_id`; return None if allowed, else retry_after seconds."""
        now = time.monotonic()
        waits = [self._chat_wait(chat_id, now)]
        if count_global:
            waits.append(self._global_wait(now))
        wait = max(waits)
        if wait > 0:
            return max(1, math.ceil(wait))
        tokens, _ = self._bucket(chat_id, now)
        self._buckets[chat_id] = (tokens - 1.0, now)
        if count_global:
            self._window.append(now)
        return None

    def _bucket(self, chat_id: int, now: float) -> tuple[float, float]:
        tokens, last = self._buckets.get(chat_id, (float(self.chat_burst), now))
        tokens = min(float(self.chat_burst), tokens + (now - last) * self.chat_rate)
        return tokens, now

    def _chat_wait(self, chat_id: int, now: float) -> float:
        tokens, _ = self._bucket(chat_id, now)
        return 0.0 if tokens >= 1.0 else (1.0 - tokens) / self.chat_rate

    def _global_wait(self, now: float) -> float:
        while self._window and self._window[0] <= now - 1.0:
            self._window.popleft()
        if len(self._window) < self.global_limit:
            return 0.0
        return self._window[0] + 1.0 - now


@dataclass
class StoredFile:
    """A file known to the server (uploaded by the bot or sent by a user)."""

    file_id: str
    file_unique_id: str
    data: bytes
    file_path: str
    file_name: str | None = None
    mime_type: str | None = None

    def as_file(self) -> dict[str, Any]:
        """The Telegram File object (getFile)."""
        return {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": len(self.data),
            "file_path": self.file_path,
        }

    def as_document(self) -> dict[str, Any]:
        """The Telegram Document object."""
        document = {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": len(self.data),
        }
        if self.file_name:
            document["file_name"] = self.file_name
        if self.mime_type:
            document["mime_type"] = self.mime_type
        return document

    def as_photo(self, width: int = 800, height: int = 600) -> list[dict[str, Any]]:
        """A one-size Telegram PhotoSize list."""
        return [
            {
                "file_id": self.file_id,
                "file_unique_id": self.file_unique_id,
                "file_size": len(self.data),
                "width": width,
                "height": height,
            }
        ]


@dataclass
class PendingQuery:
    """A callback query sent to the bot, waiting for answerCallbackQuery."""

    query_id: str
    chat_id: int
    message_id: int
    data: str
    created: float = field(default_factory=time.monotonic)
    answered: bool = False


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


class SandboxState:
    """Everything the sandbox knows: bot, users, chats, updates, files, commands, limits."""

    def __init__(
        self,
        token: str = "1000001:sandbox-token",
        bot_username: str = "inburger_sandbox_bot",
        limits: bool = False,
        global_limit: int = 30,
        chat_rate: float = 1.0,
        chat_burst: int = 3,
    ) -> None:
        self.token = token
        self.bot_id = _bot_id_from_token(token)
        self.bot_username = bot_username
        self.limits_on = limits
        self.limiter = RateLimiter(global_limit, chat_rate, chat_burst)
        self.notifier = Notifier()
        self.closed = False
        self._next_update_id = 1
        self._next_seq = 1
        self.poll_generation = 0
        self._clear()

    def _clear(self) -> None:
        """Drop all users, chats, updates, files, commands and counters."""
        self.users: dict[int, dict[str, Any]] = {}
        self.chats: dict[int, ChatState] = {}
        self.updates: list[dict[str, Any]] = []
        self.allowed_updates: frozenset[str] = DEFAULT_UPDATE_TYPES
        self.webhook_url = ""
        self.files: dict[str, StoredFile] = {}
        self.file_paths: dict[str, str] = {}
        self.queries: dict[str, PendingQuery] = {}
        self.commands: dict[tuple[tuple[Any, ...], str], list[dict[str, str]]] = {}
        self.bot_settings: dict[str, Any] = {}
        self.method_calls: dict[str, int] = {}
        self.too_many_requests = 0
        self.limiter.reset()

    def reset(self) -> None:
        """Forget everything except configuration; update ids and sequence numbers keep rising."""
        self._clear()
        self.notifier.notify()

    def close(self) -> None:
        """Make every long poll return now (server shutdown)."""
        self.closed = True
        self.notifier.notify()

    # -- bot and users ---------------------------------------------------------------------

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

    # -- chats -----------------------------------------------------------------------------

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

    # -- updates ---------------------------------------------------------------------------

    def enqueue(self, kind: str, payload: dict[str, Any]) -> int:
        """Queue an update for getUpdates and wake the long poll."""
        update_id = self._next_update_id
        self._next_update_id += 1
        self.updates.append({"update_id": update_id, kind: payload})
        self.notifier.notify()
        return update_id

    def confirm(self, offset: int | None) -> None:
        """Apply getUpdates' offset: forget confirmed updates (negative: keep the last -N)."""
        if offset is None:
            return
        if offset < 0:
            self.updates = self.updates[offset:]
        else:
            self.updates = [u for u in self.updates if u["update_id"] >= offset]

    def deliverable(self, limit: int) -> list[dict[str, Any]]:
        """Up to `limit` pending updates of allowed types (others are dropped, as Telegram does)."""
        self.updates = [u for u in self.updates if _update_kind(u) in self.allowed_updates]
        return self.updates[:limit]

    def begin_poll(self) -> int:
        """Register a new getUpdates call; an older one still waiting must fail with 409."""
        self.poll_generation += 1
        self.notifier.notify()
        return self.poll_generation

    # -- messages --------------------------------------------------------------------------

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

    # -- rate limits -----------------------------------------------------------------------

    def check_rate(self, chat: ChatState, *, count_global: bool) -> None:
        """Raise 429 (and count it) if this send or edit exceeds the limits."""
        if not self.limits_on:
            return
        retry_after = self.limiter.acquire(chat.chat_id, count_global=count_global)
        if retry_after is not None:
            self.too_many_requests += 1
            chat.too_many_requests += 1
            raise too_many_requests(retry_after)

    def configure_limits(self, on: bool, **values: Any) -> dict[str, Any]:
        """Switch limits on/off and optionally change them."""
        self.limits_on = on
        limiter = self.limiter
        limiter.configure(
            values.get("global_limit") or limiter.global_limit,
            values.get("chat_rate") or limiter.chat_rate,
            values.get("chat_burst") or limiter.chat_burst,
        )
        limiter.reset()
        return self.limits()

    def limits(self) -> dict[str, Any]:
        """Current limit configuration."""
        return {
            "on": self.limits_on,
            "global_limit": self.limiter.global_limit,
            "chat_rate": self.limiter.chat_rate,
            "chat_burst": self.limiter.chat_burst,
        }

    # -- files -----------------------------------------------------------------------------

    def store_file(
        self, data: bytes, kind: str, file_name: str | None = None, mime_type: str | None = None
    ) -> StoredFile:
        """Keep a file; returns its record with fresh file_id/file_unique_id/file_path."""
        if mime_type in (None, "", "application/octet-stream") and file_name:
            mime_type = mimetypes.guess_type(file_name)[0] or mime_type
        number = len(self.files) + 1
        extension = _extension(file_name, mime_type)
        stored = StoredFile(
            file_id=f"{kind[:2].upper()}AC{secrets.token_urlsafe(24)}",
            file_unique_id=f"AQAD{secrets.token_urlsafe(8)}",
            data=data,
            file_path=f"{kind}/file_{number}{extension}",
            file_name=file_name,
            mime_type=mime_type or None,
        )
        self.files[stored.file_id] = stored
        self.file_paths[stored.file_path] = stored.file_id
        return stored

    def file_by_path(self, file_path: str) -> StoredFile | None:
        """The file served at /file/bot<token>/<file_path>."""
        file_id = self.file_paths.get(file_path)
        return self.files.get(file_id) if file_id else None

    # -- callback queries ------------------------------------------------------------------

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

    # -- commands --------------------------------------------------------------------------

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

    # -- stats -----------------------------------------------------------------------------

    def count_call(self, method: str) -> None:
        """Count one Bot API call by method name."""
        self.method_calls[method] = self.method_calls.get(method, 0) + 1

    def stats(self) -> dict[str, Any]:
        """Counters for tests: messages per chat, 429s, send timestamps, pending work."""
        chats = {
            str(chat_id): {
                "messages": len(chat.send_times),
                "edits": len(chat.edit_times),
                "too_many_requests": chat.too_many_requests,
                "send_times": list(chat.send_times),
                "edit_times": list(chat.edit_times),
            }
            for chat_id, chat in self.chats.items()
        }
        return {
            "limits": self.limits(),
            "total_messages": sum(len(c.send_times) for c in self.chats.values()),
            "too_many_requests": self.too_many_requests,
            "chats": chats,
            "pending_updates": len(self.updates),
            "unanswered_callback_queries": sum(
                1 for q in self.queries.values() if not q.answered
            ),
            "method_calls": dict(self.method_calls),
        }


def _bot_id_from_token(token: str) -> int:
    prefix = token.split(":", 1)[0]
    return int(prefix) if prefix.isdigit() else 1000001


def _member(user: dict[str, Any], status: str) -> dict[str, Any]:
    member: dict[str, Any] = {"user": user, "status": status}
    if status == "kicked":
        member["until_date"] = 0
    return member


def _update_kind(update: dict[str, Any]) -> str:
    return next(key for key in update if key != "update_id")


def _callback_data(message: dict[str, Any]) -> set[str]:
    rows = (message.get("reply_markup") or {}).get("inline_keyboard") or []
    return {b["callback_data"] for row in rows for b in row if "callback_data" in b}


def _extension(file_name: str | None, mime_type: str | None) -> str:
    if file_name and "." in file_name:
        suffix = "." + file_name.rsplit(".", 1)[1]
        if suffix[1:].isalnum() and len(suffix) <= 10:
            return suffix.lower()
    return (mimetypes.guess_extension(mime_type) if mime_type else None) or ""
