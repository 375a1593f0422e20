"""Verzuim and uitval alerts for klantmanagers (issue 6; C art. 12.4, 9.3; BoW 4.20).

- ``sweep``: absence episodes -> first alert after a week, weekly follow-up, "back in class";
- ``digest``: the daily overview of alerts not marked as seen;
- ``notices``: how the alerts read (Dutch or English, at send time);
- this module: the scheduler sweeps, and the "seen" / "contacted" buttons, checked against the
  pressing klantmanager's own caseload.
"""

from __future__ import annotations

import logging
import re
from datetime import date, datetime, time

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import Application, CallbackQueryHandler

from bot.context import BotContext
from bot.rules.localtime import at_local
from bot.services import Services
from bot.verzuim import digest as digest_module
from bot.verzuim import sweep as sweep_module
from bot.verzuim.notices import PREFIX
from storage import verzuim as store

log = logging.getLogger(__name__)

PRESS = re.compile(rf"^{PREFIX}:(seen|contact|dseen):(\d{{1,10}})$")


async def run_sweep(services: Services, now: datetime) -> None:
    await sweep_module.sweep(services, now)


async def run_digest(services: Services, now: datetime) -> None:
    await digest_module.sweep(services, now)


SWEEPS = (("verzuim", run_sweep), ("verzuim_digest", run_digest))


def remaining_buttons(tr, alert_id: int, seen: bool,
                      contacted: bool) -> InlineKeyboardMarkup | None:
    """After a press: what is done shows as done, what is left stays a button."""
    if contacted:
        return None
    row = []
    if seen:
        row.append(InlineKeyboardButton("✓ " + tr.s_("Seen").lstrip("\u200f"),
                                        callback_data=f"{PREFIX}:seen:{alert_id}"))
    row.append(InlineKeyboardButton(tr.s_("Contacted").lstrip("\u200f"),
                                    callback_data=f"{PREFIX}:contact:{alert_id}"))
    return InlineKeyboardMarkup([row])


async def on_press(update: Update, context: BotContext) -> None:
    """"Seen", "Contacted" or "Mark all as seen", by the participant's own klantmanager only."""
    query = update.callback_query
    tr, services = context.tr, context.services
    match = PRESS.match(query.data or "")
    person = context.person
    if match is None or person is None or person.role != "klantmanager":
        await query.answer(tr.s_("This button is not for you."), show_alert=True)
        return
    action, number = match.group(1), int(match.group(2))
    now = services.now()
    if action == "dseen":
        try:
            day = date(number // 10000, number // 100 % 100, number % 100)
        except ValueError:
            await query.answer(tr.s_("This button no longer works."), show_alert=True)
            return
        before = at_local(day, time(0), services.settings.tz)
        async with services.db.transaction() as tx:
            count = await store.mark_all_seen(tx, person.id, before, now)
        await query.answer(tr.sn_("{n} alert marked as seen.", "{n} alerts marked as seen.", count))
        await query.edit_message_reply_markup(None)
        return
    alert = await store.alert_for_klantmanager(services.db, number, person.id)
    if alert is None:
        log.warning("verzuim button refused: alert not in caseload")
        await query.answer(tr.s_("This alert is not about one of your participants."),
                           show_alert=True)
        return
    what = "contacted" if action == "contact" else "seen"
    async with services.db.transaction() as tx:
        await store.mark_alert(tx, alert["id"], what, now)
    contacted = what == "contacted" or alert["contacted_at"] is not None
    await query.answer(tr.s_("Noted: you contacted {name}.", name=alert["name"])
                       if what == "contacted" else tr.s_("Marked as seen."))
    await query.edit_message_reply_markup(remaining_buttons(tr, alert["id"], True, contacted))


def register(app: Application, services: Services) -> None:
    app.add_handler(CallbackQueryHandler(on_press, pattern=rf"^{PREFIX}:"))
