"""/klachtinvoeren: a klachtbehandelaar registers a klacht the school received by mail, phone or on
paper (issue 11 point 11; Blik op Werk norm 1.5.6, 1.5.8), step by step: the participant (school
number or part of the name), how it came in, the real date of receipt, the topic and what it
says. ``bot.klachten.intake`` stores it with its terms from that date; the school's independent
handlers get its card and the participant the acknowledgement, as for a klacht sent in the bot.
"""

from __future__ import annotations

import logging
import re
import warnings
from datetime import date
from enum import IntEnum

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)
from telegram.warnings import PTBUserWarning

from bot.context import BotContext
from bot.i18n import SN_
from bot.klachten import intake
from bot.klachten.limits import MAX_TEXT
from bot.klachten.topics import TOPICS
from bot.names import name_of
from bot.rules.localtime import local_date
from bot.services import Command, Services
from storage import people

log = logging.getLogger(__name__)

COMMANDS = (Command("klachtinvoeren", SN_("Register a klacht received by mail, phone or paper"),
                    frozenset({"staff"}), staff_text=True),)

PREFIX = "ki"
DRAFT = "klacht_intake"
CHANNELS = {"mail": SN_("By mail or letter"), "phone": SN_("By phone"),
            "paper": SN_("On paper (a form)")}
DATE = re.compile(r"^\s*(\d{1,2})[-./](\d{1,2})[-./](\d{4})\s*$")


class State(IntEnum):
    WHO = 31
    PICK = 32
    CHANNEL = 33
    RECEIVED = 34
    TOPIC = 35
    TEXT = 36


def keyboard(rows: list[tuple[str, str]]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton(label, callback_data=f"{PREFIX}:{data}")]
                                 for label, data in rows])


async def pressed(update: Update) -> str:
    query = update.callback_query
    await query.answer()
    try:
        await query.edit_message_reply_markup(reply_markup=None)
    except TelegramError:
        pass
    return (query.data or "").split(":", 1)[1] if ":" in (query.data or "") else ""


async def start(update: Update, context: BotContext) -> int:
    tr, person = context.tr, context.person
    if person is None or person.role != "staff" or person.staff_role is None:
        await update.effective_chat.send_message(tr.s_(
            "Only a klachtbehandelaar or coordinator of a school can register a klacht."))
        return ConversationHandler.END
    context.chat_data[DRAFT] = {}
    await update.effective_chat.send_message(tr.s_(
        "Register a klacht that reached the school by mail, phone or on paper (norm 1.5.6). "
        "Whose klacht is it? Type the participant's school number or part of their name. "
        "Send /cancel to stop."))
    return State.WHO


async def who_typed(update: Update, context: BotContext) -> int:
    tr, person = context.tr, context.person
    found = await people.find_school_participants(context.services.db, person.school_id,
                                                  update.effective_message.text or "")
    if not found:
        await update.effective_chat.send_message(tr.s_(
            "No participant of your school matches. Type the school number or another part "
            "of the name."))
        return State.WHO
    if len(found) == 1:
        return await chose_participant(update, context, found[0].id)
    await update.effective_chat.send_message(
        tr.s_("Which participant?"), reply_markup=keyboard(
            [(name_of(p), f"p:{p.id}") for p in found]))
    return State.PICK


async def picked(update: Update, context: BotContext) -> int:
    data = await pressed(update)
    ident = data.removeprefix("p:")
    if not ident.isdigit():
        return State.PICK
    return await chose_participant(update, context, int(ident))


async def chose_participant(update: Update, context: BotContext, person_id: int) -> int:
    tr = context.tr
    participant = await people.get_person(context.services.db, person_id)
    if (participant is None or participant.role != "participant"
            or participant.school_id != context.person.school_id):
        return State.WHO
    context.chat_data[DRAFT] = {"participant": participant.id}
    await update.effective_chat.send_message(
        tr.s_("Klacht of {name}. How did it reach the school?", name=name_of(participant)),
        reply_markup=keyboard([(tr.s_(label), f"c:{code}") for code, label in CHANNELS.items()]))
    return State.CHANNEL


async def channel_chosen(update: Update, context: BotContext) -> int:
    code = (await pressed(update)).removeprefix("c:")
    if code not in CHANNELS or DRAFT not in context.chat_data:
        return State.CHANNEL
    context.chat_data[DRAFT]["channel"] = code
    tr = context.tr
    await update.effective_chat.send_message(tr.s_(
        "On which date did it reach the school? Type it as day-month-year, for example "
        "{example}. The terms run from that date.", example=tr.date(context.services.now())),
        reply_markup=keyboard([(tr.s_("Today"), "d:today")]))
    return State.RECEIVED


async def received(update: Update, context: BotContext) -> int:
    tr, services = context.tr, context.services
    today = local_date(services.now(), services.settings.tz)
    if update.callback_query is not None:
        await pressed(update)
        day: date | None = today
    else:
        match = DATE.match(update.effective_message.text or "")
        try:
            day = date(int(match[3]), int(match[2]), int(match[1])) if match else None
        except ValueError:
            day = None
    if day is None or not intake.EARLIEST <= day <= today:
        await update.effective_chat.send_message(tr.s_(
            "That is no date up to today. Type it as day-month-year, for example {example}.",
            example=tr.date(services.now())))
        return State.RECEIVED
    context.chat_data[DRAFT]["received_on"] = day.isoformat()
    await update.effective_chat.send_message(tr.s_("What is the klacht about?"), reply_markup=(
        keyboard([(tr.f_(TOPICS[code]), f"t:{code}") for code in intake.SCHOOL_TOPICS])))
    return State.TOPIC


async def topic_chosen(update: Update, context: BotContext) -> int:
    code = (await pressed(update)).removeprefix("t:")
    if code not in intake.SCHOOL_TOPICS or DRAFT not in context.chat_data:
        return State.TOPIC
    context.chat_data[DRAFT]["topic"] = code
    await update.effective_chat.send_message(context.tr.s_(
        "Write what the klacht says, in short, as the participant put it."))
    return State.TEXT


async def text_typed(update: Update, context: BotContext) -> int:
    tr, services = context.tr, context.services
    draft = context.chat_data.get(DRAFT) or {}
    participant = await people.get_person(services.db, draft.get("participant") or 0)
    if participant is None or not {"channel", "received_on", "topic"} <= set(draft):
        context.chat_data.pop(DRAFT, None)
        await update.effective_chat.send_message(tr.s_(
            "This registration is no longer complete. Send /klachtinvoeren to start again."))
        return ConversationHandler.END
    try:
        filed = await intake.register(
            services.db, intake.Intake(participant, draft["topic"],
                                       (update.effective_message.text or "").strip(),
                                       draft["channel"], date.fromisoformat(draft["received_on"])),
            registered_by=context.person, now=services.now(), tz=services.settings.tz)
    except intake.BadIntake:
        await update.effective_chat.send_message(tr.s_(
            "Please write the klacht in words, at most {limit} characters.",
            limit=tr.number(MAX_TEXT)))
        return State.TEXT
    context.chat_data.pop(DRAFT, None)
    await update.effective_chat.send_message(tr.s_(
        "Registered as {reference}, received on {received}. Decide on treatment by {decide_by}, "
        "handle it by {handle_by}. The independent klachtbehandelaars get it now.",
        reference=filed.reference, received=tr.date(filed.klacht.received_at),
        decide_by=tr.date(filed.decide_by), handle_by=tr.date(filed.handle_by)))
    return ConversationHandler.END


async def cancel(update: Update, context: BotContext) -> int:
    context.chat_data.pop(DRAFT, None)
    await update.effective_chat.send_message(context.tr.s_("Stopped. Nothing was registered."))
    return ConversationHandler.END


def conversation() -> ConversationHandler:
    text = filters.TEXT & ~filters.COMMAND
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*per_message=False.*", category=PTBUserWarning)
        return ConversationHandler(
            entry_points=[CommandHandler("klachtinvoeren", start)],
            states={
                State.WHO: [MessageHandler(text, who_typed)],
                State.PICK: [CallbackQueryHandler(picked, pattern=f"^{PREFIX}:p:"),
                             MessageHandler(text, who_typed)],
                State.CHANNEL: [CallbackQueryHandler(channel_chosen, pattern=f"^{PREFIX}:c:")],
                State.RECEIVED: [CallbackQueryHandler(received, pattern=f"^{PREFIX}:d:"),
                                 MessageHandler(text, received)],
                State.TOPIC: [CallbackQueryHandler(topic_chosen, pattern=f"^{PREFIX}:t:")],
                State.TEXT: [MessageHandler(text, text_typed)],
            },
            fallbacks=[CommandHandler("cancel", cancel)],
            name="klacht_intake", persistent=True, allow_reentry=True)


def register(app: Application, services: Services) -> None:
    app.add_handler(conversation())
