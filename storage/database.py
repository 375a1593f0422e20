"""One aiosqlite database facade (issue 2), after datasette's: PRAGMAs set at connect, writes in
explicit transactions, numbered SQL migrations applied at start-up and recorded in the database.

A single connection serves the whole bot; an asyncio lock serialises access so one coroutine's
transaction never interleaves with another's statements.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sqlite3
import stat
from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiosqlite

from storage.engines import is_url
from storage.engines.base import (
    BULK_POLL_SECONDS,
    DatabaseBusy,
    DatabaseUnusable,
    acquire_unless_bulk,
    from_db,
    migration_scripts,
    split_sql,
    to_db,
)

__all__ = ["Database", "DatabaseBusy", "DatabaseUnusable", "Row", "Tx", "from_db", "is_url",
           "migration_scripts", "split_sql", "to_db", "transient_reason"]

log = logging.getLogger(__name__)

Row = aiosqlite.Row

# The database and its side files hold personal data and API-key hashes: owner only.
FILE_MODE = 0o600
SIDE_FILES = ("-wal", "-shm", "-journal")


# sqlite error names (primary code) -> the reason a write cannot be done now.
TRANSIENT = {"SQLITE_BUSY": "locked", "SQLITE_LOCKED": "locked", "SQLITE_FULL": "full",
             "SQLITE_READONLY": "read-only", "SQLITE_IOERR": "i/o error"}


def transient_reason(exc: BaseException) -> str | None:
    """"locked", "full", ... when ``exc`` is a write the database refused for now, else None."""
    if isinstance(exc, DatabaseBusy):
        return exc.reason
    if type(exc).__module__.startswith("asyncpg"):
        from storage.engines.postgres import transient_reason as pg_reason
        return pg_reason(exc)
    if not isinstance(exc, sqlite3.OperationalError):
        return None
    name = getattr(exc, "sqlite_errorname", "") or ""
    for prefix, reason in TRANSIENT.items():
        if name == prefix or name.startswith(prefix + "_"):
            return reason
    text = str(exc)
    if "locked" in text:
        return "locked"
    if "disk is full" in text:
        return "full"
    if "readonly" in text:
        return "read-only"
    return None


def describe(path: Path, exc: BaseException) -> str:
    """One line for an operator: which file and what is wrong with it."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name == "SQLITE_NOTADB" or "not a database" in str(exc):
        return f"database {path} is not an SQLite database (wrong file?)"
    if name.startswith("SQLITE_CANTOPEN"):
        return f"database {path} cannot be opened (missing folder or no permission)"
    reason = transient_reason(exc)
    if reason == "read-only":
        return f"database {path} is read-only: the file and its folder must be writable"
    if reason == "locked":
        return f"database {path} is locked by another process"
    if reason == "full":
        return f"database {path}: the disk is full"
    if isinstance(exc, OSError):
        return f"database {path}: {exc.strerror or exc}"
    return f"database {path}: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}"


def create_private(path: Path) -> None:
    """Create the database file owner-only; SQLite gives -wal and -shm the database's mode."""
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, FILE_MODE))


def narrow_files(path: Path) -> None:
    """Narrow a (usable) database or side file that others can read to owner-only."""
    for candidate in (path, *(path.with_name(path.name + side) for side in SIDE_FILES)):
        try:
            mode = stat.S_IMODE(candidate.stat().st_mode)
        except FileNotFoundError:
            continue
        if mode & 0o077:
            try:
                os.chmod(candidate, mode & 0o700)
                log.warning("narrowed %s to owner-only access", candidate.name)
            except PermissionError:  # not ours: the write check below names the real problem
                log.warning("%s is readable by others and not ours to narrow", candidate.name)


# How long a statement waits for another process's write lock before giving up (the API then
# answers 503 with Retry-After), and how long /health waits for it.
BUSY_TIMEOUT_MS = 5000
PROBE_TIMEOUT_MS = 250
# How long /health waits for the connection another statement holds before saying "locked".
PROBE_WAIT_S = 2.0


def integrity_errors() -> tuple[type[BaseException], ...]:
    """What a write breaking a constraint raises, on either engine."""
    import asyncpg
    return (sqlite3.IntegrityError, asyncpg.exceptions.IntegrityConstraintViolationError)


def _first_row(connection: sqlite3.Connection, sql: str, params: Sequence[Any] | dict
               ) -> Row | None:
    """In the connection's thread: the first row of a query, its cursor closed."""
    cursor = connection.execute(sql, params)
    try:
        return cursor.fetchone()
    finally:
        cursor.close()


class Tx:
    """Statements inside one transaction; obtained from ``Database.transaction()``."""

    dialect = "sqlite"

    def __init__(self, conn: aiosqlite.Connection, keyring: Any = None):
        self._conn = conn
        self.keyring = keyring

    async def execute(self, sql: str, params: Sequence[Any] | dict = ()) -> int:
        """Run one statement; returns lastrowid (for INSERT) or rowcount."""
        cursor = await self._conn.execute(sql, params)
        result = cursor.rowcount
        if sql.lstrip()[:6].upper() == "INSERT" and result > 0:
            result = cursor.lastrowid  # an insert skipped ON CONFLICT keeps a stale lastrowid
        await cursor.close()
        return result or 0

    async def changes(self, sql: str, params: Sequence[Any] | dict = ()) -> int:
        """Run one statement and return how many rows it changed."""
        cursor = await self._conn.execute(sql, params)
        count = cursor.rowcount
        await cursor.close()
        return count

    async def executemany(self, sql: str, rows: Iterable[Sequence[Any] | dict]) -> int:
        """Run one statement per row; returns how many rows it changed in all."""
        before = self._conn.total_changes
        await self._conn.executemany(sql, rows)
        return self._conn.total_changes - before

    # A read is one trip to the connection's thread, not three (execute, fetch, close): while a
    # school's large planning keeps the event loop busy, each trip waits for a turn of it, and
    # /health or a reply makes a few dozen of them.
    async def fetchall(self, sql: str, params: Sequence[Any] | dict = ()) -> list[Row]:
        return list(await self._conn.execute_fetchall(sql, params))

    async def fetchone(self, sql: str, params: Sequence[Any] | dict = ()) -> Row | None:
        # aiosqlite has no public one-trip fetchone: its own queue (pinned in pyproject.toml).
        return await self._conn._execute(_first_row, self._conn._conn, sql, params)

    async def fetchval(self, sql: str, params: Sequence[Any] | dict = ()) -> Any:
        row = await self.fetchone(sql, params)
        return None if row is None else row[0]


async def open_reader(path: Path) -> aiosqlite.Connection:
    """A second connection to the same file that only reads."""
    reader = await aiosqlite.connect(path, isolation_level=None)
    try:
        reader.row_factory = aiosqlite.Row
        for pragma in ("PRAGMA foreign_keys=ON", f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
                       "PRAGMA query_only=ON"):
            await reader.execute(pragma)
    except BaseException:
        await reader.close()
        raise
    return reader


class Database:
    """The bot's SQLite database: open with ``await Database.open(path)``; a postgresql:// URL
    opens the PostgreSQL engine instead (storage/engines/postgres.py, the same methods)."""

    dialect = "sqlite"

    def __init__(self, conn: aiosqlite.Connection, path: Path):
        self._conn = conn
        self._lock = asyncio.Lock()
        # A read that would wait long for a transaction goes through a second connection (WAL
        # lets it read the last committed state while a long write transaction, such as a
        # school's large planning, is open on the first): a reply does not wait for it.
        self._reader: aiosqlite.Connection | None = None
        self._read_lock = asyncio.Lock()
        # True while a bulk transaction (``transaction(bulk=True)``: a school's large planning)
        # holds the main connection: reads go to the read connection meanwhile, and /health
        # does not wait for it (the database is being written, so it is writable).
        self._bulk = False
        self.path = path
        # The installation's secret keys (bot.secret_key.Keyring), set by whoever opens the
        # database for the bot: storage keys link-code hashes with it, never stores it.
        self.keyring: Any = None

    @classmethod
    async def open(cls, path: Path | str, migrate: bool = True) -> Database:
        """Open (creating it owner-only), migrate and check that it can be written; raises
        ``DatabaseUnusable`` with one line when it cannot be used, never leaving a thread."""
        if is_url(path):
            from storage.engines.postgres import PgDatabase
            return await PgDatabase.open(str(path), migrate=migrate)  # type: ignore[return-value]
        path = Path(path)
        on_disk = str(path) != ":memory:"
        try:
            if on_disk and not path.parent.is_dir():
                # A typo in INBURGERBOT_DB must not quietly start an empty database elsewhere.
                raise DatabaseUnusable(f"database {path}: its folder {path.parent} does not exist")
            if on_disk:
                create_private(path)
        except OSError as exc:
            raise DatabaseUnusable(describe(path, exc)) from None
        conn = await aiosqlite.connect(path, isolation_level=None)
        try:
            conn.row_factory = aiosqlite.Row
            for pragma in (
                "PRAGMA journal_mode=WAL",
                "PRAGMA foreign_keys=ON",
                "PRAGMA synchronous=NORMAL",
                f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
            ):
                await conn.execute(pragma)
            db = cls(conn, path)
            if migrate:
                await db.migrate()
            # A read-only file or folder only shows on the first write: try one now.
            await conn.execute("BEGIN IMMEDIATE")
            await conn.execute("ROLLBACK")
            if on_disk:
                narrow_files(path)
                db._reader = await open_reader(path)
        except (sqlite3.Error, OSError) as exc:
            await conn.close()  # aiosqlite's thread would keep the process alive
            raise DatabaseUnusable(describe(path, exc)) from None
        except BaseException:
            await conn.close()
            raise
        return db

    async def close(self) -> None:
        if self._reader is not None:
            async with self._read_lock:
                await self._reader.close()
        async with self._lock:
            await self._conn.close()

    @asynccontextmanager
    async def transaction(self, bulk: bool = False) -> AsyncIterator[Tx]:
        """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any exception. A ``bulk`` transaction (one
        that takes seconds) lets reads and /health's check go on beside it."""
        async with self._lock:
            try:
                await self._conn.execute("BEGIN IMMEDIATE")
                self._bulk = bulk
                yield Tx(self._conn, self.keyring)
                await self._conn.execute("COMMIT")
            except sqlite3.OperationalError as exc:
                await asyncio.shield(self._rollback())
                reason = transient_reason(exc)
                if reason is None:
                    raise
                raise DatabaseBusy(reason) from exc
            except BaseException:
                # Also when cancelled mid-BEGIN or when COMMIT fails: aiosqlite runs statements in
                # order, so this ROLLBACK follows the BEGIN and no transaction is left open.
                await asyncio.shield(self._rollback())
                raise
            finally:
                self._bulk = False

    async def _rollback(self) -> None:
        try:
            await self._conn.execute("ROLLBACK")
        except sqlite3.OperationalError:  # no transaction was active
            pass

    @asynccontextmanager
    async def _reading(self) -> AsyncIterator[Tx]:
        """The connection for one read: the main one, which sees every transaction committed
        before it; while a bulk transaction holds it, the read connection, which reads the last
        committed state."""
        if self._reader is not None and not await self._acquire_unless_bulk():
            async with self._read_lock:
                yield Tx(self._reader, self.keyring)
            return
        if self._reader is None:
            await self._lock.acquire()
        try:
            yield Tx(self._conn, self.keyring)
        finally:
            self._lock.release()

    async def _acquire_unless_bulk(self) -> bool:
        return await acquire_unless_bulk(self._lock, lambda: self._bulk)

    async def fetchall(self, sql: str, params: Sequence[Any] | dict = ()) -> list[Row]:
        async with self._reading() as tx:
            return await tx.fetchall(sql, params)

    async def fetchone(self, sql: str, params: Sequence[Any] | dict = ()) -> Row | None:
        async with self._reading() as tx:
            return await tx.fetchone(sql, params)

    async def fetchval(self, sql: str, params: Sequence[Any] | dict = ()) -> Any:
        async with self._reading() as tx:
            return await tx.fetchval(sql, params)

    async def execute(self, sql: str, params: Sequence[Any] | dict = ()) -> int:
        """One statement in its own transaction."""
        async with self.transaction() as tx:
            return await tx.execute(sql, params)

    @asynccontextmanager
    async def exclusive(self, name: str) -> AsyncIterator[bool]:
        """One holder of ``name`` at a time across instances: an SQLite file serves one
        instance, so it is always this one (PostgreSQL takes an advisory lock)."""
        yield True

    async def write_check(self) -> str | None:
        """None when a small write commits now; else why not ("locked", "full", ...). Waits at
        most ``PROBE_TIMEOUT_MS`` for another process's lock. While this process writes in a bulk
        transaction of its own, it is writable (it is being written)."""
        # A sweep waiting on another process's lock holds our connection for up to the busy
        # timeout, again and again: /health must not queue behind it, so it waits only briefly.
        deadline = asyncio.get_running_loop().time() + PROBE_WAIT_S
        while True:
            if self._bulk:
                return None
            if asyncio.get_running_loop().time() > deadline:
                return "locked"
            try:
                await asyncio.wait_for(self._lock.acquire(), BULK_POLL_SECONDS)
                break
            except TimeoutError:
                continue
        try:
            await self._conn.execute(f"PRAGMA busy_timeout={PROBE_TIMEOUT_MS}")
            try:
                await self._conn.execute("BEGIN IMMEDIATE")
                await self._conn.execute(
                    "INSERT OR REPLACE INTO meta(key, value) VALUES ('write_checked_at', ?)",
                    (to_db(datetime.now(UTC)),))
                await self._conn.execute("COMMIT")
                return None
            except sqlite3.OperationalError as exc:
                await asyncio.shield(self._rollback())
                return transient_reason(exc) or "error"
            finally:
                await self._conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        finally:
            self._lock.release()

    async def migrate(self) -> list[str]:
        """Apply the numbered migrations not yet recorded; returns the names applied."""
        async with self._lock:
            await self._conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations ("
                " name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
            )
            async with self._conn.execute("SELECT name FROM schema_migrations") as cursor:
                done = {row[0] for row in await cursor.fetchall()}
        unknown = sorted(done - {name for name, _ in migration_scripts()})
        if unknown:
            raise DatabaseUnusable(
                f"database {self.path} was written by a newer inburgerbot (unknown migration "
                f"{unknown[-1]}); run that version or newer")
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
