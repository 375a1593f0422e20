"""The buttons on verzuim and uitval alerts (issue 6; C art. 12.4; BoW 4.20): "Seen", "Contacted"
and the digest's "Mark all as seen", pressed by the klantmanager.

Each press is checked against the pressing klantmanager's own caseload: an alert about a
participant who is not (or no longer) theirs is refused, and "Mark all as seen" marks only
alerts about participants still theirs. The alerts themselves are sent by ``bot.verzuim``.
"""

from __future__ import annotations

import logging
import re
from datetime import date, time

from telegram import Update
from telegram.ext import Application, CallbackQueryHandler

from bot.context import BotContext
from bot.names import marked
from bot.rules.localtime import at_local
from bot.services import Services
from bot.verzuim.notices import PREFIX, remaining_buttons
from storage import trajectory as trajectory_store
from storage import verzuim as store

log = logging.getLogger(__name__)

PRESS = re.compile(rf"^{PREFIX}:(seen|contact|dseen):(\d{{1,10}})$")


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
            count += await trajectory_store.mark_all_seen(tx, person.id, before, now)
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
    await query.answer(tr.s_("Noted: you contacted {name}.",
                             name=marked(alert["name"], alert["external_id"], alert["person_id"]))
                       if what == "contacted" else tr.s_("Marked as seen."))
    await query.edit_message_reply_markup(remaining_buttons(tr, alert["id"], True, contacted))


def register(app: Application, services: Services) -> None:
    app.add_handler(CallbackQueryHandler(on_press, pattern=rf"^{PREFIX}:"))
