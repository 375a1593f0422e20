"""Every feature of the bot, registered in this one order (rules-bot habit).

A feature module may define ``COMMANDS`` (tuple of ``Command``), ``register(app, services)`` to
add its handlers (group 0; order matters: the first matching handler wins), ``SWEEPS`` (tuple of
``(name, async fn(services, now))`` run by the scheduler), ``MENU`` (command names it answers as
``menu:<name>`` buttons) and ``router`` (a FastAPI APIRouter for the HTTP server).
The gate comes first and the help fallbacks last.
"""

from __future__ import annotations

import importlib
from types import ModuleType

FEATURE_MODULES: tuple[str, ...] = (
    "conversations.gate",
    "conversations.onboarding",
    "conversations.language",
    "conversations.mijnklachten",
    "conversations.klacht_handling",
    "conversations.klacht",
    "bot.klachten",
    "bot.admin.klachten",
    "bot.api.klachten",
    "conversations.overstap",
    "conversations.overstap_handling",
    "conversations.gedeeld",
    "bot.overstap.feature",
    "bot.api.overstap",
    "bot.api.attendance",
    "bot.verzuim",
    "bot.uren",
    "conversations.afmelden",
    "conversations.caseload",
    "conversations.uren",
    "bot.outbox.feature",
    "bot.api.rooster",
    "conversations.rooster",
    "conversations.activities",
    "conversations.help",
)


# The order commands appear in menus and /help: what people use most comes first.
COMMAND_ORDER: tuple[str, ...] = (
    "rooster", "afmelden", "klacht", "mijnklachten", "uren", "overstap", "gedeeld",
    "caseload", "activiteiten", "klachten", "overstappen", "taal", "help", "start",
)


def command_rank(name: str) -> int:
    return COMMAND_ORDER.index(name) if name in COMMAND_ORDER else len(COMMAND_ORDER)


def feature_modules() -> list[ModuleType]:
    return [importlib.import_module(name) for name in FEATURE_MODULES]
