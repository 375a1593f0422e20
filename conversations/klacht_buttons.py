"""The klachtbehandelaar's one-press buttons on a klacht (issue 5; Blik op Werk norm 1.5.2):
take it into treatment; "I am involved" (the klacht then goes to a colleague or the
coordinator); show the klacht's attachments or an answer's file. Every press is checked against
the presser's rights (``conversations.klacht_access``). The steps that need a typed text (refuse,
ask, close) are the conversation in ``conversations/klacht_handling.py``, which registers these.
"""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import TelegramError

from bot.context import BotContext
from bot.klachten import routing
from bot.outbox import enqueue
from bot.privacy import audit
from conversations.klacht_access import Refused, allowed, parse, refuse
from conversations.klachten_list import refresh_card
from storage import klachten as store

log = logging.getLogger("conversations.klacht_handling")


async def drop_buttons(update: Update) -> None:
    try:
        await update.callback_query.edit_message_reply_markup(reply_markup=None)
    except TelegramError:
        pass


# ---- one-press actions -------------------------------------------------------------------

async def take(update: Update, context: BotContext) -> None:
    """Take into treatment: the participant hears it, with the date it must be handled by."""
    _, klacht_id, _ = parse(update.callback_query.data or "")
    try:
        klacht = await allowed(context, klacht_id, states=("received",))
    except Refused as refused:
        return await refuse(update, refused, klacht_id)
    services, tr = context.services, context.tr
    now = services.now()
    async with services.db.transaction() as tx:
        if not await store.take_into_treatment(tx, klacht.id, context.person.id, now):
            taken = False
        else:
            taken = True
            await enqueue(tx, message_key="klacht.taken", now=now, person_id=klacht.participant_id,
                          dedupe_key=f"klacht:{klacht.id}:taken",
                          params={"reference": klacht.reference,
                                  "handle_by": klacht.handle_by.isoformat()})
    if not taken:
        return await refuse(update, Refused("raced", tr.s_("A colleague was just before you.")),
                            klacht_id)
    await update.callback_query.answer()
    await refresh_card(update, context, await store.get_klacht(services.db, klacht.id))
    await update.effective_chat.send_message(tr.s_(
        "You have taken klacht {reference} into treatment. Handle it by {date}. "
        "The participant has been told.", reference=klacht.reference,
        date=tr.date(klacht.handle_by)))


async def involved(update: Update, context: BotContext) -> None:
    """"I am involved": this handler steps aside and the klacht goes to someone independent."""
    _, klacht_id, _ = parse(update.callback_query.data or "")
    try:
        klacht = await allowed(context, klacht_id, states=("received",))
    except Refused as refused:
        return await refuse(update, refused, klacht_id)
    services, tr = context.services, context.tr
    now = services.now()
    async with services.db.transaction() as tx:
        await store.add_involved(tx, klacht.id, context.person.id, "self")
        await store.record_event(tx, klacht.id, "handler_involved", context.person.id, None, now)
        count = await routing.deliver_to_handlers(tx, klacht, now, rerouted=True)
    await update.callback_query.answer()
    await drop_buttons(update)
    await update.effective_chat.send_message(
        tr.s_("Noted: you are involved in klacht {reference} and will not handle it. "
              "It has gone to a colleague.", reference=klacht.reference) if count else
        tr.s_("Noted: you are involved in klacht {reference}. There is no independent colleague "
              "in this bot; the participant's klantmanager has been told.",
              reference=klacht.reference))


SENDERS = {"voice": "send_voice", "audio": "send_audio", "photo": "send_photo",
           "document": "send_document", "video": "send_video", "video_note": "send_video_note"}


async def send_files(update: Update, context: BotContext, files) -> None:
    bot = context.bot
    for item in files:
        sender = getattr(bot, SENDERS.get(item.kind, "send_document"))
        try:
            await sender(update.effective_chat.id, item.file_id)
        except TelegramError as exc:
            log.warning("could not show a klacht attachment: %s", type(exc).__name__)


async def show_files(update: Update, context: BotContext) -> None:
    """The klacht's voice messages, photos and documents, sent again by their file id: only to
    the people the klacht was sent to (the school's handlers, or the klantmanager of a signal)."""
    action, klacht_id, _ = parse(update.callback_query.data or "")
    person, db = context.person, context.services.db
    klacht, ok = None, False
    if klacht_id is not None and person is not None:
        if person.role == "klantmanager":
            klacht = await store.klacht_for_klantmanager(db, klacht_id, person)
            ok = klacht is not None
        elif person.role == "staff":
            try:
                klacht = await allowed(context, klacht_id, states=(
                    "received", "in_treatment", "refused", "closed"))
                ok = True
            except Refused:
                ok = False
    if not ok:
        return await refuse(update, Refused("files: no right", context.tr.s_(
            "You cannot do this for this klacht.")), klacht_id)
    await update.callback_query.answer()
    await audit.record(db, person, [klacht.participant_id], audit.KLACHT, context.services.now())
    await send_files(update, context, await store.attachments(db, klacht.id))


async def show_answer_file(update: Update, context: BotContext) -> None:
    _, question_id, _ = parse(update.callback_query.data or "")
    db = context.services.db
    answer = await store.answer_file(db, question_id) if question_id else None
    try:
        if answer is None or not answer.file_id:
            raise Refused("answer file: none", context.tr.s_("You cannot do this for this klacht."))
        await allowed(context, answer.klacht_id,
                      states=("received", "in_treatment", "refused", "closed"))
    except Refused as refused:
        return await refuse(update, refused, answer.klacht_id if answer else None)
    await update.callback_query.answer()
    await send_files(update, context, [store.Attachment(answer.kind, answer.file_id)])
