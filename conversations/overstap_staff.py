"""What the klantmanager's and school staff's overstap steps share (issue 7; convenant art. 11.1):
the states of their one persistent conversation (``overstap_staff``, assembled in
conversations.overstap_handling), the pending step in chat_data, reading a button's data,
checking the presser may take the step now (``bot.overstap.flow``) and refusing politely when
not, and the typed note a decision carries: the klantmanager's advice or refusal, the school's
refusal of a move to another group; the participant reads it in the writer's words.
"""

from __future__ import annotations

import logging
from datetime import date
from enum import IntEnum

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import TelegramError
from telegram.ext import (
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from bot.context import BotContext
from bot.i18n import SN_, Translator
from bot.overstap import flow
from bot.overstap.access import Actor, Refusal
from bot.overstap.flow import MAX_NOTE
from bot.overstap.notices import K_PREFIX, S_PREFIX, staff_label
from bot.overstap.phrases import PHRASES
from bot.rules.overstap import Event
from conversations.presses import phrase_label, with_phrase

log = logging.getLogger(__name__)

PENDING = "overstap_staff"


class State(IntEnum):
    NOTE = 1
    CONV_DAY = 2
    CONV_TIME = 3
    CONV_PLACE = 4
    CONV_PLACE_TEXT = 5
    PLACE_DAY = 6
    PLACE_GROUP = 7
    PHRASE = 8
    CONFIRM = 9
    PLACE_CONFIRM = 10


REFUSALS = {
    "not_found": SN_("This request is not one of yours."),
    "stale": SN_("This step is no longer possible: the request has moved on. Send /overstappen "
                 "to see where it is."),
    "full": SN_("That group is full on that day. Please choose another group or day."),
    "invalid": SN_("That does not work: {detail}"),
}


def sbtn(tr: Translator, text: str, data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(staff_label(tr, text)[:64], callback_data=data)


def parts_of(update: Update) -> list[str]:
    return (update.callback_query.data or "").split(":") if update.callback_query else []


def staff_actor(context: BotContext) -> Actor | None:
    person = context.person
    if person is None or person.role not in ("klantmanager", "staff"):
        return None
    return Actor.for_person(person)


async def refuse(update: Update, context: BotContext, refusal: Refusal | str) -> None:
    tr = context.tr
    code = refusal.code if isinstance(refusal, Refusal) else refusal
    detail = refusal.detail if isinstance(refusal, Refusal) else ""
    log.warning("overstap staff step refused: %s", code)
    text = tr.s_(REFUSALS.get(code, REFUSALS["stale"]), detail=detail)
    query = update.callback_query
    if query is not None:
        try:
            await query.answer(text[:200], show_alert=True)
        except TelegramError:
            pass
    await update.effective_chat.send_message(text)


async def done_pressing(update: Update) -> None:
    query = update.callback_query
    if query is None:
        return
    await query.answer()
    try:
        await query.edit_message_reply_markup(reply_markup=None)
    except TelegramError:
        pass


async def pressed_day(update: Update, context: BotContext, event: Event) -> date | None:
    """The day a staff member pressed for the step ``event`` that is pending; refuses a stale
    press (None), else records the day on the pending step."""
    parts = parts_of(update)
    day = parse_day(parts[2]) if len(parts) > 2 else None
    pending = context.chat_data.get(PENDING) or {}
    if day is None or pending.get("event") != event.value:
        await refuse(update, context, "stale")
        return None
    await done_pressing(update)
    pending["day"] = day.isoformat()
    return day


def request_id_at(parts: list[str], index: int = 2) -> int | None:
    return int(parts[index]) if len(parts) > index and parts[index].isdigit() else None


async def act(update: Update, context: BotContext, request_id: int, event: Event, **data):
    actor = staff_actor(context)
    if actor is None:
        await refuse(update, context, "not_found")
        return None
    try:
        return await flow.act(context.services, request_id, event, actor, **data)
    except Refusal as refusal:
        await refuse(update, context, refusal)
        return None


async def step_allowed(update: Update, context: BotContext, request_id: int | None,
                       event: Event | None) -> bool:
    """The presser may take ``event`` on the request now; refuses politely and returns False
    otherwise (an old card's button is refused at its first press, not after a second)."""
    actor = staff_actor(context)
    if request_id is None or event is None or actor is None:
        await refuse(update, context, "stale")
        return False
    try:
        await flow.check_step(context.services, request_id, event, actor)
    except Refusal as refusal:
        await refuse(update, context, refusal)
        return False
    return True


async def ask_second_press(update: Update, context: BotContext, question: str, yes: str,
                           yes_data: str, not_now_data: str) -> None:
    """An irreversible step waits for a second press (issue 14): ``question`` with "yes" and
    "not now"; the card pressed keeps its buttons until the step is done."""
    await update.callback_query.answer()
    tr = context.tr
    await update.effective_chat.send_message(question, reply_markup=InlineKeyboardMarkup([
        [sbtn(tr, yes, yes_data)], [sbtn(tr, SN_("Not now"), not_now_data)]]))


async def begin_step(update: Update, context: BotContext, request_id: int | None,
                     event: Event | None) -> bool:
    """Open a multi-message staff step: the presser must be allowed to take ``event`` now.
    Refuses politely and returns False otherwise; remembers the step in chat_data."""
    if not await step_allowed(update, context, request_id, event):
        return False
    await done_pressing(update)
    context.chat_data[PENDING] = {"request_id": request_id, "event": event.value}
    return True


def parse_day(text: str) -> date | None:
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:8])) if len(text) == 8 else None
    except ValueError:
        return None


def day_code(day: date) -> str:
    return day.strftime("%Y%m%d")


# ---- a decision with a standard phrase and a typed note -----------------------------------

# ``ovk:no`` (a klantmanager's decline) no longer exists (art. 11.1: the klantmanager advises);
# an old button of it is refused as stale.
NOTE_EVENTS = {("ovk", "adv"): Event.ADVISE, ("ovs", "slotno"): Event.DECLINE}
STEPS = {Event.ADVISE: "advise", Event.DECLINE: "decline"}
NO_PHRASE = "own"


async def ask_note(update: Update, context: BotContext) -> int:
    """ovk:adv:<id>, ovs:slotno:<id>: first a standard phrase the participant reads in their own
    language (issue 14), then the writer's own words (``wrote_note``)."""
    parts = parts_of(update)
    event = NOTE_EVENTS.get(tuple(parts[:2]))
    if not await begin_step(update, context, request_id_at(parts), event):
        return ConversationHandler.END
    tr, prefix = context.tr, parts[0]
    rows = [[InlineKeyboardButton(phrase_label(tr.f_(text)),
                                  callback_data=f"{prefix}:ph:{code}")]
            for code, text in PHRASES[STEPS[event]].items()]
    rows.append([sbtn(tr, SN_("Only my own words"), f"{prefix}:ph:{NO_PHRASE}")])
    await update.effective_chat.send_message(
        tr.s_("Your advice: choose a standard phrase. The participant reads it in their own "
              "language; you can add your own words next.") if event == Event.ADVISE else
        tr.s_("Why can the participant not move to the other group? Choose a standard phrase. "
              "The participant reads it in their own language; you can add your own words next."),
        reply_markup=InlineKeyboardMarkup(rows))
    return State.PHRASE


async def chose_phrase(update: Update, context: BotContext) -> int:
    """ovk|ovs:ph:<code>: the phrase is remembered on the pending step; then the own words."""
    parts = parts_of(update)
    pending = context.chat_data.get(PENDING) or {}
    code = parts[2] if len(parts) > 2 else ""
    step = STEPS.get(Event(pending["event"])) if "event" in pending else None
    if step is None or "phrase" in pending or (code != NO_PHRASE and code not in PHRASES[step]):
        await refuse(update, context, "stale")
        return State.PHRASE if step is not None and "phrase" not in pending else end(context)
    await done_pressing(update)
    pending["phrase"] = None if code == NO_PHRASE else code
    tr = context.tr
    if code != NO_PHRASE:
        prompt = tr.s_("Now write your own words to add, or send /skip to send the phrase alone. "
                       "Send /cancel to stop.")
    elif step == "advise":
        prompt = tr.s_("Type your advice. The participant reads it in your words and then chooses "
                       "to continue or to stop. /cancel to stop.")
    else:
        prompt = tr.s_("Type the reason. The participant reads it. /cancel to stop.")
    await update.effective_chat.send_message(with_phrase(tr, PHRASES[step].get(code), prompt))
    return State.NOTE


async def wrote_note(update: Update, context: BotContext) -> int:
    text = (update.effective_message.text or "").strip()
    tr = context.tr
    if not text or len(text) > MAX_NOTE:
        await update.effective_chat.send_message(tr.s_(
            "Please type a note of 1 to {limit} characters.", limit=tr.number(MAX_NOTE)))
        return State.NOTE
    return await decide(update, context, text)


async def skipped_note(update: Update, context: BotContext) -> int:
    """/skip: the standard phrase alone."""
    if not (context.chat_data.get(PENDING) or {}).get("phrase"):
        tr = context.tr
        await update.effective_chat.send_message(tr.s_(
            "Please type a note of 1 to {limit} characters.", limit=tr.number(MAX_NOTE)))
        return State.NOTE
    return await decide(update, context, "")


async def decide(update: Update, context: BotContext, text: str) -> int:
    """Advice goes out at once; a decline of a group move waits for a second press."""
    pending = context.chat_data.get(PENDING) or {}
    if "event" not in pending:
        return ConversationHandler.END
    tr = context.tr
    if Event(pending["event"]) == Event.DECLINE:
        pending["note"] = text
        request_id = pending["request_id"]
        await update.effective_chat.send_message(
            tr.s_("Decline the move of overstap request #{id} to the other group? The participant "
                  "reads your reason. This cannot be undone.", id=request_id),
            reply_markup=InlineKeyboardMarkup([
                [sbtn(tr, SN_("Yes, decline"), f"{S_PREFIX}:slotnoc:{request_id}")],
                [sbtn(tr, SN_("Change the text"), f"{S_PREFIX}:slotnor:{request_id}")]]))
        return State.CONFIRM
    request = await act(update, context, pending["request_id"], Event(pending["event"]),
                        note=text or None, phrase=pending.get("phrase"))
    context.chat_data.pop(PENDING, None)
    if request is not None:
        await update.effective_chat.send_message(tr.s_("Sent to the participant."))
    return ConversationHandler.END


async def confirmed_decline(update: Update, context: BotContext) -> int:
    """ovs:slotnoc:<id>: the second press; now the move is declined and the participant told.
    A press for another request, or after the step is over, is refused."""
    pending = context.chat_data.get(PENDING) or {}
    if (pending.get("event") != Event.DECLINE.value or "note" not in pending
            or request_id_at(parts_of(update)) != pending.get("request_id")):
        await refuse(update, context, "stale")
        return end(context)
    request = await act(update, context, pending["request_id"], Event.DECLINE,
                        note=pending["note"] or None, phrase=pending.get("phrase"))
    context.chat_data.pop(PENDING, None)
    if request is not None:
        await done_pressing(update)
        await update.effective_chat.send_message(context.tr.s_("Sent to the participant."))
    return ConversationHandler.END


async def redo_decline(update: Update, context: BotContext) -> int:
    """ovs:slotnor:<id>: write the reason again; nothing was declined."""
    pending = context.chat_data.get(PENDING) or {}
    if pending.get("event") != Event.DECLINE.value or "note" not in pending \
            or request_id_at(parts_of(update)) != pending.get("request_id"):
        await refuse(update, context, "stale")
        return end(context)
    await done_pressing(update)
    pending.pop("note")
    tr = context.tr
    await update.effective_chat.send_message(
        tr.s_("Write it again, please, or send /skip to send the standard phrase alone.")
        if pending.get("phrase") else tr.s_("Write it again, please."))
    return State.NOTE


def end(context: BotContext) -> int:
    context.chat_data.pop(PENDING, None)
    return ConversationHandler.END


def note_states() -> dict[State, list[BaseHandler]]:
    """The phrase, the note and the decline's confirmation, in the staff conversation."""
    return {
        State.PHRASE: [CallbackQueryHandler(chose_phrase,
                                            pattern=rf"^({K_PREFIX}|{S_PREFIX}):ph:")],
        State.NOTE: [MessageHandler(filters.TEXT & ~filters.COMMAND, wrote_note),
                     CommandHandler("skip", skipped_note)],
        State.CONFIRM: [
            CallbackQueryHandler(confirmed_decline, pattern=rf"^{S_PREFIX}:slotnoc:\d+$"),
            CallbackQueryHandler(redo_decline, pattern=rf"^{S_PREFIX}:slotnor:\d+$")],
    }


async def cancel(update: Update, context: BotContext) -> int:
    context.chat_data.pop(PENDING, None)
    await update.effective_chat.send_message(context.tr.s_("Stopped. Nothing was changed."))
    return ConversationHandler.END
