"""/afwezig: a participant's own absences (issue 14; C art. 9.3): the lessons they reported they
will not come to (/afmelden) and the absences the school registered, of the last weeks and the
coming ones. A reported lesson that has not started yet has a button "I can come after all",
which withdraws the report (``bot.verzuim.afmelding.withdraw_report``; the school hears of it)
and shows the list again in place.

Callback data: ``afw:x:<lesson>`` withdraws, ``menu:afwezig`` opens the list. A lesson of
someone else, or one already started, is refused.
"""

from __future__ import annotations

from datetime import timedelta

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot.context import BotContext
from bot.i18n import N_, Translator
from bot.menus import MENU_PREFIX
from bot.services import Command, Services
from bot.verzuim.afmelding import withdraw_report
from conversations.afmelden import REASONS, lesson_label
from storage import attendance as store

COMMANDS = (Command("afwezig", N_("Your absences: reported and registered"),
                    frozenset({"participant"})),)
PREFIX = "afw:"
PAST = timedelta(weeks=8)
AHEAD = timedelta(weeks=8)
MAX_SHOWN = 20
REGISTERED = {
    "absent": N_("absent"),
    "absent_reported": N_("absent, reported by you"),
    "absent_ill": N_("absent, ill"),
    "absent_other": N_("absent, with a reason"),
}


async def listing(context: BotContext) -> tuple[str, InlineKeyboardMarkup | None]:
    tr, me, services = context.tr, context.person, context.services
    now = services.now()
    found = (await store.own_absences(services.db, me.id, now - PAST, now + AHEAD))[-MAX_SHOWN:]
    if not found:
        return tr._("You have no absences in the last and the coming eight weeks. "
                    "Send /afmelden to report that you cannot come to a lesson."), None
    lines = [tr._("🙋 Your absences (eight weeks back and ahead):"), ""]
    rows = []
    for absence in found:
        lesson = absence.lesson
        label = lesson_label(tr, lesson)
        if absence.reason is not None:
            lines.append("• " + tr.f_("{lesson}: you reported you will not come ({reason})",
                                      lesson=tr.safe(label),
                                      reason=tr.safe(tr.f_(REASONS.get(absence.reason,
                                                                       REASONS["other"])))))
        if absence.status is not None and absence.status != "present" \
                and absence.source == "school":
            lines.append("• " + tr.f_("{lesson}: the school registered: {status}",
                                      lesson=tr.safe(label), status=tr.safe(tr.f_(
                                          REGISTERED.get(absence.status, REGISTERED["absent"])))))
        if absence.reason is not None and lesson.starts_at > now and not lesson.cancelled:
            rows.append([InlineKeyboardButton(
                "✅ " + tr.f_("I can come after all: {lesson}", lesson=tr.safe(label))[:58],
                callback_data=f"{PREFIX}x:{lesson.id}")])
    return tr.paragraphs(lines), InlineKeyboardMarkup(rows) if rows else None


async def show(update: Update, context: BotContext) -> None:
    tr, me = context.tr, context.person
    if update.callback_query is not None:
        await update.callback_query.answer()
    if me is None or me.role != "participant":
        await update.effective_chat.send_message(
            tr._("Only course participants can report absence here."))
        return
    text, keyboard = await listing(context)
    await update.effective_chat.send_message(text, reply_markup=keyboard)


def refusal(tr: Translator) -> str:
    return tr._("This button no longer works. Send /help to start again.")


async def pressed(update: Update, context: BotContext) -> None:
    query, tr, me, services = update.callback_query, context.tr, context.person, context.services
    parts = (query.data or "").split(":")
    if me is None or me.role != "participant" or len(parts) != 3 or parts[1] != "x" \
            or not parts[2].isdigit() or len(parts[2]) > 10:
        await query.answer(refusal(tr), show_alert=True)
        return
    lesson = await store.person_lesson(services.db, me.id, int(parts[2]))
    now = services.now()
    if lesson is None:
        await query.answer(refusal(tr), show_alert=True)
        return
    if lesson.starts_at <= now:
        await query.answer(tr._("This lesson has already started. Please tell your school "
                                "yourself."), show_alert=True)
        return
    if not await withdraw_report(services, me, lesson, now):
        await query.answer(refusal(tr), show_alert=True)
        return
    await query.answer()
    text, keyboard = await listing(context)
    await query.edit_message_text(text, reply_markup=keyboard)
    await update.effective_chat.send_message(tr._(
        "Good. Your school knows that you will come to the lesson on {day} at {time} after all.",
        day=tr.weekday_date(lesson.starts_at), time=tr.time(lesson.starts_at)))


def register(app: Application, services: Services) -> None:
    app.add_handler(CommandHandler("afwezig", show))
    app.add_handler(CallbackQueryHandler(show, pattern=f"^{MENU_PREFIX}afwezig$"))
    app.add_handler(CallbackQueryHandler(pressed, pattern=f"^{PREFIX}"))
