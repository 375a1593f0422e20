"""The klantmanager's buttons on the advice to switch (convenant art. 4.4, 15; issue 11, point 5):
"Send the advice to NAME" and "Send the advice to all", on the card that a suspended or
withdrawn keurmerk brings (``bot.overstap.standing``). Only the participant's own klantmanager
can send it; each press sends what was not sent yet, records who sent it, and the card then shows
who was advised and keeps the buttons of those who were not.
"""

from __future__ import annotations

import logging
import re

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import Application, CallbackQueryHandler

from bot.context import BotContext
from bot.overstap import standing
from bot.overstap.standing_notices import PREFIX, advice_buttons, advice_text
from bot.services import Services

log = logging.getLogger(__name__)

PRESS = re.compile(rf"^{PREFIX}:(one|all):(\d{{1,12}})$")


async def on_press(update: Update, context: BotContext) -> None:
    query = update.callback_query
    tr, services, person = context.tr, context.services, context.person
    match = PRESS.match(query.data or "")
    if match is None or person is None or person.role != "klantmanager":
        await query.answer(tr.s_("This button is not for you."), show_alert=True)
        return
    number = int(match.group(2))
    which = {"advice_id": number} if match.group(1) == "one" else {"change_id": number}
    try:
        sent, card = await standing.send_advice(services.db, person, services.now(), **which)
    except standing.NotYours:
        log.warning("switch advice button refused: not in caseload")
        await query.answer(tr.s_("This button is not for you."), show_alert=True)
        return
    if sent:
        await query.answer(tr.s_("Advice sent to {names}.", names=", ".join(sent)))
    else:
        await query.answer(tr.s_("This advice was sent already."))
    try:
        await query.edit_message_text(advice_text(tr, card),
                                      reply_markup=advice_buttons(tr, card))
    except TelegramError:
        pass  # the card as it was; the advice itself is on its way


def register(app: Application, services: Services) -> None:
    app.add_handler(CallbackQueryHandler(on_press, pattern=rf"^{PREFIX}:"))
