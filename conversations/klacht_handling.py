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
from bot.klachten.limits import has_words
from bot.klachten.notices import (
    HANDLER_PREFIX,
    outcome_label,
)
from bot.klachten.topics import CLOSING_OUTCOMES
from bot.outbox import enqueue
from bot.rules.klacht_deadlines import can_refuse_treatment
from bot.services import Services
from conversations.klacht_access import Refused, allowed, parse, refuse
from conversations.klacht_buttons import (
    drop_buttons,
    involved,
    show_answer_file,
    show_files,
    take,
)
from conversations.klacht_phrases import ask_phrase, phrase_chosen
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


# The step that follows the standard phrase of each action (issue 14).
TEXT_STATES = {"refuse": State.REASON, "ask": State.QUESTION, "close": State.OUTCOME_TEXT}


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
    if action in ("refuse", "ask"):
        if action == "ask" and klacht.anonymous:
            await chat.send_message(tr.s_(
                "The bot passes your question on without showing you the participant's name."))
        await ask_phrase(update, context, klacht, action)
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
    return await confirm_refusal(update, context, text)


async def confirm_refusal(update: Update, context: BotContext, text: str) -> int:
    """The reason (a standard phrase and/or own words) waits for the second press."""
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
        if pending.get("klacht") != klacht_id or "text" not in pending or not (
                pending["text"] or pending.get("phrase")):
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
        await refuse_treatment(update, context, klacht, pending["text"], pending.get("phrase"))
    else:
        await close(update, context, klacht, pending["outcome"], pending["text"],
                    pending.get("phrase"))
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
    await update.effective_chat.send_message(context.tr.s_(
        "Write it again, please, or send /skip to send the standard phrase alone.")
        if pending.get("phrase") else context.tr.s_("Write it again, please."))
    return State.REASON if pending.get("action") == "refuse" else State.OUTCOME_TEXT


async def refuse_treatment(update: Update, context: BotContext, klacht: Klacht,
                           text: str, phrase: str | None) -> None:
    services, tr = context.services, context.tr
    now = services.now()
    if not can_refuse_treatment(klacht.received_at, now, services.settings.tz):
        await update.effective_chat.send_message(tr.s_(
            "The four weeks in which a klacht may be refused have passed "
            "(norm 1.5.2): it must now be handled."))
        return
    async with services.db.transaction() as tx:
        done = await store.refuse_treatment(tx, klacht.id, context.person.id, text, now,
                                            phrase=phrase)
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
        return State.PHRASE if pending.get("action") in TEXT_STATES else end(context)
    return TEXT_STATES[pending["action"]]


async def skipped(update: Update, context: BotContext) -> int:
    """/skip: the standard phrase alone (a refusal and a closure then ask for confirmation)."""
    pending = context.chat_data.get(PENDING) or {}
    state = TEXT_STATES.get(pending.get("action"), State.QUESTION)
    if not pending.get("phrase"):
        await update.effective_chat.send_message(context.tr.s_("Please write it in words."))
        return state
    if state == State.REASON:
        return await confirm_refusal(update, context, "")
    if state == State.OUTCOME_TEXT:
        return await confirm_closing(update, context, "")
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
        "Outcome: {outcome}.", outcome=outcome_label(context.tr, code)))
    await ask_phrase(update, context, klacht, "close")
    return State.PHRASE


async def outcome_typed(update: Update, context: BotContext) -> int:
    text = await typed(update, context)
    if text is None:
        return State.OUTCOME_TEXT
    return await confirm_closing(update, context, text)


async def confirm_closing(update: Update, context: BotContext, text: str) -> int:
    """The explanation (a standard phrase and/or own words) waits for the second press."""
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
                text: str, phrase: str | None) -> None:
    services, tr = context.services, context.tr
    now = services.now()
    async with services.db.transaction() as tx:
        done = await store.close_klacht(tx, klacht.id, context.person.id, outcome, text, now,
                                        phrase=phrase)
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
                State.REASON: [MessageHandler(text, reason_typed),
                               CommandHandler("skip", skipped)],
                State.PHRASE: [CallbackQueryHandler(phrase_pressed,
                                                    pattern=f"^{HANDLER_PREFIX}:ph:")],
                State.QUESTION: [MessageHandler(text, question_typed),
                                 CommandHandler("skip", skipped)],
                State.OUTCOME: [CallbackQueryHandler(outcome_chosen,
                                                     pattern=f"^{HANDLER_PREFIX}:out:")],
                State.OUTCOME_TEXT: [MessageHandler(text, outcome_typed),
                                     CommandHandler("skip", skipped)],
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
