"""What every handler, sweep and HTTP route needs, in one object built at start-up."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Awaitable, Callable

from bot.clock import Clock
from bot.config import Settings
from bot.i18n import I18n, Translator
from storage.database import Database
from storage import people

if TYPE_CHECKING:
    from telegram import Bot

Sweep = Callable[["Services", datetime], Awaitable[None]]


@dataclass(frozen=True)
class Command:
    """A bot command: its name, a lazily translated description and the roles that see it."""

    name: str
    description: str
    roles: frozenset[str]
    staff_text: bool = False

    def describe(self, tr: Translator) -> str:
        return tr.s_(self.description) if self.staff_text else tr._(self.description)


ROLES = ("guest", "participant", "klantmanager", "staff")


@dataclass
class Services:
    settings: Settings
    db: Database
    clock: Clock
    i18n: I18n
    commands: list[Command] = field(default_factory=list)
    sweeps: list[tuple[str, Sweep]] = field(default_factory=list)
    bot: "Bot | None" = None
    bot_username: str = ""
    outbox: Any = None
    extras: dict[str, Any] = field(default_factory=dict)

    def now(self) -> datetime:
        return self.clock.now()

    def commands_for(self, role: str) -> list[Command]:
        return [command for command in self.commands if role in command.roles]

    async def translator_for_person(self, person_id: int) -> Translator:
        return self.i18n.get(await people.person_language(self.db, person_id))
