"""Backups of the SQLite database (issue 17).

``backup`` copies a live database with SQLite's online backup API: page by page, restarting when
another connection writes meanwhile, so the copy is one consistent snapshot even while the bot
runs. ``inspect`` reads what a restore must know of a file (integrity, applied migrations, whether
a bot runs on it); ``restore`` copies a checked backup over a database, again with the backup API,
after saving what it replaces. These are blocking calls: run them in a thread.

A running bot keeps a heartbeat in ``meta`` (``running``: host, process and until when it counts
as running), renewed by its sweep job and removed when it stops, so a restore can refuse to
pull a database from under it.
"""

from __future__ import annotations

import json
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from storage.database import FILE_MODE, SIDE_FILES, Database, from_db, migration_scripts, to_db

HEARTBEAT_KEY = "running"


class BackupError(Exception):
    """A backup or restore cannot be made; the message says why in one line."""


@dataclass(frozen=True)
class DatabaseFacts:
    """What a restore checks of a database file."""

    path: Path
    integrity: str
    migrations: frozenset[str]
    running: dict | None

    @property
    def unknown_migrations(self) -> list[str]:
        """Migrations this version does not ship: the file was written by a newer inburgerbot."""
        return sorted(self.migrations - {name for name, _ in migration_scripts()})


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA busy_timeout=5000")
    return conn


def _private_empty(path: Path) -> None:
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, FILE_MODE))


def backup(source: Path, target: Path) -> int:
    """Copy the database at ``source`` to a new file ``target`` (owner-only, one file without
    side files); returns its size in bytes. Refuses an existing target."""
    if target.exists():
        raise BackupError(f"{target} exists; choose a new file name")
    partial = target.with_name(target.name + ".partial")
    _private_empty(partial)
    try:
        src, dst = _connect(source), _connect(partial)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")  # a self-contained single file
        finally:
            dst.close()
            src.close()
        os.replace(partial, target)
    except (sqlite3.Error, OSError) as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(f"backup to {target} failed: {exc}") from None
    return target.stat().st_size


def inspect(path: Path) -> DatabaseFacts:
    """Integrity, applied migrations and heartbeat of a database file; BackupError when it is
    missing or not an inburgerbot database."""
    if not path.is_file():
        raise BackupError(f"{path} does not exist")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            integrity = "; ".join(row[0] for row in conn.execute("PRAGMA integrity_check"))
            if integrity != "ok":
                return DatabaseFacts(path, integrity, frozenset(), None)
            names = frozenset(row[0] for row in conn.execute("SELECT name FROM schema_migrations"))
            beat = conn.execute("SELECT value FROM meta WHERE key = ?", (HEARTBEAT_KEY,))
            row = beat.fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise BackupError(f"{path} is not an inburgerbot database ({exc})") from None
    return DatabaseFacts(path, integrity, names, json.loads(row[0]) if row else None)


def runs_now(facts: DatabaseFacts, now: datetime) -> bool:
    """Whether a bot's heartbeat in this database is still current."""
    beat = facts.running
    if not beat:
        return False
    until = from_db(beat.get("until"))
    return until is not None and until > now


def restore(source: Path, target: Path, keep_as: Path | None) -> None:
    """Replace the database at ``target`` with the backup at ``source``; the old database is
    first copied to ``keep_as`` (when it exists)."""
    if keep_as is not None and target.exists():
        backup(target, keep_as)
    if not target.exists():
        _private_empty(target)
    try:
        src, dst = _connect(source), _connect(target)
        try:
            src.backup(dst)
            dst.execute("DELETE FROM meta WHERE key = ?", (HEARTBEAT_KEY,))
            dst.execute("PRAGMA journal_mode=WAL")
        finally:
            dst.close()
            src.close()
    except sqlite3.Error as exc:
        raise BackupError(f"restore into {target} failed: {exc}") from None
    for side in SIDE_FILES:
        side_file = target.with_name(target.name + side)
        if side_file.exists():
            os.chmod(side_file, FILE_MODE)


async def beat(db: Database, host: str, pid: int, until: datetime) -> None:
    """Record that a bot runs on this database until ``until`` unless it beats again."""
    value = json.dumps({"host": host, "pid": pid, "until": to_db(until)})
    await db.execute("INSERT INTO meta(key, value) VALUES (?, ?) "
                     "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                     (HEARTBEAT_KEY, value))


async def stopped(db: Database) -> None:
    """The bot stops: no heartbeat left."""
    await db.execute("DELETE FROM meta WHERE key = ?", (HEARTBEAT_KEY,))
