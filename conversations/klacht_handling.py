"""The klachtbehandelaar's side of a klacht (issue 5; Blik op Werk norm 1.5.2, 1.5.6, 1.5.7).

Buttons on each klacht: take into treatment; do not take into treatment (a reason is required,
and only within four weeks of receipt); ask the participant a question (relayed by the bot: an
anonymous participant stays anonymous); record the outcome and close; "I am involved" (the klacht
then goes to a colleague or the coordinator); show attachments. ``/klachten`` lists the school's
open klachten with the same buttons.

Every press is checked against the presser's rights: staff of the klacht's own school, not
involved in it (norm 1.5.2: an independent person), the handler who took it once it is taken.
A press that fails the check, or that comes after the step it belongs to (a replay), is refused
politely and logged without personal data. Every step tells the participant, in their language,
through the outbox.
"""

from __future__ import annotations

import logging
import warnings
from enum import IntEnum

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)
from telegram.warnings import PTBUserWarning

from bot.context import BotContext
from bot.i18n import SN_
from bot.klachten import routing
from bot.klachten.limits import has_words
from bot.klachten.notices import (
    HANDLER_PREFIX,
    outcome_label,
)
from bot.klachten.topics import CLOSING_OUTCOMES
from bot.outbox import enqueue
from bot.privacy import audit
from bot.rules.klacht_deadlines import can_refuse_treatment
from bot.services import Services
from conversations.klacht_access import Refused, allowed, parse, refuse
from conversations.klacht_phrases import ask_phrase, phrase_chosen
from conversations.klachten_list import refresh_card
from storage import klachten as store
from storage.klachten import Klacht

log = logging.getLogger(__name__)

MAX_STAFF_TEXT = 1000
# The second press of an irreversible step (issue 14).
YES_REFUSE = SN_("Yes, do not take it into treatment")
YES_CLOSE = SN_("Yes, close the klacht")
PENDING = "klacht_pending"


class State(IntEnum):
    REASON = 11
    QUESTION = 12
    OUTCOME = 13
    OUTCOME_TEXT = 14
    CONFIRM = 15
    PHRASE = 16


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


# ---- steps that need a typed text --------------------------------------------------------

async def begin(update: Update, context: BotContext) -> int | None:
    """Refuse, ask or close: check the press, then ask for the text."""
    action, klacht_id, _ = parse(update.callback_query.data or "")
    tr, now = context.tr, context.services.now()
    try:
        if action == "refuse":
            klacht = await allowed(context, klacht_id, states=("received",))
            if not can_refuse_treatment(klacht.received_at, now, context.services.settings.tz):
                raise Refused("refusal after four weeks", tr.s_(
                    "The four weeks in which a klacht may be refused have passed "
                    "(norm 1.5.2): it must now be handled."))
        elif action == "ask":
            klacht = await allowed(context, klacht_id, states=("received", "in_treatment"))
        else:
            klacht = await allowed(context, klacht_id, states=("in_treatment",),
                                   must_be_handler=True)
    except Refused as refused:
        await refuse(update, refused, klacht_id)
        return ConversationHandler.END
    await update.callback_query.answer()
    context.chat_data[PENDING] = {"action": action, "klacht": klacht.id}
    chat = update.effective_chat
    if action == "refuse":
        await chat.send_message(tr.s_(
            "Why is klacht {reference} not taken into treatment? Write the reason; the participant "
            "will read it. Send /cancel to stop.", reference=klacht.reference))
        return State.REASON
    if action == "ask":
        if klacht.anonymous:
            await chat.send_message(tr.s_(
                "The bot passes your question on without showing you the participant's name."))
        await ask_phrase(update, context, klacht)
        return State.PHRASE
    rows = [[InlineKeyboardButton(outcome_label(tr, code)[:64],
                                  callback_data=f"{HANDLER_PREFIX}:out:{klacht.id}:{code}")]
            for code in CLOSING_OUTCOMES]
    await chat.send_message(tr.s_("What is the outcome of klacht {reference}?",
                                  reference=klacht.reference),
                            reply_markup=InlineKeyboardMarkup(rows))
    return State.OUTCOME


async def typed(update: Update, context: BotContext) -> str | None:
    """The typed text, when it has words and fits; otherwise the reason is explained."""
    tr, text = context.tr, (update.effective_message.text or "").strip()
    if not has_words(text):
        await update.effective_chat.send_message(tr.s_("Please write it in words."))
        return None
    if len(text) > MAX_STAFF_TEXT:
        await update.effective_chat.send_message(tr.s_(
            "This is {count} characters; at most {limit} fit. Nothing was saved: please write it "
            "shorter.", count=tr.number(len(text)), limit=tr.number(MAX_STAFF_TEXT)))
        return None
    return text


async def pending_klacht(update: Update, context: BotContext, action: str, states,
                         must_be_handler: bool = False) -> Klacht | None:
    pending = context.chat_data.get(PENDING) or {}
    if pending.get("action") != action:
        return None
    try:
        return await allowed(context, pending.get("klacht"), states=states,
                             must_be_handler=must_be_handler)
    except Refused as refused:
        log.warning("klacht handling text refused: %s (klacht %s)", refused.reason,
                    pending.get("klacht"))
        await update.effective_chat.send_message(refused.message)
        return None


async def reason_typed(update: Update, context: BotContext) -> int:
    text = await typed(update, context)
    if text is None:
        return State.REASON
    klacht = await pending_klacht(update, context, "refuse", ("received",))
    if klacht is None:
        return end(context)
    context.chat_data[PENDING]["text"] = text
    await ask_confirmation(update, context, klacht, context.tr.s_(
        "Not take klacht {reference} into treatment, with this reason? The participant will "
        "read it. This cannot be undone.", reference=klacht.reference),
        YES_REFUSE)
    return State.CONFIRM


async def ask_confirmation(update: Update, context: BotContext, klacht: Klacht, question: str,
                           yes: str) -> None:
    """An irreversible step waits for a second press (issue 14)."""
    tr = context.tr
    await update.effective_chat.send_message(question, reply_markup=InlineKeyboardMarkup([
        [InlineKeyboardButton(tr.sf_(yes), callback_data=f"{HANDLER_PREFIX}:cfm:{klacht.id}")],
        [InlineKeyboardButton(tr.sf_("Change the text"),
                              callback_data=f"{HANDLER_PREFIX}:redo:{klacht.id}")]]))


async def confirmed(update: Update, context: BotContext) -> int:
    """"Yes" to a refusal or a closure: it is done now, and the participant is told."""
    _, klacht_id, _ = parse(update.callback_query.data or "")
    pending = context.chat_data.get(PENDING) or {}
    action = pending.get("action")
    try:
        if pending.get("klacht") != klacht_id or not pending.get("text"):
            raise Refused("confirmation not pending", context.tr.s_(
                "This button no longer applies."))
        klacht = await allowed(context, klacht_id, states=(
            ("received",) if action == "refuse" else ("in_treatment",)),
            must_be_handler=action == "close")
    except Refused as refused:
        await refuse(update, refused, klacht_id)
        return end(context)
    await update.callback_query.answer()
    await drop_buttons(update)
    if action == "refuse":
        await refuse_treatment(update, context, klacht, pending["text"])
    else:
        await close(update, context, klacht, pending["outcome"], pending["text"])
    return end(context)


async def redo(update: Update, context: BotContext) -> int:
    """"Change the text": write the reason or the explanation again."""
    pending = context.chat_data.get(PENDING) or {}
    _, klacht_id, _ = parse(update.callback_query.data or "")
    if pending.get("klacht") != klacht_id:
        await refuse(update, Refused("redo not pending", context.tr.s_(
            "This button no longer applies.")), klacht_id)
        return end(context)
    await update.callback_query.answer()
    await drop_buttons(update)
    pending.pop("text", None)
    await update.effective_chat.send_message(context.tr.s_("Write it again, please."))
    return State.REASON if pending.get("action") == "refuse" else State.OUTCOME_TEXT


async def refuse_treatment(update: Update, context: BotContext, klacht: Klacht,
                           text: str) -> None:
    services, tr = context.services, context.tr
    now = services.now()
    if not can_refuse_treatment(klacht.received_at, now, services.settings.tz):
        await update.effective_chat.send_message(tr.s_(
            "The four weeks in which a klacht may be refused have passed "
            "(norm 1.5.2): it must now be handled."))
        return
    async with services.db.transaction() as tx:
        done = await store.refuse_treatment(tx, klacht.id, context.person.id, text, now)
        if done:
            await enqueue(tx, message_key="klacht.refused", now=now,
                          person_id=klacht.participant_id, dedupe_key=f"klacht:{klacht.id}:refused",
                          params={"reference": klacht.reference,
                                  "klacht_id": klacht.id})
    await update.effective_chat.send_message(
        tr.s_("Klacht {reference} is not taken into treatment. The participant has been told, "
              "with your reason and where they can go next.", reference=klacht.reference)
        if done else tr.s_("A colleague was just before you."))


async def phrase_pressed(update: Update, context: BotContext) -> int:
    pending = context.chat_data.get(PENDING) or {}
    if not await phrase_chosen(update, context, pending):
        return State.PHRASE if pending.get("action") == "ask" else end(context)
    return State.QUESTION


async def question_skipped(update: Update, context: BotContext) -> int:
    """/skip: the standard phrase alone."""
    if not (context.chat_data.get(PENDING) or {}).get("phrase"):
        await update.effective_chat.send_message(context.tr.s_("Please write it in words."))
        return State.QUESTION
    return await send_question(update, context, "")


async def question_typed(update: Update, context: BotContext) -> int:
    text = await typed(update, context)
    if text is None:
        return State.QUESTION
    return await send_question(update, context, text)


async def send_question(update: Update, context: BotContext, text: str) -> int:
    phrase = (context.chat_data.get(PENDING) or {}).get("phrase")
    klacht = await pending_klacht(update, context, "ask", ("received", "in_treatment"))
    if klacht is None:
        return end(context)
    services, tr = context.services, context.tr
    now = services.now()
    async with services.db.transaction() as tx:
        question_id = await store.add_question(tx, klacht.id, context.person.id, text, now,
                                               phrase=phrase)
        await enqueue(tx, message_key="klacht.question", now=now, person_id=klacht.participant_id,
                      dedupe_key=f"klacht:{klacht.id}:question:{question_id}",
                      params={"reference": klacht.reference, "question_id": question_id})
    await update.effective_chat.send_message(tr.s_(
        "Your question has been sent. The answer will come to you here."))
    return end(context)


async def outcome_chosen(update: Update, context: BotContext) -> int:
    _, klacht_id, code = parse(update.callback_query.data or "")
    pending = context.chat_data.get(PENDING) or {}
    try:
        if pending.get("action") != "close" or pending.get("klacht") != klacht_id \
                or code not in CLOSING_OUTCOMES:
            raise Refused("outcome not offered",
                          context.tr.s_("You cannot do this for this klacht."))
        klacht = await allowed(context, klacht_id, states=("in_treatment",), must_be_handler=True)
    except Refused as refused:
        await refuse(update, refused, klacht_id)
        return State.OUTCOME if pending.get("action") == "close" else end(context)
    await update.callback_query.answer()
    await drop_buttons(update)
    pending["outcome"] = code
    context.chat_data[PENDING] = pending
    await update.effective_chat.send_message(context.tr.s_(
        "Outcome: {outcome}. Now write the explanation for the participant of klacht {reference}.",
        outcome=outcome_label(context.tr, code), reference=klacht.reference))
    return State.OUTCOME_TEXT


async def outcome_typed(update: Update, context: BotContext) -> int:
    text = await typed(update, context)
    if text is None:
        return State.OUTCOME_TEXT
    pending = context.chat_data.get(PENDING) or {}
    klacht = await pending_klacht(update, context, "close", ("in_treatment",), must_be_handler=True)
    if klacht is None or pending.get("outcome") not in CLOSING_OUTCOMES:
        return end(context)
    pending["text"] = text
    await ask_confirmation(update, context, klacht, context.tr.s_(
        "Close klacht {reference} with the outcome \"{outcome}\" and this explanation? The "
        "participant will read it. This cannot be undone.", reference=klacht.reference,
        outcome=outcome_label(context.tr, pending["outcome"])), YES_CLOSE)
    return State.CONFIRM


async def close(update: Update, context: BotContext, klacht: Klacht, outcome: str,
                text: str) -> None:
    services, tr = context.services, context.tr
    now = services.now()
    async with services.db.transaction() as tx:
        done = await store.close_klacht(tx, klacht.id, context.person.id, outcome, text, now)
        if done:
            await enqueue(tx, message_key="klacht.closed", now=now,
                          person_id=klacht.participant_id, dedupe_key=f"klacht:{klacht.id}:closed",
                          params={"reference": klacht.reference, "outcome": outcome,
                                  "klacht_id": klacht.id})
    await update.effective_chat.send_message(
        tr.s_("Klacht {reference} is closed. The participant has been told and can say whether "
              "they are satisfied.", reference=klacht.reference) if done
        else tr.s_("A colleague was just before you."))


def end(context: BotContext) -> int:
    context.chat_data.pop(PENDING, None)
    return ConversationHandler.END


async def cancel(update: Update, context: BotContext) -> int:
    await update.effective_chat.send_message(context.tr.s_("Stopped; nothing was changed."))
    return end(context)


def conversation() -> ConversationHandler:
    text = filters.TEXT & ~filters.COMMAND
    with warnings.catch_warnings():
        # Buttons start a step and a typed text ends it, so per_message must stay off.
        warnings.filterwarnings("ignore", message=".*per_message=False.*", category=PTBUserWarning)
        return ConversationHandler(
            entry_points=[CallbackQueryHandler(
                begin, pattern=f"^{HANDLER_PREFIX}:(refuse|ask|close):")],
            states={
                State.REASON: [MessageHandler(text, reason_typed)],
                State.PHRASE: [CallbackQueryHandler(phrase_pressed,
                                                    pattern=f"^{HANDLER_PREFIX}:ph:")],
                State.QUESTION: [MessageHandler(text, question_typed),
                                 CommandHandler("skip", question_skipped)],
                State.OUTCOME: [CallbackQueryHandler(outcome_chosen,
                                                     pattern=f"^{HANDLER_PREFIX}:out:")],
                State.OUTCOME_TEXT: [MessageHandler(text, outcome_typed)],
                State.CONFIRM: [
                    CallbackQueryHandler(confirmed, pattern=f"^{HANDLER_PREFIX}:cfm:"),
                    CallbackQueryHandler(redo, pattern=f"^{HANDLER_PREFIX}:redo:")],
            },
            fallbacks=[CommandHandler("cancel", cancel)],
            name="klacht_handling", persistent=True, allow_reentry=True)


async def stale(update: Update, context: BotContext) -> None:
    action, klacht_id, _ = parse(update.callback_query.data or "")
    await refuse(update, Refused(f"stale {action}", context.tr.s_(
        "This button no longer applies.")), klacht_id)


def register(app: Application, services: Services) -> None:
    app.add_handler(CallbackQueryHandler(take, pattern=f"^{HANDLER_PREFIX}:take:"))
    app.add_handler(CallbackQueryHandler(involved, pattern=f"^{HANDLER_PREFIX}:inv:"))
    app.add_handler(CallbackQueryHandler(show_files, pattern=f"^{HANDLER_PREFIX}:files:"))
    app.add_handler(CallbackQueryHandler(show_answer_file, pattern=f"^{HANDLER_PREFIX}:afile:"))
    app.add_handler(conversation())
    app.add_handler(CallbackQueryHandler(stale, pattern=f"^{HANDLER_PREFIX}:"))
