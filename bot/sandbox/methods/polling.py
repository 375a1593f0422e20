"""How updates reach the bot in the sandbox: getUpdates long polling and the webhook methods.

getUpdates confirms by offset, waits at most 50 s and fails with 409 Conflict while a webhook is
set or when a newer getUpdates call starts, as Telegram does. A webhook URL is stored (HTTPS only)
but the sandbox does not deliver to it.
"""

from __future__ import annotations

import time
from typing import Any

from .. import errors as E
from ..errors import ApiError, bad_request
from ..params import Params
from ..state import SandboxState
from ..updates import DEFAULT_UPDATE_TYPES
from .registry import method

MAX_POLL_TIMEOUT = 50


@method("deleteWebhook")
async def delete_webhook(state: SandboxState, params: Params) -> bool:
    """Remove the webhook; drop_pending_updates clears the update queue."""
    state.webhook_url = ""
    if params.boolean("drop_pending_updates"):
        state.updates.clear()
    return True


@method("setWebhook")
async def set_webhook(state: SandboxState, params: Params) -> bool:
    """Store the webhook URL (the sandbox does not deliver to it)."""
    url = params.string("url") or ""
    if url and not url.startswith("https://"):
        raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
    state.webhook_url = url
    if params.boolean("drop_pending_updates"):
        state.updates.clear()
    return True


@method("getWebhookInfo")
async def get_webhook_info(state: SandboxState, params: Params) -> dict[str, Any]:
    """Minimal WebhookInfo."""
    return {
        "url": state.webhook_url,
        "has_custom_certificate": False,
        "pending_update_count": len(state.updates),
    }


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
