"""The privacy notice at first contact and after a change of its text (issue 13; BoW 1.4.5:
people are told of the privacy regulation; C art. 12.3, 12.7).

Once a chat is linked, the gate holds back everything until the person has read the notice in
their language and pressed "Go on"; "Full text" shows the whole statement. Onboarding shows it in
place of the greeting (``conversations/onboarding.py`` draws it); going on shows the greeting with
the menu.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import Application, CallbackQueryHandler

from bot.context import BotContext
from bot.privacy.notice import current_notice, pending_notice
from bot.services import Services
from conversations import onboarding
from conversations.onboarding import PRIVACY_PREFIX as PREFIX
from conversations.onboarding import notice_buttons
from storage import privacy as store


async def pressed(update: Update, context: BotContext) -> None:
    """"Full text": the whole statement; "Go on": record it was read, then the greeting."""
    query = update.callback_query
    await query.answer()
    if context.person is None:
        return
    services = context.services
    notice = await pending_notice(services.db, context.person, context.tr)
    staff = context.person.role != "participant"
    if query.data == PREFIX + "full":
        shown = notice or await current_notice(services.db, context.person, context.tr)
        await update.effective_chat.send_message(
            shown.full, reply_markup=notice_buttons(context.tr, staff, full=False))
        return
    if notice is None:
        return
    await store.acknowledge(services.db, context.person.id, notice.key, services.now())
    await onboarding.greet(update, context)


def register(app: Application, services: Services) -> None:
    app.add_handler(CallbackQueryHandler(pressed, pattern=f"^{PREFIX}"))
