"""The private calendar-feed tokens (issue 4; convenant art. 10.4: a clear lesrooster): one per
participant, 192 random bits of which only the SHA-256 is stored, so a renewed token replaces the
old one and the old address stops working."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime

from storage.database import Database, from_db, to_db
from storage.rows import Db


def feed_token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


async def new_feed_token(db: Database, person_id: int, now: datetime) -> str:
    """A fresh unguessable token (192 bits); it replaces the earlier one, which stops working."""
    token = secrets.token_urlsafe(24)
    await db.execute(
        "INSERT INTO rooster_feed_tokens(person_id, token_hash, created_at) VALUES (?,?,?)"
        " ON CONFLICT(person_id) DO UPDATE SET token_hash = excluded.token_hash,"
        " created_at = excluded.created_at", (person_id, feed_token_hash(token), to_db(now)))
    return token


async def feed_token_made(db: Db, person_id: int) -> datetime | None:
    return from_db(await db.fetchval(
        "SELECT created_at FROM rooster_feed_tokens WHERE person_id = ?", (person_id,)))


async def person_for_feed_token(db: Db, token: str) -> int | None:
    return await db.fetchval(
        "SELECT t.person_id FROM rooster_feed_tokens t JOIN people p ON p.id = t.person_id"
        " WHERE t.token_hash = ? AND p.role = 'participant'", (feed_token_hash(token),))
