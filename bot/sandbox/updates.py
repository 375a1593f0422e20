"""The update queue of the sandbox: what getUpdates hands out, and the wake-ups of long polls.

Updates are queued in order with rising update ids; getUpdates' offset confirms them, updates of
types the bot did not ask for are dropped as Telegram drops them, and a newer getUpdates call makes
an older one still waiting fail with 409 Conflict (the poll generation). The Notifier wakes every
waiting long poll (getUpdates and the control API's event poll) when something changed.
"""

from __future__ import annotations

import asyncio
from typing import Any

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



class UpdatesMixin:
    """The update queue part of :class:`~bot.sandbox.state.SandboxState`."""

    notifier: Notifier
    updates: list[dict[str, Any]]
    allowed_updates: frozenset[str]
    poll_generation: int
    _next_update_id: int

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


def _update_kind(update: dict[str, Any]) -> str:
    return next(key for key in update if key != "update_id")
