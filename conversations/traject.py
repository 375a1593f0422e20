"""/traject: the school's coordinator records a participant's trajectory in the bot (issue 15;
convenant art. 12.1, 12.4): the intake with the agreed goal (level, route) and the predicted end,
a new prediction, work attitude and motivation, obstacles, or progress per skill. Mostly buttons;
dates and own words are typed. A summary is confirmed before anything is saved, and saving goes
through ``bot.trajectory.report``, the same service as the school's API: the klantmanager's alert,
/caseload, the participant's /gedeeld, their taalplan and the flag on a prediction a month and
more later all follow from it.

Callback data: ``trj:p:<person>`` the participant, ``trj:k:<kind>``, ``trj:l:<level>`` the goal,
``trj:r:<route|->``, ``trj:s:<level|->`` a skill's level, ``trj:today``, ``trj:skip`` (no own
words), ``trj:ok`` / ``trj:no``. Every press and every save looks the participant up again in
storage, only among the coordinator's own school's participants.
"""

from __future__ import annotations

import logging
import warnings
from datetime import date
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
from bot.i18n import SN_
from bot.names import name_of, told_apart
from bot.rules import trajectory as rules
from bot.rules.localtime import local_date
from bot.services import Command, Services
from bot.trajectory.notices import SKILL_NAMES, STAFF_KINDS, record_lines
from bot.uren.labels import ROUTES
from conversations.presses import drop_buttons, refuse_press
from storage import people
from storage import trajectory as store

log = logging.getLogger(__name__)

COMMANDS = (Command("traject", SN_("Record a participant's intake, plan or progress"),
                    frozenset({"staff"}), staff_text=True),)

PREFIX = "trj"
DRAFT = "traject_draft"
MAX_LISTED = 30
# What each kind asks for, in order; then the summary.
STEPS = {
    rules.INTAKE: ("level", "route", "end", "costs", "note"),
    rules.DURATION: ("end", "note"),
    rules.ATTITUDE: ("words",),
    rules.OBSTACLES: ("words",),
    rules.PROGRESS: tuple(f"skill:{skill}" for skill in rules.SKILLS) + ("assessed", "note"),
}
KIND_BUTTONS = {
    rules.INTAKE: SN_("Intake: goal and predicted end"),
    rules.DURATION: SN_("A new predicted end"),
    rules.ATTITUDE: SN_("Work attitude and motivation"),
    rules.OBSTACLES: SN_("Learning or social obstacles"),
    rules.PROGRESS: SN_("Progress per skill"),
}


class State(IntEnum):
    ACTIVE = 1


def _button(label: str, data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(label[:60], callback_data=f"{PREFIX}:{data}")


def _coordinator(context: BotContext) -> people.Person | None:
    me = context.person
    if me is None or me.role != "staff" or me.staff_role != "coordinator" or not me.school_id:
        return None
    return me


async def _participant(context: BotContext, person_id: int) -> people.Person | None:
    """The participant, looked up among the coordinator's own school's participants only."""
    me = _coordinator(context)
    if me is None:
        return None
    return await people.school_participant(context.services.db, me.school_id, person_id)


def _today(context: BotContext) -> date:
    services = context.services
    return local_date(services.now(), services.settings.tz)


async def start(update: Update, context: BotContext) -> State | int:
    """/traject: the school's participants to pick from."""
    tr, me = context.tr, _coordinator(context)
    if me is None:
        await update.effective_chat.send_message(tr.s_(
            "Only a coordinator of a school can record a trajectory."))
        return ConversationHandler.END
    context.chat_data[DRAFT] = {"step": "who"}
    listed = await people.school_participants(context.services.db, me.school_id, MAX_LISTED + 1)
    text = tr.s_("Whose trajectory do you want to record? Type part of the name or the school "
                 "number. /cancel stops.")
    keyboard = None
    if listed and len(listed) <= MAX_LISTED:
        text = tr.s_("Whose trajectory do you want to record? Press a name, or type part of the "
                     "name or the school number. /cancel stops.")
        keyboard = _people_keyboard(listed)
    await update.effective_chat.send_message(text, reply_markup=keyboard)
    return State.ACTIVE


def _people_keyboard(found: list[people.Person]) -> InlineKeyboardMarkup:
    names = told_apart((p.id, p.name, p.external_id) for p in found)
    return InlineKeyboardMarkup([[_button(names[p.id], f"p:{p.id}")] for p in found])


async def typed(update: Update, context: BotContext) -> State | int:
    """A name or school number, a date or own words, as the current step asks."""
    tr, me = context.tr, _coordinator(context)
    draft = context.chat_data.get(DRAFT)
    if me is None or not draft:
        context.chat_data.pop(DRAFT, None)
        return ConversationHandler.END
    text = update.effective_message.text or ""
    step = draft.get("step")
    if step != "who" and await _participant(context, draft.get("participant") or 0) is None:
        context.chat_data.pop(DRAFT, None)
        await update.effective_chat.send_message(tr.s_(
            "This participant is not one of your school's."))
        return ConversationHandler.END
    if step == "who":
        found = await people.find_school_participants(context.services.db, me.school_id, text)
        if not found:
            await update.effective_chat.send_message(tr.s_(
                "No participant of your school matches. Type the school number or another part "
                "of the name."))
        else:
            await update.effective_chat.send_message(tr.s_("Which participant?"),
                                                     reply_markup=_people_keyboard(found))
        return State.ACTIVE
    if step in ("end", "assessed"):
        return await _date_typed(update, context, draft, text)
    if step == "costs":
        cents = rules.typed_euros(text)
        if cents is None:
            await update.effective_chat.send_message(tr.s_(
                "That is no amount. Type the costs in euros, for example 1250 or 1.250,50, or "
                "press Skip."))
            return State.ACTIVE
        draft["costs_cents"] = cents
        return await _next(update, context, draft)
    if step in ("note", "words"):
        if not rules.valid_text(text):
            await update.effective_chat.send_message(tr.s_(
                "Please write it in words, at most {limit} characters.",
                limit=tr.number(rules.MAX_TEXT)))
            return State.ACTIVE
        draft["text"] = text.strip()
        return await _next(update, context, draft)
    await update.effective_chat.send_message(tr.s_("Please use the buttons above, or /cancel."))
    return State.ACTIVE


async def _date_typed(update: Update, context: BotContext, draft: dict, text: str) -> State:
    tr, today = context.tr, _today(context)
    day = rules.typed_date(text)
    example = tr.date(today)
    if draft["step"] == "end":
        if day is None or not rules.predicted_end_ok(day, today):
            await update.effective_chat.send_message(tr.s_(
                "That is no date from today on. Type the predicted end as day-month-year, for "
                "example {example}.", example=example))
            return State.ACTIVE
        draft["predicted_end"] = day.isoformat()
    else:
        if day is None or not rules.assessed_on_ok(day, today):
            await update.effective_chat.send_message(tr.s_(
                "That is no date up to today. Type it as day-month-year, for example "
                "{example}.", example=example))
            return State.ACTIVE
        draft["assessed_on"] = day.isoformat()
    return await _next(update, context, draft)


async def pressed(update: Update, context: BotContext) -> State | int:
    """Every button of the conversation; a press that does not fit the current step is refused."""
    query, tr = update.callback_query, context.tr
    draft = context.chat_data.get(DRAFT)
    parts = (query.data or "").split(":")
    action, arg = parts[1] if len(parts) > 1 else "", ":".join(parts[2:])
    no_longer = tr.s_("This button no longer works. Send /traject to start again.")
    if _coordinator(context) is None or not draft:
        await refuse_press(update, no_longer, "traject: no draft or not a coordinator")
        return ConversationHandler.END
    if action == "p" and row_id(arg) is not None:
        participant = await _participant(context, row_id(arg))
        if participant is None:
            await refuse_press(update, tr.s_("This participant is not one of your school's."),
                               "traject: participant of another school")
            return State.ACTIVE
        await query.answer()
        await drop_buttons(update)
        context.chat_data[DRAFT] = {"step": "kind", "participant": participant.id}
        await update.effective_chat.send_message(
            tr.s_("What do you want to record for {name}?", name=name_of(participant)),
            reply_markup=InlineKeyboardMarkup([[_button(tr.sf_(label), f"k:{kind}")]
                                               for kind, label in KIND_BUTTONS.items()]))
        return State.ACTIVE
    participant = await _participant(context, draft.get("participant") or 0)
    if participant is None:
        await refuse_press(update, no_longer, "traject: press without a participant")
        return State.ACTIVE
    step = draft.get("step")
    if action == "k" and step == "kind" and arg in rules.KINDS:
        draft.update(kind=arg, index=-1)
    elif action == "l" and step == "level" and arg in rules.LEVELS:
        draft["goal_level"] = arg
    elif action == "r" and step == "route" and (arg in rules.ROUTES or arg == "-"):
        draft["route"] = arg if arg != "-" else None
    elif action == "s" and step.startswith("skill:") and (arg in rules.LEVELS or arg == "-"):
        if arg != "-":
            draft.setdefault("skills", {})[step.removeprefix("skill:")] = arg
    elif action == "today" and step == "assessed":
        draft["assessed_on"] = _today(context).isoformat()
    elif action == "skip" and step in ("note", "costs"):
        draft.pop("text" if step == "note" else "costs_cents", None)
    elif action == "ok" and step == "confirm":
        await query.answer()
        await drop_buttons(update)
        return await _save(update, context, draft, participant)
    elif action == "no" and step == "confirm":
        await query.answer()
        await drop_buttons(update)
        return await cancel(update, context)
    else:
        await refuse_press(update, no_longer, "traject: press out of step")
        return State.ACTIVE
    await query.answer()
    await drop_buttons(update)
    if step == f"skill:{rules.SKILLS[-1]}" and not draft.get("skills"):
        draft["index"] = -1
        await update.effective_chat.send_message(tr.s_(
            "Choose a level for at least one skill."))
    return await _next(update, context, draft)


async def _next(update: Update, context: BotContext, draft: dict) -> State:
    """Move on to the kind's next step and ask for it; after the last, the summary."""
    steps = STEPS[draft["kind"]]
    draft["index"] = draft.get("index", -1) + 1
    draft["step"] = steps[draft["index"]] if draft["index"] < len(steps) else "confirm"
    context.chat_data[DRAFT] = draft
    text, buttons = await _ask(context, draft)
    await update.effective_chat.send_message(
        text, reply_markup=InlineKeyboardMarkup(buttons) if buttons else None)
    return State.ACTIVE


async def _ask(context: BotContext, draft: dict) -> tuple[str, list]:
    tr, step = context.tr, draft["step"]
    example = tr.date(_today(context))
    if step == "level":
        return (tr.s_("Which level is the agreed end goal?"),
                [[_button(level, f"l:{level}") for level in rules.LEVELS]])
    if step == "route":
        return (tr.s_("Which leerroute?"),
                [[_button(tr.sf_(ROUTES[route]), f"r:{route}")] for route in rules.ROUTES]
                + [[_button(tr.s_("No route (Wi2013)"), "r:-")]])
    if step == "end":
        return (tr.s_("When will the trajectory probably end? Type the date as day-month-year, "
                      "for example {example}.", example=example), [])
    if step.startswith("skill:"):
        name = tr.sf_(SKILL_NAMES[step.removeprefix("skill:")])
        return (tr.s_("Level reached in {skill}?", skill=tr.safe(name)),
                [[_button(level, f"s:{level}") for level in rules.LEVELS],
                 [_button(tr.s_("Not assessed"), "s:-")]])
    if step == "assessed":
        return (tr.s_("On which date was this assessed? Type it as day-month-year, for example "
                      "{example}, or press Today.", example=example),
                [[_button(tr.s_("Today"), "today")]])
    if step == "costs":
        return (tr.s_("What does the course cost the participant? Type the amount in euros, "
                      "for example 1250 or 1.250,50, or press Skip. They are told it with "
                      "their plan."), [[_button(tr.s_("Skip"), "skip")]])
    if step == "note":
        return (tr.s_("Anything to add for the klantmanager? Type it, or press Skip."),
                [[_button(tr.s_("Skip"), "skip")]])
    if step == "words":
        return (tr.s_("Write it in your own words, for the klantmanager."), [])
    return await _summary(context, draft)


def _details(draft: dict) -> dict:
    """The record's details, as the API stores them for the same kind."""
    details: dict = {}
    if draft["kind"] == rules.INTAKE:
        details["goal_level"] = draft["goal_level"]
        if draft.get("route"):
            details["route"] = draft["route"]
        if draft.get("costs_cents") is not None:
            details["costs_cents"] = draft["costs_cents"]
    if draft["kind"] == rules.PROGRESS:
        details["assessed_on"] = draft["assessed_on"]
        details["skills"] = {skill: draft["skills"][skill] for skill in rules.SKILLS
                             if skill in draft.get("skills", {})}
    if draft.get("text"):
        details["text"] = draft["text"]
    return details


def _end(draft: dict) -> date | None:
    return date.fromisoformat(draft["predicted_end"]) if draft.get("predicted_end") else None


async def _summary(context: BotContext, draft: dict) -> tuple[str, list]:
    tr = context.tr
    participant = await _participant(context, draft["participant"])
    before = await store.latest_prediction(context.services.db, participant.id)
    end = _end(draft)
    flagged = end is not None and rules.grew_by_more_than_a_month(before, end)
    lines = [tr.s_("Please check: {what} of {name}.", name=name_of(participant),
                   what=tr.safe(tr.sf_(STAFF_KINDS[draft["kind"]])))]
    lines += record_lines(tr, draft["kind"], _details(draft), end,
                          before if end is not None else None, flagged)
    if participant.klantmanager_id is not None:
        lines.append(tr.s_("On saving, the klantmanager is told."))
    if rules.tells_participant(draft["kind"], before, end):
        lines.append(tr.s_("The participant is told their plan in their own language."))
    return tr.lines(lines), [[_button(tr.s_("Save"), "ok"), _button(tr.s_("Cancel"), "no")]]


async def _save(update: Update, context: BotContext, draft: dict,
                participant: people.Person) -> int:
    tr, me = context.tr, context.person
    reported = await trajectory.report(
        context.services, school_id=me.school_id, person=participant, kind=draft["kind"],
        details=_details(draft), predicted_end=_end(draft))
    context.chat_data.pop(DRAFT, None)
    lines = [tr.s_("Saved for {name}.", name=name_of(participant))]
    lines.append(tr.s_("The klantmanager has been told.") if reported.klantmanager_told
                 else tr.s_("The participant has no klantmanager in the bot; nobody was told."))
    if reported.flagged:
        lines.append(tr.s_("⚠ More than a month later than predicted before."))
    if reported.participant_told:
        lines.append(tr.s_("The participant is told in their own language."))
    await update.effective_chat.send_message(tr.lines(lines))
    return ConversationHandler.END


async def cancel(update: Update, context: BotContext) -> int:
    context.chat_data.pop(DRAFT, None)
    await update.effective_chat.send_message(context.tr.s_("Stopped. Nothing was saved."))
    return ConversationHandler.END


def conversation() -> ConversationHandler:
    text = filters.TEXT & ~filters.COMMAND
    with warnings.catch_warnings():
        # Buttons lead it and a typed line fills a step, so per_message stays off.
        warnings.filterwarnings("ignore", message=".*per_message=False.*", category=PTBUserWarning)
        return ConversationHandler(
            entry_points=[CommandHandler("traject", start)],
            states={State.ACTIVE: [CallbackQueryHandler(pressed, pattern=f"^{PREFIX}:"),
                                   MessageHandler(text, typed)]},
            fallbacks=[CommandHandler("cancel", cancel), CommandHandler("traject", start)],
            name="traject", persistent=True, allow_reentry=True)


def register(app: Application, services: Services) -> None:
    app.add_handler(conversation())
