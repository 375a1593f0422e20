"""python-telegram-bot persistence in our own SQLite database (issue 2).

Conversation states and chat data are written within a second (``update_interval``) and again after
each update (see ``bot.app``), so a half-finished flow survives a restart. Anything that matters
on its own (a filed klacht, an absence report) is committed to its own table at once, never only
here.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from telegram.ext import BasePersistence, PersistenceInput

from storage import ptb_state
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
        return defaultdict(dict, await ptb_state.load_data(self.db, kind))

    async def _store(self, kind: str, key: int, data: dict) -> None:
        await ptb_state.store_data(self.db, kind, key, data)

    async def _drop(self, kind: str, key: int) -> None:
        await ptb_state.drop_data(self.db, kind, key)

    async def get_user_data(self) -> dict[int, dict]:
        return await self._load("user")

    async def get_chat_data(self) -> dict[int, dict]:
        return await self._load("chat")

    async def get_bot_data(self) -> dict:
        return {}

    async def get_callback_data(self) -> None:
        return None

    async def get_conversations(self, name: str) -> dict:
        return await ptb_state.load_conversations(self.db, name)

    async def update_conversation(self, name: str, key: tuple, new_state: Any) -> None:
        await ptb_state.store_conversation(self.db, name, key, new_state)

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
