"""``--db URL`` for the benchmarks: without it a fresh SQLite file in ``folder``; with a
postgresql:// URL a fresh database created on that server for the run (the URL's user must be
allowed to create databases), so both engines are timed on the same empty start."""

from __future__ import annotations

import secrets
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

# A database URL has no file to keep a key beside: the benchmarks give one (both engines alike).
BENCH_KEY = "bench-secret-key-" * 3


async def fresh_target(db_url: str | None, folder: str | Path) -> Path | str:
    if not db_url:
        return Path(folder) / "bench.db"
    import asyncpg

    name = f"bench_{secrets.token_hex(4)}"
    conn = await asyncpg.connect(db_url)
    try:
        await conn.execute(f"CREATE DATABASE {name} LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0")
    finally:
        await conn.close()
    parts = urlsplit(db_url)
    return urlunsplit(parts._replace(path=f"/{name}"))
