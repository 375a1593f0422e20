"""/contact: a person to ask (issue 14). A participant sees their school's contact (phone,
e-mail, opening hours, address with a map link) and their klantmanager as far as the gemeente
allows, with the gemeente's own contact (``bot.contact``). Someone not linked yet is told whom to
ask for a code."""

from __future__ import annotations

from telegram import LinkPreviewOptions, Update
from telegram.ext import Application, CommandHandler

from bot.contact import reachable
from bot.context import BotContext
from bot.i18n import N_, Translator
from bot.rooster.way import map_url
from bot.services import Command, Services
from storage.contacts import Contact

COMMANDS = (Command("contact", N_("Whom you can ask, and how"),
                    frozenset({"guest", "participant"})),)


def contact_lines(tr: Translator, contact: Contact | None) -> list[str]:
    if contact is None:
        return []
    lines = []
    if contact.phone:
        lines.append("📞 " + tr.f_("Phone: {phone}", phone=contact.phone))
    if contact.email:
        lines.append("✉️ " + tr.f_("E-mail: {email}", email=contact.email))
    if contact.hours:
        lines.append("🕘 " + tr.f_("Open: {hours}", hours=contact.hours))
    if contact.address:
        lines.append("📍 " + tr.f_("Address: {address}", address=contact.address))
        lines.append("🗺 " + tr.f_("Map: {link}", link=map_url(contact.address)))
    return lines


async def show(update: Update, context: BotContext) -> None:
    tr, me, services = context.tr, context.person, context.services
    chat = update.effective_chat
    if me is None:
        await chat.send_message(tr._(
            "You are not linked yet, so the bot does not know your school. To link, you need a "
            "code: ask your taalschool (the school of your course) or your klantmanager at the "
            "gemeente. Then send /start followed by the code."))
        return
    if me.role != "participant":
        await chat.send_message(tr._("/contact shows course participants whom they can ask."))
        return
    found = await reachable(services, me)
    lines = ["☎️ " + tr._("Whom you can ask"), ""]
    lines.append("🏫 " + tr.f_("Your school: {school}", school=found.school or "–"))
    school_lines = contact_lines(tr, found.school_contact)
    lines.extend(school_lines or [tr.f_("Your school has not given its contact details here "
                                        "yet. Ask your teacher.")])
    if found.gemeente:
        lines.extend(["", "🏛 " + tr.f_("Your gemeente: {gemeente}", gemeente=found.gemeente)])
        if found.klantmanager:
            lines.append("👤 " + tr.f_("Your klantmanager: {name}", name=found.klantmanager))
            if found.klantmanager_phone:
                lines.append("📞 " + tr.f_("Phone: {phone}", phone=found.klantmanager_phone))
            if found.klantmanager_email:
                lines.append("✉️ " + tr.f_("E-mail: {email}", email=found.klantmanager_email))
        lines.extend(contact_lines(tr, found.gemeente_contact))
    await chat.send_message(tr.paragraphs(lines),
                            link_preview_options=LinkPreviewOptions(is_disabled=True))


def register(app: Application, services: Services) -> None:
    app.add_handler(CommandHandler("contact", show))
