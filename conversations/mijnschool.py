"""/mijnschool (issue 15; convenant art. 10.5, 10.9; BoW 2.11): the participant's school by name,
and its onderwijsplan and klachtenregeling as the PDF documents the school uploaded, with a
caption in the participant's language. Only the participant's own school's documents are sent.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot.context import BotContext
from bot.documents import KINDS
from bot.i18n import N_
from bot.services import Command, Services
from storage import orgs
from storage import school_documents as store

COMMANDS = (Command("mijnschool", N_("Your school and its documents"),
                    frozenset({"participant"})),)
MENU = ("mijnschool",)

CAPTIONS = {
    "onderwijsplan": N_("The education plan (onderwijsplan) of {school}: how your course is "
                        "given."),
    "klachtenregeling": N_("The complaints procedure (klachtenregeling) of {school}: how to "
                           "complain and how the school handles it."),
}


async def show(update: Update, context: BotContext) -> None:
    tr, person, chat, db = (context.tr, context.person, update.effective_chat,
                            context.services.db)
    if update.callback_query is not None:
        await update.callback_query.answer()
    if person is None or person.role != "participant" or person.school_id is None:
        await chat.send_message(tr._("Only course participants can see this here."))
        return
    school = await orgs.get_school(db, person.school_id)
    name = school.name if school else "?"
    kinds = {d.kind for d in await store.documents_of(db, person.school_id)}
    lines = [tr._("Your school: {school}", school=name)]
    if not kinds:
        lines.append(tr._("Your school has not put its education plan and complaints procedure "
                          "here yet. Ask your school for them."))
    else:
        lines.append(tr._("Here are your school's documents. They are in Dutch; ask your "
                          "teacher if you want help reading them."))
    await chat.send_message(tr.lines(lines))
    for kind in KINDS:
        if kind not in kinds:
            continue
        content = await store.content_of(db, person.school_id, kind)
        if content is not None:
            await chat.send_document(document=content, filename=f"{kind}.pdf",
                                     caption=tr._(CAPTIONS[kind], school=name))


def register(app: Application, services: Services) -> None:
    app.add_handler(CommandHandler("mijnschool", show))
    app.add_handler(CallbackQueryHandler(show, pattern=r"^menu:mijnschool$"))
