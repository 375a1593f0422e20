"""The callback context every handler receives: services, the person behind the chat, and a
translator for the language resolved once per update (aiogram's i18n habit)."""

from __future__ import annotations

from telegram.ext import CallbackContext, ExtBot

from bot.i18n import Translator
from bot.services import Services
from storage.people import Person


class BotContext(CallbackContext[ExtBot, dict, dict, dict]):
    """Filled by the gate handler in ``conversations.gate`` before any other handler runs."""

    person: Person | None = None
    tr: Translator
    language: str | None = None

    @property
    def services(self) -> Services:
        return self.application.bot_data["services"]

    @property
    def role(self) -> str:
        return self.person.role if self.person else "guest"
