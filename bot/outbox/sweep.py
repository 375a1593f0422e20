"""The outbox's scheduler sweep (issue 3): prune rows past their retention, give up rows that
waited past the give-up horizon, and wake the dispatcher for rows that became due."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.services import Services
from storage import outbox as store


async def prune_and_deliver(services: Services, now: datetime) -> None:
    """Prune rows past the retention, give up stale ones, and look for due rows now."""
    await store.prune(services.db, now, timedelta(days=services.settings.outbox_retention_days))
    await services.outbox.housekeeping(now)
    services.outbox.kick()


SWEEPS = (("outbox", prune_and_deliver),)
