"""The klantmanager's and school staff's side of an overstap (issue 7; convenant art. 11.1-11.3,
12.5, 10.7): buttons on the notifications, and /overstappen to list the requests they take part in.

- klantmanager (``ovk:``): approve; advise otherwise or decline, each with a typed note that the
  participant reads (art. 11.1 "in overleg met, of op advies van de Klantmanager");
- current school (``ovs:``): approve a move to another group from a date, or decline it with a
  reason; propose the handover conversation (day, time and place with buttons; art. 11.3);
  record the financial settlement after the switch (art. 11.2);
- new school: confirm the placement with a start date and, if it likes, a group.

The same steps are in the API (bot/api/overstap.py) for school and gemeente systems. Every press
is checked against the request's state and the presser's rights (a klantmanager's own caseload,
a school's own requests) by ``bot.overstap.flow``.
"""

from __future__ import annotations

import logging
import warnings
from datetime import date, time
from enum import IntEnum

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import TelegramError
from telegram.ext import (Application, CallbackQueryHandler, CommandHandler, ConversationHandler,
                          MessageHandler, filters)
from telegram.warnings import PTBUserWarning

from bot.context import BotContext
from bot.i18n import SN_, Translator
from bot.outbox import render
from bot.overstap import access, flow, telling
from bot.overstap.access import Actor, Refusal
from bot.overstap.flow import MAX_NOTE, MAX_PLACE
from bot.overstap.notices import K_PREFIX, S_PREFIX, SETTLEMENT_LABELS, staff_label
from bot.rules.localtime import at_local
from bot.rules.overstap import Event, Party
from bot.rules.working_days import next_working_day
from bot.services import Command, Services
from storage import orgs, placement
from storage import overstap as store

log = logging.getLogger(__name__)

COMMANDS = (Command("overstappen", SN_("Overstap requests you take part in"),
                    frozenset({"klantmanager", "staff"}), staff_text=True),)

PENDING = "overstap_staff"
CONVERSATION_DAYS = 5
CONVERSATION_TIMES = (time(9), time(10), time(11), time(13), time(14), time(15), time(16))
MAX_LISTED = 20


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
STATE_LABELS = {
    "requested": SN_("waiting for a decision"),
    "advised_otherwise": SN_("advised otherwise; waiting for the participant"),
    "approved": SN_("approved; waiting for the current school to propose the conversation"),
    "conversation_proposed": SN_("conversation proposed; waiting for the participant"),
    "conversation_accepted": SN_("conversation accepted; waiting for the participant's consent"),
    "consent_given": SN_("consent given; waiting for the handover by the current school"),
    "handed_over": SN_("handed over; waiting for the new school to confirm the placement"),
    "completed": SN_("completed; waiting for the financial settlement"),
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


# ---- one-press steps -----------------------------------------------------------------------

async def approve(update: Update, context: BotContext) -> None:
    """ovk:ok:<id>: the klantmanager agrees with a switch to another school."""
    request_id = request_id_at(parts_of(update))
    if request_id is None:
        await refuse(update, context, "stale")
        return
    request = await act(update, context, request_id, Event.APPROVE)
    if request is None:
        return
    await done_pressing(update)
    tr = context.tr
    await update.effective_chat.send_message(tr.s_(
        "Approved. The participant and both schools are told; the current school will propose "
        "the handover conversation."))


async def approve_slot(update: Update, context: BotContext) -> None:
    """ovs:slot:<id>:<yyyymmdd>: the school moves the participant to the new group from a date."""
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


async def settle(update: Update, context: BotContext) -> None:
    """ovs:settle:<id>:<kind>: the old school records the financial settlement (art. 11.2)."""
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


# ---- steps with a typed note ---------------------------------------------------------------

NOTE_EVENTS = {("ovk", "adv"): Event.ADVISE, ("ovk", "no"): Event.DECLINE,
               ("ovs", "slotno"): Event.DECLINE}


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


# ---- the handover conversation (art. 11.3) ---------------------------------------------------

def parse_day(text: str) -> date | None:
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:8])) if len(text) == 8 else None
    except ValueError:
        return None


def day_code(day: date) -> str:
    return day.strftime("%Y%m%d")


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
    today = access.local_today(context.services, context.services.now())
    rows = [[InlineKeyboardButton(tr.weekday_date(day), callback_data=f"{S_PREFIX}:cday:"
                                  f"{day_code(day)}")]
            for day in coming_working_days(today, CONVERSATION_DAYS)]
    await update.effective_chat.send_message(
        tr.s_("Handover conversation with the participant present (art. 11.3). Which day?"),
        reply_markup=InlineKeyboardMarkup(rows))
    return State.CONV_DAY


async def chose_conversation_day(update: Update, context: BotContext) -> int:
    parts = parts_of(update)
    day = parse_day(parts[2]) if len(parts) > 2 else None
    pending = context.chat_data.get(PENDING) or {}
    if day is None or pending.get("event") != Event.PROPOSE.value:
        await refuse(update, context, "stale")
        return ConversationHandler.END
    await done_pressing(update)
    pending["day"] = day.isoformat()
    tr = context.tr
    buttons = [InlineKeyboardButton(tr.time(at_local(day, moment, context.services.settings.tz)),
                                    callback_data=f"{S_PREFIX}:ctime:{moment.strftime('%H%M')}")
               for moment in CONVERSATION_TIMES]
    rows = [buttons[i:i + 4] for i in range(0, len(buttons), 4)]
    await update.effective_chat.send_message(tr.s_("At what time on {day}?",
                                                   day=tr.weekday_date(day)),
                                             reply_markup=InlineKeyboardMarkup(rows))
    return State.CONV_TIME


async def chose_conversation_time(update: Update, context: BotContext) -> int:
    parts = parts_of(update)
    pending = context.chat_data.get(PENDING) or {}
    value = parts[2] if len(parts) > 2 else ""
    if (len(value) != 4 or not value.isdigit() or "day" not in pending
            or time(int(value[:2]) % 24, int(value[2:]) % 60) not in CONVERSATION_TIMES):
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


# ---- the new school confirms the placement -------------------------------------------------

async def ask_start_day(update: Update, context: BotContext) -> int:
    """ovs:place:<id>: the new school confirms the placement: from which day."""
    if not await begin_step(update, context, request_id_at(parts_of(update)), Event.COMPLETE):
        return ConversationHandler.END
    tr = context.tr
    today = access.local_today(context.services, context.services.now())
    days = sorted({date.fromisoformat(d) for d in telling.slot_dates(context.services.now(),
                                                                     context.services.settings.tz)})
    rows = [[InlineKeyboardButton(tr.weekday_date(day),
                                  callback_data=f"{S_PREFIX}:pday:{day_code(day)}")]
            for day in days if day >= today]
    await update.effective_chat.send_message(tr.s_("From which day does the participant follow "
                                                   "lessons at your school?"),
                                             reply_markup=InlineKeyboardMarkup(rows))
    return State.PLACE_DAY


async def chose_start_day(update: Update, context: BotContext) -> int:
    parts = parts_of(update)
    day = parse_day(parts[2]) if len(parts) > 2 else None
    pending = context.chat_data.get(PENDING) or {}
    if day is None or pending.get("event") != Event.COMPLETE.value:
        await refuse(update, context, "stale")
        return ConversationHandler.END
    await done_pressing(update)
    pending["day"] = day.isoformat()
    tr = context.tr
    groups = await placement.groups_with_room(context.services.db, context.person.school_id, day)
    pending["groups"] = [g.id for g in groups]
    rows = [[InlineKeyboardButton(group.name[:64], callback_data=f"{S_PREFIX}:pgrp:{group.id}")]
            for group in groups[:30]]
    rows.append([sbtn(tr, SN_("No group yet"), f"{S_PREFIX}:pgrp:none")])
    await update.effective_chat.send_message(tr.s_("In which group?"),
                                             reply_markup=InlineKeyboardMarkup(rows))
    return State.PLACE_GROUP


async def chose_group(update: Update, context: BotContext) -> int:
    parts = parts_of(update)
    pending = context.chat_data.get(PENDING) or {}
    value = parts[2] if len(parts) > 2 else ""
    if "day" not in pending or pending.get("event") != Event.COMPLETE.value or not (
            value == "none" or (value.isdigit() and int(value) in pending.get("groups", []))):
        await refuse(update, context, "stale")
        return ConversationHandler.END
    await done_pressing(update)
    context.chat_data.pop(PENDING, None)
    day = date.fromisoformat(pending["day"])
    group_id = int(value) if value.isdigit() else None
    request = await act(update, context, pending["request_id"], Event.COMPLETE, on=day,
                        group_id=group_id)
    if request is not None:
        await update.effective_chat.send_message(context.tr.s_(
            "Placement confirmed from {day}. The participant, the klantmanager and the current "
            "school are told; the final urenverklaring is issued.",
            day=context.tr.date(day)))
    return ConversationHandler.END


async def cancel(update: Update, context: BotContext) -> int:
    context.chat_data.pop(PENDING, None)
    await update.effective_chat.send_message(context.tr.s_("Stopped. Nothing was changed."))
    return ConversationHandler.END


# ---- /overstappen --------------------------------------------------------------------------

async def visible_requests(context: BotContext) -> list[tuple]:
    """(request, party) for the requests this person takes part in, newest first."""
    person, db = context.person, context.services.db
    if person.role == "klantmanager":
        return [(r, Party.KLANTMANAGER)
                for r in await store.requests_for_klantmanager(db, person.id)][::-1]
    result = []
    for request in (await store.requests_for_school(db, person.school_id))[::-1]:
        unsettled = request.state == "completed" and request.kind == "school" \
            and request.settlement_at is None and request.from_school_id == person.school_id
        if not (request.is_open or unsettled):
            continue
        party = Party.OLD_SCHOOL if request.from_school_id == person.school_id else Party.NEW_SCHOOL
        result.append((request, party))
    return result


async def list_requests(update: Update, context: BotContext) -> None:
    """/overstappen: the open requests of the klantmanager's caseload or of the school."""
    tr, services = context.tr, context.services
    if staff_actor(context) is None:
        await update.effective_chat.send_message(tr._(
            "Sorry, I did not understand that. Send /help to see what I can do."))
        return
    found = await visible_requests(context)
    if not found:
        await update.effective_chat.send_message(tr.s_("No open overstap requests."))
        return
    lines, rows = [tr.s_("Open overstap requests:")], []
    db = services.db
    for request, party in found[:MAX_LISTED]:
        params = await telling.base_params(db, services, request)
        target = params["to_group"] if request.kind == "slot" else params["new_school"]
        lines.append(tr.s_("#{id} {participant}: {old_school} → {target}; {state} (since {day})",
                           id=request.id, participant=params["participant"],
                           old_school=params["old_school"], target=target or "-",
                           state=tr.safe(staff_label(tr, STATE_LABELS.get(request.state, "?"))),
                           day=tr.date(request.state_since)))
        if await telling.card(services, request, party) is not None:
            prefix = K_PREFIX if party == Party.KLANTMANAGER else S_PREFIX
            rows.append([InlineKeyboardButton(tr.s_("Open #{id}", id=request.id)[:64],
                                              callback_data=f"{prefix}:open:{request.id}")])
    await update.effective_chat.send_message(
        tr.lines(lines), reply_markup=InlineKeyboardMarkup(rows) if rows else None)


async def open_card(update: Update, context: BotContext) -> None:
    """ovk|ovs:open:<id>: what this person must do now for the request, with its buttons."""
    request_id = request_id_at(parts_of(update))
    actor = staff_actor(context)
    if request_id is None or actor is None:
        await refuse(update, context, "stale")
        return
    services = context.services
    try:
        async with services.db.transaction() as tx:
            request, _, parties = await access.visible_request(tx, actor, request_id)
    except Refusal as refusal:
        await refuse(update, context, refusal)
        return
    shown = None
    for party in parties:
        shown = await telling.card(services, request, party)
        if shown:
            break
    if shown is None:
        await refuse(update, context, "stale")
        return
    await update.callback_query.answer()
    rendered = render(shown[0], context.tr, shown[1])
    await update.effective_chat.send_message(rendered.text, reply_markup=rendered.buttons)


# ---- registration ------------------------------------------------------------------------

def conversation() -> ConversationHandler:
    with warnings.catch_warnings():
        # Buttons and typed notes share one conversation per chat; every button is checked.
        warnings.filterwarnings("ignore", message=".*per_message=False.*", category=PTBUserWarning)
        return ConversationHandler(
            entry_points=[
                CallbackQueryHandler(ask_note,
                                     pattern=rf"^({K_PREFIX}:(adv|no)|{S_PREFIX}:slotno):\d+$"),
                CallbackQueryHandler(ask_conversation_day, pattern=rf"^{S_PREFIX}:conv:\d+$"),
                CallbackQueryHandler(ask_start_day, pattern=rf"^{S_PREFIX}:place:\d+$"),
            ],
            states={
                State.NOTE: [MessageHandler(filters.TEXT & ~filters.COMMAND, wrote_note)],
                State.CONV_DAY: [CallbackQueryHandler(chose_conversation_day,
                                                      pattern=rf"^{S_PREFIX}:cday:")],
                State.CONV_TIME: [CallbackQueryHandler(chose_conversation_time,
                                                       pattern=rf"^{S_PREFIX}:ctime:")],
                State.CONV_PLACE: [CallbackQueryHandler(chose_conversation_place,
                                                        pattern=rf"^{S_PREFIX}:cplace:")],
                State.CONV_PLACE_TEXT: [MessageHandler(filters.TEXT & ~filters.COMMAND,
                                                       wrote_conversation_place)],
                State.PLACE_DAY: [CallbackQueryHandler(chose_start_day,
                                                       pattern=rf"^{S_PREFIX}:pday:")],
                State.PLACE_GROUP: [CallbackQueryHandler(chose_group,
                                                         pattern=rf"^{S_PREFIX}:pgrp:")],
            },
            fallbacks=[CommandHandler("cancel", cancel)],
            name="overstap_staff", persistent=True, allow_reentry=True)


async def stale(update: Update, context: BotContext) -> None:
    """An overstap staff button outside its step (old message, replay or forged data)."""
    await refuse(update, context, "stale")


def register(app: Application, services: Services) -> None:
    app.add_handler(conversation())
    app.add_handler(CallbackQueryHandler(approve, pattern=rf"^{K_PREFIX}:ok:\d+$"))
    app.add_handler(CallbackQueryHandler(approve_slot, pattern=rf"^{S_PREFIX}:slot:\d+:\d{{8}}$"))
    app.add_handler(CallbackQueryHandler(settle, pattern=rf"^{S_PREFIX}:settle:\d+:\w+$"))
    app.add_handler(CallbackQueryHandler(open_card, pattern=rf"^({K_PREFIX}|{S_PREFIX}):open:\d+$"))
    app.add_handler(CommandHandler("overstappen", list_requests))
    app.add_handler(CallbackQueryHandler(stale, pattern=rf"^({K_PREFIX}|{S_PREFIX}):"))
