"""The PostgreSQL engine (asyncpg): the same facade as the SQLite one in storage/database.py.

``INBURGERBOT_DB=postgresql://...`` selects it. Like the SQLite facade, one connection per
process serves the bot and an asyncio lock serialises its transactions, so a process sees the
same order of statements on both engines; several processes share the database, and what they
must not do twice is guarded in SQL (``FOR UPDATE SKIP LOCKED`` outbox claims) or by advisory
locks (``Database.exclusive``: sweeps, migrations, the one poller).

Statements are translated once per text (storage/engines/dialect.py) and their parameters
converted to the types PostgreSQL inferred (SQLite stores what it is given; asyncpg refuses a
``str`` for a ``bigint``), so storage/*.py keeps one spelling of every query.
"""

from __future__ import annotations

import asyncio
import logging
import re
import zlib
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any

import asyncpg

from storage.engines import dialect
from storage.engines.base import (
    DatabaseBusy,
    DatabaseUnusable,
    acquire_unless_bulk,
    migration_scripts,
    split_sql,
    to_db,
)

log = logging.getLogger(__name__)

TRANSIENT = (
    (asyncpg.exceptions.DeadlockDetectedError, "locked"),
    (asyncpg.exceptions.SerializationError, "locked"),
    (asyncpg.exceptions.LockNotAvailableError, "locked"),
    (asyncpg.exceptions.QueryCanceledError, "locked"),
    (asyncpg.exceptions.DiskFullError, "full"),
    (asyncpg.exceptions.ReadOnlySQLTransactionError, "read-only"),
    (asyncpg.exceptions.CannotConnectNowError, "i/o error"),
    (asyncpg.exceptions.ConnectionDoesNotExistError, "i/o error"),
    (asyncpg.exceptions.AdminShutdownError, "i/o error"),
    (asyncpg.exceptions.InterfaceError, "i/o error"),
    (ConnectionError, "i/o error"),
)
INTEGRITY = asyncpg.exceptions.IntegrityConstraintViolationError
STATEMENT_TIMEOUT_MS = 5000


def transient_reason(exc: BaseException) -> str | None:
    for kind, reason in TRANSIENT:
        if isinstance(exc, kind):
            return reason
    return None


def lock_key(name: str) -> int:
    """A stable advisory-lock key (bigint) for a name."""
    return zlib.crc32(f"inburgerbot:{name}".encode()) - 2**31


def _to_text(value: Any) -> Any:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, bytes):
        return value.decode("utf-8")
    return str(value)


def _to_int(value: Any) -> Any:
    if value is None or isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    return value


def _to_float(value: Any) -> Any:
    return float(value) if isinstance(value, int | str) and not isinstance(value, bool) else value


def _to_bytes(value: Any) -> Any:
    return value.encode("utf-8") if isinstance(value, str) else value


COERCE: dict[str, Callable[[Any], Any]] = {
    "text": _to_text, "varchar": _to_text, "bpchar": _to_text, "name": _to_text,
    "int8": _to_int, "int4": _to_int, "int2": _to_int,
    "float8": _to_float, "float4": _to_float, "numeric": _to_float,
    "bytea": _to_bytes,
}
CAST = ((bool, "bigint"), (int, "bigint"), (float, "float8"), (str, "text"), (bytes, "bytea"))


def _numeric(text: str) -> int | float:
    """sum() of integers is numeric in PostgreSQL: read it back as SQLite does (an int)."""
    return int(text) if re.fullmatch(r"-?\d+", text) else float(text)


class Statement:
    """One storage statement translated: its SQL, parameter order and converters."""

    def __init__(self, sql: str, names: list[str] | None, coerce: list[Callable] | None,
                 returns_id: bool):
        self.sql, self.names, self.coerce, self.returns_id = sql, names, coerce, returns_id

    def args(self, params: Sequence[Any] | dict) -> list[Any]:
        if self.names is not None:
            values = [params[name] for name in self.names]
        else:
            values = list(params)
        if self.coerce:
            values = [fix(value) for fix, value in zip(self.coerce, values, strict=True)]
        return values


_INSERT_TABLE = re.compile(r"^\s*INSERT\s+INTO\s+(\w+)", re.IGNORECASE)


class PgTx:
    """Statements inside one transaction (or, outside one, each in its own)."""

    dialect = "postgresql"

    def __init__(self, db: PgDatabase, conn: asyncpg.Connection | None = None):
        self._db = db
        self._conn = conn or db._conn
        self.keyring = db.keyring

    async def _statement(self, sql: str, params: Sequence[Any] | dict) -> Statement:
        return await self._db._statement(self._conn, sql, params)

    async def execute(self, sql: str, params: Sequence[Any] | dict = ()) -> int:
        """Run one statement; returns the new row's id (for INSERT into a table with an id)
        or the number of rows changed."""
        statement = await self._statement(sql, params)
        if statement.returns_id:
            return await self._conn.fetchval(statement.sql, *statement.args(params)) or 0
        return _count(await self._conn.execute(statement.sql, *statement.args(params)))

    async def changes(self, sql: str, params: Sequence[Any] | dict = ()) -> int:
        statement = await self._statement(sql, params)
        text = statement.sql
        if statement.returns_id:
            text = text[:text.rfind(" RETURNING id")]
        return _count(await self._conn.execute(text, *statement.args(params)))

    async def executemany(self, sql: str, rows: Iterable[Sequence[Any] | dict]) -> int:
        """Run one statement per row, the rows sent together (asyncpg's pipelined
        ``fetchmany``, not a round trip each); returns how many rows it changed in all, counted
        from ``RETURNING 1`` (an insert skipped by ON CONFLICT returns nothing)."""
        batches: dict[int, tuple[Statement, list[list[Any]]]] = {}
        for row in rows:  # rows whose parameter types need another spelling go apart
            statement = await self._statement(sql, row)
            batches.setdefault(id(statement), (statement, []))[1].append(statement.args(row))
        total = 0
        for statement, args in batches.values():
            text = statement.sql
            if statement.returns_id:
                text = text[:text.rfind(" RETURNING id")]
            if " RETURNING " not in text.upper():
                text += " RETURNING 1"
            total += len(await self._conn.fetchmany(text, args))
        return total

    async def fetchall(self, sql: str, params: Sequence[Any] | dict = ()) -> list[Any]:
        statement = await self._statement(sql, params)
        return await self._conn.fetch(statement.sql, *statement.args(params))

    async def fetchone(self, sql: str, params: Sequence[Any] | dict = ()) -> Any:
        statement = await self._statement(sql, params)
        return await self._conn.fetchrow(statement.sql, *statement.args(params))

    async def fetchval(self, sql: str, params: Sequence[Any] | dict = ()) -> Any:
        row = await self.fetchone(sql, params)
        return None if row is None else row[0]


def _count(status: str) -> int:
    last = status.rsplit(" ", 1)[-1]
    return int(last) if last.isdigit() else 0


class PgDatabase:
    """The bot's PostgreSQL database: open with ``await Database.open(url)``."""

    dialect = "postgresql"

    def __init__(self, conn: asyncpg.Connection, url: str):
        self._conn = conn
        self._lock = asyncio.Lock()
        self.url = url
        self.path = _safe(url)
        self.keyring: Any = None
        self._statements: dict[tuple, Statement] = {}
        self._id_tables: set[str] = set()
        self._locks_conn: asyncpg.Connection | None = None
        self._locks_guard = asyncio.Lock()
        self._held: set[str] = set()
        # While a bulk transaction (a school's large planning) holds the connection, reads go
        # to a second one, which sees the last committed state, and /health does not wait for
        # it (the database is being written, so it is writable): as on SQLite.
        self._bulk = False
        self._reader: asyncpg.Connection | None = None
        self._read_guard = asyncio.Lock()

    @classmethod
    async def open(cls, url: str, migrate: bool = True) -> PgDatabase:
        try:
            conn = await connect(url)
        except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
            raise DatabaseUnusable(f"database {_safe(url)}: {_first_line(exc)}") from None
        db = cls(conn, url)
        try:
            if migrate:
                await db.migrate()
            await db._learn_tables()
        except asyncpg.PostgresError as exc:
            await conn.close()
            raise DatabaseUnusable(f"database {_safe(url)}: {_first_line(exc)}") from None
        except BaseException:
            await conn.close()
            raise
        return db

    async def close(self) -> None:
        async with self._read_guard:
            if self._reader is not None:
                await self._reader.close()
        async with self._lock:
            await self._conn.close()
        if self._locks_conn is not None:
            await self._locks_conn.close()

    async def _learn_tables(self) -> None:
        rows = await self._conn.fetch(
            "SELECT table_name FROM information_schema.columns WHERE column_name = 'id'"
            " AND table_schema = current_schema()")
        self._id_tables = {row[0] for row in rows}
        self._statements.clear()

    async def _statement(self, conn: asyncpg.Connection, sql: str,
                         params: Sequence[Any] | dict) -> Statement:
        kinds = tuple(type(value).__name__ for value in
                      (params.values() if isinstance(params, dict) else params))
        key = (sql, kinds)
        found = self._statements.get(key) or self._statements.get((sql, None))
        if found is not None:
            return found
        text, names = dialect.placeholders(dialect.query(sql))
        table = _INSERT_TABLE.match(text)
        returns_id = bool(table and table.group(1) in self._id_tables
                          and " RETURNING " not in text.upper())
        if returns_id:
            text += " RETURNING id"
        values = ([params[name] for name in names] if names is not None else list(params))
        general = True
        try:
            async with conn.transaction():  # a savepoint inside a transaction
                prepared = await conn.prepare(text)
        except (asyncpg.exceptions.IndeterminateDatatypeError,
                asyncpg.exceptions.AmbiguousFunctionError,
                asyncpg.exceptions.UndefinedFunctionError):
            # "$1 IS NULL": PostgreSQL cannot tell the type; say it from the Python value.
            text = _cast(text, values)
            general = False
            async with conn.transaction():
                prepared = await conn.prepare(text)
        coerce = [COERCE.get(kind.name, _same) for kind in prepared.get_parameters()]
        statement = Statement(text, names, coerce, returns_id)
        self._statements[(sql, None) if general else key] = statement
        return statement

    @asynccontextmanager
    async def transaction(self, bulk: bool = False) -> AsyncIterator[PgTx]:
        """A transaction on the connection; a ``bulk`` one (that takes seconds) lets reads and
        /health's check go on beside it."""
        async with self._lock:
            await self._ensure_connected()
            tx = self._conn.transaction()
            try:
                await tx.start()
                self._bulk = bulk
                yield PgTx(self)
                await tx.commit()
            except BaseException as exc:
                await asyncio.shield(self._rollback(tx))
                reason = transient_reason(exc)
                if reason is not None and not isinstance(exc, DatabaseBusy):
                    raise DatabaseBusy(reason) from exc
                raise
            finally:
                self._bulk = False

    async def _acquire_unless_bulk(self) -> bool:
        return await acquire_unless_bulk(self._lock, lambda: self._bulk)

    async def _rollback(self, tx: Any) -> None:
        try:
            await tx.rollback()
        except (asyncpg.InterfaceError, asyncpg.PostgresError, OSError):
            pass

    async def _ensure_connected(self) -> None:
        if self._conn.is_closed():
            log.warning("database connection lost; reconnecting")
            self._conn = await connect(self.url)

    async def _read(self, method: str, sql: str, params: Sequence[Any] | dict) -> Any:
        if not await self._acquire_unless_bulk():
            async with self._read_guard:
                if self._reader is None or self._reader.is_closed():
                    self._reader = await connect(self.url)
                return await getattr(PgTx(self, self._reader), method)(sql, params)
        try:
            await self._ensure_connected()
            return await getattr(PgTx(self), method)(sql, params)
        except Exception as exc:
            reason = transient_reason(exc)
            if reason is None:
                raise
            raise DatabaseBusy(reason) from exc
        finally:
            self._lock.release()

    async def fetchall(self, sql: str, params: Sequence[Any] | dict = ()) -> list[Any]:
        return await self._read("fetchall", sql, params)

    async def fetchone(self, sql: str, params: Sequence[Any] | dict = ()) -> Any:
        return await self._read("fetchone", sql, params)

    async def fetchval(self, sql: str, params: Sequence[Any] | dict = ()) -> Any:
        return await self._read("fetchval", sql, params)

    async def execute(self, sql: str, params: Sequence[Any] | dict = ()) -> int:
        async with self.transaction() as tx:
            return await tx.execute(sql, params)

    async def write_check(self) -> str | None:
        if not await self._acquire_unless_bulk():
            return None  # this process's own bulk transaction is writing it
        try:
            try:
                await self._ensure_connected()
                await asyncio.wait_for(self._conn.execute(
                    "INSERT INTO meta(key, value) VALUES ('write_checked_at', $1)"
                    " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")), 0.25)
                return None
            except (asyncpg.PostgresError, asyncpg.InterfaceError, OSError,
                    TimeoutError) as exc:
                return transient_reason(exc) or ("locked" if isinstance(exc, TimeoutError)
                                                 else "error")
        finally:
            self._lock.release()

    @property
    def held_locks(self) -> frozenset[str]:
        """The advisory locks this instance holds now (``exclusive``), by name."""
        return frozenset(self._held)

    @asynccontextmanager
    async def exclusive(self, name: str) -> AsyncIterator[bool]:
        """Try to hold the advisory lock ``name`` (one holder among every instance) for the
        block; yields whether it was taken. The locks live on a connection of their own, so a
        process that dies lets go of them with its session."""
        if name in self._held:  # advisory locks are re-entrant within one session
            yield False
            return
        key = lock_key(name)
        async with self._locks_guard:
            if self._locks_conn is None or self._locks_conn.is_closed():
                self._locks_conn = await connect(self.url)
            conn = self._locks_conn
            held = await conn.fetchval("SELECT pg_try_advisory_lock($1)", key)
        if not held:
            yield False
            return
        self._held.add(name)
        try:
            yield True
        finally:
            self._held.discard(name)
            async with self._locks_guard:
                if not conn.is_closed():
                    await conn.execute("SELECT pg_advisory_unlock($1)", key)

    async def migrate(self) -> list[str]:
        """Apply the numbered migrations not yet recorded, one instance at a time."""
        async with self._lock:
            conn = self._conn
            await conn.execute("SELECT pg_advisory_lock($1)", lock_key("migrate"))
            try:
                await conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations ("
                                   " name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
                done = {row[0] for row in await conn.fetch("SELECT name FROM schema_migrations")}
                unknown = sorted(done - {name for name, _ in migration_scripts()})
                if unknown:
                    raise DatabaseUnusable(
                        f"database {self.path} was written by a newer inburgerbot (unknown "
                        f"migration {unknown[-1]}); run that version or newer")
                applied = []
                for name, sql in migration_scripts():
                    if name in done:
                        continue
                    async with conn.transaction():
                        await _apply(conn, [text for statement in split_sql(sql)
                                            for text in dialect.ddl(name, statement)])
                        await conn.execute(
                            "INSERT INTO schema_migrations(name, applied_at) VALUES ($1, $2)",
                            name, to_db(datetime.now(UTC)))
                    log.info("applied migration %s", name)
                    applied.append(name)
            finally:
                await conn.execute("SELECT pg_advisory_unlock($1)", lock_key("migrate"))
        await self._learn_tables()
        return applied


async def _apply(conn: asyncpg.Connection, statements: list[str]) -> None:
    """Run a migration's statements in order; a table whose foreign key names a table created
    later in the same migration (SQLite allows that) is created after it."""
    waiting = list(statements)
    while waiting:
        postponed = []
        for text in waiting:
            try:
                async with conn.transaction():
                    await conn.execute(text)
            except asyncpg.exceptions.UndefinedTableError:
                if not text.lstrip().upper().startswith("CREATE"):
                    raise
                postponed.append(text)
        if len(postponed) == len(waiting):
            await conn.execute(postponed[0])  # no progress: raise its error
        waiting = postponed


def _same(value: Any) -> Any:
    return value


def _cast(text: str, values: list[Any]) -> str:
    def typed(match: re.Match) -> str:
        value = values[int(match.group(1)) - 1]
        for kind, name in CAST:
            if isinstance(value, kind):
                return f"{match.group(0)}::{name}"
        return match.group(0) + "::text" if value is None else match.group(0)
    return re.sub(r"\$(\d+)(?!\d|::)", typed, text)


async def connect(url: str) -> asyncpg.Connection:
    conn = await asyncpg.connect(
        url, timeout=10,
        server_settings={"statement_timeout": str(STATEMENT_TIMEOUT_MS * 6),
                         "lock_timeout": str(STATEMENT_TIMEOUT_MS)})
    await conn.set_type_codec("numeric", encoder=str, decoder=_numeric, schema="pg_catalog",
                              format="text")
    return conn


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"//([^:/@]+):[^@]*@", r"//\1:***@", url)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
