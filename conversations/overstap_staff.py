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

from telegram import InlineKeyboardButton, Update
from telegram.error import TelegramError
from telegram.ext import ConversationHandler

from bot.context import BotContext
from bot.i18n import SN_, Translator
from bot.overstap import flow
from bot.overstap.access import Actor, Refusal
from bot.overstap.flow import MAX_NOTE
from bot.overstap.notices import staff_label
from bot.rules.overstap import Event

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


async def begin_step(update: Update, context: BotContext, request_id: int | None,
                     event: Event | None) -> bool:
    """Open a multi-message staff step: the presser must be allowed to take ``event`` now.
    Refuses politely and returns False otherwise; remembers the step in chat_data."""
    actor = staff_actor(context)
    if request_id is None or event is None or actor is None:
        await refuse(update, context, "stale")
        return False
    try:
        await flow.check_step(context.services, request_id, event, actor)
    except Refusal as refusal:
        await refuse(update, context, refusal)
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


# ---- a decision with a typed note --------------------------------------------------------

# ``ovk:no`` (a klantmanager's decline) no longer exists (art. 11.1: the klantmanager advises);
# an old button of it is refused as stale.
NOTE_EVENTS = {("ovk", "adv"): Event.ADVISE, ("ovs", "slotno"): Event.DECLINE}


async def ask_note(update: Update, context: BotContext) -> int:
    """ovk:adv|no:<id>, ovs:slotno:<id>: ask for the note or reason the participant will read."""
    parts = parts_of(update)
    event = NOTE_EVENTS.get(tuple(parts[:2]))
    if not await begin_step(update, context, request_id_at(parts), event):
        return ConversationHandler.END
    tr = context.tr
    if event == Event.ADVISE:
        prompt = tr.s_("Type your advice. The participant reads it in your words and then chooses "
                       "to continue or to stop. /cancel to stop.")
    else:
        prompt = tr.s_("Type the reason. The participant reads it. /cancel to stop.")
    await update.effective_chat.send_message(prompt)
    return State.NOTE


async def wrote_note(update: Update, context: BotContext) -> int:
    pending = context.chat_data.get(PENDING) or {}
    text = (update.effective_message.text or "").strip()
    tr = context.tr
    if "event" not in pending:
        return ConversationHandler.END
    if not text or len(text) > MAX_NOTE:
        await update.effective_chat.send_message(tr.s_(
            "Please type a note of 1 to {limit} characters.", limit=tr.number(MAX_NOTE)))
        return State.NOTE
    request = await act(update, context, pending["request_id"], Event(pending["event"]), note=text)
    context.chat_data.pop(PENDING, None)
    if request is not None:
        await update.effective_chat.send_message(tr.s_("Sent to the participant."))
    return ConversationHandler.END


async def cancel(update: Update, context: BotContext) -> int:
    context.chat_data.pop(PENDING, None)
    await update.effective_chat.send_message(context.tr.s_("Stopped. Nothing was changed."))
    return ConversationHandler.END
