"""Backups (issue 17): `admin backup FILE` copies the live SQLite database consistently while the
bot runs; `admin restore FILE` checks the copy and refuses to replace a running or newer database
(or to restore a damaged or newer file) unless forced."""

from __future__ import annotations

import asyncio
import sqlite3

import pytest

from bot.app import run_admin
from bot.refusal import Refused
from storage import orgs
from storage.database import Database
from tests import postgres_world

# SQLite's online backup API: on PostgreSQL, admin backup refuses and names pg_dump instead.
pytestmark = pytest.mark.skipif(postgres_world.wanted(), reason="run in the SQLite pass")

ALL = ["Enschede", "Hengelo", *(f"Gemeente {number}" for number in range(40))]


async def names(path) -> list[str]:
    """Which of the gemeenten the tests write are in the database at ``path``."""
    db = await Database.open(path, migrate=False)
    try:
        return [name for name in ALL if await orgs.gemeente_named(db, name) is not None]
    finally:
        await db.close()


async def test_a_backup_of_the_running_bot_restores_after_it_stopped(bot, world, tmp_path):
    await world.gemeente("Enschede")
    copy = tmp_path / "backup.db"

    async def keep_writing():
        for number in range(40):
            await world.gemeente(f"Gemeente {number}")

    writer = asyncio.create_task(keep_writing())
    printed = await run_admin(["backup", str(copy)], bot.settings, bot.clock)
    await writer
    assert "integrity" in printed and "ok" in printed
    assert oct(copy.stat().st_mode & 0o777) == "0o600"
    in_copy = await names(copy)
    assert "Enschede" in in_copy
    # One snapshot: the gemeenten written before a moment, in the order they were written.
    assert in_copy == ["Enschede"] + [f"Gemeente {n}" for n in range(len(in_copy) - 1)]
    await world.gemeente("Hengelo")  # after the backup

    with pytest.raises(Refused, match="running"):
        await run_admin(["restore", str(copy)], bot.settings, bot.clock)
    assert "Hengelo" in await names(bot.settings.db_path)

    await bot.stop()
    printed = await run_admin(["restore", str(copy)], bot.settings, bot.clock)
    assert "before-restore" in printed
    restored = await names(bot.settings.db_path)
    assert "Enschede" in restored and "Hengelo" not in restored
    kept = next(tmp_path.glob("bot.db.before-restore-*"))
    assert "Hengelo" in await names(kept)


async def test_backup_refuses_to_overwrite_a_file(bot, tmp_path):
    existing = tmp_path / "there.db"
    existing.write_bytes(b"keep me")
    with pytest.raises(Refused, match="exists"):
        await run_admin(["backup", str(existing)], bot.settings, bot.clock)
    assert existing.read_bytes() == b"keep me"


async def test_restore_refuses_damaged_newer_and_foreign_files(bot, world, tmp_path):
    await world.gemeente("Enschede")
    good = tmp_path / "good.db"
    await run_admin(["backup", str(good)], bot.settings, bot.clock)
    await bot.stop()
    before = await names(bot.settings.db_path)

    damaged = tmp_path / "damaged.db"
    data = bytearray(good.read_bytes())
    data[4096 * 2: 4096 * 2 + 512] = b"\xff" * 512  # a page of a table overwritten
    damaged.write_bytes(bytes(data))
    text = tmp_path / "notes.txt"
    text.write_text("not a database")
    newer = tmp_path / "newer.db"
    newer.write_bytes(good.read_bytes())
    with sqlite3.connect(newer) as conn:
        conn.execute("INSERT INTO schema_migrations VALUES ('999_future.sql', 'x')")

    for bad, reason in ((damaged, "integrity|not an inburgerbot"),
                        (text, "not an inburgerbot"), (newer, "newer inburgerbot"),
                        (tmp_path / "missing.db", "does not exist")):
        with pytest.raises(Refused, match=reason):
            await run_admin(["restore", str(bad)], bot.settings, bot.clock)
        with pytest.raises(Refused, match=reason):  # not even forced
            await run_admin(["restore", str(bad), "--force"], bot.settings, bot.clock)
    assert await names(bot.settings.db_path) == before


async def test_restore_refuses_an_older_backup_over_a_newer_database_unless_forced(
        bot, world, tmp_path):
    await world.gemeente("Enschede")
    old = tmp_path / "old.db"
    await run_admin(["backup", str(old)], bot.settings, bot.clock)
    await bot.stop()
    with sqlite3.connect(old) as conn:  # as if made before the latest migration
        last = conn.execute("SELECT max(name) FROM schema_migrations").fetchone()[0]
        conn.execute("DELETE FROM schema_migrations WHERE name = ?", (last,))
    with pytest.raises(Refused, match="newer than the backup"):
        await run_admin(["restore", str(old)], bot.settings, bot.clock)
    printed = await run_admin(["restore", str(old), "--force"], bot.settings, bot.clock)
    assert "restored" in printed
