"""/mijngegevens: everything the bot stores about the participant (issue 13; AVG art. 15, BoW
1.4.3 g): a PDF to read, in their language where it prints, and the complete JSON file. Only
their own rows are read (``storage/privacy_export.py``); the export goes to the audit trail."""

from __future__ import annotations

from telegram import Update
from telegram.ext import Application, CommandHandler

from bot.context import BotContext
from bot.i18n import N_
from bot.privacy import export
from bot.services import Command, Services

COMMANDS = (Command("mijngegevens", N_("Everything this bot keeps about you"),
                    frozenset({"participant"})),)
MENU = ("mijngegevens",)


async def send_export(update: Update, context: BotContext) -> None:
    tr, person, services = context.tr, context.person, context.services
    chat = update.effective_chat
    if person is None or person.role != "participant":
        await chat.send_message(tr._("Only course participants can see this here."))
        return
    now = services.now()
    data = await export.collect(services.db, person, person, now)
    await chat.send_message(tr._(
        "Here is everything this bot keeps about you: a document to read and a JSON file with "
        "all of it. Questions, or something to correct or erase? Ask the privacy contact of "
        "your school or gemeente."))
    stamp = now.strftime("%Y-%m-%d")
    await chat.send_document(document=export.as_pdf(data, services.i18n, tr.language),
                             filename=f"mijngegevens-{stamp}.pdf")
    await chat.send_document(document=export.as_json(data), filename=f"mijngegevens-{stamp}.json")


def register(app: Application, services: Services) -> None:
    app.add_handler(CommandHandler("mijngegevens", send_export))
