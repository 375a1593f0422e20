"""/klachten: the open klachten a klachtbehandelaar may handle, each as a card with its buttons
(issue 5), and the card kept current (issue 14): after a press the card shows the klacht's new
state, and every card has a "back to the list" button that lists the open klachten again.
The steps themselves are in ``conversations/klacht_handling.py``."""

from __future__ import annotations

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot.context import BotContext
from bot.i18n import SN_, Translator
from bot.klachten import routing
from bot.klachten.notices import HANDLER_PREFIX, handler_keyboard, klacht_card, staff_state_label
from bot.privacy import audit
from bot.services import Command, Services
from conversations.klacht_access import Refused, allowed
from storage import klachten as store
from storage.klachten import Klacht

COMMANDS = (Command("klachten", SN_("Open klachten of your school"), frozenset({"staff"}),
                    staff_text=True),)


async def card(context: BotContext, klacht: Klacht) -> tuple[str, bool]:
    """The card's text with the klacht's state now, and whether it has attachments."""
    tr: Translator = context.tr
    async with context.services.db.transaction() as tx:
        params = await routing.card_params(tx, klacht) | {"description": klacht.description}
    text = tr.lines([klacht_card(tr, params),
                     tr.s_("Now: {state}", state=staff_state_label(tr, klacht.state))])
    return text, bool(params["attachments"])


async def refresh_card(update: Update, context: BotContext, klacht: Klacht) -> None:
    """The pressed card, edited to show the klacht's new state and the buttons that fit it."""
    text, files = await card(context, klacht)
    try:
        await update.callback_query.edit_message_text(
            text, reply_markup=handler_keyboard(context.tr, klacht.id, klacht.state, files))
    except TelegramError:
        pass  # an old message that can no longer be edited: the next list is current


async def open_klachten(update: Update, context: BotContext) -> None:
    """/klachten, or "back to the list": the open klachten this staff member may handle."""
    person, db, tr = context.person, context.services.db, context.tr
    if update.callback_query is not None:
        await update.callback_query.answer()
    if person is None or person.role != "staff":
        await update.effective_chat.send_message(tr._(
            "Sorry, I did not understand that. Send /help to see what I can do."))
        return
    shown = 0
    for klacht_id in await store.open_klacht_ids(db, person.school_id):
        try:
            klacht = await allowed(context, klacht_id, states=("received", "in_treatment"))
        except Refused:
            continue
        text, files = await card(context, klacht)
        await audit.record(db, person, [klacht.participant_id], audit.KLACHT,
                           context.services.now())
        await update.effective_chat.send_message(
            text, reply_markup=handler_keyboard(tr, klacht.id, klacht.state, files))
        shown += 1
    if not shown:
        await update.effective_chat.send_message(tr.s_("There are no open klachten for you."))


def register(app: Application, services: Services) -> None:
    app.add_handler(CommandHandler("klachten", open_klachten))
    app.add_handler(CallbackQueryHandler(open_klachten, pattern=f"^{HANDLER_PREFIX}:list$"))
