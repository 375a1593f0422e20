"""Copying a whole SQLite database into an empty PostgreSQL one (``admin migrate-db``): every
table in an order that keeps foreign keys valid, ids kept, identity counters moved past them,
and the row counts compared afterwards."""

from __future__ import annotations

from storage.database import Database

CHUNK = 1000
# Bookkeeping both sides keep for themselves.
SKIPPED = {"schema_migrations"}


async def tables(source: Database) -> list[str]:
    """The source's tables, each after the tables its foreign keys name."""
    names = [row[0] for row in await source.fetchall(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        " ORDER BY name")]
    names = [name for name in names if name not in SKIPPED]
    needs = {name: {row["table"] for row in await source.fetchall(
        f"SELECT * FROM pragma_foreign_key_list('{name}')")} - {name} for name in names}
    ordered: list[str] = []
    while len(ordered) < len(names):
        ready = [name for name in names if name not in ordered and needs[name] <= set(ordered)]
        if not ready:  # a cycle: the rest in name order (none in the shipped schema)
            ready = [name for name in names if name not in ordered]
        ordered.extend(ready)
    return ordered


async def count(db: Database, table: str) -> int:
    return await db.fetchval(f"SELECT count(*) FROM {table}")


async def copy_all(source: Database, target: Database) -> dict[str, tuple[int, int]]:
    """Copy every row; returns table -> (rows in source, rows in target) after the copy.
    Refuses (ValueError) when the target already holds data."""
    order = await tables(source)
    for table in order:
        if table != "meta" and await count(target, table):
            raise ValueError(f"the target database is not empty (table {table} has rows)")
    async with target.transaction() as tx:
        for table in order:
            columns = [row["name"] for row in await source.fetchall(
                f"SELECT name FROM pragma_table_info('{table}') ORDER BY cid")]
            names = ", ".join(columns)
            marks = ", ".join("?" * len(columns))
            insert = f"INSERT INTO {table}({names}) VALUES ({marks})"
            if table == "meta":
                insert += " ON CONFLICT(key) DO UPDATE SET value = excluded.value"
            offset = 0
            while True:
                rows = await source.fetchall(
                    f"SELECT {names} FROM {table} ORDER BY rowid LIMIT ? OFFSET ?",
                    (CHUNK, offset))
                if not rows:
                    break
                await tx.executemany(insert, [tuple(row) for row in rows])
                offset += len(rows)
            if "id" in columns:
                await tx.fetchval(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
                    f" (SELECT COALESCE(max(id), 0) + 1 FROM {table}), false)")
    return {table: (await count(source, table), await count(target, table)) for table in order}
