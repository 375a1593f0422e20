"""One aiosqlite database facade (issue 2), after datasette's: PRAGMAs set at connect, writes in
explicit transactions, numbered SQL migrations applied at start-up and recorded in the database.

A single connection serves the whole bot; an asyncio lock serialises access so one coroutine's
transaction never interleaves with another's statements.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import aiosqlite

log = logging.getLogger(__name__)

Row = aiosqlite.Row


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


class Tx:
    """Statements inside one transaction; obtained from ``Database.transaction()``."""

    def __init__(self, conn: aiosqlite.Connection):
        self._conn = conn

    async def execute(self, sql: str, params: Sequence[Any] | dict = ()) -> int:
        """Run one statement; returns lastrowid (for INSERT) or rowcount."""
        cursor = await self._conn.execute(sql, params)
        result = cursor.lastrowid if sql.lstrip()[:6].upper() == "INSERT" else cursor.rowcount
        await cursor.close()
        return result or 0

    async def changes(self, sql: str, params: Sequence[Any] | dict = ()) -> int:
        """Run one statement and return how many rows it changed."""
        cursor = await self._conn.execute(sql, params)
        count = cursor.rowcount
        await cursor.close()
        return count

    async def executemany(self, sql: str, rows: Iterable[Sequence[Any] | dict]) -> None:
        await self._conn.executemany(sql, rows)

    async def fetchall(self, sql: str, params: Sequence[Any] | dict = ()) -> list[Row]:
        async with self._conn.execute(sql, params) as cursor:
            return list(await cursor.fetchall())

    async def fetchone(self, sql: str, params: Sequence[Any] | dict = ()) -> Row | None:
        async with self._conn.execute(sql, params) as cursor:
            return await cursor.fetchone()

    async def fetchval(self, sql: str, params: Sequence[Any] | dict = ()) -> Any:
        row = await self.fetchone(sql, params)
        return None if row is None else row[0]


class Database:
    """The bot's SQLite database: open with ``await Database.open(path)``."""

    def __init__(self, conn: aiosqlite.Connection, path: Path):
        self._conn = conn
        self._lock = asyncio.Lock()
        self.path = path

    @classmethod
    async def open(cls, path: Path | str, migrate: bool = True) -> Database:
        path = Path(path)
        if path.parent and not path.parent.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
        conn = await aiosqlite.connect(path, isolation_level=None)
        conn.row_factory = aiosqlite.Row
        for pragma in (
            "PRAGMA journal_mode=WAL",
            "PRAGMA foreign_keys=ON",
            "PRAGMA synchronous=NORMAL",
            "PRAGMA busy_timeout=5000",
        ):
            await conn.execute(pragma)
        db = cls(conn, path)
        if migrate:
            await db.migrate()
        return db

    async def close(self) -> None:
        async with self._lock:
            await self._conn.close()

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Tx]:
        """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any exception."""
        async with self._lock:
            try:
                await self._conn.execute("BEGIN IMMEDIATE")
                yield Tx(self._conn)
                await self._conn.execute("COMMIT")
            except BaseException:
                # Also when cancelled mid-BEGIN or when COMMIT fails: aiosqlite runs statements in
                # order, so this ROLLBACK follows the BEGIN and no transaction is left open.
                await asyncio.shield(self._rollback())
                raise

    async def _rollback(self) -> None:
        try:
            await self._conn.execute("ROLLBACK")
        except sqlite3.OperationalError:  # no transaction was active
            pass

    async def fetchall(self, sql: str, params: Sequence[Any] | dict = ()) -> list[Row]:
        async with self._lock:
            return await Tx(self._conn).fetchall(sql, params)

    async def fetchone(self, sql: str, params: Sequence[Any] | dict = ()) -> Row | None:
        async with self._lock:
            return await Tx(self._conn).fetchone(sql, params)

    async def fetchval(self, sql: str, params: Sequence[Any] | dict = ()) -> Any:
        async with self._lock:
            return await Tx(self._conn).fetchval(sql, params)

    async def execute(self, sql: str, params: Sequence[Any] | dict = ()) -> int:
        """One statement in its own transaction."""
        async with self.transaction() as tx:
            return await tx.execute(sql, params)

    async def migrate(self) -> list[str]:
        """Apply the numbered migrations not yet recorded; returns the names applied."""
        async with self._lock:
            await self._conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations ("
                " name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
            )
            async with self._conn.execute("SELECT name FROM schema_migrations") as cursor:
                done = {row[0] for row in await cursor.fetchall()}
        applied = []
        for name, sql in migration_scripts():
            if name in done:
                continue
            async with self.transaction() as tx:
                for statement in split_sql(sql):
                    await tx.execute(statement)
                await tx.execute(
                    "INSERT INTO schema_migrations(name, applied_at) VALUES (?, ?)",
                    (name, to_db(datetime.now(UTC))),
                )
            log.info("applied migration %s", name)
            applied.append(name)
        return applied


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
