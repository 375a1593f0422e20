"""/activiteiten: the klantmanager records the mandatory participation activities of the
participants in their caseload, weekly on a day between two times (issue 4; convenant art. 9.2,
12.6: the gemeente tells the school which trajectories the participant follows and their times).
Saving one recomputes the participant's conflicts with lessons; a new overlap alerts the
klantmanager and the school once (``bot.rooster.conflicts``). The gemeente's API does the same.

Callback data: ``act:l`` the caseload, ``act:p:<person>`` a participant's activities,
``act:n:<person>`` a new one, ``act:w:<person>:<weekday>`` its day, ``act:d:<activity>`` delete.
Every press is checked: the participant must be in the presser's caseload.
"""

from __future__ import annotations

import re
import warnings
from datetime import time
from enum import IntEnum

from babel.dates import get_day_names
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
from bot.i18n import SN_, Translator
from bot.names import name_of, told_apart
from bot.rooster import activities
from bot.rules.lessons import Activity
from bot.services import Command, Services
from storage import participation as activity_store
from storage import people

COMMANDS = (
    Command("activiteiten", SN_("Participation activities of your participants"),
            frozenset({"klantmanager"}), staff_text=True),
)

PREFIX = "act:"
MAX_SHOWN = 40
TIMES = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s*[-–]\s*(\d{1,2})[:.](\d{2})\s+(\S.{0,199})$",
                   re.DOTALL)


class State(IntEnum):
    CHOOSING = 1
    TYPING = 2


def weekday_name(tr: Translator, weekday: int) -> str:
    return get_day_names("wide", locale=tr.locale)[weekday]


def describe(tr: Translator, activity: Activity) -> str:
    if activity.weekly:
        text = tr.s_("every {weekday} {start}–{end}: {title}",
                     weekday=weekday_name(tr, activity.weekday),
                     start=tr.time(activity.start_time), end=tr.time(activity.end_time),
                     title=activity.title)
    else:
        text = tr.s_("{day} {start}–{end}: {title}", day=tr.weekday_date(activity.starts_at),
                     start=tr.time(activity.starts_at), end=tr.time(activity.ends_at),
                     title=activity.title)
    return text


async def _own_participant(context: BotContext, person_id: int) -> people.Person | None:
    me = context.person
    if me is None or me.role != "klantmanager":
        return None
    target = await people.get_person(context.services.db, person_id)
    if target is None or target.role != "participant" or target.klantmanager_id != me.id:
        return None
    return target


async def _caseload_view(context: BotContext):
    tr = context.tr
    caseload = await people.caseload(context.services.db, context.person.id)
    if not caseload:
        return tr.s_("You have no participants in your caseload."), None
    names = told_apart((p.id, p.name, p.external_id) for p in caseload)
    rows = [[InlineKeyboardButton(names[person.id][:60], callback_data=f"{PREFIX}p:{person.id}")]
            for person in caseload[:MAX_SHOWN]]
    return (tr.s_("Whose participation activities do you want to see or record?"),
            InlineKeyboardMarkup(rows))


async def _participant_view(context: BotContext, participant: people.Person, note: str = ""):
    tr = context.tr
    records = await activity_store.activity_records(context.services.db, [participant.id])
    lines = [note, ""] if note else []
    lines.append(tr.s_("Participation activities of {name}:", name=name_of(participant)))
    if not records:
        lines.append(tr.s_("None recorded yet."))
    rows = []
    for record in records:
        lines.append("• " + describe(tr, record.activity))
        rows.append([InlineKeyboardButton(
            "🗑 " + describe(tr, record.activity)[:50],
            callback_data=f"{PREFIX}d:{record.activity.id}")])
    rows.append([InlineKeyboardButton("➕ " + tr.s_("New weekly activity"),
                                      callback_data=f"{PREFIX}n:{participant.id}")])
    rows.append([InlineKeyboardButton("◀ " + tr.s_("Other participant"),
                                      callback_data=f"{PREFIX}l")])
    return "\n".join(lines), InlineKeyboardMarkup(rows)


async def start(update: Update, context: BotContext) -> State | int:
    """/activiteiten: the caseload to choose from."""
    if context.person is None or context.person.role != "klantmanager":
        await update.effective_chat.send_message(
            context.tr._("Sorry, I did not understand that. Send /help to see what I can do."))
        return ConversationHandler.END
    text, keyboard = await _caseload_view(context)
    await update.effective_chat.send_message(text, reply_markup=keyboard)
    return State.CHOOSING


async def refuse(update: Update, context: BotContext) -> State:
    await update.callback_query.answer(
        context.tr._("This button no longer works. Send /help to start again."), show_alert=True)
    return State.CHOOSING


async def pressed(update: Update, context: BotContext) -> State | int:
    query, tr = update.callback_query, context.tr
    parts = (query.data or "").split(":")
    action, args = (parts[1] if len(parts) > 1 else ""), parts[2:]
    if not all(arg.isdigit() for arg in args) or context.person is None \
            or context.person.role != "klantmanager":
        return await refuse(update, context)
    if action == "l" and not args:
        await query.answer()
        text, keyboard = await _caseload_view(context)
        await query.edit_message_text(text, reply_markup=keyboard)
        return State.CHOOSING
    if action in ("p", "n") and len(args) == 1:
        participant = await _own_participant(context, int(args[0]))
        if participant is None:
            return await refuse(update, context)
        await query.answer()
        if action == "p":
            text, keyboard = await _participant_view(context, participant)
            await query.edit_message_text(text, reply_markup=keyboard)
            return State.CHOOSING
        rows = [[InlineKeyboardButton(weekday_name(tr, day),
                                      callback_data=f"{PREFIX}w:{participant.id}:{day}")]
                for day in range(7)]
        await query.edit_message_text(tr.s_("On which day is the activity of {name}?",
                                            name=name_of(participant)),
                                      reply_markup=InlineKeyboardMarkup(rows))
        return State.CHOOSING
    if action == "w" and len(args) == 2 and int(args[1]) < 7:
        participant = await _own_participant(context, int(args[0]))
        if participant is None:
            return await refuse(update, context)
        await query.answer()
        context.chat_data["activity_draft"] = {"person": participant.id,
                                               "weekday": int(args[1])}
        await query.edit_message_text(tr.s_(
            "Send the times and a short name, for example: 09:00-12:30 Werkervaringsplek "
            "bibliotheek. /cancel stops."))
        return State.TYPING
    if action == "d" and len(args) == 1:
        return await _delete(update, context, int(args[0]))
    return await refuse(update, context)


async def _delete(update: Update, context: BotContext, activity_id: int) -> State:
    query, services = update.callback_query, context.services
    owner = await activity_store.activity_participant(services.db, activity_id)
    participant = await _own_participant(context, owner) if owner is not None else None
    if participant is None:
        return await refuse(update, context)
    record = next(r for r in await activity_store.activity_records(services.db, [participant.id])
                  if r.activity.id == activity_id)
    await activities.remove(services.db, record.activity, services.now(), services.settings.tz)
    await query.answer()
    text, keyboard = await _participant_view(context, participant,
                                             context.tr.s_("Deleted; its conflicts are cleared."))
    await query.edit_message_text(text, reply_markup=keyboard)
    return State.CHOOSING


async def typed(update: Update, context: BotContext) -> State | int:
    """The times and name of a new weekly activity."""
    tr, services = context.tr, context.services
    draft = context.chat_data.get("activity_draft") or {}
    participant = await _own_participant(context, draft.get("person", 0))
    if participant is None:
        context.chat_data.pop("activity_draft", None)
        return ConversationHandler.END
    match = TIMES.match(update.effective_message.text or "")
    start = end = None
    if match:
        h1, m1, h2, m2 = (int(match.group(i)) for i in range(1, 5))
        if h1 < 24 and h2 < 24 and m1 < 60 and m2 < 60:
            start, end = time(h1, m1), time(h2, m2)
    if start is None or end <= start:
        await update.effective_chat.send_message(tr.s_(
            "I could not read that. Send the start and end time and a name, for example: "
            "09:00-12:30 Werkervaringsplek bibliotheek."))
        return State.TYPING
    title = " ".join(match.group(5).split())[:200]
    activity = Activity(id=0, participant_id=participant.id, title=title,
                        weekday=draft["weekday"], start_time=start, end_time=end)
    me = context.person
    _, opened, _ = await activities.save(services.db, activity, services.now(),
                                         services.settings.tz, gemeente_id=me.gemeente_id,
                                         recorded_by=me.id)
    context.chat_data.pop("activity_draft", None)
    note = tr.s_("Saved.")
    if opened:
        note += " " + tr.sn_("It overlaps {n} lesson; you and the school get an alert.",
                             "It overlaps {n} lessons; you and the school get an alert.", opened)
    text, keyboard = await _participant_view(context, participant, note)
    await update.effective_chat.send_message(text, reply_markup=keyboard)
    return State.CHOOSING


async def cancel(update: Update, context: BotContext) -> int:
    context.chat_data.pop("activity_draft", None)
    await update.effective_chat.send_message(context.tr.s_("Stopped. Nothing was saved."))
    return ConversationHandler.END


def conversation() -> ConversationHandler:
    with warnings.catch_warnings():
        # Buttons lead it and one typed line ends a step, so per_message stays off.
        warnings.filterwarnings("ignore", message=".*per_message=False.*", category=PTBUserWarning)
        return ConversationHandler(
            entry_points=[CommandHandler("activiteiten", start)],
            states={
                State.CHOOSING: [CallbackQueryHandler(pressed, pattern=f"^{PREFIX}")],
                State.TYPING: [MessageHandler(filters.TEXT & ~filters.COMMAND, typed),
                               CallbackQueryHandler(pressed, pattern=f"^{PREFIX}")],
            },
            fallbacks=[CommandHandler("cancel", cancel), CommandHandler("activiteiten", start)],
            name="activities", persistent=True, allow_reentry=True)


def register(app: Application, services: Services) -> None:
    app.add_handler(conversation())
