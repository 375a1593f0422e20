"""/overstap: a participant asks to switch, buttons first, in their language (issue 7; convenant
art. 11.1, 4.4, 15).

The request: another day or time at the same school (the school's other groups of the same kind
and level with a free place) or another school that takes part in the convenant (participating,
keurmerk not expired; with its locations and kinds of course); a reason from a list and, if they
like, a few words; a summary to send. One open request per participant: /overstap then shows
its state and lets them withdraw it.

The participant's answers to later messages (continue, the handover conversation, consent per
item, withdrawing) are in ``conversations.overstap_answers``; the buttons, refusals and pressing
helpers here serve both. Every press is checked by ``bot.overstap`` against the request's state
and the presser; a stale or forged one gets a polite refusal and changes nothing.
"""

from __future__ import annotations

import logging
import warnings
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
from bot.i18n import N_, Translator
from bot.overstap import access, filing
from bot.overstap.access import Refusal
from bot.overstap.items import MAX_REASON_TEXT, REASONS
from bot.overstap.notices import P_PREFIX, label
from bot.rules.standing import in_good_standing
from bot.services import Command, Services
from storage import convenant, orgs, placement
from storage import overstap as store

log = logging.getLogger(__name__)

COMMANDS = (Command("overstap", N_("Switch to another group or school"),
                    frozenset({"participant"})),)
MENU = ("overstap",)

DRAFT = "overstap"
SHOWN_LESSONS = 3


class State(IntEnum):
    KIND = 1
    SCHOOL = 2
    GROUP = 3
    REASON = 4
    REASON_TEXT = 5
    CONFIRM = 6


STATE_LABELS = {
    "requested": N_("waiting for an answer"),
    "advised_otherwise": N_("your klantmanager gave other advice: please answer"),
    "approved": N_("approved; waiting for an invitation to the handover conversation"),
    "conversation_proposed": N_("handover conversation proposed: please answer"),
    "conversation_accepted": N_("waiting for the handover conversation"),
    "conversation_held": N_("please say which information may go to the new school"),
    "consent_given": N_("your school is preparing the handover"),
    "handed_over": N_("the new school is preparing your place"),
}


def btn(tr: Translator, text: str, data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(label(tr, text)[:64], callback_data=f"{P_PREFIX}:{data}")


def stop_row(tr: Translator) -> list[InlineKeyboardButton]:
    return [btn(tr, N_("Stop"), "stop")]


async def answer(update: Update) -> str:
    """Answer a button press and take its buttons away; returns its data."""
    query = update.callback_query
    if query is None:
        return ""
    await query.answer()
    try:
        await query.edit_message_reply_markup(reply_markup=None)
    except TelegramError:
        pass  # an old message: the choice still counts
    return query.data or ""


async def refuse(update: Update, context: BotContext, reason: str) -> None:
    """A press we never offered, or one that is too late: said politely, logged without data."""
    log.warning("overstap button refused: %s", reason)
    text = context.tr._("This button no longer works. Send /overstap to see your request.")
    query = update.callback_query
    if query is not None:
        try:
            await query.answer(text, show_alert=True)
            return
        except TelegramError:
            pass
    await update.effective_chat.send_message(text)


def today(context: BotContext):
    return access.local_today(context.services, context.services.now())


# ---- starting and the request's state ------------------------------------------------------

async def start(update: Update, context: BotContext) -> int:
    """/overstap or its menu button: the open request, or the first question."""
    tr, services, person = context.tr, context.services, context.person
    if update.callback_query is not None:
        await update.callback_query.answer()
    chat = update.effective_chat
    if person is None or person.role != "participant":
        await chat.send_message(tr._("Only course participants can ask to switch here."))
        return ConversationHandler.END
    if person.status != "active":
        await chat.send_message(tr._("You are not following a course now. Ask your "
                                     "klantmanager if you want to start again."))
        return ConversationHandler.END
    request = await store.open_request_for(services.db, person.id)
    if request is not None:
        await show_open(update, context, request)
        return ConversationHandler.END
    context.chat_data[DRAFT] = {}
    school = await orgs.get_school(services.db, person.school_id)
    if school is None or not in_good_standing(school.convenant_status, school.keurmerk_status):
        # Art. 4.4, 15: the advice is to leave this school; a group there is no way out.
        return await ask_school(update, context)
    rows = [[btn(tr, N_("Another day or time at my school"), "kind:slot")],
            [btn(tr, N_("Another school"), "kind:school")],
            stop_row(tr)]
    await chat.send_message(tr.lines([
        tr._("You can switch to another group or another school. Your hours are not lost."),
        tr._("What do you want?"),
    ]), reply_markup=InlineKeyboardMarkup(rows))
    return State.KIND


async def show_open(update: Update, context: BotContext, request) -> None:
    tr, db = context.tr, context.services.db
    if request.kind == "slot":
        target = await placement.group_name(db, request.to_group_id)
        first = tr._("You asked to switch to group {group}.", group=target or "-")
    else:
        first = tr._("You asked to switch to {school}.",
                     school=await convenant.school_name(db, request.to_school_id))
    text = tr.lines([
        first,
        tr._("Asked on: {day}", day=tr.date(request.created_at)),
        tr._("Now: {state}", state=tr.safe(tr._(STATE_LABELS.get(request.state,
                                                                   STATE_LABELS["requested"])))),
        tr._("You can only have one request at a time."),
    ])
    rows = []
    if request.state == "conversation_held":
        rows.append([btn(tr, N_("Answer now"), f"consent:{request.id}")])
    rows.append([btn(tr, N_("Stop my request"), f"wd:{request.id}")])
    await update.effective_chat.send_message(text, reply_markup=InlineKeyboardMarkup(rows))


# ---- the request, step by step -----------------------------------------------------------------

async def chose_kind(update: Update, context: BotContext) -> int:
    kind = (update.callback_query.data or "").split(":")[-1]
    draft = context.chat_data.get(DRAFT)
    if draft is None or kind not in ("slot", "school"):
        await refuse(update, context, "no draft or unknown kind")
        return ConversationHandler.END if draft is None else State.KIND
    await answer(update)
    if kind == "slot":
        school = await orgs.get_school(context.services.db, context.person.school_id)
        if school is None or not in_good_standing(school.convenant_status,
                                                  school.keurmerk_status):
            await refuse(update, context, "slot at a school outside the convenant")
            return await ask_school(update, context)
        return await ask_group(update, context)
    return await ask_school(update, context)


async def ask_school(update: Update, context: BotContext) -> int:
    tr, services, person = context.tr, context.services, context.person
    choices = await convenant.convenant_schools(services.db, today(context),
                                                exclude=person.school_id)
    if not choices:
        await update.effective_chat.send_message(tr._(
            "No other school can take you right now. Please ask your klantmanager."))
        context.chat_data.pop(DRAFT, None)
        return ConversationHandler.END
    context.chat_data[DRAFT] = {"kind": "school", "offered": [s.id for s in choices]}
    lines = [tr._("These schools take part in the agreement of the gemeenten. Choose one."), ""]
    for school in choices:
        lines.append(tr._("{school}: places {locations}; courses {kinds}", school=school.name,
                          locations=school.locations or "-",
                          kinds=", ".join(school.kinds) or "-"))
    rows = [[InlineKeyboardButton(school.name[:64], callback_data=f"{P_PREFIX}:school:{school.id}")]
            for school in choices]
    await update.effective_chat.send_message(
        tr.lines(lines), reply_markup=InlineKeyboardMarkup(rows + [stop_row(tr)]))
    return State.SCHOOL


async def group_line(context: BotContext, group) -> str:
    tr, services = context.tr, context.services
    starts = await placement.group_lesson_starts(services.db, group.id, services.now())
    times = ", ".join(f"{tr.weekday_date(s)} {tr.time(s)}" for s in starts[:SHOWN_LESSONS])
    return tr.lines([
        tr._("{group} ({place})", group=group.name, place=group.location or "-"),
        tr._("Next lessons: {times}", times=times or "-"),
        tr.n_("{n} free place", "{n} free places", group.free or 0),
    ])


async def ask_group(update: Update, context: BotContext) -> int:
    tr, services, person = context.tr, context.services, context.person
    day = today(context)
    current = await placement.current_groups(services.db, person.id, person.school_id, day)
    if not current:
        await update.effective_chat.send_message(tr._(
            "You are not in a group yet, so you cannot switch group. Please ask your school."))
        context.chat_data.pop(DRAFT, None)
        return ConversationHandler.END
    options, skipped = await filing.slot_choices(services.db, person.id, person.school_id,
                                                 current[0], day, services.now(),
                                                 services.settings.tz)
    # Art. 10.4, 9.2: a group that would keep them from their participation activities is left out.
    overlap = [tr._("Groups whose lessons overlap your participation activities are not shown.")
               ] if skipped else []
    if not options:
        await update.effective_chat.send_message(
            tr.lines([tr._("Your school has no other group of your kind and level with a free "
                           "place now. You can ask for another school instead."), *overlap]),
            reply_markup=InlineKeyboardMarkup([[btn(tr, N_("Another school"), "kind:school")],
                                               stop_row(tr)]))
        return State.KIND
    context.chat_data[DRAFT] = {"kind": "slot", "offered": [g.id for g in options]}
    lines = [tr._("Your group now: {group}", group=current[0].name), "",
             tr._("These groups have a free place. Choose one."), *overlap, ""]
    for group in options:
        lines += [await group_line(context, group), ""]
    rows = [[InlineKeyboardButton(group.name[:64], callback_data=f"{P_PREFIX}:group:{group.id}")]
            for group in options]
    await update.effective_chat.send_message(
        tr.lines(lines), reply_markup=InlineKeyboardMarkup(rows + [stop_row(tr)]))
    return State.GROUP


def picked_id(data: str) -> int | None:
    value = data.split(":")[-1]
    return int(value) if value.isdigit() else None


async def chose_school(update: Update, context: BotContext) -> int:
    school_id = picked_id(update.callback_query.data or "")
    draft = context.chat_data.get(DRAFT) or {}
    if draft.get("kind") != "school" or school_id not in draft.get("offered", []):
        await refuse(update, context, "school not offered")
        return await ask_school(update, context) if draft else ConversationHandler.END
    await answer(update)
    draft["to_school"] = school_id
    return await ask_reason(update, context)


async def chose_group(update: Update, context: BotContext) -> int:
    group_id = picked_id(update.callback_query.data or "")
    draft = context.chat_data.get(DRAFT) or {}
    if draft.get("kind") != "slot" or group_id not in draft.get("offered", []):
        await refuse(update, context, "group not offered")
        return await ask_group(update, context) if draft else ConversationHandler.END
    await answer(update)
    draft["to_group"] = group_id
    return await ask_reason(update, context)


async def ask_reason(update: Update, context: BotContext) -> int:
    tr = context.tr
    rows = [[btn(tr, text, f"reason:{code}")] for code, text in REASONS.items()]
    await update.effective_chat.send_message(
        tr._("Why do you want to switch?"),
        reply_markup=InlineKeyboardMarkup(rows + [stop_row(tr)]))
    return State.REASON


async def chose_reason(update: Update, context: BotContext) -> int:
    code = (update.callback_query.data or "").split(":")[-1]
    draft = context.chat_data.get(DRAFT)
    if not draft or "kind" not in draft:
        await refuse(update, context, "no draft")
        return ConversationHandler.END
    if code not in REASONS:
        await refuse(update, context, "unknown reason")
        return State.REASON
    await answer(update)
    draft["reason"] = code
    tr = context.tr
    await update.effective_chat.send_message(
        tr._("Do you want to say more? Write it now (at most {limit} characters), or press Skip.",
             limit=tr.number(MAX_REASON_TEXT)),
        reply_markup=InlineKeyboardMarkup([[btn(tr, N_("Skip"), "skip")], stop_row(tr)]))
    return State.REASON_TEXT


async def wrote_reason(update: Update, context: BotContext) -> int:
    tr, draft = context.tr, context.chat_data.get(DRAFT)
    if not draft or "reason" not in draft:
        return ConversationHandler.END
    text = (update.effective_message.text or "").strip()
    if len(text) > MAX_REASON_TEXT:
        await update.effective_chat.send_message(tr._(
            "This text is too long: {count} characters, at most {limit}. Please write it shorter.",
            count=tr.number(len(text)), limit=tr.number(MAX_REASON_TEXT)))
        return State.REASON_TEXT
    draft["reason_text"] = text
    return await ask_confirm(update, context)


async def skipped_reason(update: Update, context: BotContext) -> int:
    await answer(update)
    draft = context.chat_data.get(DRAFT)
    if not draft or "reason" not in draft:
        await refuse(update, context, "no draft")
        return ConversationHandler.END
    draft["reason_text"] = ""
    return await ask_confirm(update, context)


async def ask_confirm(update: Update, context: BotContext) -> int:
    tr, db, draft = context.tr, context.services.db, context.chat_data[DRAFT]
    if draft["kind"] == "slot":
        name = await placement.group_name(db, draft["to_group"])
        what = tr._("To group {group} at your school", group=name or "-")
        who = tr._("Your school decides and tells you from which day.")
    else:
        what = tr._("To {school}", school=await convenant.school_name(db, draft["to_school"]))
        who = tr._("Your klantmanager looks at it first.")
    lines = [tr._("Please check:"), what,
             tr._("Reason: {reason}", reason=tr.safe(tr._(REASONS[draft["reason"]])))]
    if draft.get("reason_text"):
        lines.append(tr.isolate(draft["reason_text"]))
    lines += ["", who]
    rows = [[btn(tr, N_("Send"), "send")], stop_row(tr)]
    await update.effective_chat.send_message(tr.lines(lines),
                                             reply_markup=InlineKeyboardMarkup(rows))
    return State.CONFIRM


REFUSALS = {
    "open": N_("You already have a request. Send /overstap to see it."),
    "not_offered": N_("This choice is not possible (any more). Please choose again."),
    "full": N_("This group is full now. Please choose another group."),
    "no_group": N_("You are not in a group yet, so you cannot switch group. Please ask your "
                   "school."),
    "no_klantmanager": N_("You have no klantmanager yet, who must look at a switch to another "
                          "school. Please ask your school or gemeente."),
}


async def send(update: Update, context: BotContext) -> int:
    """Store the request with its notification, then say who has it now."""
    await answer(update)
    tr, draft = context.tr, context.chat_data.get(DRAFT)
    if not draft or "reason" not in draft or "reason_text" not in draft:
        await refuse(update, context, "no draft")
        return ConversationHandler.END
    try:
        request = await filing.submit(context.services, context.person, kind=draft["kind"],
                                      reason=draft["reason"], reason_text=draft["reason_text"],
                                      to_school_id=draft.get("to_school"),
                                      to_group_id=draft.get("to_group"))
    except Refusal as refusal:
        await update.effective_chat.send_message(tr._(REFUSALS.get(refusal.code,
                                                                   REFUSALS["not_offered"])))
        if refusal.code in ("full", "not_offered"):
            return await (ask_group if draft["kind"] == "slot" else ask_school)(update, context)
        context.chat_data.pop(DRAFT, None)
        return ConversationHandler.END
    context.chat_data.pop(DRAFT, None)
    if request.kind == "slot":
        text = tr._("Your request is sent to your school. You get a message when they decide.")
    else:
        text = tr._("Your request is sent to your klantmanager. You get a message when they "
                    "decide.")
    await update.effective_chat.send_message(text)
    return ConversationHandler.END


async def stop(update: Update, context: BotContext) -> int:
    """/cancel or Stop: nothing is sent."""
    await answer(update)
    context.chat_data.pop(DRAFT, None)
    await update.effective_chat.send_message(context.tr._("Stopped. Nothing was sent."))
    return ConversationHandler.END


# ---- registration ------------------------------------------------------------------------

def conversation() -> ConversationHandler:
    on = lambda action: f"^{P_PREFIX}:{action}"  # noqa: E731
    with warnings.catch_warnings():
        # Buttons and typed text share one conversation per chat, so per_message stays off;
        # every button carries its step and is checked, which is what PTB warns about.
        warnings.filterwarnings("ignore", message=".*per_message=False.*", category=PTBUserWarning)
        return ConversationHandler(
            entry_points=[CommandHandler("overstap", start),
                          CallbackQueryHandler(start, pattern="^menu:overstap$")],
            states={
                State.KIND: [CallbackQueryHandler(chose_kind, pattern=on("kind:"))],
                State.SCHOOL: [CallbackQueryHandler(chose_school, pattern=on("school:"))],
                State.GROUP: [CallbackQueryHandler(chose_group, pattern=on("group:"))],
                State.REASON: [CallbackQueryHandler(chose_reason, pattern=on("reason:"))],
                State.REASON_TEXT: [MessageHandler(filters.TEXT & ~filters.COMMAND, wrote_reason),
                                    CallbackQueryHandler(skipped_reason, pattern=on("skip$"))],
                State.CONFIRM: [CallbackQueryHandler(send, pattern=on("send$"))],
            },
            fallbacks=[CommandHandler("cancel", stop),
                       CallbackQueryHandler(stop, pattern=on("stop$"))],
            name="overstap", persistent=True, allow_reentry=True)


async def stale(update: Update, context: BotContext) -> None:
    """A step button of /overstap outside the conversation (old message, replay, forged)."""
    await refuse(update, context, "no request being written")


def register(app: Application, services: Services) -> None:
    app.add_handler(conversation())
    # After every other ovp: handler (conversations.overstap_answers registers before this).
    app.add_handler(CallbackQueryHandler(stale, pattern=f"^{P_PREFIX}:"))
