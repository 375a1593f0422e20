"""/gedeeld: what was shared about the participant, with whom, when and why (convenant art. 12.3:
the school tells the participant which information is exchanged and for what purpose; AVG).

Reads ``sharing_log`` and the audit trail of who looked (issue 13). What is shared is recorded
where it happens (``bot.privacy.shared``): verzuim and uitval alerts, a klacht that reaches the
klantmanager or the regional coordination, the overstap's handover; attendance a klantmanager
read in /caseload is in the audit trail, shown under "who looked". Rows store codes (recipient
``school:<id>``, ``klantmanager:<id>`` or ``projectgroep``, a JSON list of item codes, a purpose
code) shown in the participant's language; a row written as plain text is shown as it is.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import Application, CommandHandler

from bot.context import BotContext
from bot.i18n import N_, Translator
from bot.overstap.items import PURPOSES as OVERSTAP_PURPOSES
from bot.overstap.items import item_label
from bot.privacy import audit, shared
from bot.services import Command, Services
from bot.trajectory.notices import PURPOSES as TRAJECTORY_PURPOSES
from conversations.onboarding import ROLE_NAMES
from storage import convenant, orgs, people, sharing
from storage import privacy as privacy_store

COMMANDS = (Command("gedeeld", N_("What was shared about you, with whom and why"),
                    frozenset({"participant"})),)

SHOWN = 20
PURPOSES = OVERSTAP_PURPOSES | shared.PURPOSES | TRAJECTORY_PURPOSES
REGION = N_("the regional coordination (Projectgroep Statushouders en Inburgering)")


def label_of(code: str) -> str | None:
    return item_label(code) or shared.ITEMS.get(code)


async def recipient_name(context: BotContext, recipient: str) -> str:
    if recipient == shared.REGION:
        return context.tr.f_(REGION)
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
    return ", ".join(tr.f_(label_of(code)) if label_of(code) else code for code in items)


def looked_lines(tr: Translator, looked: list[privacy_store.AuditEntry]) -> list[str]:
    """Who looked at the participant's data (the audit trail, issue 13), newest first."""
    if not looked:
        return [tr._("Nobody has looked at your data through this bot."), ""]
    lines = [tr._("Who looked at your data:"), ""]
    for entry in looked:
        role = ROLE_NAMES.get(entry.actor_role or "")
        what = audit.WHAT.get(entry.what)
        lines.append(tr._("{day}: {who} ({role}) saw {what}", day=tr.date(entry.at),
                          who=entry.actor_name or entry.actor,
                          role=tr.safe(tr.f_(role) if role else "-"),
                          what=tr.safe(tr.f_(what) if what else entry.what)))
    return lines + [""]


async def show(update: Update, context: BotContext) -> None:
    """/gedeeld: the sharing log of this participant, newest first."""
    tr, person = context.tr, context.person
    chat = update.effective_chat
    if person is None or person.role != "participant":
        await chat.send_message(tr._("Only course participants can see this here."))
        return
    shared = await sharing.sharing_for(context.services.db, person.id, SHOWN)
    looked = await privacy_store.audit_entries(context.services.db, subject_id=person.id,
                                               limit=SHOWN)
    if not shared:
        lines = [tr._("Nothing about you has been shared through this bot."), ""]
    else:
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
    lines += looked_lines(tr, looked)
    lines.append(tr._("Questions about this? Ask your klantmanager or your school."))
    await chat.send_message(tr.lines(lines))


def register(app: Application, services: Services) -> None:
    app.add_handler(CommandHandler("gedeeld", show))
