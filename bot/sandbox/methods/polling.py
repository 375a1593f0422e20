"""How updates reach the bot in the sandbox: getUpdates long polling and the webhook methods.

getUpdates confirms by offset, waits at most 50 s and fails with 409 Conflict while a webhook is
set or when a newer getUpdates call starts, as Telegram does. While a webhook is set, the
sandbox delivers the updates to it (:mod:`bot.sandbox.webhook`).
"""

from __future__ import annotations

import time
from typing import Any

from .. import errors as E
from ..errors import ApiError, bad_request
from ..params import Params
from ..state import SandboxState
from ..updates import DEFAULT_UPDATE_TYPES
from ..webhook import acceptable_url
from .registry import method

MAX_POLL_TIMEOUT = 50


@method("deleteWebhook")
async def delete_webhook(state: SandboxState, params: Params) -> bool:
    """Remove the webhook; drop_pending_updates clears the update queue."""
    state.webhook_url = state.webhook_secret = ""
    state.webhook_last_error = None
    if params.boolean("drop_pending_updates"):
        state.updates.clear()
    return True


@method("setWebhook")
async def set_webhook(state: SandboxState, params: Params) -> bool:
    """Set (or with an empty url remove) the webhook the sandbox delivers updates to."""
    url = params.string("url") or ""
    if url and not acceptable_url(url):
        raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
    secret = params.string("secret_token") or ""
    if len(secret) > 256 or not all(c.isalnum() or c in "_-" for c in secret):
        raise bad_request("bad webhook: secret token contains unallowed characters")
    allowed = params.json("allowed_updates")
    if isinstance(allowed, list) and all(isinstance(kind, str) for kind in allowed):
        state.allowed_updates = frozenset(allowed) if allowed else DEFAULT_UPDATE_TYPES
    state.webhook_url, state.webhook_secret = url, secret if url else ""
    state.webhook_last_error = None
    if params.boolean("drop_pending_updates"):
        state.updates.clear()
    state.notifier.notify()  # wake the delivery task (and a getUpdates call, which now fails)
    return True


@method("getWebhookInfo")
async def get_webhook_info(state: SandboxState, params: Params) -> dict[str, Any]:
    """WebhookInfo: the URL, pending updates and the last delivery error."""
    info: dict[str, Any] = {
        "url": state.webhook_url,
        "has_custom_certificate": False,
        "pending_update_count": len(state.updates),
    }
    if state.webhook_url:
        info["max_connections"] = 1
        info["allowed_updates"] = sorted(state.allowed_updates)
    if state.webhook_last_error is not None:
        info["last_error_date"], info["last_error_message"] = state.webhook_last_error
    return info


@method("getUpdates")
async def get_updates(state: SandboxState, params: Params) -> list[dict[str, Any]]:
    """Long polling: confirm by offset, wait up to `timeout` s, 409 when a newer poll starts."""
    if state.webhook_url:
        raise ApiError(409, E.CONFLICT_WEBHOOK)
    offset = params.integer("offset")
    limit = min(max(params.integer("limit") or 100, 1), 100)
    timeout = min(max(params.integer("timeout") or 0, 0), MAX_POLL_TIMEOUT)
    allowed = params.json("allowed_updates")
    if isinstance(allowed, list) and all(isinstance(kind, str) for kind in allowed):
        state.allowed_updates = frozenset(allowed) if allowed else DEFAULT_UPDATE_TYPES
    state.confirm(offset)
    generation = state.begin_poll()
    deadline = time.monotonic() + timeout
    while True:
        updates = state.deliverable(limit)
        remaining = deadline - time.monotonic()
        if updates or remaining <= 0 or state.closed:
            return updates
        await state.notifier.wait(remaining)
        if state.poll_generation != generation:
            raise ApiError(409, E.CONFLICT_POLLING)
        if state.webhook_url:  # set while this poll waited
            raise ApiError(409, E.CONFLICT_WEBHOOK)
