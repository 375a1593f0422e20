"""/instellingen: a participant's reminder settings (issue 14). Two switches with buttons, each
pressed in place: the reminder the evening before a lesson and the one an hour before (both on
by default; when they come is ``bot.rules.reminders``). Turning one off withdraws its reminders
still waiting in the outbox (``bot.rooster.reminders``).

Callback data: ``inst:evening`` and ``inst:hour`` switch one; ``menu:instellingen`` (the button
under a reminder) opens the screen.
"""

from __future__ import annotations

from dataclasses import replace

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot.context import BotContext
from bot.i18n import N_, Translator
from bot.menus import MENU_PREFIX
from bot.rooster import reminders
from bot.rules.reminders import EVENING, HOUR
from bot.services import Command, Services
from storage import reminders as store

COMMANDS = (Command("instellingen", N_("Your settings: reminders before a lesson"),
                    frozenset({"participant"})),)
PREFIX = "inst:"
LABELS = {EVENING: N_("Reminder the evening before"), HOUR: N_("Reminder one hour before")}


def screen(tr: Translator, current: store.ReminderSettings) -> tuple[str, InlineKeyboardMarkup]:
    def state(on: bool) -> str:
        return tr.f_("on") if on else tr.f_("off")

    text = tr.lines([
        tr._("⚙️ Your settings"),
        tr._("Reminders before each lesson:"),
        "• " + tr.f_("{setting}: {state}", setting=tr.safe(tr.f_(LABELS[EVENING])),
                     state=tr.safe(state(current.evening))),
        "• " + tr.f_("{setting}: {state}", setting=tr.safe(tr.f_(LABELS[HOUR])),
                     state=tr.safe(state(current.hour))),
        tr._("Press a button to turn a reminder on or off."),
    ])
    rows = [[InlineKeyboardButton(("🔔 " if on else "🔕 ") + tr.f_(LABELS[kind])[:56],
                                  callback_data=PREFIX + kind)]
            for kind, on in ((EVENING, current.evening), (HOUR, current.hour))]
    return text, InlineKeyboardMarkup(rows)


async def show(update: Update, context: BotContext) -> None:
    tr, me = context.tr, context.person
    if update.callback_query is not None:
        await update.callback_query.answer()
    if me is None or me.role != "participant":
        await update.effective_chat.send_message(
            tr._("Only course participants have settings here."))
        return
    text, keyboard = screen(tr, await store.settings_of(context.services.db, me.id))
    await update.effective_chat.send_message(text, reply_markup=keyboard)


async def pressed(update: Update, context: BotContext) -> None:
    query, tr, me, services = update.callback_query, context.tr, context.person, context.services
    kind = (query.data or "")[len(PREFIX):]
    if me is None or me.role != "participant" or kind not in LABELS:
        await query.answer(tr._("This button no longer works. Send /help to start again."),
                           show_alert=True)
        return
    async with services.db.transaction() as tx:
        current = await store.settings_of(tx, me.id)
        wanted = replace(current, **{kind: not getattr(current, kind)})
        await store.save_settings(tx, me.id, wanted, services.now())
        if not getattr(wanted, kind):
            await reminders.withdraw_kind(tx, me.id, kind)
    await query.answer(tr.f_("Saved."))
    text, keyboard = screen(tr, wanted)
    await query.edit_message_text(text, reply_markup=keyboard)


def register(app: Application, services: Services) -> None:
    app.add_handler(CommandHandler("instellingen", show))
    app.add_handler(CallbackQueryHandler(show, pattern=f"^{MENU_PREFIX}instellingen$"))
    app.add_handler(CallbackQueryHandler(pressed, pattern=f"^{PREFIX}"))
