"""The retention sweep (AVG art. 5(1)(e); BoW 1.4.3 c): every kind of data is removed once past
the period its setting gives (``bot/rules/retention.py``), and only the counts are recorded, per
kind and day, for ``inburgerbot admin privacy retention``."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.config import Settings
from bot.refusal import Refused
from bot.rules.retention import (
    KINDS,
    KLACHTEN,
    KLACHTEN_MONTHS,
    Periods,
    cutoff,
    klachten_cutoff,
)
from bot.services import Services
from storage import privacy as store
from storage.database import Database

DAYS_PER_MONTH = 365.25 / 12


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
        # The klachten register: each school's own period, else the default (BoW 1.5.6).
        removed[KLACHTEN] = 0
        for school_id, months in await store.klachten_periods(tx):
            before = klachten_cutoff(now, months, settings.retention_klachten_months)
            removed[KLACHTEN] += await store.delete_klachten(tx, school_id, before)
        await store.log_removed(tx, KLACHTEN, now.date().isoformat(), removed[KLACHTEN])
    return removed


async def klachten_period(db: Database, settings: Settings, school_id: int) -> dict:
    """How long the school keeps its klachten register: its own months, or the default."""
    own = dict(await store.klachten_periods(db)).get(school_id)
    return {"school": school_id,
            "months": own if own is not None else settings.retention_klachten_months,
            "own": own is not None}


async def set_klachten_period(db: Database, settings: Settings, school_id: int,
                              months: int | None) -> dict:
    """Set the months a school keeps closed klachten (None: back to the default); refused
    outside ``KLACHTEN_MONTHS``."""
    if months is not None and months not in KLACHTEN_MONTHS:
        raise Refused(f"the klachten register is kept {KLACHTEN_MONTHS.start} to "
                      f"{KLACHTEN_MONTHS.stop - 1} months (at least the audited meetperiode)")
    await store.set_klachten_period(db, school_id, months)
    return await klachten_period(db, settings, school_id)


async def sweep_retention(services: Services, now: datetime) -> None:
    await remove_expired(services.db, services.settings, now)


async def report(db: Database, settings: Settings, since_day: str | None = None) -> list[dict]:
    """Per kind: its period, how many rows are held now and how many were removed. The
    klachten register shows the default period and, per school that set its own, that one."""
    limits = periods(settings)
    held = await store.held_counts(db)
    removed = await store.removed_counts(db, since_day)
    rows = [{"kind": kind, "kept days": round(limits.of(kind).total_seconds() / 86400, 1),
             "held": held.get(kind, 0), "removed": removed.get(kind, 0), "note": ""}
            for kind in KINDS]
    own = [f"school {school_id}: {months} months"
           for school_id, months in await store.klachten_periods(db) if months]
    rows.append({"kind": KLACHTEN,
                 "kept days": round(settings.retention_klachten_months * DAYS_PER_MONTH, 1),
                 "held": held.get(KLACHTEN, 0), "removed": removed.get(KLACHTEN, 0),
                 "note": "after closing; " + ("; ".join(own) if own else "no school set its own")})
    return rows
