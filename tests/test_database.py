"""The database facade: migrations recorded once, transactions all or nothing, also when the
task running one is cancelled (a shutdown at any moment must not leave a transaction open)."""

from __future__ import annotations

import asyncio

import pytest

from storage.database import Database, migration_scripts


async def test_migrations_are_applied_once_and_recorded(tmp_path):
    db = await Database.open(tmp_path / "m.db")
    try:
        names = [row["name"] for row in await db.fetchall("SELECT name FROM schema_migrations")]
        assert names == [name for name, _ in migration_scripts()]
        assert await db.migrate() == []
        assert await db.fetchval("PRAGMA foreign_keys") == 1
        assert (await db.fetchval("PRAGMA journal_mode")).lower() == "wal"
    finally:
        await db.close()


async def test_a_failed_transaction_leaves_nothing_behind(tmp_path):
    db = await Database.open(tmp_path / "t.db")
    try:
        with pytest.raises(RuntimeError):
            async with db.transaction() as tx:
                await tx.execute("INSERT INTO meta(key, value) VALUES ('a', '1')")
                raise RuntimeError("stop")
        assert await db.fetchval("SELECT count(*) FROM meta") == 0
    finally:
        await db.close()


async def test_cancelling_a_transaction_rolls_it_back_and_the_next_one_works(tmp_path):
    db = await Database.open(tmp_path / "c.db")
    entered = asyncio.Event()

    async def slow_writer():
        async with db.transaction() as tx:
            await tx.execute("INSERT INTO meta(key, value) VALUES ('half', 'done')")
            entered.set()
            await asyncio.sleep(10)

    try:
        task = asyncio.create_task(slow_writer())
        await entered.wait()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        async with db.transaction() as tx:
            await tx.execute("INSERT INTO meta(key, value) VALUES ('next', 'ok')")
        assert [row["key"] for row in await db.fetchall("SELECT key FROM meta")] == ["next"]
    finally:
        await db.close()
