"""A database the bot cannot use stops `run` and `admin` at once with one line naming the file
and the problem; one it cannot write *now* answers 503 with Retry-After and turns /health
"degraded" instead of 500s (issue 12)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from storage.database import Database
from tests import postgres_world
from tests.rooster_world import lesson, school_with_group

ROOT = Path(__file__).resolve().parent.parent


def run_cli(*args: str, db: Path, as_nobody: bool = False):
    env = {**os.environ, "INBURGERBOT_DB": str(db), "TELEGRAM_BOT_TOKEN": "1:x",
           "TELEGRAM_API_URL": "http://127.0.0.1:9/bot", "INBURGERBOT_HTTP": "127.0.0.1:0"}
    prefix = []
    if as_nobody:
        prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    return subprocess.run([*prefix, sys.executable, "-m", "bot", *args], capture_output=True,
                          text=True, env=env, timeout=30, cwd=ROOT)


def assert_one_line_exit(result, *words: str) -> None:
    assert result.returncode == 2, (result.returncode, result.stderr[-2000:])
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in lines[0], lines[0]


async def newer_database(path: Path) -> None:
    db = await Database.open(path)
    await db.execute("INSERT INTO schema_migrations(name, applied_at) VALUES "
                     "('999_from_the_future.sql', '2030-01-01T00:00:00.000000Z')")
    await db.close()


@pytest.mark.parametrize("command", [("run",), ("admin", "people")])
async def test_a_newer_database_stops_run_and_admin_with_one_line(command, tmp_path):
    await newer_database(tmp_path / "new.db")
    assert_one_line_exit(run_cli(*command, db=tmp_path / "new.db"), "newer", "999_from_the_future")


@pytest.mark.parametrize("command", [("run",), ("admin", "people")])
def test_a_file_that_is_not_a_database_stops_run_and_admin_with_one_line(command, tmp_path):
    (tmp_path / "notes.db").write_text("these are my notes, not a database\n" * 200)
    assert_one_line_exit(run_cli(*command, db=tmp_path / "notes.db"), "not an SQLite database")


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to run the bot as another user")
@pytest.mark.parametrize("command", [("run",), ("admin", "people")])
async def test_a_database_the_bot_may_not_write_stops_run_and_admin_with_one_line(command):
    # A folder other users can enter (pytest's tmp_path is owner-only), with root's database.
    folder = Path(tempfile.mkdtemp())
    try:
        folder.chmod(0o755)
        await (await Database.open(folder / "ro.db")).close()
        (folder / "ro.db").chmod(0o644)
        assert_one_line_exit(run_cli(*command, db=folder / "ro.db", as_nobody=True),
                             "read-only")
    finally:
        shutil.rmtree(folder)


async def test_database_and_side_files_are_created_owner_only(tmp_path):
    db = await Database.open(tmp_path / "private.db")
    try:
        await db.execute("INSERT INTO meta(key, value) VALUES ('x', 'y')")
        files = sorted(tmp_path.iterdir())
        assert {f.name for f in files} >= {"private.db", "private.db-wal", "private.db-shm"}
        for file in files:
            assert stat.S_IMODE(file.stat().st_mode) == 0o600, file.name
    finally:
        await db.close()


@pytest.mark.skipif(postgres_world.wanted(), reason="an SQLite file's lock")
async def test_a_write_lock_held_elsewhere_gives_503_with_retry_after_and_degraded_health(
        bot, world):
    key, _, _, _ = await school_with_group(bot, world)
    other = sqlite3.connect(bot.db.path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        async with bot.api(key) as api:
            health = await api.get("/health")
            assert health.status_code == 200
            assert health.json()["status"] == "degraded"
            assert health.json()["database"] == "locked"
            response = await api.put("/api/v1/lessons/L-9",
                                     json=lesson("2026-12-01T09:00", "2026-12-01T12:00"))
            assert response.status_code == 503, response.text
            assert int(response.headers["Retry-After"]) > 0
            assert "locked" in response.json()["detail"]
        other.execute("ROLLBACK")
        async with bot.api(key) as api:
            assert (await api.get("/health")).json()["status"] == "ok"
            again = await api.put("/api/v1/lessons/L-9",
                                  json=lesson("2026-12-01T09:00", "2026-12-01T12:00"))
            assert again.status_code == 201, again.text
    finally:
        other.close()
