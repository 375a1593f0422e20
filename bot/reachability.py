"""Whether the Telegram Bot API answers (issue 17).

At start-up ``StartRetry`` retries each Bot API call (getMe first) with a growing pause (0.5 s
doubling to 30 s) until ``INBURGERBOT_START_TIMEOUT`` has passed, then raises
``TelegramUnreachable``; ``run`` serves
``/health`` meanwhile (``"telegram": "unreachable"``, status ``"degraded"``) and exits with status
3 when it gives up. While running, a failing poll is logged once when the state changes
(unreachable, and reachable again), never a traceback per try: python-telegram-bot's polling
reports errors to ``failed`` and the getUpdates request reports each answer to ``reached``.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

from telegram.error import BadRequest, InvalidToken, NetworkError, TelegramError
from telegram.request import HTTPXRequest

log = logging.getLogger(__name__)

FIRST_PAUSE, LAST_PAUSE = 0.5, 30.0
T = TypeVar("T")


class TelegramUnreachable(Exception):
    """The Bot API did not answer within the start-up timeout; the message says so in a line."""


class Reachability:
    """The Bot API's state as this bot last saw it: "starting", "connected", "unreachable"."""

    def __init__(self, token: str | None) -> None:
        self._token = token or ""
        self.status = "starting"
        self.problem: str | None = None

    def describe(self, exc: BaseException) -> str:
        text = (str(exc).splitlines() or [""])[0][:160]
        if self._token:
            text = text.replace(self._token, "<token>")
        return f"{type(exc).__name__}: {text}" if text else type(exc).__name__

    def reached(self) -> None:
        if self.status != "connected":
            if self.status == "unreachable":
                log.info("Telegram Bot API reachable again")
            self.status, self.problem = "connected", None

    def failed(self, exc: BaseException) -> None:
        problem = self.describe(exc)
        if self.status != "unreachable":
            log.warning("Telegram Bot API unreachable: %s", problem)
        self.status, self.problem = "unreachable", problem


class WatchedRequest(HTTPXRequest):
    """The getUpdates request, telling ``Reachability`` when Telegram answered with success."""

    def __init__(self, reachability: Reachability, **kwargs) -> None:
        super().__init__(**kwargs)
        self._reachability = reachability

    async def do_request(self, *args, **kwargs):
        code, payload = await super().do_request(*args, **kwargs)
        if 200 <= code < 300:
            self._reachability.reached()
        return code, payload


class StartRetry:
    """Retries each Telegram call of the start-up with back-off until one shared deadline."""

    def __init__(self, reachability: Reachability, timeout: float, where: str) -> None:
        self.reachability, self.timeout, self.where = reachability, timeout, where
        self.deadline = time.monotonic() + timeout

    async def __call__(self, action: Callable[[], Awaitable[T]]) -> T:
        pause = FIRST_PAUSE
        while True:
            try:
                return await action()
            except InvalidToken:
                raise
            except NetworkError as exc:  # also TimedOut; BadRequest is no outage
                if isinstance(exc, BadRequest):
                    raise
                self.reachability.failed(exc)
                if time.monotonic() + pause > self.deadline:
                    raise TelegramUnreachable(
                        f"the Telegram Bot API at {self.where} did not answer for "
                        f"{self.timeout:g} s ({self.reachability.problem}); giving up") from None
                await asyncio.sleep(pause)
                pause = min(pause * 2, LAST_PAUSE)


def polling_error(reachability: Reachability):
    """python-telegram-bot's polling error_callback: one log line per change, no traceback."""

    def on_error(exc: TelegramError) -> None:
        reachability.failed(exc)

    return on_error
