"""The klantmanager tells the school of an obstacle (issue 15; convenant art. 12.6): from the
participant's card in /caseload, a standard reason with buttons, optional own words, a check and
"Send". It goes through ``bot.trajectory.gemeente_note``, the same service as the gemeente's
``POST /api/v1/obstacles``: the school's coordinators are told and /gedeeld shows the participant.

Callback data: ``gn:new:<person>`` (the card's button), ``gn:r:<reason>``, ``gn:skip``, ``gn:ok``,
``gn:no``. The participant is looked up in storage among the klantmanager's own caseload, on the
first press and again when sending.
"""

from __future__ import annotations

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

from bot import trajectory
from bot.buttons import row_id
from bot.context import BotContext
from bot.names import name_of
from bot.rules import trajectory as rules
from bot.services import Services
from bot.trajectory.notices import OBSTACLE_REASONS
from conversations.presses import drop_buttons, refuse_press
from storage import people

PREFIX = "gn"
DRAFT = "obstacle_note"


class State(IntEnum):
    ACTIVE = 1


def _button(label: str, data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(label[:60], callback_data=f"{PREFIX}:{data}")


async def _participant(context: BotContext, person_id: int) -> people.Person | None:
    """The participant, only when in the pressing klantmanager's own caseload."""
    me = context.person
    if me is None or me.role != "klantmanager" or me.gemeente_id is None:
        return None
    return await people.caseload_participant(context.services.db, me.id, person_id)


async def start(update: Update, context: BotContext) -> State | int:
    """The card's button: the standard reasons to choose from."""
    query, tr = update.callback_query, context.tr
    ident = (query.data or "").removeprefix(f"{PREFIX}:new:")
    participant = (await _participant(context, row_id(ident))
                   if row_id(ident) is not None else None)
    if participant is None:
        await refuse_press(update, tr.s_("This participant is not in your caseload."),
                           "obstacle note: participant not in caseload")
        return ConversationHandler.END
    await query.answer()
    context.chat_data[DRAFT] = {"participant": participant.id, "step": "reason"}
    await update.effective_chat.send_message(
        tr.s_("What should the school of {name} know? The school's coordinators are told "
              "(C art. 12.6). /cancel stops.", name=name_of(participant)),
        reply_markup=InlineKeyboardMarkup([[_button(tr.sf_(label), f"r:{code}")]
                                           for code, label in OBSTACLE_REASONS.items()]))
    return State.ACTIVE


async def pressed(update: Update, context: BotContext) -> State | int:
    query, tr = update.callback_query, context.tr
    draft = context.chat_data.get(DRAFT) or {}
    data = (query.data or "").removeprefix(f"{PREFIX}:")
    step = draft.get("step")
    if data.startswith("r:") and step == "reason" and data[2:] in rules.OBSTACLE_REASONS:
        draft.update(reason=data[2:], step="words")
        await query.answer()
        await drop_buttons(update)
        if draft["reason"] == "other":
            await update.effective_chat.send_message(tr.s_(
                "Write in your own words what the school should know."))
        else:
            await update.effective_chat.send_message(
                tr.s_("Add your own words for the school, or press Skip."),
                reply_markup=InlineKeyboardMarkup([[_button(tr.s_("Skip"), "skip")]]))
        return State.ACTIVE
    if data == "skip" and step == "words" and draft.get("reason") != "other":
        await query.answer()
        await drop_buttons(update)
        return await _check(update, context, draft)
    if data in ("ok", "no") and step == "check":
        await query.answer()
        await drop_buttons(update)
        return await (_send(update, context, draft) if data == "ok" else cancel(update, context))
    await refuse_press(update, tr.s_("This button no longer works."), "obstacle note: out of step")
    return State.ACTIVE


async def typed(update: Update, context: BotContext) -> State | int:
    tr = context.tr
    draft = context.chat_data.get(DRAFT) or {}
    text = update.effective_message.text or ""
    if draft.get("step") != "words":
        await update.effective_chat.send_message(tr.s_("Please use the buttons above, or /cancel."))
        return State.ACTIVE
    if not rules.valid_text(text):
        await update.effective_chat.send_message(tr.s_(
            "Please write it in words, at most {limit} characters.",
            limit=tr.number(rules.MAX_TEXT)))
        return State.ACTIVE
    draft["text"] = text.strip()
    return await _check(update, context, draft)


async def _check(update: Update, context: BotContext, draft: dict) -> State | int:
    tr = context.tr
    participant = await _participant(context, draft.get("participant") or 0)
    if participant is None:
        return await cancel(update, context)
    draft["step"] = "check"
    context.chat_data[DRAFT] = draft
    lines = [tr.s_("To the school of {name}:", name=name_of(participant)),
             tr.sf_(OBSTACLE_REASONS[draft["reason"]])]
    if draft.get("text"):
        lines.append(draft["text"])
    await update.effective_chat.send_message(tr.lines(lines), reply_markup=InlineKeyboardMarkup(
        [[_button(tr.s_("Send"), "ok"), _button(tr.s_("Cancel"), "no")]]))
    return State.ACTIVE


async def _send(update: Update, context: BotContext, draft: dict) -> int:
    tr, me = context.tr, context.person
    participant = await _participant(context, draft.get("participant") or 0)
    context.chat_data.pop(DRAFT, None)
    if participant is None:
        await update.effective_chat.send_message(tr.s_(
            "This participant is not in your caseload."))
        return ConversationHandler.END
    _, told = await trajectory.gemeente_note(
        context.services, gemeente_id=me.gemeente_id, person=participant,
        text=draft.get("text", ""), reason=draft["reason"], recorded_by=me.id)
    await update.effective_chat.send_message(tr.sn_(
        "Sent: {n} coordinator of the school is told.",
        "Sent: {n} coordinators of the school are told.", told) if told else tr.s_(
        "Saved, but the school has no coordinator in the bot yet; nobody was told."))
    return ConversationHandler.END


async def cancel(update: Update, context: BotContext) -> int:
    context.chat_data.pop(DRAFT, None)
    await update.effective_chat.send_message(context.tr.s_("Stopped. Nothing was saved."))
    return ConversationHandler.END


def conversation() -> ConversationHandler:
    with warnings.catch_warnings():
        # It starts from a button and one typed line fills a step, so per_message stays off.
        warnings.filterwarnings("ignore", message=".*per_message=False.*", category=PTBUserWarning)
        return ConversationHandler(
            entry_points=[CallbackQueryHandler(start, pattern=rf"^{PREFIX}:new:")],
            states={State.ACTIVE: [
                CallbackQueryHandler(start, pattern=rf"^{PREFIX}:new:"),
                CallbackQueryHandler(pressed, pattern=rf"^{PREFIX}:"),
                MessageHandler(filters.TEXT & ~filters.COMMAND, typed)]},
            fallbacks=[CommandHandler("cancel", cancel)],
            name="obstacle_note", persistent=True, allow_reentry=True)


def register(app: Application, services: Services) -> None:
    app.add_handler(conversation())
