"""Webhook delivery of the sandbox, as Telegram does it.

While a webhook is set (``setWebhook``), pending updates are POSTed to its URL one at a time, in
order, as JSON with the ``X-Telegram-Bot-Api-Secret-Token`` header when a secret token was given.
A 2xx answer confirms the update; anything else (a 403 for a wrong token, a 5xx, no connection)
keeps it pending, records ``last_error_date``/``last_error_message`` for ``getWebhookInfo`` and
retries after a growing pause, so nothing is lost while the bot is away. Telegram requires HTTPS;
the sandbox also accepts plain HTTP to a loopback address, where tests and the demo run.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from urllib.parse import urlsplit

import httpx

from .state import SandboxState

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
FIRST_RETRY, LAST_RETRY = 0.05, 2.0


def acceptable_url(url: str) -> bool:
    """HTTPS, or HTTP to this machine (a sandbox convenience; Telegram wants HTTPS)."""
    parts = urlsplit(url)
    return parts.scheme == "https" or (parts.scheme == "http" and parts.hostname in LOOPBACK)


class WebhookDelivery:
    """The background task that delivers pending updates to the webhook of ``state``."""

    def __init__(self, state: SandboxState) -> None:
        self.state = state
        self._task: asyncio.Task | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="sandbox-webhook")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _run(self) -> None:
        state, pause = self.state, FIRST_RETRY
        client: httpx.AsyncClient | None = None  # made when first needed: it takes a while
        try:
            while not state.closed:
                url = state.webhook_url
                pending = state.deliverable(1) if url else []
                if not pending:
                    await state.notifier.wait(1.0)
                    continue
                client = client or httpx.AsyncClient(timeout=60)
                update = pending[0]
                error = await self._post(client, url, update)
                if error is None:
                    state.webhook_deliveries += 1
                    state.confirm(update["update_id"] + 1)
                    pause = FIRST_RETRY
                    continue
                state.webhook_last_error = (int(time.time()), error)
                state.webhook_failures += 1
                await asyncio.sleep(pause)
                pause = min(pause * 2, LAST_RETRY)
        finally:
            if client is not None:
                await client.aclose()

    async def _post(self, client: httpx.AsyncClient, url: str, update: dict) -> str | None:
        """None when the webhook took the update, else Telegram's last_error_message."""
        headers = {SECRET_HEADER: self.state.webhook_secret} if self.state.webhook_secret else {}
        try:
            reply = await client.post(url, json=update, headers=headers)
        except httpx.HTTPError as exc:
            return f"Connection failed: {type(exc).__name__}"
        if 200 <= reply.status_code < 300:
            return None
        return f"Wrong response from the webhook: {reply.status_code} {reply.reason_phrase}"
