"""python-telegram-bot's own state (issue 2): chat and user data, and conversation states, as
JSON rows in ``ptb_data`` and ``ptb_conversations``. Only ``bot/persistence.py`` uses this."""

from __future__ import annotations

import json
from typing import Any

from storage.database import Database


async def load_data(db: Database, kind: str) -> dict[int, dict]:
    """Every stored ``kind`` ("user" or "chat") data dict, by id."""
    rows = await db.fetchall("SELECT key, data FROM ptb_data WHERE kind = ?", (kind,))
    return {int(row["key"]): json.loads(row["data"]) for row in rows}


async def store_data(db: Database, kind: str, key: int, data: dict) -> None:
    await db.execute(
        "INSERT INTO ptb_data(kind, key, data) VALUES (?, ?, ?) "
        "ON CONFLICT(kind, key) DO UPDATE SET data = excluded.data",
        (kind, str(key), json.dumps(data, default=str)),
    )


async def drop_data(db: Database, kind: str, key: int) -> None:
    await db.execute("DELETE FROM ptb_data WHERE kind = ? AND key = ?", (kind, str(key)))


async def load_conversations(db: Database, name: str) -> dict[tuple, Any]:
    """The states of one named conversation, by PTB's conversation key."""
    rows = await db.fetchall("SELECT key, state FROM ptb_conversations WHERE name = ?", (name,))
    return {tuple(json.loads(row["key"])): json.loads(row["state"]) for row in rows}


async def store_conversation(db: Database, name: str, key: tuple, state: Any) -> None:
    """Record a conversation's state; ``None`` ends it."""
    if state is None:
        await db.execute("DELETE FROM ptb_conversations WHERE name = ? AND key = ?",
                         (name, json.dumps(list(key))))
        return
    await db.execute(
        "INSERT INTO ptb_conversations(name, key, state) VALUES (?, ?, ?) "
        "ON CONFLICT(name, key) DO UPDATE SET state = excluded.state",
        (name, json.dumps(list(key)), json.dumps(state)),
    )
