"""Helpers shared by the outbox tests: many open chats at once, participants linked directly in
the database, and message keys only tests use (the sandbox with Telegram's limits on is a
fixture in conftest.py)."""

from __future__ import annotations

from datetime import datetime

import httpx

from bot.i18n import Translator
from bot.outbox import Rendered, enqueue, renders
from bot.outbox.messages import PING  # noqa: F401 (registers the outbox's own renderers)
from bot.privacy.notice import DEFAULT_VERSION
from bot.sandbox import SandboxClient, SandboxServer, SandboxUser
from storage import privacy
from storage.database import Database, to_db
from tests.support import World, start_bot

NUMBERED = "test.numbered"
LONG = "test.long"


@renders(NUMBERED)
def _numbered(tr: Translator, params: dict) -> str:
    return f"#{params['n']}"


@renders(LONG)
def _long(tr: Translator, params: dict) -> Rendered:
    from telegram import InlineKeyboardButton, InlineKeyboardMarkup

    lines = [f"{i:04d} " + "lesrooster " * 8 for i in range(params["lines"])]
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("OK", callback_data="test:ok")]])
    return Rendered("\n".join(lines), keyboard)


async def open_chats(sandbox: SandboxServer, client: SandboxClient, ids,
                     language_code: str | None = None) -> dict[int, SandboxUser]:
    """Users who wrote to the bot once (Telegram only lets a bot write to such chats), before the
    bot runs; their greetings are taken off the queue as a bot that ignores them would."""
    users = {}
    for user_id in ids:
        users[user_id] = user = await client.user(user_id, f"Deelnemer {user_id}",
                                                  language_code=language_code)
        await user.send("hallo")
    pending = await client.pending_updates()
    if pending:
        async with httpx.AsyncClient() as http:
            reply = await http.post(f"{sandbox.bot_api_url}{sandbox.token}/getUpdates",
                                    data={"offset": pending[-1]["update_id"] + 1, "timeout": 0})
            reply.raise_for_status()
    return users


async def link_directly(db: Database, person_id: int, chat_id: int, language: str,
                        now: datetime) -> None:
    """What onboarding leaves behind: the Telegram link, the chosen language and the default
    privacy notice read."""
    async with db.transaction() as tx:
        await tx.execute("INSERT INTO telegram_links(person_id, chat_id, linked_at) VALUES (?,?,?)",
                         (person_id, chat_id, to_db(now)))
        await tx.execute("INSERT INTO chat_languages(chat_id, language, chosen_at) VALUES (?,?,?)",
                         (chat_id, language, to_db(now)))
    await privacy.acknowledge(db, person_id, f"default:{DEFAULT_VERSION}", now)


async def linked_participants(world: World, chats: dict[int, str]) -> dict[int, int]:
    """A participant per chat id, linked in the given language; returns chat id -> person id."""
    gemeente = await world.gemeente("Hengelo")
    school = await world.school("Taalschool Hengelo")
    km = await world.person("Karin Mulder", "klantmanager", gemeente_id=gemeente)
    people = {}
    for chat_id, language in chats.items():
        person = await world.person(f"Deelnemer {chat_id}", "participant", school_id=school,
                                    klantmanager_id=km, regime="wi2021", route="b1")
        await link_directly(world.db, person, chat_id, language, world.clock.now())
        people[chat_id] = person
    return people


async def enqueue_many(db: Database, now: datetime, rows: list[dict]) -> list[int | None]:
    """Enqueue rows in one transaction, as a feature does for a fan-out."""
    async with db.transaction() as tx:
        return [await enqueue(tx, now=now, **row) for row in rows]


async def started(sandbox: SandboxServer, tmp_path, clock, **overrides):
    return await start_bot(sandbox, tmp_path / "bot.db", clock, **overrides)


async def states(db: Database) -> dict[str, int]:
    rows = await db.fetchall("SELECT state, count(*) AS n FROM outbox GROUP BY state")
    return {row["state"]: row["n"] for row in rows}
