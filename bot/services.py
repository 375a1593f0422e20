"""What every handler, sweep and HTTP route needs, in one object that bot/app.py builds whole at
start-up (every field set at construction; nothing is added later)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from telegram import Bot

from bot.clock import Clock
from bot.config import Settings
from bot.i18n import I18n, Translator
from bot.outbox.dispatcher import Dispatcher
from storage import people
from storage.database import Database

Sweep = Callable[["Services", datetime], Awaitable[None]]


@dataclass(frozen=True)
class Command:
    """A bot command: its name, a lazily translated description and the roles that see it."""

    name: str
    description: str
    roles: frozenset[str]
    staff_text: bool = False
    # Staff text for staff and klantmanagers where the description speaks to a participant
    # ("Your lesson timetable"): their menus never show participant-worded buttons.
    staff_description: str | None = None

    def describe(self, tr: Translator, role: str | None = None) -> str:
        """The description as a fragment: a menu entry, a button label or a value in /help."""
        if self.staff_description and role in ("staff", "klantmanager"):
            return tr.sf_(self.staff_description)
        return tr.sf_(self.description) if self.staff_text else tr.f_(self.description)


ROLES = ("guest", "participant", "klantmanager", "staff")


@dataclass(frozen=True)
class Services:
    settings: Settings
    db: Database
    clock: Clock
    i18n: I18n
    bot: Bot
    outbox: Dispatcher
    # Every feature's commands, in menu order, and those answered as ``menu:<name>`` buttons.
    commands: tuple[Command, ...]
    menu_commands: frozenset[str]
    # The HTTP API's per-key rate limit (bot.http.ratelimit.KeyRateLimit); None: unlimited.
    api_limit: Any = None

    @property
    def bot_username(self) -> str:
        return self.bot.username

    def now(self) -> datetime:
        return self.clock.now()

    def commands_for(self, role: str) -> list[Command]:
        return [command for command in self.commands if role in command.roles]

    async def translator_for_person(self, person_id: int) -> Translator:
        return self.i18n.get(await people.person_language(self.db, person_id))
