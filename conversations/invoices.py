"""The participant's answer to an invoice (issue 15; BoW 2.4.1, 2.4.3): "Approve" or "Dispute".

Only the participant the invoice is for may answer it, only once, and only after its lessons are
over; a dispute files a klacht about the invoice, worded in the participant's language with the
hours invoiced and attended. The message then shows the answer instead of the buttons.
"""

from __future__ import annotations

import logging
import re

from telegram import Update
from telegram.ext import Application, CallbackQueryHandler

from bot import invoices
from bot.context import BotContext
from bot.invoices.notices import PREFIX, load_invoice, review_text
from bot.refusal import Refused
from bot.services import Services

log = logging.getLogger(__name__)

PRESS = re.compile(rf"^{PREFIX}:(ok|no):(\d{{1,10}})$")


async def on_press(update: Update, context: BotContext) -> None:
    query, tr, person, services = (update.callback_query, context.tr, context.person,
                                   context.services)
    match = PRESS.match(query.data or "")
    if match is None or person is None or person.role != "participant":
        await query.answer(tr._("This button no longer works. Send /help to start again."),
                           show_alert=True)
        return
    invoice_id = int(match.group(2))
    params = await load_invoice(services.db, {"invoice_id": invoice_id})
    try:
        if match.group(1) == "ok":
            done = await invoices.approve(services, person, invoice_id)
            outcome = tr._("You approved this invoice.")
        else:
            text = tr._("I dispute invoice {number} of {school}: it counts {hours} hours, and I "
                        "was present for {attended} hours of its lessons.",
                        number=params.get("number", "?"), school=params.get("school", "?"),
                        hours=tr.hours(params.get("hours", 0)),
                        attended=tr.hours(params.get("attended", 0)))
            reference = await invoices.dispute(services, person, invoice_id, text, tr.language)
            done = reference is not None
            outcome = tr._("You disputed this invoice. Your klacht {reference} was sent to your "
                           "school.", reference=reference or "")
    except LookupError:
        log.warning("invoice button refused: not this participant's invoice")
        await query.answer(tr._("This button no longer works. Send /help to start again."),
                           show_alert=True)
        return
    except invoices.TooEarly:
        await query.answer(tr._("You can answer this invoice once its last lesson is over."),
                           show_alert=True)
        return
    except Refused:
        await query.answer(tr._("You have sent many klachten today. Try again tomorrow."),
                           show_alert=True)
        return
    await query.answer()
    if not done:
        outcome = tr._("This invoice was already answered.")
    await query.edit_message_text(tr.paragraphs([review_text(tr, params), outcome]))


def register(app: Application, services: Services) -> None:
    app.add_handler(CallbackQueryHandler(on_press, pattern=rf"^{PREFIX}:"))
