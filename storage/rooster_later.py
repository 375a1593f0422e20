"""Rooster changes held for the weekly summary (convenant art. 10.4): changes further ahead than
the horizon, one row per change with the participants who notice it, until the summary tells
them."""

from __future__ import annotations

import asyncio
import json
from collections import defaultdict
from datetime import datetime

from storage.database import Tx, to_db
from storage.rows import CHUNK, Db, chunks, marks


async def hold(tx: Tx, school_id: int, changes: list[tuple[dict, list[int]]],
               now: datetime) -> None:
    def build() -> list[tuple]:
        return [(school_id, entry["id"], json.dumps(entry, ensure_ascii=False),
                 json.dumps(people), to_db(now)) for entry, people in changes if people]

    # A large push's rows are written as JSON in a worker thread, a few right here.
    rows = await asyncio.to_thread(build) if len(changes) > CHUNK else build()
    if rows:
        await tx.executemany("INSERT INTO rooster_later(school_id, lesson, entry, people,"
                             " recorded_at) VALUES (?,?,?,?,?)", rows)


async def forget(tx: Tx, school_id: int, lessons: list[str], now: datetime) -> None:
    """Held changes of lessons that were just told at once leave the summary."""
    for chunk in chunks(lessons):
        await tx.execute(f"UPDATE rooster_later SET summarized_at = ? WHERE school_id = ?"
                         f" AND summarized_at IS NULL AND lesson IN ({marks(len(chunk))})",
                         (to_db(now), school_id, *chunk))


async def due(db: Db, before: datetime) -> dict[int, list[tuple[int, dict]]]:
    """Per participant, the held changes recorded before ``before``, oldest first."""
    rows = await db.fetchall("SELECT id, entry, people FROM rooster_later"
                             " WHERE summarized_at IS NULL AND recorded_at < ? ORDER BY id",
                             (to_db(before),))
    found: dict[int, list[tuple[int, dict]]] = defaultdict(list)
    for row in rows:
        entry = json.loads(row["entry"])
        for person_id in json.loads(row["people"]):
            found[person_id].append((row["id"], entry))
    return found


async def mark_summarized(tx: Tx, ids: list[int], now: datetime) -> None:
    for chunk in chunks(ids):
        await tx.execute(f"UPDATE rooster_later SET summarized_at = ? WHERE id IN"
                         f" ({marks(len(chunk))})", (to_db(now), *chunk))
