"""One rate limiter for every Bot API request the bot makes (issue 3, "Interactive replies first").

Telegram allows about 30 messages per second overall and about 1 per second to one chat (short
bursts tolerated), and answers 429 with ``retry_after`` when a bot goes faster (PTB-NOTES, "Rate
limits"). Handler replies and outbox notifications share that one budget, so a single limiter sees
them all: it is installed on the python-telegram-bot Application (``builder.rate_limiter``) and
grants requests in priority order. A request without ``rate_limit_args`` is a direct reply and has
priority 0; the outbox passes ``rate_limit_args={"priority": row.priority}`` (3 high, 5 normal,
8 bulk; 1 for urgent rows, issue 18), so a reply never waits behind a fan-out for more than the
next free slot, and an urgent notification not behind a bulk one. Bulk keeps a minimum share:
after ``URGENT_RUN`` urgent sends in a row while a lower-priority send waits, the next slot goes
to that one (if its chat may receive now), so bulk keeps at least a fifth of the pace.

Two global rules: outbox sends are paced evenly at ``INBURGERBOT_OUTBOX_GLOBAL_RATE`` (29/s), and
no more than Telegram's 30 messages of any kind go out in any second. That hard limit is kept
*conservatively*: the server counts a request when it arrives, some moment between our sending it
and our reading the answer, so a request occupies a slot from its start until one second after
its answer. Likewise a chat's token bucket refills only over time in which none of that chat's
requests was in flight. Whatever the network jitter, the server's count can then never exceed
ours, and a server with exactly Telegram's limits (the sandbox with ``limits=True``) never has to
answer 429. The gap between pace and limit absorbs slow answers and leaves room for replies.

- Sending methods (``send*`` except ``sendChatAction``, ``copy*``, ``forward*``) count toward the
  global budget and the chat's bucket; text and caption edits count toward the chat only; all other
  methods (``answerCallbackQuery``, ``setMyCommands``...) pass straight through.
- Direct replies are not paced per chat (the user's own pace bounds them, and Telegram tolerates
  short bursts) but are counted, so the chat's outbox messages keep their distance; outbox sends
  go one at a time per chat, at least ``1 / chat_rate`` seconds after the chat's last message and
  only while the chat's bucket holds a token, so they never use up a burst a reply may need.
- A 429 pauses that chat for exactly ``retry_after`` seconds, counted from the moment the answer
  arrived; 429s from two different chats within a second pause everything (a global flood wait).
  The request is then retried (up to ``max_retries`` times) before the error is raised.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import logging
import math
import warnings
from collections import deque
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

log = logging.getLogger(__name__)

PRIORITY_REPLY = 0
PRIORITY_URGENT = 1
# Urgent sends in a row before a waiting lower-priority send gets a slot (bulk's minimum share).
URGENT_RUN = 4
TELEGRAM_GLOBAL_LIMIT = 30
CHAT_BURST = 3
# Telegram: about 20 messages per minute to one group.
GROUP_RATE = 20 / 60
EDIT_METHODS = frozenset({"editMessageText", "editMessageCaption", "editMessageMedia"})
NOT_MESSAGES = frozenset({"sendChatAction"})
GLOBAL_FLOOD_WINDOW = 1.0
MAX_REMEMBERED_CHATS = 5000
SPACING_SLACK = 2


def retry_after_seconds(error: RetryAfter) -> float:
    """Seconds Telegram asked us to wait, without PTB 22's int-or-timedelta deprecation warning."""
    value = getattr(error, "_retry_after", None)
    if value is None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            value = error.retry_after
    return value.total_seconds() if hasattr(value, "total_seconds") else float(value)


def request_kind(endpoint: str) -> str | None:
    """'message' (global + chat), 'edit' (chat only) or None (not limited)."""
    if endpoint in EDIT_METHODS:
        return "edit"
    if endpoint in NOT_MESSAGES:
        return None
    if endpoint.startswith(("send", "copyMessage", "forwardMessage")):
        return "message"
    return None


@dataclass
class ChatPace:
    """What we know for sure about one chat's token bucket at the server."""

    rate: float
    burst: int
    level: float  # a lower bound of the server's tokens at ``stamp``
    stamp: float
    inflight: int = 0
    paused_until: float = 0.0
    last_done: float = -math.inf

    def refilled(self, at: float) -> float:
        return min(float(self.burst), self.level + max(0.0, at - self.stamp) * self.rate)

    def ready_at(self, now: float, priority: int) -> float:
        """Earliest moment a request of this priority may start (inf: wait for an answer)."""
        if priority == PRIORITY_REPLY:
            # A reply answers what the user just did: the user's own pace bounds it, and Telegram
            # tolerates short bursts. Only a flood wait the server asked for holds it back.
            return max(now, self.paused_until)
        if self.inflight:
            return math.inf  # the outbox sends to one chat strictly one after the other
        need = 1.0 + self.inflight
        available = self.refilled(now)
        at = now if available >= need else now + (need - available) / self.rate
        return max(at, self.paused_until, self.last_done + 1.0 / self.rate)

    def idle(self, now: float) -> bool:
        """Nothing to remember: bucket full, nothing in flight, no pause, spacing over."""
        return (not self.inflight and self.refilled(now) >= self.burst
                and self.paused_until <= now and self.last_done + 1.0 / self.rate <= now)

    def done(self, started: float, finished: float, limited: bool) -> None:
        """Account one answered request (it arrived at the server between start and finish)."""
        self.inflight -= 1
        if limited:
            # Refused: the server had less than one token then; it did not take one.
            self.level, self.stamp = 0.0, max(self.stamp, finished)
        else:
            self.level = self.refilled(started) - 1.0
            self.stamp = max(self.stamp, finished)
        self.last_done = max(self.last_done, finished)


@dataclass(order=True)
class _Waiter:
    priority: int
    seq: int
    chat: str | None = field(compare=False)
    counts_global: bool = field(compare=False)
    future: asyncio.Future = field(compare=False)


class SharedRateLimiter(BaseRateLimiter[dict]):
    """Telegram's limits for all requests, direct replies first (see the module docstring)."""

    def __init__(self, global_rate: float = 29.0, chat_rate: float = 1.0,
                 chat_burst: int = CHAT_BURST, max_retries: int = 5):
        # The hard limit: Telegram's 30 messages in any second (more only if configured, for
        # bots with paid broadcasts), kept conservatively as described above.
        self.slots = max(TELEGRAM_GLOBAL_LIMIT, math.ceil(global_rate))
        self.window = 1.0
        # The pace: outbox sends are spread evenly at ``global_rate`` instead of going in bursts
        # (a burst of concurrent requests is answered late, and a late answer holds its slot
        # longer). The gap between the pace and the hard limit leaves room for replies.
        self.spacing = 1.0 / global_rate
        self._spaced_at = 0.0
        self.chat_rate = chat_rate
        self.chat_burst = max(1, chat_burst)
        self.max_retries = max_retries
        self._recent: deque[float] = deque()  # answer times of counted requests
        self._inflight = 0
        self._chats: dict[str, ChatPace] = {}
        self._forget_at = MAX_REMEMBERED_CHATS
        self._waiters: list[_Waiter] = []
        self._seq = itertools.count()
        self._paused_until = 0.0
        self._last_429: tuple[float, str] | None = None
        self._timer: asyncio.TimerHandle | None = None
        self._urgent_run = 0
        self.counters = {"granted": 0, "replies": 0, "urgent": 0, "retry_after": 0}

    # -- BaseRateLimiter ---------------------------------------------------------------------

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict | list[dict]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: dict | None,
    ) -> bool | dict | list[dict]:
        kind = request_kind(endpoint)
        chat = data.get("chat_id")
        if kind is None or chat is None:
            return await callback(*args, **kwargs)
        key = str(chat)
        priority = int((rate_limit_args or {}).get("priority", PRIORITY_REPLY))
        counts_global = kind == "message"
        attempt = 0
        while True:
            await self._acquire(key, priority, counts_global)
            started = self._now()
            limited = False
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as error:
                limited = True
                attempt += 1
                self._flood_wait(key, retry_after_seconds(error))
                if attempt > self.max_retries:
                    raise
            finally:
                self._release(key, counts_global, started, limited)

    # -- state ---------------------------------------------------------------------------------

    @staticmethod
    def _now() -> float:
        return asyncio.get_running_loop().time()

    def _chat(self, key: str) -> ChatPace:
        pace = self._chats.get(key)
        if pace is None:
            if len(self._chats) >= self._forget_at:
                self._forget_idle_chats()
            rate = min(self.chat_rate, GROUP_RATE) if key.startswith("-") else self.chat_rate
            pace = self._chats[key] = ChatPace(rate, self.chat_burst, float(self.chat_burst),
                                               self._now())
        return pace

    def _forget_idle_chats(self) -> None:
        now = self._now()
        for key in [key for key, pace in self._chats.items() if pace.idle(now)]:
            del self._chats[key]
        self._forget_at = max(MAX_REMEMBERED_CHATS, 2 * len(self._chats))

    def _global_free(self, now: float) -> int:
        while self._recent and self._recent[0] <= now - self.window:
            self._recent.popleft()
        if now < self._paused_until:
            return 0
        return self.slots - self._inflight - len(self._recent)

    def _global_free_at(self, now: float) -> float:
        if now < self._paused_until:
            return self._paused_until
        if self._recent:
            return self._recent[0] + self.window
        return math.inf  # everything is in flight: an answer will wake us

    async def _acquire(self, chat: str, priority: int, counts_global: bool) -> None:
        future = asyncio.get_running_loop().create_future()
        waiter = _Waiter(priority, next(self._seq), chat, counts_global, future)
        heapq.heappush(self._waiters, waiter)
        self._pump()
        try:
            await future
        except asyncio.CancelledError:
            if future.done() and not future.cancelled():
                # Granted just before the cancellation: give the slot back.
                self._release(chat, counts_global, self._now(), False, used=False)
            elif waiter in self._waiters:
                self._waiters.remove(waiter)
                heapq.heapify(self._waiters)
            raise

    def _pump(self) -> None:
        """Grant every waiter that may go now, best priority first; set a timer for the rest."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if not self._waiters:
            return
        now = self._now()
        next_at = self._grant(now, share=True)
        if next_at is None:  # bulk's turn, but no bulk send could go now: urgent ones may
            self._urgent_run = 0
            next_at = self._grant(now, share=False) or math.inf
        if self._waiters and next_at < math.inf:
            self._timer = asyncio.get_running_loop().call_at(next_at + 0.0005, self._pump)

    def _grant(self, now: float, share: bool) -> float | None:
        """One pass over the waiters; returns when to look again, or None when urgent sends were
        held back for bulk's share but no bulk send could take the slot."""
        free = self._global_free(now)
        next_at = math.inf
        keep: list[_Waiter] = []
        waiters = sorted(w for w in self._waiters if not w.future.done())
        lower = share and any(w.counts_global and w.priority > PRIORITY_URGENT for w in waiters)
        held = bulk_went = bulk_blocked = False
        for waiter in waiters:
            pace = self._chat(waiter.chat)
            urgent = PRIORITY_REPLY < waiter.priority <= PRIORITY_URGENT
            if (urgent and waiter.counts_global and lower
                    and self._urgent_run >= URGENT_RUN):
                held = True  # bulk's share: this slot goes to a lower-priority send
                keep.append(waiter)
                continue
            chat_at = pace.ready_at(now, waiter.priority)
            if chat_at > now:
                next_at = min(next_at, chat_at)
                keep.append(waiter)
                continue
            if waiter.counts_global:
                if free <= 0:
                    next_at = min(next_at, self._global_free_at(now))
                    bulk_blocked |= not urgent
                    keep.append(waiter)
                    continue
                if waiter.priority > PRIORITY_REPLY:
                    # GCRA: a grant that comes late (a busy event loop) does not push the next
                    # ones back; up to SPACING_SLACK grants may catch up at once.
                    if now < self._spaced_at - SPACING_SLACK * self.spacing:
                        next_at = min(next_at, self._spaced_at - SPACING_SLACK * self.spacing)
                        bulk_blocked |= not urgent
                        keep.append(waiter)
                        continue
                    self._spaced_at = max(self._spaced_at, now) + self.spacing
                    if urgent:
                        self._urgent_run = self._urgent_run + 1 if lower else 0
                        self.counters["urgent"] += 1
                    else:
                        self._urgent_run = 0
                        bulk_went = True
                free -= 1
                self._inflight += 1
            pace.inflight += 1
            self.counters["granted"] += 1
            if waiter.priority == PRIORITY_REPLY:
                self.counters["replies"] += 1
            waiter.future.set_result(None)
        heapq.heapify(keep)
        self._waiters = keep
        if held and not bulk_went and not bulk_blocked:
            return None
        return next_at

    def _release(self, chat: str, counts_global: bool, started: float, limited: bool,
                 used: bool = True) -> None:
        finished = self._now()
        pace = self._chat(chat)
        if used:
            pace.done(started, finished, limited)
        else:
            pace.inflight -= 1
        if counts_global:
            self._inflight -= 1
            if used:
                self._recent.append(finished)
        self._pump()

    def _flood_wait(self, chat: str, seconds: float) -> None:
        """Honour a 429 exactly: pause the chat (or everything) for ``seconds`` from now."""
        now = self._now()
        self.counters["retry_after"] += 1
        pace = self._chat(chat)
        pace.paused_until = max(pace.paused_until, now + seconds)
        last = self._last_429
        if last is not None and last[1] != chat and now - last[0] <= GLOBAL_FLOOD_WINDOW:
            self._paused_until = max(self._paused_until, now + seconds)
            log.warning("flood wait: all sending paused for %.0f s", seconds)
        self._last_429 = (now, chat)

    # -- introspection -------------------------------------------------------------------------

    def snapshot(self) -> dict:
        now = self._now()
        return {"waiting": len(self._waiters), "in_flight": self._inflight,
                "free_slots": max(0, self._global_free(now)),
                "paused_s": round(max(0.0, self._paused_until - now), 1),
                **self.counters}
