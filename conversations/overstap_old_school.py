"""The current school's overstap steps (issue 7; convenant art. 11.1-11.3): approve a move to
another of its groups from a date (``ovs:slot``, then ``ovs:slotc``: a second press, issue 14)
or decline it with a reason (``ovs:slotno``; the standard phrase, the note and the second press
are in conversations.overstap_staff); propose the handover conversation with the participant
present, day, time and place with buttons (``ovs:conv``, art. 11.3), and record that it took
place (``ovs:held``, then ``ovs:heldc``) before consent and handover; and record the financial
settlement after a switch to another school (``ovs:settle``, then ``ovs:setc``, art. 11.2).
Only for requests that involve the presser's school as the current school.
"""

from __future__ import annotations

from datetime import date, time, timedelta

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import (
    BaseHandler,
    CallbackQueryHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from bot.context import BotContext
from bot.i18n import SN_
from bot.overstap import access, flow
from bot.overstap.access import Refusal
from bot.overstap.flow import MAX_PLACE
from bot.overstap.notices import S_PREFIX, SETTLEMENT_LABELS, staff_label
from bot.rules.localtime import at_local
from bot.rules.overstap import Event, clashes_with_lessons
from bot.rules.working_days import next_working_day
from conversations.overstap_staff import (
    PENDING,
    State,
    act,
    ask_note,
    ask_second_press,
    begin_step,
    day_code,
    done_pressing,
    parse_day,
    parts_of,
    pressed_day,
    refuse,
    request_id_at,
    sbtn,
    staff_actor,
    step_allowed,
)
from storage import lessons as lesson_store
from storage import orgs
from storage import overstap as overstap_store

CONVERSATION_DAYS = 5
CONVERSATION_TIMES = (time(9), time(10), time(11), time(13), time(14), time(15), time(16))


# ---- a move to another group of the school (art. 11.1) -------------------------------------

async def approve_slot(update: Update, context: BotContext) -> None:
    """ovs:slot:<id>:<yyyymmdd>: the school moves the participant to the new group from a date;
    an irreversible step, so it waits for a second press (``ovs:slotc``, issue 14)."""
    parts = parts_of(update)
    request_id = request_id_at(parts)
    day = parse_day(parts[3]) if len(parts) > 3 else None
    if day is None:
        await refuse(update, context, "stale")
        return
    if not await step_allowed(update, context, request_id, Event.APPROVE):
        return
    tr = context.tr
    await ask_second_press(
        update, context,
        tr.s_("Move the participant of overstap request #{id} to the new group from {day}? The "
              "participant and the klantmanager are told at once; this cannot be undone.",
              id=request_id, day=tr.date(day)),
        SN_("Yes, move"), f"{S_PREFIX}:slotc:{request_id}:{day_code(day)}",
        f"{S_PREFIX}:slotn:{request_id}")


async def approve_slot_confirmed(update: Update, context: BotContext) -> None:
    """ovs:slotc:<id>:<yyyymmdd>: the second press; a stale one (the request moved on) is
    refused by ``flow.act``."""
    parts = parts_of(update)
    request_id = request_id_at(parts)
    day = parse_day(parts[3]) if len(parts) > 3 else None
    if request_id is None or day is None:
        await refuse(update, context, "stale")
        return
    request = await act(update, context, request_id, Event.APPROVE, on=day)
    if request is None:
        return
    await done_pressing(update)
    await update.effective_chat.send_message(context.tr.s_(
        "Done: the participant is in the new group from {day}. The participant and the "
        "klantmanager are told.", day=context.tr.date(day)))


async def not_now(update: Update, context: BotContext) -> None:
    """ovs:slotn|setn|heldn:<id>: nothing is approved or recorded; the card keeps its buttons."""
    await done_pressing(update)
    await update.effective_chat.send_message(context.tr.s_("Nothing was changed."))


# ---- the handover conversation (art. 11.3) ---------------------------------------------------

def coming_working_days(today: date, count: int) -> list[date]:
    days, day = [], today
    while len(days) < count:
        day = next_working_day(day)
        days.append(day)
    return days


async def ask_conversation_day(update: Update, context: BotContext) -> int:
    """ovs:conv:<id>: the current school proposes the handover conversation: first the day."""
    if not await begin_step(update, context, request_id_at(parts_of(update)), Event.PROPOSE):
        return ConversationHandler.END
    tr = context.tr
    await update.effective_chat.send_message(
        tr.s_("Handover conversation with the participant present (art. 11.3). Which day?"),
        reply_markup=day_keyboard(context))
    return State.CONV_DAY


def day_keyboard(context: BotContext) -> InlineKeyboardMarkup:
    today = access.local_today(context.services, context.services.now())
    return InlineKeyboardMarkup([[InlineKeyboardButton(
        context.tr.weekday_date(day), callback_data=f"{S_PREFIX}:cday:{day_code(day)}")]
        for day in coming_working_days(today, CONVERSATION_DAYS)])


async def chose_conversation_day(update: Update, context: BotContext) -> int:
    day = await pressed_day(update, context, Event.PROPOSE)
    if day is None:
        return ConversationHandler.END
    tr = context.tr
    free = await free_times(context, day)
    buttons = [InlineKeyboardButton(tr.time(at_local(day, moment, context.services.settings.tz)),
                                    callback_data=f"{S_PREFIX}:ctime:{moment.strftime('%H%M')}")
               for moment in free]
    rows = [buttons[i:i + 4] for i in range(0, len(buttons), 4)]
    if not rows:
        await update.effective_chat.send_message(tr.s_(
            "The participant has lessons at every time on {day}. Please choose another day.",
            day=tr.weekday_date(day)), reply_markup=day_keyboard(context))
        return State.CONV_DAY
    await update.effective_chat.send_message(tr.s_("At what time on {day}? Times when the "
                                                   "participant has a lesson are left out.",
                                                   day=tr.weekday_date(day)),
                                             reply_markup=InlineKeyboardMarkup(rows))
    return State.CONV_TIME


async def free_times(context: BotContext, day: date) -> list[time]:
    """The conversation times on ``day`` that leave the participant's lessons alone."""
    services, pending = context.services, context.chat_data.get(PENDING) or {}
    tz = services.settings.tz
    request = await overstap_store.get_request(services.db, pending.get("request_id") or 0)
    if request is None:
        return []
    start = at_local(day, time(0), tz)
    lessons = [(view.lesson.starts_at, view.lesson.ends_at)
               for view in await lesson_store.lessons_for_person(
                   services.db, request.participant_id, start, start + timedelta(days=1), tz)
               if not view.lesson.cancelled]
    return [moment for moment in CONVERSATION_TIMES
            if not clashes_with_lessons(at_local(day, moment, tz), lessons)]


async def chose_conversation_time(update: Update, context: BotContext) -> int:
    parts = parts_of(update)
    pending = context.chat_data.get(PENDING) or {}
    value = parts[2] if len(parts) > 2 else ""
    if (len(value) != 4 or not value.isdigit() or "day" not in pending
            or time(int(value[:2]) % 24, int(value[2:]) % 60) not in await free_times(
                context, date.fromisoformat(pending["day"]))):
        await refuse(update, context, "stale")
        return ConversationHandler.END
    await done_pressing(update)
    pending["time"] = value
    tr = context.tr
    school = await orgs.get_school(context.services.db, context.person.school_id)
    places = [p.strip() for p in (school.locations if school else "").split(",") if p.strip()]
    pending["places"] = places
    rows = [[InlineKeyboardButton(place[:64], callback_data=f"{S_PREFIX}:cplace:{index}")]
            for index, place in enumerate(places)]
    rows.append([sbtn(tr, SN_("Type another place"), f"{S_PREFIX}:cplace:type")])
    await update.effective_chat.send_message(tr.s_("Where?"),
                                             reply_markup=InlineKeyboardMarkup(rows))
    return State.CONV_PLACE


async def chose_conversation_place(update: Update, context: BotContext) -> int:
    parts = parts_of(update)
    pending = context.chat_data.get(PENDING) or {}
    value = parts[2] if len(parts) > 2 else ""
    places = pending.get("places") or []
    if "time" not in pending:
        await refuse(update, context, "stale")
        return ConversationHandler.END
    await done_pressing(update)
    if value == "type":
        await update.effective_chat.send_message(context.tr.s_(
            "Type the place (address and room), at most {limit} characters.",
            limit=context.tr.number(MAX_PLACE)))
        return State.CONV_PLACE_TEXT
    if not value.isdigit() or int(value) >= len(places):
        await refuse(update, context, "stale")
        return ConversationHandler.END
    return await propose(update, context, places[int(value)])


async def wrote_conversation_place(update: Update, context: BotContext) -> int:
    text = (update.effective_message.text or "").strip()
    if not text or len(text) > MAX_PLACE:
        await update.effective_chat.send_message(context.tr.s_(
            "Type the place (address and room), at most {limit} characters.",
            limit=context.tr.number(MAX_PLACE)))
        return State.CONV_PLACE_TEXT
    return await propose(update, context, text)


async def propose(update: Update, context: BotContext, place: str) -> int:
    pending = context.chat_data.pop(PENDING, None) or {}
    if "time" not in pending:
        return ConversationHandler.END
    day, clock = date.fromisoformat(pending["day"]), pending["time"]
    at = at_local(day, time(int(clock[:2]), int(clock[2:])), context.services.settings.tz)
    request = await act(update, context, pending["request_id"], Event.PROPOSE, at=at, place=place)
    if request is not None:
        tr = context.tr
        await update.effective_chat.send_message(tr.s_(
            "Proposed: {day} {time}, {place}. The participant is asked to confirm; the new school "
            "is told.", day=tr.weekday_date(at), time=tr.time(at), place=place))
    return ConversationHandler.END


async def held(update: Update, context: BotContext) -> None:
    """ovs:held:<id>: the handover conversation took place (art. 11.3); only now the
    participant is asked for consent (art. 12.3) and the handover can follow."""
    request_id = request_id_at(parts_of(update))
    # not before its time, not twice: refused now, not after the second press
    if not await step_allowed(update, context, request_id, Event.HOLD):
        return
    tr = context.tr
    await ask_second_press(
        update, context,
        tr.s_("Record that the handover conversation of overstap request #{id} took place? The "
              "participant is then asked for consent; this cannot be undone.", id=request_id),
        SN_("Yes, it took place"), f"{S_PREFIX}:heldc:{request_id}",
        f"{S_PREFIX}:heldn:{request_id}")


async def held_confirmed(update: Update, context: BotContext) -> None:
    """ovs:heldc:<id>: the second press; now it is recorded (``flow.act`` refuses a stale one)."""
    request_id = request_id_at(parts_of(update))
    if request_id is None:
        await refuse(update, context, "stale")
        return
    if await act(update, context, request_id, Event.HOLD) is None:
        return
    await done_pressing(update)
    await update.effective_chat.send_message(context.tr.s_(
        "Recorded: the handover conversation took place. The participant is now asked which "
        "information may go to the new school."))


# ---- the financial settlement after the switch (art. 11.2) -------------------------------

async def settle(update: Update, context: BotContext) -> None:
    """ovs:settle:<id>:<kind>: the old school records the financial settlement (art. 11.2); it
    closes the request for good, so it waits for a second press (``ovs:setc``, issue 14)."""
    parts = parts_of(update)
    request_id = request_id_at(parts)
    kind = parts[3] if len(parts) > 3 else ""
    actor = staff_actor(context)
    if request_id is None or kind not in SETTLEMENT_LABELS or actor is None:
        await refuse(update, context, "stale")
        return
    try:
        await flow.check_settlement(context.services, request_id, actor)
    except Refusal as refusal:
        await refuse(update, context, refusal)
        return
    tr = context.tr
    await ask_second_press(
        update, context,
        tr.s_("Record the financial settlement of overstap request #{id} as \"{settlement}\"? "
              "This closes the request and cannot be undone.", id=request_id,
              settlement=tr.safe(staff_label(tr, SETTLEMENT_LABELS[kind]))),
        SN_("Yes, record it"), f"{S_PREFIX}:setc:{request_id}:{kind}",
        f"{S_PREFIX}:setn:{request_id}")


async def settle_confirmed(update: Update, context: BotContext) -> None:
    """ovs:setc:<id>:<kind>: the second press; now the settlement is recorded."""
    parts = parts_of(update)
    request_id = request_id_at(parts)
    kind = parts[3] if len(parts) > 3 else ""
    actor = staff_actor(context)
    if request_id is None or kind not in SETTLEMENT_LABELS or actor is None:
        await refuse(update, context, "stale")
        return
    try:
        await flow.record_settlement(context.services, request_id, actor, kind)
    except Refusal as refusal:
        await refuse(update, context, refusal)
        return
    await done_pressing(update)
    tr = context.tr
    await update.effective_chat.send_message(tr.s_(
        "Recorded: {settlement}.", settlement=tr.safe(staff_label(tr, SETTLEMENT_LABELS[kind]))))


def entry_points() -> list[BaseHandler]:
    """Steps that open the staff conversation: a refused group move, the handover conversation."""
    return [CallbackQueryHandler(ask_note, pattern=rf"^{S_PREFIX}:slotno:\d+$"),
            CallbackQueryHandler(ask_conversation_day, pattern=rf"^{S_PREFIX}:conv:\d+$")]


def states() -> dict[State, list[BaseHandler]]:
    return {
        State.CONV_DAY: [CallbackQueryHandler(chose_conversation_day,
                                              pattern=rf"^{S_PREFIX}:cday:")],
        State.CONV_TIME: [CallbackQueryHandler(chose_conversation_time,
                                               pattern=rf"^{S_PREFIX}:ctime:")],
        State.CONV_PLACE: [CallbackQueryHandler(chose_conversation_place,
                                                pattern=rf"^{S_PREFIX}:cplace:")],
        State.CONV_PLACE_TEXT: [MessageHandler(filters.TEXT & ~filters.COMMAND,
                                               wrote_conversation_place)],
    }


def buttons() -> list[BaseHandler]:
    """One-press steps, outside the conversation."""
    return [CallbackQueryHandler(approve_slot, pattern=rf"^{S_PREFIX}:slot:\d+:\d{{8}}$"),
            CallbackQueryHandler(approve_slot_confirmed,
                                 pattern=rf"^{S_PREFIX}:slotc:\d+:\d{{8}}$"),
            CallbackQueryHandler(not_now, pattern=rf"^{S_PREFIX}:(slotn|setn|heldn):\d+$"),
            CallbackQueryHandler(held_confirmed, pattern=rf"^{S_PREFIX}:heldc:\d+$"),
            CallbackQueryHandler(settle_confirmed, pattern=rf"^{S_PREFIX}:setc:\d+:\w+$"),
            CallbackQueryHandler(held, pattern=rf"^{S_PREFIX}:held:\d+$"),
            CallbackQueryHandler(settle, pattern=rf"^{S_PREFIX}:settle:\d+:\w+$")]
