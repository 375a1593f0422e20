"""All in-memory state of the sandbox Bot API server, put together from its parts.

:class:`SandboxState` owns every record the sandbox keeps and the counters the tests read; the
operations on it live with their purpose: the bot, users and chats (:mod:`.chats`), the update
queue and long polls (:mod:`.updates`), messages and events (:mod:`.messages`), callback queries
(:mod:`.queries`), files (:mod:`.files`) and flood control (:mod:`.limits`).
"""

from __future__ import annotations

from typing import Any

from .chats import ChatsMixin, ChatState
from .files import FilesMixin, StoredFile
from .limits import LimitsMixin, RateLimiter
from .messages import MessagesMixin
from .queries import PendingQuery, QueriesMixin
from .updates import DEFAULT_UPDATE_TYPES, Notifier, UpdatesMixin

__all__ = ["ChatState", "PendingQuery", "SandboxState", "StoredFile"]


class SandboxState(ChatsMixin, UpdatesMixin, MessagesMixin, QueriesMixin, FilesMixin, LimitsMixin):
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
        self.webhook_secret = ""
        self.webhook_last_error: tuple[int, str] | None = None
        self.webhook_deliveries = 0
        self.webhook_failures = 0
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
