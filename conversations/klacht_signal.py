"""/signaal and raising a signal (issue 11 point 13; convenant art. 13.4, 13.5): a klantmanager
records a signal on a participant's behalf (pick the participant, write what they said), and
raises an unresolved signal to the regional coordination with the button on it; the participant
agrees or not with buttons in their language. The rules and messages are in
``bot.klachten.region``.
"""

from __future__ import annotations

import logging
import warnings
from enum import IntEnum

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
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
from bot.klachten import region
from bot.klachten.limits import MAX_TEXT
from bot.names import name_of, told_apart
from bot.refusal import Refused
from bot.services import Command, Services
from conversations.presses import drop_buttons, pressed_id, refuse_press
from storage import people

log = logging.getLogger(__name__)

COMMANDS = (Command("signaal", SN_("Record a signal about a school for your participant"),
                    frozenset({"klantmanager"}), staff_text=True),)

PICK_PREFIX = "ks"
PENDING = "klacht_signal"


class State(IntEnum):
    PICK = 51
    TEXT = 52


async def start(update: Update, context: BotContext) -> int:
    tr, person = context.tr, context.person
    if person is None or person.role != "klantmanager":
        await update.effective_chat.send_message(tr.s_("Only a klantmanager can do this."))
        return ConversationHandler.END
    caseload = await people.caseload(context.services.db, person.id)
    names = told_apart((p.id, p.name, p.external_id) for p in caseload)
    if not caseload:
        await update.effective_chat.send_message(tr.s_("You have no participants."))
        return ConversationHandler.END
    await update.effective_chat.send_message(
        tr.s_("Record a signal about a school for one of your participants (convenant art. "
              "13.4). For whom? Send /cancel to stop."),
        reply_markup=InlineKeyboardMarkup([[InlineKeyboardButton(
            names[p.id][:60], callback_data=f"{PICK_PREFIX}:p:{p.id}")] for p in caseload[:30]]))
    return State.PICK


async def picked(update: Update, context: BotContext) -> int:
    tr = context.tr
    participant_id = pressed_id(update)
    participant = (await people.get_person(context.services.db, participant_id)
                   if participant_id is not None else None)
    if participant is None or participant.klantmanager_id != context.person.id:
        await refuse_press(update, tr.s_("You cannot do this for this participant."), "not theirs")
        return State.PICK
    await update.callback_query.answer()
    await drop_buttons(update)
    context.chat_data[PENDING] = participant.id
    await update.effective_chat.send_message(tr.s_(
        "Write the signal of {name}: what they told you about the lessons or the school.",
        name=name_of(participant)))
    return State.TEXT


async def typed(update: Update, context: BotContext) -> int:
    tr, services = context.tr, context.services
    try:
        klacht = await region.file_on_behalf(services.db, context.person,
                                             context.chat_data.get(PENDING) or 0,
                                             update.effective_message.text or "", services.now())
    except Refused as refused:
        log.warning("signal on behalf refused: %s", refused)
        await update.effective_chat.send_message(tr.s_(
            "Please write the signal in words, at most {limit} characters.",
            limit=tr.number(MAX_TEXT)))
        return State.TEXT
    context.chat_data.pop(PENDING, None)
    await update.effective_chat.send_message(
        tr.s_("Signal {reference} is recorded for your participant, who is told of it. If it "
              "stays unresolved, you can raise it to the regional coordination with their "
              "consent.", reference=klacht.reference),
        reply_markup=InlineKeyboardMarkup([region.raise_button(tr, klacht.id)]))
    return ConversationHandler.END


async def cancel(update: Update, context: BotContext) -> int:
    context.chat_data.pop(PENDING, None)
    await update.effective_chat.send_message(context.tr.s_("Stopped. Nothing was recorded."))
    return ConversationHandler.END


async def raise_pressed(update: Update, context: BotContext) -> None:
    """The klantmanager asks to raise a signal: the participant is asked for consent."""
    tr, services, person = context.tr, context.services, context.person
    klacht_id = pressed_id(update)
    try:
        if person is None or klacht_id is None:
            raise Refused("no person or klacht")
        klacht = await region.ask_raise(services.db, person, klacht_id, services.now())
    except Refused as refused:
        await refuse_press(update, tr.s_("You cannot raise this signal (again) now."), str(refused))
        return
    await update.callback_query.answer()
    await drop_buttons(update)
    await update.effective_chat.send_message(tr.s_(
        "We asked your participant whether signal {reference} may go to the regional "
        "coordination. You will hear their answer.", reference=klacht.reference))


async def consent_pressed(update: Update, context: BotContext) -> None:
    """The participant agrees (or not) that the signal goes to the regional coordination."""
    tr, services, person = context.tr, context.services, context.person
    klacht_id = pressed_id(update)
    consent = (update.callback_query.data or "").startswith(f"{region.PREFIX}:yes:")
    if person is None or klacht_id is None or not await region.answer_raise(
            services.db, person, klacht_id, consent, services.now()):
        await refuse_press(update, tr._("This button no longer works. Send /help to start again."),
                     "region consent: nothing asked")
        return
    await update.callback_query.answer()
    await drop_buttons(update)
    await update.effective_chat.send_message(
        tr._("Thank you. We have saved your answer and told your klantmanager."))


def conversation() -> ConversationHandler:
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*per_message=False.*", category=PTBUserWarning)
        return ConversationHandler(
            entry_points=[CommandHandler("signaal", start)],
            states={State.PICK: [CallbackQueryHandler(picked, pattern=f"^{PICK_PREFIX}:p:")],
                    State.TEXT: [MessageHandler(filters.TEXT & ~filters.COMMAND, typed)]},
            fallbacks=[CommandHandler("cancel", cancel)],
            name="klacht_signal", persistent=True, allow_reentry=True)


def register(app: Application, services: Services) -> None:
    app.add_handler(conversation())
    app.add_handler(CallbackQueryHandler(raise_pressed, pattern=f"^{region.PREFIX}:raise:"))
    app.add_handler(CallbackQueryHandler(consent_pressed, pattern=f"^{region.PREFIX}:(yes|no):"))
