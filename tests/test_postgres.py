"""PostgreSQL as the second engine (issue 17): the same migrations make the same schema on both,
the same queries answer the same, and `admin migrate-db` copies an SQLite database across with
equal row counts. Needs PostgreSQL's binaries (skipped without them, failing with CI=true)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from storage import outbox as outbox_store
from storage import people
from storage.database import Database
from tests import postgres_world
from tests.support import FakeClock, World

# Needs PostgreSQL itself, whichever engine the rest of the suite runs on: once is enough.
pytestmark = pytest.mark.skipif(postgres_world.wanted(), reason="run in the SQLite pass")
ROOT = Path(__file__).resolve().parent.parent
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


async def columns(db: Database) -> dict[str, list[str]]:
    if db.dialect == "sqlite":
        tables = [row[0] for row in await db.fetchall(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        return {table: sorted(row["name"] for row in await db.fetchall(
            f"SELECT name FROM pragma_table_info('{table}')")) for table in tables}
    rows = await db.fetchall("SELECT table_name, column_name FROM information_schema.columns"
                             " WHERE table_schema = current_schema()")
    found: dict[str, list[str]] = {}
    for row in rows:
        found.setdefault(row["table_name"], []).append(row["column_name"])
    return {table: sorted(names) for table, names in found.items()}


async def populate(db: Database) -> dict[str, int]:
    world = World(db, FakeClock(NOW))
    gemeente = await world.gemeente()
    school = await world.school()
    km = await world.person("Klant Manager", "klantmanager", gemeente_id=gemeente)
    ids = {"km": km}
    for n in range(5):
        ids[f"p{n}"] = await world.person(f"Deelnemer {n}", "participant", school_id=school,
                                          klantmanager_id=km, regime="wi2021", route="b1")
    await world.code(ids["p0"])
    async with db.transaction() as tx:
        for n in range(3):
            await outbox_store.insert(tx, (ids[f"p{n}"], None, "participant", "ping", "{}", 5, 0,
                                           f"key-{n}", "2026-11-23T09:00:00.000000Z",
                                           "2026-11-23T09:00:00.000000Z", None, "bulk"))
        # the same dedupe key again: not added, on both engines
        assert await outbox_store.insert(tx, (ids["p0"], None, "participant", "ping", "{}", 5, 0,
                                              "key-0", "2026-11-23T09:00:00.000000Z",
                                              "2026-11-23T09:00:00.000000Z", None,
                                              "bulk")) is None
    return ids


async def test_the_migrations_make_the_same_schema_and_answer_the_same(tmp_path):
    lite = await Database.open(tmp_path / "a.db")
    pg = await Database.open(await postgres_world.database_url(tmp_path / "b.db"))
    try:
        assert await columns(lite) == await columns(pg)
        lite_ids, pg_ids = await populate(lite), await populate(pg)
        assert lite_ids == pg_ids
        assert await people.list_people(lite) == await people.list_people(pg)
        lite_stats = await outbox_store.stats(lite, NOW)
        assert lite_stats == await outbox_store.stats(pg, NOW)
        assert lite_stats["states"]["pending"] == 3
    finally:
        await lite.close()
        await pg.close()


def admin(*args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bot", "admin", *args], capture_output=True,
                          text=True, env={**os.environ, **env}, timeout=120, cwd=ROOT)


async def test_migrate_db_copies_sqlite_into_postgresql_with_equal_counts(tmp_path):
    source_path = tmp_path / "old.db"
    source = await Database.open(source_path)
    ids = await populate(source)
    await source.close()
    url = await postgres_world.database_url(tmp_path / "new.db")
    env = {"INBURGERBOT_DB": str(source_path), "INBURGERBOT_SECRET_KEY": "k" * 40}

    done = admin("migrate-db", "--from", str(source_path), "--to", url, "--json", env=env)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["counts"] == "equal in every table"

    # The bot on PostgreSQL sees the same people, and new rows get ids after the copied ones.
    listed = admin("people", "--json", env={**env, "INBURGERBOT_DB": url})
    assert listed.returncode == 0, listed.stderr
    assert {row["name"] for row in json.loads(listed.stdout)} >= {"Klant Manager", "Deelnemer 4"}
    added = admin("add-gemeente", "Hengelo", "--json", env={**env, "INBURGERBOT_DB": url})
    assert added.returncode == 0, added.stderr
    assert json.loads(added.stdout)["id"] == 2

    again = admin("migrate-db", "--from", str(source_path), "--to", url, env=env)
    assert again.returncode != 0
    assert "not empty" in again.stdout + again.stderr
    assert ids["p4"] > ids["km"]


async def test_a_sweep_lock_has_one_holder_among_instances_and_passes_on_when_one_dies(tmp_path):
    url = await postgres_world.database_url(tmp_path / "c.db")
    first, second = await Database.open(url), await Database.open(url)
    try:
        async with first.exclusive("sweep:verzuim") as mine:
            assert mine
            async with second.exclusive("sweep:verzuim") as theirs:
                assert not theirs  # the other instance skips this round
            async with first.exclusive("sweep:verzuim") as again:
                assert not again  # not twice at once within one instance either
            async with second.exclusive("sweep:klachten") as other_sweep:
                assert other_sweep
            await first.close()  # the holder dies: its session and its locks end
            async with second.exclusive("sweep:verzuim") as theirs:
                assert theirs
    finally:
        await second.close()
