"""Flood control of the sandbox: Telegram's 429 Too Many Requests, when switched on.

Telegram allows about 30 messages a second over all chats and about one a second per chat (with a
short burst). The sandbox enforces this with a global sliding window and a token bucket per chat;
sends count for both, text edits only for their chat. A refused call gets 429 with retry_after
and is counted for the tests' statistics.
"""

from __future__ import annotations

import math
import time
from collections import deque
from typing import Any

from .chats import ChatState
from .errors import too_many_requests


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


class LimitsMixin:
    """The flood control part of :class:`~bot.sandbox.state.SandboxState`."""

    limits_on: bool
    limiter: RateLimiter
    too_many_requests: int

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
