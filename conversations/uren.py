"""/uren: the participant's urenverklaring (issue 6; C art. 10.7; BoW 2.5, 2.9.4), with buttons.

The participant picks a period (the whole course, or from one month to another), sees their
attended hours per kind of lesson in class and online and which of them count under their law
and route, and requests the signed statement. The school's staff confirm it (``ur:ok``; there
is no refusal, BoW 2.9.4: an old ``ur:no`` button only explains that) unless the school issues
automatically; the requester then gets a button that sends
the PDF. A klantmanager requests one for a participant of their own caseload (``ur:km``, from
/caseload).

Every button carries its whole meaning (``ur:t:202609:202611``), so nothing is lost in a restart
and an old button still does what it says; each press is checked against the presser's rights.
"""

from __future__ import annotations

import logging
import re
from datetime import date, timedelta

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot.context import BotContext
from bot.i18n import N_, Translator
from bot.names import name_of
from bot.privacy import audit
from bot.services import Command, Services
from bot.uren import issue
from bot.uren.notices import PREFIX, summary
from bot.uren.statement import NoRegime
from storage import people
from storage import uren as store

log = logging.getLogger(__name__)

COMMANDS = (Command("uren", N_("Get an urenverklaring (a statement of your lesson hours)"),
                    frozenset({"participant"})),)
MENU = ("uren",)

MAX_MONTHS = 24
PRESS = re.compile(rf"^{PREFIX}:(all|months|stop|f:\d{{6}}|t:\d{{6}}:\d{{6}}|req:all"
                   rf"|req:\d{{6}}:\d{{6}}|pdf:\d{{1,10}}|ok:\d{{1,10}}|no:\d{{1,10}}"
                   rf"|km:\d{{1,10}})$")


def button(tr: Translator, text: str, data: str, staff: bool = False) -> InlineKeyboardButton:
    label = tr.sf_(text) if staff else tr.f_(text)
    return InlineKeyboardButton(label[:60], callback_data=f"{PREFIX}:{data}")


def month_of(code: str) -> date | None:
    try:
        return date(int(code[:4]), int(code[4:6]), 1)
    except ValueError:
        return None


def month_end(first: date) -> date:
    return (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def months_between(first: date, last: date) -> list[date]:
    months, current = [], first.replace(day=1)
    while current <= last:
        months.append(current)
        current = (current.replace(day=28) + timedelta(days=4)).replace(day=1)
    return months[-MAX_MONTHS:]


async def start(update: Update, context: BotContext) -> None:
    """/uren: choose the period."""
    tr, person = context.tr, context.person
    if person is None or person.role != "participant":
        await update.effective_chat.send_message(
            tr._("Only course participants can ask for their urenverklaring here."))
        return
    markup = InlineKeyboardMarkup([
        [button(tr, N_("The whole course"), "all")],
        [button(tr, N_("From one month to another"), "months")],
        [button(tr, N_("Stop"), "stop")],
    ])
    await update.effective_chat.send_message(
        # GLOSSARY: introduces /uren
        tr._("An urenverklaring shows how many hours of lessons you attended. "
             "Which period do you need?"), reply_markup=markup)


async def from_menu(update: Update, context: BotContext) -> None:
    await update.callback_query.answer()
    await start(update, context)


async def month_buttons(context: BotContext, data_prefix: str, after: date | None) -> list:
    tr, services = context.tr, context.services
    first = await store.first_registration(services.db, context.person.id)
    today = services.now().astimezone(services.settings.tz).date()
    start_month = (first.astimezone(services.settings.tz).date() if first else today)
    months = [m for m in months_between(start_month, today) if after is None or m >= after]
    rows, row = [], []
    for month in months:
        suffix = month.strftime("%Y%m")
        row.append(InlineKeyboardButton(tr.date(month, "MMM y"),
                                        callback_data=f"{PREFIX}:{data_prefix}{suffix}"))
        if len(row) == 3:
            rows.append(row)
            row = []
    if row:
        rows.append(row)
    rows.append([button(tr, N_("Stop"), "stop")])
    return rows


async def show_summary(update: Update, context: BotContext, start_month: date | None,
                       end_month: date | None, request_data: str) -> None:
    tr, services = context.tr, context.services
    period_start = start_month
    period_end = month_end(end_month) if end_month else None
    try:
        computed = await issue.preview(services.db, context.person, period_start, period_end,
                                       services.settings.tz)
    except NoRegime:
        await update.effective_chat.send_message(tr._(
            "Your school has not recorded which law (Wi2013 or Wi2021) and route apply to you, "
            "so no urenverklaring can be made yet. Please ask your school."))
        return
    markup = InlineKeyboardMarkup([
        [button(tr, N_("Request the urenverklaring (PDF)"), request_data)],
        [button(tr, N_("Stop"), "stop")],
    ])
    await update.effective_chat.send_message(
        summary(tr, computed.statement, period_start, period_end), reply_markup=markup)


async def send_pdf(update: Update, context: BotContext, statement_id: int) -> None:
    """The PDF as a reply (drawn in a thread, so other chats do not wait)."""
    tr = context.tr
    try:
        made = await issue.pdf_bytes(context.services, statement_id)
    except TimeoutError:
        log.warning("urenverklaring PDF over its time budget")
        await update.effective_chat.send_message(
            tr._("The document could not be made just now. Please try again in a few minutes.")
            if context.person.role == "participant" else
            tr.s_("The document could not be made just now. Please try again in a few minutes."))
        return
    if made is None:
        return
    content, code, participant_id = made
    if participant_id != context.person.id:
        await audit.record(context.services.db, context.person, [participant_id], audit.UREN,
                           context.services.now())
    caption = (tr._("Your urenverklaring. It is in Dutch, for DUO and the gemeente. "
                    "Verification code: {code}", code=code)
               if participant_id == context.person.id
               else tr.s_("Urenverklaring, verification code {code}", code=code))
    await update.effective_chat.send_document(
        document=content, filename=f"urenverklaring-{code}.pdf", caption=caption)


async def request(update: Update, context: BotContext, start_month: date | None,
                  end_month: date | None) -> None:
    tr, services, person = context.tr, context.services, context.person
    outcome = await issue.request_statement(
        services, participant=person, requester=person, period_start=start_month,
        period_end=month_end(end_month) if end_month else None)
    if outcome.kind == "no_regime":
        await update.effective_chat.send_message(tr._(
            "Your school has not recorded which law (Wi2013 or Wi2021) and route apply to you, "
            "so no urenverklaring can be made yet. Please ask your school."))
    elif outcome.kind == "issued":
        await update.effective_chat.send_message(tr._("Here is your urenverklaring."))
        await send_pdf(update, context, outcome.statement_id)
    else:
        await update.effective_chat.send_message(tr._(
            "Your request has been sent to your school. When the school has confirmed it, you "
            "get the PDF here."))


async def staff_decision(update: Update, context: BotContext, request_id: int,
                         confirm: bool) -> None:
    query, tr, services = update.callback_query, context.tr, context.services
    person = context.person
    if person is None or person.role != "staff":
        await query.answer(tr.s_("This button is not for you."), show_alert=True)
        return
    if not confirm:
        # The "Refuse" button of a message sent before refusing was taken away (BoW 2.9.4).
        await query.answer(tr.s_(
            "An urenverklaring cannot be refused: the school provides it on request (BoW 2.9.4). "
            "Correct the attendance registration if a figure is wrong, then confirm."),
            show_alert=True)
        return
    outcome = await issue.decide(services, request_id, person)
    if outcome.kind == "forbidden":
        log.warning("urenverklaring decision refused: not this school's request")
        await query.answer(tr.s_("This request is not for your school."), show_alert=True)
        return
    if outcome.kind == "already":
        await query.answer(tr.s_("A colleague has already handled this request."), show_alert=True)
    else:
        await query.answer(tr.s_("Issued. The requester gets the PDF."))
    # A card loses its buttons; the daily digest (one row a request) only the pressed one's row.
    markup = query.message.reply_markup if query.message is not None else None
    rows = [row for row in (markup.inline_keyboard if markup else ())
            if all(button.callback_data != query.data for button in row)]
    await query.edit_message_reply_markup(InlineKeyboardMarkup(rows) if rows else None)


async def klantmanager_request(update: Update, context: BotContext, participant_id: int) -> None:
    """Norm 2.9.4: the gemeente may ask for the hours registration of its own participant."""
    query, tr, services, me = update.callback_query, context.tr, context.services, context.person
    participant = await people.get_person(services.db, participant_id)
    if (me is None or me.role != "klantmanager" or participant is None
            or participant.klantmanager_id != me.id):
        await query.answer(tr.s_("This participant is not in your caseload."), show_alert=True)
        return
    await query.answer()
    outcome = await issue.request_statement(services, participant=participant, requester=me,
                                            period_start=None, period_end=None)
    if outcome.kind == "no_regime":
        text = tr.s_("The school has not recorded the regime and route of {name}: no "
                     "urenverklaring can be made yet.", name=name_of(participant))
    elif outcome.kind == "issued":
        text = tr.s_("The urenverklaring of {name} has been issued.",
                     name=name_of(participant))
    else:
        text = tr.s_("Requested. When the school has confirmed it, you get the PDF here.")
    await update.effective_chat.send_message(text)
    if outcome.kind == "issued":
        await send_pdf(update, context, outcome.statement_id)


async def on_press(update: Update, context: BotContext) -> None:
    """Every ``ur:`` button, checked against who presses it."""
    query, tr = update.callback_query, context.tr
    match = PRESS.match(query.data or "")
    if match is None or context.person is None:
        await query.answer(tr._("This button no longer works. Send /help to start again."),
                           show_alert=True)
        return
    parts = match.group(1).split(":")
    action = parts[0]
    if action in ("ok", "no"):
        await staff_decision(update, context, int(parts[1]), action == "ok")
        return
    if action == "km":
        await klantmanager_request(update, context, int(parts[1]))
        return
    if action == "pdf":
        statement_id = int(parts[1])
        if not await store.may_download(context.services.db, statement_id, context.person.id):
            await query.answer(tr._("This button no longer works. Send /help to start again."),
                               show_alert=True)
            return
        await query.answer()
        await send_pdf(update, context, statement_id)
        return
    if context.person.role != "participant":
        await query.answer(tr._("Only course participants can ask for their urenverklaring here."),
                           show_alert=True)
        return
    await query.answer()
    if action == "stop":
        await query.edit_message_reply_markup(None)
        await update.effective_chat.send_message(tr._("Stopped. Send /uren to start again."))
    elif action == "all":
        await query.edit_message_reply_markup(None)
        await show_summary(update, context, None, None, "req:all")
    elif action == "months":
        await query.edit_message_text(tr._("From which month?"),
                                      reply_markup=InlineKeyboardMarkup(
                                          await month_buttons(context, "f:", None)))
    elif action == "f":
        first = month_of(parts[1])
        if first is None:
            return
        await query.edit_message_text(tr._("Until which month?"), reply_markup=InlineKeyboardMarkup(
            await month_buttons(context, f"t:{parts[1]}:", first)))
    elif action in ("t", "req"):
        if parts[1] == "all":
            first = last = None
        else:
            first, last = month_of(parts[1]), month_of(parts[2])
            if first is None or last is None or last < first:
                await update.effective_chat.send_message(
                    tr._("This button no longer works. Send /help to start again."))
                return
        await query.edit_message_reply_markup(None)
        if action == "t":
            await show_summary(update, context, first, last, f"req:{parts[1]}:{parts[2]}")
        else:
            await request(update, context, first, last)


def register(app: Application, services: Services) -> None:
    app.add_handler(CommandHandler("uren", start))
    app.add_handler(CallbackQueryHandler(from_menu, pattern=r"^menu:uren$"))
    app.add_handler(CallbackQueryHandler(on_press, pattern=rf"^{PREFIX}:"))
