"""The "seen" button on a trajectory report (issue 15; C art. 12.4), pressed by the klantmanager.

A press is checked in storage against the pressing klantmanager's own caseload: a record about a
participant who is not (or no longer) theirs is refused. The reports are sent by bot.trajectory.
"""

from __future__ import annotations

import logging
import re

from telegram import Update
from telegram.ext import Application, CallbackQueryHandler

from bot.context import BotContext
from bot.services import Services
from bot.trajectory.notices import PREFIX, seen_button
from storage import trajectory as store

log = logging.getLogger(__name__)

PRESS = re.compile(rf"^{PREFIX}:seen:(\d{{1,10}})$")


async def on_press(update: Update, context: BotContext) -> None:
    query, tr, services, person = (update.callback_query, context.tr, context.services,
                                   context.person)
    match = PRESS.match(query.data or "")
    if match is None or person is None or person.role != "klantmanager":
        await query.answer(tr.s_("This button is not for you."), show_alert=True)
        return
    record_id = int(match.group(1))
    async with services.db.transaction() as tx:
        marked = await store.mark_seen(tx, record_id, person.id, services.now())
    if marked is None:
        log.warning("trajectory button refused: record not in caseload")
        await query.answer(tr.s_("This report is not about one of your participants."),
                           show_alert=True)
        return
    await query.answer(tr.s_("Marked as seen."))
    await query.edit_message_reply_markup(seen_button(tr, record_id, seen=True))


def register(app: Application, services: Services) -> None:
    app.add_handler(CallbackQueryHandler(on_press, pattern=rf"^{PREFIX}:"))
