"""The retention sweep (AVG art. 5(1)(e); BoW 1.4.3 c): every kind of data is removed once past
the period its setting gives (``bot/rules/retention.py``), and only the counts are recorded, per
kind and day, for ``inburgerbot admin privacy retention``."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.config import Settings
from bot.rules.retention import KINDS, Periods, cutoff
from bot.services import Services
from storage import privacy as store
from storage.database import Database


def periods(settings: Settings) -> Periods:
    """The retention period of each kind, from the settings."""
    return Periods(
        drafts=timedelta(days=settings.retention_draft_days),
        outbox=timedelta(days=settings.outbox_retention_days),
        link_codes=timedelta(days=settings.retention_link_code_days),
        alerts=timedelta(days=settings.retention_alert_days),
        audit=timedelta(days=settings.retention_audit_days),
        attendance=timedelta(days=365.25 * settings.retention_attendance_years),
    )


async def remove_expired(db: Database, settings: Settings, now: datetime) -> dict[str, int]:
    """Remove everything past its retention, in one transaction; returns the counts per kind."""
    limits = periods(settings)
    removed = {}
    async with db.transaction() as tx:
        for kind in KINDS:
            removed[kind] = await store.delete_older(tx, kind, cutoff(limits, kind, now))
            await store.log_removed(tx, kind, now.date().isoformat(), removed[kind])
    return removed


async def sweep_retention(services: Services, now: datetime) -> None:
    await remove_expired(services.db, services.settings, now)


async def report(db: Database, settings: Settings, since_day: str | None = None) -> list[dict]:
    """Per kind: its period, how many rows are held now and how many were removed."""
    limits = periods(settings)
    held = await store.held_counts(db)
    removed = await store.removed_counts(db, since_day)
    return [{"kind": kind, "kept days": round(limits.of(kind).total_seconds() / 86400, 1),
             "held": held.get(kind, 0), "removed": removed.get(kind, 0)} for kind in KINDS]
