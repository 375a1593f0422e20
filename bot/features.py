"""Every feature of the bot as a plain value (rules-bot habit: order of registration in one place).

A ``Feature`` says what one feature adds: its commands (menus and /help), the functions that add
its Telegram handlers (``conversations/``), its scheduler sweeps (``bot/<feature>/``), its HTTP
routers (``bot/api/``), the commands it answers as ``menu:<name>`` buttons, and its admin
subcommands (``bot/admin/``). ``bot/app.py`` composes them in the order of ``FEATURES``.

Handler order matters within a group: the first matching handler wins, so the gate comes first
and the help fallbacks last.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from telegram.ext import Application

import bot.klachten
import bot.privacy
import bot.uren
import bot.verzuim
from bot.admin import contact as contact_admin
from bot.admin import klachten as klachten_admin
from bot.admin import outbox as outbox_admin
from bot.admin import overstap as overstap_admin
from bot.admin import privacy as privacy_admin
from bot.admin import survey as survey_admin
from bot.api import activities as activities_api
from bot.api import attendance as attendance_api
from bot.api import contact as contact_api
from bot.api import documents as documents_api
from bot.api import feed as feed_api
from bot.api import invoices as invoices_api
from bot.api import klachten as klachten_api
from bot.api import overstap as overstap_api
from bot.api import partners as partners_api
from bot.api import privacy as privacy_api
from bot.api import rooster as rooster_api
from bot.api import survey as survey_api
from bot.api import trajectory as trajectory_api
from bot.api import verify as verify_api
from bot.api import wanprestatie as wanprestatie_api
from bot.outbox import sweep as outbox_sweep
from bot.overstap import sweep as overstap_sweep
from bot.rooster import holiday_reminder, reminders
from bot.rooster import later as rooster_later
from bot.services import Command, Services, Sweep
from conversations import (
    activities,
    afmelden,
    afwezig,
    caseload,
    contact,
    gate,
    gedeeld,
    help,
    instellingen,
    invoices,
    klacht,
    klacht_handling,
    klacht_intake,
    klacht_report,
    klacht_signal,
    klachten_list,
    language,
    mijngegevens,
    mijnklachten,
    mijnschool,
    obstacle_note,
    onboarding,
    outbox_chats,
    overstap,
    overstap_answers,
    overstap_handling,
    overstap_standing,
    privacy_notice,
    rooster,
    survey,
    traject,
    trajectory,
    uren,
    uren_note,
    verzuim,
)

Register = Callable[[Application, Services], None]
Startup = Callable[[Services], Awaitable[None]]


@dataclass(frozen=True)
class Feature:
    """What one feature adds to the bot; every field is optional."""

    name: str
    commands: tuple[Command, ...] = ()
    handlers: tuple[Register, ...] = ()
    sweeps: tuple[tuple[str, Sweep], ...] = ()
    # FastAPI routers from bot/api/ (typed loosely: only bot/api and bot/http import FastAPI).
    routes: tuple[Any, ...] = ()
    menu: tuple[str, ...] = ()
    admin: tuple[Callable[[Any], None], ...] = ()
    startup: tuple[Startup, ...] = ()


GATE = Feature("gate", handlers=(gate.register,))
ONBOARDING = Feature("onboarding", commands=onboarding.COMMANDS, handlers=(onboarding.register,))
LANGUAGE = Feature("language", commands=language.COMMANDS, handlers=(language.register,))
PRIVACY = Feature("privacy", commands=mijngegevens.COMMANDS,
                  handlers=(privacy_notice.register, mijngegevens.register),
                  sweeps=bot.privacy.SWEEPS, menu=mijngegevens.MENU,
                  routes=(privacy_api.router,),
                  admin=(privacy_admin.add_admin_commands,))
KLACHTEN = Feature(
    "klachten",
    commands=(mijnklachten.COMMANDS + klachten_list.COMMANDS + klacht.COMMANDS
              + klacht_intake.COMMANDS + klacht_signal.COMMANDS),
    handlers=(mijnklachten.register, klachten_list.register, klacht_handling.register,
              klacht.register, klacht_intake.register, klacht_report.register,
              klacht_signal.register),
    sweeps=bot.klachten.SWEEPS,
    routes=(klachten_api.router,),
    menu=mijnklachten.MENU + klacht.MENU,
    admin=(klachten_admin.add_admin_commands,),
)
OVERSTAP = Feature(
    "overstap",
    commands=overstap.COMMANDS + overstap_handling.COMMANDS + gedeeld.COMMANDS,
    # The answer buttons before /overstap's catch-all for stale ovp: buttons.
    handlers=(overstap_answers.register, overstap.register, overstap_handling.register,
              overstap_standing.register, gedeeld.register),
    sweeps=overstap_sweep.SWEEPS,
    routes=(overstap_api.router,),
    menu=overstap.MENU,
    admin=(overstap_admin.add_admin_commands,),
)
ATTENDANCE = Feature("attendance", routes=(attendance_api.router,))
VERZUIM = Feature("verzuim", handlers=(verzuim.register,), sweeps=bot.verzuim.SWEEPS)
UREN = Feature("uren", commands=uren.COMMANDS, handlers=(uren_note.register, uren.register),
               routes=(verify_api.router,), menu=uren.MENU, startup=(bot.uren.startup,),
               sweeps=bot.uren.SWEEPS)
AFMELDEN = Feature("afmelden", commands=afmelden.COMMANDS + afwezig.COMMANDS,
                   handlers=(afmelden.register, afwezig.register), menu=afmelden.MENU)
CASELOAD = Feature("caseload", commands=caseload.COMMANDS, handlers=(caseload.register,),
                   menu=caseload.MENU)
OUTBOX = Feature("outbox", handlers=(outbox_chats.register,), sweeps=outbox_sweep.SWEEPS,
                 admin=(outbox_admin.add_admin_commands,))
ROOSTER = Feature("rooster", commands=rooster.COMMANDS + instellingen.COMMANDS,
                  handlers=(rooster.register, instellingen.register),
                  routes=(rooster_api.router, activities_api.router, feed_api.router,
                          partners_api.router),
                  sweeps=rooster_later.SWEEPS + reminders.SWEEPS + holiday_reminder.SWEEPS,
                  menu=rooster.MENU)
ACTIVITIES = Feature("activities", commands=activities.COMMANDS,
                     handlers=(activities.register,))
CONTACT = Feature("contact", commands=contact.COMMANDS, handlers=(contact.register,),
                  routes=(contact_api.router,), admin=(contact_admin.add_admin_commands,))
TRAJECTORY = Feature("trajectory", commands=traject.COMMANDS,
                     handlers=(trajectory.register, traject.register, obstacle_note.register),
                     routes=(trajectory_api.router,))
INVOICES = Feature("invoices", handlers=(invoices.register,), routes=(invoices_api.router,))
SURVEY = Feature("survey", commands=survey.COMMANDS, handlers=(survey.register,),
                 routes=(survey_api.router,), admin=(survey_admin.add_admin_commands,))
WANPRESTATIE = Feature("wanprestatie", routes=(wanprestatie_api.router,))
DOCUMENTS = Feature("documents", commands=mijnschool.COMMANDS, handlers=(mijnschool.register,),
                    routes=(documents_api.router,), menu=mijnschool.MENU)
HELP = Feature("help", commands=help.COMMANDS, handlers=(help.register,))


# The order commands appear in menus and /help: what people use most comes first.
COMMAND_ORDER: tuple[str, ...] = (
    "rooster", "afmelden", "afwezig", "klacht", "mijnklachten", "uren", "overstap", "gedeeld",
    "mijnschool", "mijngegevens", "instellingen", "enquete",
    "caseload", "signaal", "activiteiten", "klachten", "klachtinvoeren", "traject", "overstappen",
    "contact",
    "taal", "help", "start",
)


def command_rank(name: str) -> int:
    return COMMAND_ORDER.index(name) if name in COMMAND_ORDER else len(COMMAND_ORDER)
