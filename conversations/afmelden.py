"""/afmelden: a participant reports in advance that they will miss a lesson (issue 6; C art. 9.3).

Steps, all with buttons: one of the next lessons; the reason (ill, an appointment with the
gemeente, IND or a doctor, work, child care, other); optionally a short note. The report is
stored with the attendance registration (the lesson shows as absent with a reason) and the
school's staff get it through the outbox; the participant gets a confirmation. A lesson that has
already started cannot be reported any more: the participant is asked to tell the school.
Which lessons can be reported, filing the report and the staff's message are
``bot.verzuim.afmelding``.
"""

from __future__ import annotations

import logging
import re
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
from bot.i18n import N_, Translator
from bot.services import Command, Services
from bot.uren.labels import KINDS
from bot.verzuim.afmelding import coming_lessons, file_report
from storage import attendance as store

log = logging.getLogger(__name__)

COMMANDS = (Command("afmelden", N_("Report that you cannot come to a lesson"),
                    frozenset({"participant"})),)
MENU = ("afmelden",)

PREFIX = "af"
MAX_LESSONS = 8
MAX_NOTE = 500
KEY = "afmelden"

REASONS = {
    "ill": N_("I am ill"),
    "appointment": N_("Appointment (gemeente, IND, doctor)"),
    "work": N_("Work"),
    "childcare": N_("Child care"),
    "other": N_("Another reason"),
}


class State(IntEnum):
    LESSON = 1
    REASON = 2
    NOTE_CHOICE = 3
    NOTE = 4


def button(tr: Translator, text: str, data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(tr.f_(text)[:60], callback_data=f"{PREFIX}:{data}")


def stop_row(tr: Translator) -> list[InlineKeyboardButton]:
    return [button(tr, N_("Stop"), "stop")]


def lesson_label(tr: Translator, lesson: store.LessonRow) -> str:
    """The lesson as a fragment: a button label, or the value of a message."""
    return tr.f_("{day}, {time}: {kind}", day=tr.weekday_date(lesson.starts_at),
                 time=tr.time(lesson.starts_at),
                 kind=tr.safe(tr.f_(KINDS.get(lesson.kind, KINDS["other"]))))


async def next_lessons(context: BotContext) -> list[store.LessonRow]:
    return await coming_lessons(context.services, context.person, MAX_LESSONS, reported=False)


async def start(update: Update, context: BotContext) -> int:
    """/afmelden: show the next lessons as buttons."""
    tr, person = context.tr, context.person
    if update.callback_query is not None:
        await update.callback_query.answer()
    if person is None or person.role != "participant":
        await update.effective_chat.send_message(
            tr._("Only course participants can report absence here."))
        return ConversationHandler.END
    lessons = await next_lessons(context)
    if not lessons:
        await update.effective_chat.send_message(
            tr._("You have no lessons in the next two weeks that you did not report yet. "
                 "Send /afwezig to see what you reported."))
        return ConversationHandler.END
    context.chat_data[KEY] = {}
    rows = [[InlineKeyboardButton(lesson_label(tr, lesson)[:60],
                                  callback_data=f"{PREFIX}:l:{lesson.id}")] for lesson in lessons]
    await update.effective_chat.send_message(
        tr._("Which lesson can you not come to?"),
        reply_markup=InlineKeyboardMarkup(rows + [stop_row(tr)]))
    return State.LESSON


async def too_late(update: Update, context: BotContext) -> int:
    context.chat_data.pop(KEY, None)
    await update.effective_chat.send_message(context.tr._(
        "This lesson has already started, so you can no longer report absence for it here. "
        "Please tell your school yourself."))
    return ConversationHandler.END


async def pick_lesson(update: Update, context: BotContext) -> int:
    query, tr, services = update.callback_query, context.tr, context.services
    lesson_id = int(query.data.rsplit(":", 1)[1])
    lesson = await store.person_lesson(services.db, context.person.id, lesson_id)
    if lesson is None or lesson.cancelled:
        await query.answer(tr._("This button no longer works. Send /help to start again."),
                           show_alert=True)
        return State.LESSON
    if await store.reported_lessons(services.db, context.person.id, [lesson_id]):
        await query.answer(tr._("You already reported that you will not come to this lesson. "
                                "Send /afwezig to see it."), show_alert=True)
        return State.LESSON
    await query.answer()
    if lesson.starts_at <= services.now():
        await query.edit_message_reply_markup(None)
        return await too_late(update, context)
    context.chat_data[KEY] = {"lesson": lesson_id}
    rows = [[button(tr, label, f"r:{code}")] for code, label in REASONS.items()]
    await query.edit_message_text(
        tr._("Lesson: {lesson}\nWhy can you not come?", lesson=tr.safe(lesson_label(tr, lesson))),
        reply_markup=InlineKeyboardMarkup(rows + [stop_row(tr)]))
    return State.REASON


async def pick_reason(update: Update, context: BotContext) -> int:
    query, tr = update.callback_query, context.tr
    draft = context.chat_data.get(KEY) or {}
    reason = query.data.rsplit(":", 1)[1]
    await query.answer()
    if "lesson" not in draft or reason not in REASONS:
        await query.edit_message_reply_markup(None)
        return await start(update, context)
    draft["reason"] = reason
    context.chat_data[KEY] = draft
    await query.edit_message_text(
        tr._("Reason: {reason}\nDo you want to add a short note for the school?",
             reason=tr.safe(tr.f_(REASONS[reason]))),
        reply_markup=InlineKeyboardMarkup([
            [button(tr, N_("Send without a note"), "send")],
            [button(tr, N_("Write a note"), "note")],
            stop_row(tr)]))
    return State.NOTE_CHOICE


async def ask_note(update: Update, context: BotContext) -> int:
    query, tr = update.callback_query, context.tr
    await query.answer()
    await query.edit_message_reply_markup(None)
    await update.effective_chat.send_message(
        tr._("Write your note in one message (at most {n} characters). Send /cancel to stop.",
             n=tr.number(MAX_NOTE)))
    return State.NOTE


async def send_without_note(update: Update, context: BotContext) -> int:
    await update.callback_query.answer()
    await update.callback_query.edit_message_reply_markup(None)
    return await save(update, context, None)


async def got_note(update: Update, context: BotContext) -> int:
    text = (update.effective_message.text or "").strip()
    if not text:
        return State.NOTE
    if len(text) > MAX_NOTE:
        await update.effective_chat.send_message(context.tr._(
            "This note is too long. Please write at most {n} characters.",
            n=context.tr.number(MAX_NOTE)))
        return State.NOTE
    return await save(update, context, text)


async def save(update: Update, context: BotContext, note: str | None) -> int:
    """Store the report with the school's notification, then confirm to the participant."""
    tr, services, person = context.tr, context.services, context.person
    draft = context.chat_data.pop(KEY, None) or {}
    lesson = await store.person_lesson(services.db, person.id, draft.get("lesson", 0))
    reason = draft.get("reason")
    if lesson is None or reason not in REASONS:
        await update.effective_chat.send_message(
            tr._("This button no longer works. Send /help to start again."))
        return ConversationHandler.END
    now = services.now()
    if lesson.starts_at <= now:
        return await too_late(update, context)
    await file_report(services, person, lesson, reason, note, now)
    await update.effective_chat.send_message(tr._(
        "Done. Your school knows that you will not come to the lesson on {day} at {time}. "
        "Reason: {reason}.", day=tr.weekday_date(lesson.starts_at), time=tr.time(lesson.starts_at),
        reason=tr.safe(tr.f_(REASONS[reason]))))
    return ConversationHandler.END


async def stop(update: Update, context: BotContext) -> int:
    context.chat_data.pop(KEY, None)
    if update.callback_query is not None:
        await update.callback_query.answer()
        await update.callback_query.edit_message_reply_markup(None)
    await update.effective_chat.send_message(
        context.tr._("Stopped. Nothing was reported. Send /afmelden to start again."))
    return ConversationHandler.END


def conversation() -> ConversationHandler:
    pattern = re.compile
    with warnings.catch_warnings():
        # Buttons lead it and one typed note may end it, so per_message stays off.
        warnings.filterwarnings("ignore", message=".*per_message=False.*", category=PTBUserWarning)
        return ConversationHandler(
            entry_points=[CommandHandler("afmelden", start),
                          CallbackQueryHandler(start, pattern=r"^menu:afmelden$")],
            states={
                State.LESSON: [CallbackQueryHandler(pick_lesson,
                                                    pattern=pattern(r"^af:l:\d{1,10}$"))],
                State.REASON: [CallbackQueryHandler(pick_reason,
                                                    pattern=pattern(r"^af:r:\w{1,20}$"))],
                State.NOTE_CHOICE: [CallbackQueryHandler(send_without_note, pattern=r"^af:send$"),
                                    CallbackQueryHandler(ask_note, pattern=r"^af:note$")],
                State.NOTE: [MessageHandler(filters.TEXT & ~filters.COMMAND, got_note)],
            },
            fallbacks=[CommandHandler("cancel", stop),
                       CallbackQueryHandler(stop, pattern=r"^af:stop$"),
                       CommandHandler("afmelden", start)],
            name="afmelden", persistent=True, allow_reentry=True)


def register(app: Application, services: Services) -> None:
    app.add_handler(conversation())
