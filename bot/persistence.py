"""python-telegram-bot persistence in our own SQLite database (issue 2).

Conversation states and chat data are written within a second (``update_interval``) and again after
each update (see ``bot.app``), so a half-finished flow survives a restart. Anything that matters
on its own (a filed klacht, an absence report) is committed to its own table at once, never only here.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from telegram.ext import BasePersistence, PersistenceInput

from storage.database import Database


class SqlitePersistence(BasePersistence[dict, dict, dict]):
    """Chat data and conversation states in tables ``ptb_data`` and ``ptb_conversations``."""

    def __init__(self, db: Database, update_interval: float = 1.0):
        super().__init__(
            store_data=PersistenceInput(bot_data=False, chat_data=True, user_data=True,
                                        callback_data=False),
            update_interval=update_interval,
        )
        self.db = db

    async def _load(self, kind: str) -> dict[int, dict]:
        rows = await self.db.fetchall("SELECT key, data FROM ptb_data WHERE kind = ?", (kind,))
        return defaultdict(dict, {int(row["key"]): json.loads(row["data"]) for row in rows})

    async def _store(self, kind: str, key: int, data: dict) -> None:
        await self.db.execute(
            "INSERT INTO ptb_data(kind, key, data) VALUES (?, ?, ?) "
            "ON CONFLICT(kind, key) DO UPDATE SET data = excluded.data",
            (kind, str(key), json.dumps(data, default=str)),
        )

    async def _drop(self, kind: str, key: int) -> None:
        await self.db.execute("DELETE FROM ptb_data WHERE kind = ? AND key = ?", (kind, str(key)))

    async def get_user_data(self) -> dict[int, dict]:
        return await self._load("user")

    async def get_chat_data(self) -> dict[int, dict]:
        return await self._load("chat")

    async def get_bot_data(self) -> dict:
        return {}

    async def get_callback_data(self) -> None:
        return None

    async def get_conversations(self, name: str) -> dict:
        rows = await self.db.fetchall(
            "SELECT key, state FROM ptb_conversations WHERE name = ?", (name,))
        return {tuple(json.loads(row["key"])): json.loads(row["state"]) for row in rows}

    async def update_conversation(self, name: str, key: tuple, new_state: Any) -> None:
        if new_state is None:
            await self.db.execute("DELETE FROM ptb_conversations WHERE name = ? AND key = ?",
                                  (name, json.dumps(list(key))))
            return
        await self.db.execute(
            "INSERT INTO ptb_conversations(name, key, state) VALUES (?, ?, ?) "
            "ON CONFLICT(name, key) DO UPDATE SET state = excluded.state",
            (name, json.dumps(list(key)), json.dumps(new_state)),
        )

    async def update_user_data(self, user_id: int, data: dict) -> None:
        await self._store("user", user_id, data)

    async def update_chat_data(self, chat_id: int, data: dict) -> None:
        await self._store("chat", chat_id, data)

    async def update_bot_data(self, data: dict) -> None:
        return None

    async def update_callback_data(self, data: Any) -> None:
        return None

    async def drop_chat_data(self, chat_id: int) -> None:
        await self._drop("chat", chat_id)

    async def drop_user_data(self, user_id: int) -> None:
        await self._drop("user", user_id)

    async def refresh_user_data(self, user_id: int, user_data: dict) -> None:
        return None

    async def refresh_chat_data(self, chat_id: int, chat_data: dict) -> None:
        return None

    async def refresh_bot_data(self, bot_data: dict) -> None:
        return None

    async def flush(self) -> None:
        return None
