"""/gedeeld: what was shared about the participant, with whom, when and why (convenant art. 12.3:
the school tells the participant which information is exchanged and for what purpose; AVG).

Reads ``sharing_log``. Rows written by the overstap store codes (recipient ``school:<id>``, a JSON
list of item codes, a purpose code) that are shown in the participant's language; a row another
feature wrote as plain text is shown as it is.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import Application, CommandHandler

from bot.context import BotContext
from bot.i18n import N_, Translator
from bot.overstap.items import PURPOSES, item_label
from bot.services import Command, Services
from storage import convenant, orgs, people, sharing

COMMANDS = (Command("gedeeld", N_("What was shared about you, with whom and why"),
                    frozenset({"participant"})),)

SHOWN = 20


async def recipient_name(context: BotContext, recipient: str) -> str:
    kind, _, ref = recipient.partition(":")
    db = context.services.db
    if ref.isdigit():
        if kind == "school":
            return await convenant.school_name(db, int(ref))
        if kind == "gemeente":
            return await orgs.gemeente_name(db, int(ref)) or "?"
        if kind in ("person", "klantmanager"):
            person = await people.get_person(db, int(ref))
            return person.name if person is not None else "?"
    return recipient


def items_text(tr: Translator, items: list[str]) -> str:
    return ", ".join(tr.f_(item_label(code)) if item_label(code) else code
                     for code in items)


async def show(update: Update, context: BotContext) -> None:
    """/gedeeld: the sharing log of this participant, newest first."""
    tr, person = context.tr, context.person
    chat = update.effective_chat
    if person is None or person.role != "participant":
        await chat.send_message(tr._("Only course participants can see this here."))
        return
    shared = await sharing.sharing_for(context.services.db, person.id, SHOWN)
    if not shared:
        await chat.send_message(tr._("Nothing about you has been shared through this bot."))
        return
    lines = [tr._("What was shared about you:"), ""]
    for entry in shared:
        purpose = PURPOSES.get(entry.purpose)
        lines += [
            tr._("{day}: to {recipient}", day=tr.date(entry.shared_at),
                 recipient=await recipient_name(context, entry.recipient)),
            tr._("What: {items}", items=tr.safe(items_text(tr, entry.items))),
            tr._("Why: {why}", why=tr.safe(tr.f_(purpose) if purpose
                                           else entry.purpose)),
            "",
        ]
    lines.append(tr._("Questions about this? Ask your klantmanager or your school."))
    await chat.send_message(tr.lines(lines))


def register(app: Application, services: Services) -> None:
    app.add_handler(CommandHandler("gedeeld", show))
