"""What both storage engines share: their errors, the stored form of a moment, and the numbered
migrations in storage/migrations (one source; dialect.py says how PostgreSQL reads them)."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from importlib import resources

# How often a statement waiting for the connection looks whether a bulk transaction took it.
BULK_POLL_SECONDS = 0.05


async def acquire_unless_bulk(lock: asyncio.Lock, bulk: Callable[[], bool]) -> bool:
    """Take the connection's ``lock``, unless a bulk transaction (a school's large planning)
    holds it, also one that began while this waited: True when taken. Both engines' reads and
    /health check then go elsewhere instead of waiting seconds for the bulk one."""
    while not bulk():
        try:
            await asyncio.wait_for(lock.acquire(), BULK_POLL_SECONDS)
            return True
        except TimeoutError:
            continue
    return False


class DatabaseUnusable(Exception):
    """The database cannot be used at all; the message is one line naming the file and why."""


class DatabaseBusy(Exception):
    """A write could not be done now (locked by another process, disk full, read-only); the
    caller may retry later. ``reason`` is one of "locked", "full", "read-only", "i/o error"."""

    def __init__(self, reason: str):
        super().__init__(f"the database cannot be written now ({reason})")
        self.reason = reason


def to_db(moment: datetime) -> str:
    """Store an aware datetime as sortable UTC text."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime given to the database")
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def from_db(text: str | None) -> datetime | None:
    """Read a datetime written by ``to_db``."""
    if text is None:
        return None
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)


def migration_scripts() -> list[tuple[str, str]]:
    """The migrations shipped in storage/migrations, ordered by their number."""
    folder = resources.files("storage") / "migrations"
    scripts = [(entry.name, entry.read_text("utf-8")) for entry in folder.iterdir()
               if entry.name.endswith(".sql")]
    return sorted(scripts)


def split_sql(script: str) -> list[str]:
    """Split a migration into statements (sqlite3.complete_statement knows about triggers)."""
    statements, current = [], ""
    for line in script.splitlines(keepends=True):
        if line.strip().startswith("--") and not current.strip():
            continue
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    if current.strip():
        statements.append(current.strip())
    return statements
