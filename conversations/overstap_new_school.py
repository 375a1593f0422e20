"""The new school's overstap step (issue 7; convenant art. 11.1, 10.7): confirm the placement
from a day and, if it likes, in one of its groups with room (``ovs:place``), then once more
(``ovs:pyes``: it cannot be undone, issue 14). That completes the switch; the old school's final
urenverklaring is issued to the participant. Only once the participant's data was handed over to
the presser's school.
"""

from __future__ import annotations

from datetime import date

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import BaseHandler, CallbackQueryHandler, ConversationHandler

from bot.context import BotContext
from bot.i18n import SN_
from bot.overstap import access, telling
from bot.overstap.notices import S_PREFIX
from bot.rules.overstap import Event
from conversations.overstap_staff import (
    PENDING,
    State,
    act,
    begin_step,
    day_code,
    done_pressing,
    parts_of,
    pressed_day,
    refuse,
    request_id_at,
    sbtn,
)
from storage import placement


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
    day = await pressed_day(update, context, Event.COMPLETE)
    if day is None:
        return ConversationHandler.END
    tr = context.tr
    groups = await placement.groups_with_room(context.services.db, context.person.school_id, day)
    context.chat_data[PENDING]["groups"] = [g.id for g in groups]
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
    pending["group"] = value
    tr = context.tr
    day = date.fromisoformat(pending["day"])
    group = next((g.name for g in await placement.groups_with_room(
        context.services.db, context.person.school_id, day) if str(g.id) == value), None)
    request_id = pending["request_id"]
    await update.effective_chat.send_message(
        tr.s_("Confirm the placement of overstap request #{id} from {day} in group {group}? The "
              "switch is then complete: the participant leaves the current school and its final "
              "urenverklaring is issued. This cannot be undone.", id=request_id,
              day=tr.date(day), group=group) if group else
        tr.s_("Confirm the placement of overstap request #{id} from {day}, in no group yet? The "
              "switch is then complete: the participant leaves the current school and its final "
              "urenverklaring is issued. This cannot be undone.", id=request_id,
              day=tr.date(day)),
        reply_markup=InlineKeyboardMarkup([
            [sbtn(tr, SN_("Yes, confirm the placement"), f"{S_PREFIX}:pyes:{request_id}")],
            [sbtn(tr, SN_("Not now"), f"{S_PREFIX}:pno:{request_id}")]]))
    return State.PLACE_CONFIRM


async def confirmed(update: Update, context: BotContext) -> int:
    """ovs:pyes:<id>: the second press; now the switch is complete. A press for another
    request, or after the step is over (the request moved on), is refused."""
    pending = context.chat_data.get(PENDING) or {}
    if (pending.get("event") != Event.COMPLETE.value or "group" not in pending
            or request_id_at(parts_of(update)) != pending.get("request_id")):
        await refuse(update, context, "stale")
        context.chat_data.pop(PENDING, None)
        return ConversationHandler.END
    context.chat_data.pop(PENDING, None)
    day = date.fromisoformat(pending["day"])
    value = pending["group"]
    group_id = int(value) if value.isdigit() else None
    request = await act(update, context, pending["request_id"], Event.COMPLETE, on=day,
                        group_id=group_id)
    if request is not None:
        await done_pressing(update)
        await update.effective_chat.send_message(context.tr.s_(
            "Placement confirmed from {day}. The participant, the klantmanager and the current "
            "school are told; the final urenverklaring is issued.",
            day=context.tr.date(day)))
    return ConversationHandler.END


async def not_now(update: Update, context: BotContext) -> int:
    """ovs:pno:<id>: nothing is confirmed; the card's button starts it again."""
    context.chat_data.pop(PENDING, None)
    await done_pressing(update)
    await update.effective_chat.send_message(context.tr.s_("Nothing was changed."))
    return ConversationHandler.END


def entry_points() -> list[BaseHandler]:
    return [CallbackQueryHandler(ask_start_day, pattern=rf"^{S_PREFIX}:place:\d+$")]


def states() -> dict[State, list[BaseHandler]]:
    return {
        State.PLACE_DAY: [CallbackQueryHandler(chose_start_day, pattern=rf"^{S_PREFIX}:pday:")],
        State.PLACE_GROUP: [CallbackQueryHandler(chose_group, pattern=rf"^{S_PREFIX}:pgrp:")],
        State.PLACE_CONFIRM: [CallbackQueryHandler(confirmed, pattern=rf"^{S_PREFIX}:pyes:\d+$"),
                              CallbackQueryHandler(not_now, pattern=rf"^{S_PREFIX}:pno:\d+$")],
    }
