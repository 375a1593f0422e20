"""/instellingen: a participant's reminder settings (issue 14). Two switches with buttons, each
pressed in place: the reminder the evening before a lesson and the one an hour before (both on
by default; when they come is ``bot.rules.reminders``), and a row of evening times to choose
from (those outside the quiet hours; ``INBURGERBOT_REMINDER_EVENING`` until one is chosen).
Turning one off, or choosing another evening time, withdraws the reminders still waiting in the
outbox (``bot.rooster.reminders``); the next sweep enqueues them at the new time.

Callback data: ``inst:evening`` and ``inst:hour`` switch one; ``inst:at:HHMM`` chooses the
evening time; ``menu:instellingen`` (the button under a reminder) opens the screen.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import time

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot.context import BotContext
from bot.i18n import N_, Translator
from bot.menus import MENU_PREFIX
from bot.rooster import reminders
from bot.rules.quiet_hours import QUIET_END, QUIET_START
from bot.rules.reminders import EVENING, EVENING_AT, HOUR, evening_choices
from bot.services import Command, Services
from storage import reminders as store

COMMANDS = (Command("instellingen", N_("Your settings: reminders before a lesson"),
                    frozenset({"participant"})),)
PREFIX = "inst:"
AT = "at:"
LABELS = {EVENING: N_("Reminder the evening before"), HOUR: N_("Reminder one hour before")}


def evenings(services: Services) -> tuple[tuple[time, ...], time]:
    """The evening times a participant may choose, and the installation's own."""
    settings = services.settings
    quiet_start, quiet_end = settings.quiet_hours or (QUIET_START, QUIET_END)
    default = settings.reminder_evening or EVENING_AT
    return evening_choices(quiet_start, quiet_end, default), default


def screen(tr: Translator, current: store.ReminderSettings, choices: tuple[time, ...],
           default: time) -> tuple[str, InlineKeyboardMarkup]:
    def state(on: bool) -> str:
        return tr.f_("on") if on else tr.f_("off")

    chosen = current.evening_at if current.evening_at in choices else default

    text = tr.lines([
        tr._("⚙️ Your settings"),
        tr._("Reminders before each lesson:"),
        "• " + tr.f_("{setting}: {state}", setting=tr.safe(tr.f_(LABELS[EVENING])),
                     state=tr.safe(state(current.evening))),
        "• " + tr.f_("{setting}: {state}", setting=tr.safe(tr.f_(LABELS[HOUR])),
                     state=tr.safe(state(current.hour))),
        "• " + tr.f_("Evening reminder at {time}", time=tr.safe(tr.time(chosen))),
        tr._("Press a button to turn a reminder on or off, or to choose the time of the "
             "evening reminder."),
    ])
    rows = [[InlineKeyboardButton(("🔔 " if on else "🔕 ") + tr.f_(LABELS[kind])[:56],
                                  callback_data=PREFIX + kind)]
            for kind, on in ((EVENING, current.evening), (HOUR, current.hour))]
    rows.append([InlineKeyboardButton(("✅ " if at == chosen else "🕖 ") + tr.time(at),
                                      callback_data=f"{PREFIX}{AT}{at:%H%M}")
                 for at in choices])
    return text, InlineKeyboardMarkup(rows)


async def show(update: Update, context: BotContext) -> None:
    tr, me = context.tr, context.person
    if update.callback_query is not None:
        await update.callback_query.answer()
    if me is None or me.role != "participant":
        await update.effective_chat.send_message(
            tr._("Only course participants have settings here."))
        return
    text, keyboard = screen(tr, await store.settings_of(context.services.db, me.id),
                            *evenings(context.services))
    await update.effective_chat.send_message(text, reply_markup=keyboard)


async def pressed(update: Update, context: BotContext) -> None:
    query, tr, me, services = update.callback_query, context.tr, context.person, context.services
    kind = (query.data or "")[len(PREFIX):]
    choices, default = evenings(services)
    at = {f"{AT}{choice:%H%M}": choice for choice in choices}.get(kind)
    if me is None or me.role != "participant" or (kind not in LABELS and at is None):
        await query.answer(tr._("This button no longer works. Send /help to start again."),
                           show_alert=True)
        return
    async with services.db.transaction() as tx:
        current = await store.settings_of(tx, me.id)
        if at is not None and current.evening and (current.evening_at or default) == at:
            await query.answer(tr.f_("Saved."))  # already so: the screen stays as it is
            return
        if at is not None:  # another evening time: the waiting ones come again at it
            wanted = replace(current, evening=True, evening_at=at)
            await reminders.withdraw_kind(tx, me.id, EVENING)
        else:
            wanted = replace(current, **{kind: not getattr(current, kind)})
            if not getattr(wanted, kind):
                await reminders.withdraw_kind(tx, me.id, kind)
        await store.save_settings(tx, me.id, wanted, services.now())
    await query.answer(tr.f_("Saved."))
    text, keyboard = screen(tr, wanted, choices, default)
    await query.edit_message_text(text, reply_markup=keyboard)


def register(app: Application, services: Services) -> None:
    app.add_handler(CommandHandler("instellingen", show))
    app.add_handler(CallbackQueryHandler(show, pattern=f"^{MENU_PREFIX}instellingen$"))
    app.add_handler(CallbackQueryHandler(pressed, pattern=f"^{PREFIX}"))
