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

from bot.buttons import row_id
from bot.context import BotContext
from bot.i18n import SN_
from bot.klachten import routing
from bot.klachten.limits import has_words
from bot.klachten.notices import HANDLER_PREFIX, handler_keyboard, klacht_card, outcome_label
from bot.klachten.topics import CLOSING_OUTCOMES
from bot.outbox import enqueue
from bot.privacy import audit
from bot.rules.klacht_deadlines import can_refuse_treatment
from bot.services import Command, Services
from storage import klachten as store
from storage.klachten import Klacht

log = logging.getLogger(__name__)

COMMANDS = (Command("klachten", SN_("Open klachten of your school"), frozenset({"staff"}),
                    staff_text=True),)

MAX_STAFF_TEXT = 1000
PENDING = "klacht_pending"


class State(IntEnum):
    REASON = 11
    QUESTION = 12
    OUTCOME = 13
    OUTCOME_TEXT = 14


class Refused(Exception):
    """A press the presser may not make now; ``message`` is what they are told."""

    def __init__(self, reason: str, message: str):
        super().__init__(reason)
        self.reason = reason
        self.message = message


def parse(data: str) -> tuple[str, int | None, str]:
    """``kh:action:id[:extra]`` -> (action, id, extra); id None when it is no stored id."""
    parts = data.split(":")
    action = parts[1] if len(parts) > 1 else ""
    klacht_id = row_id(parts[2]) if len(parts) > 2 else None
    return action, klacht_id, parts[3] if len(parts) > 3 else ""


async def allowed(context: BotContext, klacht_id: int | None, *, states: tuple[str, ...],
                  must_be_handler: bool = False) -> Klacht:
    """The klacht, when this staff member may act on it now; raises ``Refused`` otherwise."""
    person, db, tr = context.person, context.services.db, context.tr
    no_right = tr.s_("You cannot do this for this klacht.")
    if person is None or person.role != "staff" or klacht_id is None:
        raise Refused("not staff or no klacht", no_right)
    klacht = await store.klacht_for_staff(db, klacht_id, person)
    if klacht is None:
        raise Refused("not this school's klacht", no_right)
    if person.id in await store.involved_ids(db, klacht.id):
        raise Refused("presser is involved", tr.s_(
            "You are named as involved in this klacht, so you cannot handle it "
            "(norm 1.5.2: an independent person handles it). A colleague has it."))
    eligible = {p.id for p in await store.eligible_handlers(db, klacht)}
    if person.id not in eligible and person.staff_role != "coordinator":
        raise Refused("not an eligible handler", no_right)
    if klacht.handler_id is not None and klacht.handler_id != person.id and (
            must_be_handler or klacht.state == "in_treatment"):
        raise Refused("another handler has it", tr.s_("A colleague is handling this klacht."))
    if klacht.state not in states:
        raise Refused(f"replayed in state {klacht.state}", tr.s_(
            "This klacht has moved on (it is now: {state}); this button no longer applies.",
            state=state_label(context, klacht.state)))
    return klacht


STATE_LABELS = {
    "received": SN_("received, not yet decided"),
    "in_treatment": SN_("in treatment"),
    "refused": SN_("not taken into treatment"),
    "closed": SN_("closed"),
    "signalled": SN_("signal to the klantmanager"),
}


def state_label(context: BotContext, state: str) -> str:
    label = STATE_LABELS.get(state, STATE_LABELS["closed"])
    return context.tr.s_(label)


async def refuse(update: Update, refused: Refused, klacht_id: int | None) -> None:
    log.warning("klacht handling press refused: %s (klacht %s)", refused.reason, klacht_id)
    try:
        await update.callback_query.answer(refused.message, show_alert=True)
    except TelegramError:
        pass


async def drop_buttons(update: Update) -> None:
    try:
        await update.callback_query.edit_message_reply_markup(reply_markup=None)
    except TelegramError:
        pass


async def new_keyboard(update: Update, context: BotContext, klacht: Klacht) -> None:
    """Show the buttons that fit the klacht's new state on the pressed message."""
    has_files = bool(await store.attachments(context.services.db, klacht.id))
    try:
        await update.callback_query.edit_message_reply_markup(
            reply_markup=handler_keyboard(context.tr, klacht.id, klacht.state, has_files))
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
    klacht = await store.get_klacht(services.db, klacht.id)
    await new_keyboard(update, context, klacht)
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
        await chat.send_message(tr.s_(
            "Write your question about klacht {reference}. The bot passes it on without showing "
            "you the participant's name. Send /cancel to stop.", reference=klacht.reference)
            if klacht.anonymous else tr.s_(
            "Write your question about klacht {reference}. The bot passes it on. "
            "Send /cancel to stop.", reference=klacht.reference))
        return State.QUESTION
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
    services, tr = context.services, context.tr
    now = services.now()
    if klacht is None:
        return end(context)
    if not can_refuse_treatment(klacht.received_at, now, services.settings.tz):
        await update.effective_chat.send_message(tr.s_(
            "The four weeks in which a klacht may be refused have passed "
            "(norm 1.5.2): it must now be handled."))
        return end(context)
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
    return end(context)


async def question_typed(update: Update, context: BotContext) -> int:
    text = await typed(update, context)
    if text is None:
        return State.QUESTION
    klacht = await pending_klacht(update, context, "ask", ("received", "in_treatment"))
    if klacht is None:
        return end(context)
    services, tr = context.services, context.tr
    now = services.now()
    async with services.db.transaction() as tx:
        question_id = await store.add_question(tx, klacht.id, context.person.id, text, now)
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
    services, tr = context.services, context.tr
    now = services.now()
    async with services.db.transaction() as tx:
        done = await store.close_klacht(tx, klacht.id, context.person.id, pending["outcome"], text,
                                        now)
        if done:
            await enqueue(tx, message_key="klacht.closed", now=now,
                          person_id=klacht.participant_id, dedupe_key=f"klacht:{klacht.id}:closed",
                          params={"reference": klacht.reference, "outcome": pending["outcome"],
                                  "klacht_id": klacht.id})
    await update.effective_chat.send_message(
        tr.s_("Klacht {reference} is closed. The participant has been told and can say whether "
              "they are satisfied.", reference=klacht.reference) if done
        else tr.s_("A colleague was just before you."))
    return end(context)


def end(context: BotContext) -> int:
    context.chat_data.pop(PENDING, None)
    return ConversationHandler.END


async def cancel(update: Update, context: BotContext) -> int:
    await update.effective_chat.send_message(context.tr.s_("Stopped; nothing was changed."))
    return end(context)


# ---- /klachten ---------------------------------------------------------------------------

async def open_klachten(update: Update, context: BotContext) -> None:
    """/klachten: the open klachten this staff member may handle, each with its buttons."""
    person, db, tr = context.person, context.services.db, context.tr
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
        async with db.transaction() as tx:
            params = await routing.card_params(tx, klacht) | {"description": klacht.description}
        files = bool(params["attachments"])
        await audit.record(db, person, [klacht.participant_id], audit.KLACHT,
                           context.services.now())
        await update.effective_chat.send_message(
            tr.lines([klacht_card(tr, params), tr.s_("Now: {state}",
                                                     state=state_label(context, klacht.state))]),
            reply_markup=handler_keyboard(tr, klacht.id, klacht.state, files))
        shown += 1
    if not shown:
        await update.effective_chat.send_message(tr.s_("There are no open klachten for you."))


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
                State.QUESTION: [MessageHandler(text, question_typed)],
                State.OUTCOME: [CallbackQueryHandler(outcome_chosen,
                                                     pattern=f"^{HANDLER_PREFIX}:out:")],
                State.OUTCOME_TEXT: [MessageHandler(text, outcome_typed)],
            },
            fallbacks=[CommandHandler("cancel", cancel)],
            name="klacht_handling", persistent=True, allow_reentry=True)


async def stale(update: Update, context: BotContext) -> None:
    action, klacht_id, _ = parse(update.callback_query.data or "")
    await refuse(update, Refused(f"stale {action}", context.tr.s_(
        "This button no longer applies.")), klacht_id)


def register(app: Application, services: Services) -> None:
    app.add_handler(CommandHandler("klachten", open_klachten))
    app.add_handler(CallbackQueryHandler(take, pattern=f"^{HANDLER_PREFIX}:take:"))
    app.add_handler(CallbackQueryHandler(involved, pattern=f"^{HANDLER_PREFIX}:inv:"))
    app.add_handler(CallbackQueryHandler(show_files, pattern=f"^{HANDLER_PREFIX}:files:"))
    app.add_handler(CallbackQueryHandler(show_answer_file, pattern=f"^{HANDLER_PREFIX}:afile:"))
    app.add_handler(conversation())
    app.add_handler(CallbackQueryHandler(stale, pattern=f"^{HANDLER_PREFIX}:"))
