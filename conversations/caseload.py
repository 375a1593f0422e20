"""/caseload for klantmanagers (issue 6; C art. 12.4, 13.2, 13.4; BoW 2.9.4): their own
participants with the share of lessons attended over the last four weeks, open verzuim and
uitval alerts, klacht signals, and chats the bot cannot reach; and one participant's detail
(coming lessons, recent attendance, alerts) with a button to request their urenverklaring.

Only the klantmanager's own participants are listed or opened: every query and every button
press checks ``people.klantmanager_id`` against the person pressing. Each view is written to the
audit trail (issue 13), which the participant sees in /gedeeld.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from datetime import datetime, timedelta

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot.context import BotContext
from bot.i18n import SN_, Translator
from bot.names import name_of, told_apart
from bot.privacy import audit
from bot.services import Command, Services
from bot.trajectory.notices import caseload_lines
from bot.uren.labels import PDF_KINDS, regime_text
from bot.verzuim.afmelding import coming_with_reports
from bot.verzuim.notices import STATUS_LABELS, alert_buttons
from bot.wanprestatie.notices import caseload_lines as attempt_lines
from storage import caseload as store
from storage import contact_attempts as attempt_store
from storage import orgs, people
from storage import trajectory as trajectory_store
from storage import verzuim as verzuim_store
from storage.database import from_db

log = logging.getLogger(__name__)

COMMANDS = (Command("caseload", SN_("Your participants: attendance, alerts, signals"),
                    frozenset({"klantmanager"}), staff_text=True),)
MENU = ("caseload",)

PREFIX = "cl"
WINDOW = timedelta(weeks=4)
PAGE = 15
PRESS = re.compile(rf"^{PREFIX}:(list|pg:\d{{1,4}}|p:\d{{1,10}})$")
PERSON_STATUS = {"active": SN_("active"), "left": SN_("left the course"),
                 "dropped_out": SN_("dropped out (uitval)")}


def s(tr: Translator, text: str) -> str:
    """A fragment from a table of marked strings, to be joined with others."""
    return tr.sf_(text)


def overview_line(tr: Translator, entry: store.CaseloadEntry) -> str:
    parts = [f"{entry.name} ({entry.school})"]
    if entry.registered:
        parts.append(tr.s_("{percent}% present ({present} of {registered})",
                       percent=tr.number(round(100 * entry.present / entry.registered)),
                       present=tr.number(entry.present), registered=tr.number(entry.registered)))
    else:
        parts.append(tr.s_("no registered lessons"))
    if entry.status != "active":
        parts.append(s(tr, PERSON_STATUS.get(entry.status, PERSON_STATUS["left"])))
    if entry.open_alerts:
        parts.append(tr.sn_("{n} open alert", "{n} open alerts", entry.open_alerts))
    if entry.signals:
        parts.append(tr.sn_("{n} klacht signal", "{n} klacht signals", entry.signals))
    if entry.unreachable:
        parts.append(tr.s_("not reachable on Telegram"))
    return " · ".join(parts)


async def show_list(update: Update, context: BotContext, page: int = 0) -> None:
    tr, services, me = context.tr, context.services, context.person
    now = services.now()
    entries = await store.caseload_overview(services.db, me.id, now - WINDOW, now)
    if not entries:
        await update.effective_chat.send_message(
            tr.s_("You have no participants in your caseload."))
        return
    pages = max(1, -(-len(entries) // PAGE))
    page = min(max(page, 0), pages - 1)
    shown = entries[page * PAGE:(page + 1) * PAGE]
    lines = [tr.sn_("Your caseload: {n} participant. Attendance over the last 4 weeks.",
                    "Your caseload: {n} participants. Attendance over the last 4 weeks.",
                    len(entries)), ""]
    names = told_apart((e.person_id, e.name, e.external_id) for e in entries)
    lines += [overview_line(tr, replace(entry, name=names[entry.person_id])) for entry in shown]
    await audit.record(services.db, me, [entry.person_id for entry in shown], audit.CASELOAD, now)
    rows = [[InlineKeyboardButton(names[entry.person_id][:60],
                                  callback_data=f"{PREFIX}:p:{entry.person_id}")]
            for entry in shown]
    nav = []
    if page > 0:
        nav.append(InlineKeyboardButton("◀", callback_data=f"{PREFIX}:pg:{page - 1}"))
    if page + 1 < pages:
        nav.append(InlineKeyboardButton("▶", callback_data=f"{PREFIX}:pg:{page + 1}"))
    if nav:
        rows.append(nav)
    await update.effective_chat.send_message(tr.lines(lines),
                                             reply_markup=InlineKeyboardMarkup(rows))


def when(tr: Translator, moment: datetime) -> str:
    return f"{tr.weekday_date(moment)} {tr.time(moment)}"


async def show_participant(update: Update, context: BotContext, participant_id: int) -> None:
    query, tr, services, me = update.callback_query, context.tr, context.services, context.person
    participant = await people.get_person(services.db, participant_id)
    if participant is None or participant.klantmanager_id != me.id:
        log.warning("caseload view refused: participant not in caseload")
        await query.answer(tr.s_("This participant is not in your caseload."), show_alert=True)
        return
    await query.answer()
    now = services.now()
    await audit.record(services.db, me, [participant.id], audit.ATTENDANCE, now)
    school = await orgs.get_school(services.db, participant.school_id)  # a participant has one
    lines = [f"{name_of(participant)} ({school.name})",
             tr.s_("Status: {status}", status=tr.safe(s(tr, PERSON_STATUS.get(
                 participant.status, PERSON_STATUS["active"]))))]
    if participant.regime:
        lines.append(tr.s_("Regime: {regime}", regime=tr.safe(
            regime_text(tr, participant.regime, participant.route))))
    records = await trajectory_store.records_for_klantmanager(services.db, me.id, participant.id)
    if records:
        lines += ["", tr.s_("Trajectory (C art. 12.4):"), *caseload_lines(tr, records)]
    attempts = await attempt_store.attempts_for_klantmanager(services.db, me.id, participant.id)
    if attempts:
        lines += ["", tr.s_("The school's attempts to reach them (BoW Wanprestatie):"),
                  *attempt_lines(tr, attempts)]
    lines += ["", tr.s_("Coming lessons:")]
    coming = await coming_with_reports(services, participant, limit=5)
    lines += [f"- {when(tr, lesson.starts_at)}, "
              f"{s(tr, PDF_KINDS.get(lesson.kind, PDF_KINDS['other']))}"
              + (" – " + tr.s_("reported absent by the participant") if reason else "")
              for lesson, reason in coming] or [tr.s_("(none in the next two weeks)")]
    lines += ["", tr.s_("Recent attendance:")]
    recent = await store.recent_attendance(services.db, participant.id, now)
    for lesson, status in recent:
        label = (tr.s_("present") if status == "present"
                 else s(tr, STATUS_LABELS.get(status, STATUS_LABELS["absent"])))
        cancelled = " " + tr.s_("(cancelled)") if lesson.cancelled else ""
        lines.append(f"- {when(tr, lesson.starts_at)}: {label}{cancelled}")
    if not recent:
        lines.append(tr.s_("(nothing registered yet)"))
    alerts = await verzuim_store.alerts_of(services.db, participant.id, me.id)
    if alerts:
        lines += ["", tr.s_("Alerts:")]
    for alert in alerts:
        if alert["kind"] == "uitval":
            text = tr.s_("uitval reported on {date}", date=tr.date(from_db(alert["alerted_at"])))
        else:
            text = tr.s_("absent since {date}, {missed} lessons missed",
                     date=tr.date(from_db(alert["episode_start"])),
                     missed=tr.number(alert["missed"]))
            if alert["back_at"]:
                text += "; " + tr.s_("back in class")
        state = (tr.s_("contacted") if alert["contacted_at"] else
                 tr.s_("seen") if alert["seen_at"] else tr.s_("not seen yet"))
        lines.append(f"- {text} ({state})")
    rows = [[InlineKeyboardButton(tr.s_("Request urenverklaring"),
                                  callback_data=f"ur:km:{participant.id}")],
            # C art. 12.6: conversations/obstacle_note.py takes it from here.
            [InlineKeyboardButton(tr.s_("Tell the school of an obstacle"),
                                  callback_data=f"gn:new:{participant.id}")],
            [InlineKeyboardButton(tr.s_("Back to the list"), callback_data=f"{PREFIX}:list")]]
    open_alert = next((a for a in alerts if a["contacted_at"] is None
                       and (a["kind"] == "uitval" or a["closed_at"] is None)), None)
    if open_alert is not None:
        rows = alert_buttons(tr, open_alert["id"]).inline_keyboard[:1] + tuple(rows)
    await update.effective_chat.send_message(tr.lines(lines),
                                             reply_markup=InlineKeyboardMarkup(list(rows)))


async def start(update: Update, context: BotContext) -> None:
    """/caseload: the klantmanager's own participants."""
    if update.callback_query is not None:
        await update.callback_query.answer()
    if context.person is None or context.person.role != "klantmanager":
        await update.effective_chat.send_message(
            context.tr._("Sorry, I did not understand that. Send /help to see what I can do."))
        return
    await show_list(update, context)


async def on_press(update: Update, context: BotContext) -> None:
    query, tr = update.callback_query, context.tr
    match = PRESS.match(query.data or "")
    if match is None or context.person is None or context.person.role != "klantmanager":
        await query.answer(tr.s_("This button is not for you."), show_alert=True)
        return
    action = match.group(1)
    if action.startswith("p:"):
        await show_participant(update, context, int(action[2:]))
        return
    await query.answer()
    await show_list(update, context, int(action[3:]) if action.startswith("pg:") else 0)


def register(app: Application, services: Services) -> None:
    app.add_handler(CommandHandler("caseload", start))
    app.add_handler(CallbackQueryHandler(start, pattern=r"^menu:caseload$"))
    app.add_handler(CallbackQueryHandler(on_press, pattern=rf"^{PREFIX}:"))
