"""Test helpers: a controllable clock, a running bot against the sandbox, and a world builder.

Tests drive the real python-telegram-bot Application over HTTP against our sandbox Bot API
server, with a real SQLite file and real scheduler jobs; only the clock is ours to move.
"""

from __future__ import annotations

import asyncio
import secrets
import socket
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx

from bot.app import BotApp
from bot.clock import Clock
from bot.config import Settings
from bot.i18n import LANGUAGES
from bot.sandbox import SandboxServer, SandboxUser
from bot.sandbox.state import PendingQuery
from bot.services import Services
from storage import orgs, partners, people
from storage.database import Database
from storage.engines import is_url
from tests import postgres_world


class FakeClock(Clock):
    """A clock that stands still until a test moves it."""

    def __init__(self, start: datetime):
        self._now = start.astimezone(UTC)

    def now(self) -> datetime:
        return self._now

    def set(self, moment: datetime) -> None:
        self._now = moment.astimezone(UTC)

    def advance(self, **delta: float) -> datetime:
        self._now += timedelta(**delta)
        return self._now


@dataclass
class RunningBot:
    """One started bot in a task of this event loop, built by bot.app as ``run`` builds it."""

    app: BotApp
    clock: FakeClock

    @property
    def services(self) -> Services:
        return self.app.services

    @property
    def settings(self) -> Settings:
        return self.app.settings

    @property
    def db(self) -> Database:
        return self.app.services.db

    @property
    def url(self) -> str:
        return self.app.url

    def api(self, key: str | None = None) -> httpx.AsyncClient:
        headers = {"Authorization": f"Bearer {key}"} if key else {}
        return httpx.AsyncClient(base_url=self.url, headers=headers, timeout=30)

    async def sweep(self) -> None:
        """Run the scheduler's sweeps now (the same code the periodic job runs)."""
        # On PostgreSQL a sweep the periodic job is running in this instance makes this call
        # skip it (one holder of its lock); wait for it, as on SQLite, where both run.
        while any(name.startswith("sweep:") for name in getattr(self.db, "held_locks", ())):
            await asyncio.sleep(0.01)
        await self.app.sweep()

    async def stop(self) -> None:
        await self.app.stop()


async def start_bot(sandbox: SandboxServer, db_path: Path, clock: FakeClock,
                    **overrides) -> RunningBot:
    # The API's per-key rate limit is far above what a test sends, unless a test sets it.
    overrides.setdefault("api_rate_per_minute", 60000.0)
    overrides.setdefault("http", ("127.0.0.1", 0))
    if postgres_world.wanted():
        # Each test its own fresh PostgreSQL database; the key file where the SQLite one would be.
        if not is_url(db_path):
            db_path = await postgres_world.database_url(db_path)
        overrides.setdefault("secret_key_file", postgres_world.key_file(db_path))
    settings = Settings.defaults(token=sandbox.token, api_url=sandbox.bot_api_url,
                                 file_api_url=sandbox.file_url, db_path=db_path,
                                 sweep_seconds=3600.0, **overrides)
    app = BotApp(settings, clock=clock)
    await app.start()
    if app.services.db.dialect != "sqlite":
        # On PostgreSQL the sender and the poller (or webhook) are elected by locks taken in
        # the background; a test sees the bot as on SQLite, sending and taking updates from its
        # start (unless another instance holds them).
        for _ in range(200):
            if app.services.outbox.sender and app.application.running:
                break
            await asyncio.sleep(0.05)
    return RunningBot(app, clock)


@dataclass
class World:
    """Builds fictional gemeenten, schools and people directly in the bot's database."""

    db: Database
    clock: FakeClock
    keys: dict[str, str] = field(default_factory=dict)

    async def gemeente(self, name: str = "Enschede") -> int:
        async with self.db.transaction() as tx:
            gemeente_id, key = await orgs.add_gemeente(tx, name, self.clock.now())
        self.keys[f"gemeente:{gemeente_id}"] = key
        return gemeente_id

    async def school(self, name: str = "Taalschool Twente") -> int:
        async with self.db.transaction() as tx:
            school_id, key = await orgs.add_school(tx, name, self.clock.now())
        self.keys[f"school:{school_id}"] = key
        return school_id

    async def works_with(self, gemeente_id: int, school_id: int) -> None:
        """The gemeente works with the school (its side of the relation, as its API sets it)."""
        await partners.add(self.db, gemeente_id, school_id, self.clock.now())

    async def person(self, name: str, role: str, **kw) -> int:
        async with self.db.transaction() as tx:
            return await people.add_person(tx, name=name, role=role, now=self.clock.now(), **kw)

    async def code(self, person_id: int, days: int = 14) -> str:
        async with self.db.transaction() as tx:
            return await people.issue_link_code(tx, person_id, self.clock.now(), days)


async def link(world: World, user: SandboxUser, person_id: int, language: str) -> None:
    """Link a sandbox user to a person the way a participant does: /start CODE, pick language."""
    code = await world.code(person_id)
    await user.send(f"/start {code}")
    picker = await user.wait_for_message()
    assert picker.buttons, "expected the language picker"
    await user.press(LANGUAGES[language], picker)
    await user.wait_for_message()  # "Language: ..."
    notice = await user.wait_for_message()  # the privacy notice, before anything else
    await user.press(notice.button_texts[-1], notice)  # "Go on"
    await user.wait_for_message()  # greeting with the role's menu
    await asyncio.sleep(0)


def free_port() -> int:
    """A local TCP port free right now (for a bot whose own URL must be known before it starts,
    such as its webhook)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def press_forged(sandbox, user, message, data: str) -> None:
    """What a modified Telegram client can send: callback data the bot never put on a button in
    this chat (the sandbox's own press refuses that, so the query is queued directly)."""
    state = sandbox.state
    chat = state.chats[user.user_id]
    query_id = str(secrets.randbits(63))
    state.queries[query_id] = PendingQuery(query_id, user.user_id, message.message_id, data)
    state.enqueue("callback_query", {"id": query_id, "from": state.require_user(user.user_id),
                                     "message": chat.live_message(message.message_id),
                                     "chat_instance": chat.chat_instance, "data": data})
