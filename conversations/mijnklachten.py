"""/mijnklachten and the participant's answers after filing (issue 5; Blik op Werk norm 1.5.7,
bijlage 9; convenant art. 13.5, 13.6).

``/mijnklachten`` shows each of the participant's own klachten with its state and dates. After
the outcome (or a refusal) the participant says "satisfied" or "not satisfied"; not satisfied
gives the klachtenlijn and College van Arbitrage route and, only with consent, informs the
klantmanager. A question from the handler is answered here with text, a voice message, a photo
or a document; the answer reaches the handler through the bot, without the name of an anonymous
participant.
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
from bot.i18n import N_, Translator
from bot.klachten import consent as klacht_consent
from bot.klachten.limits import MAX_TEXT, has_words
from bot.klachten.notices import (
    PARTICIPANT_PREFIX,
    arbitrage_text,
    klachtenlijn_text,
    outcome_label,
    topic_label,
)
from bot.outbox import enqueue
from bot.services import Command, Services
from conversations.klacht_steps import media_of
from conversations.presses import drop_buttons
from storage import klachten as store

log = logging.getLogger(__name__)

COMMANDS = (Command("mijnklachten", N_("See your klachten and what happens with them"),
                    frozenset({"participant"})),)
MENU = ("mijnklachten",)

STATES = {
    "received": N_("Received. The school has not yet decided whether it will handle it."),
    "in_treatment": N_("The school is handling it."),
    "refused": N_("The school did not take it into treatment."),
    "closed": N_("Handled."),
    "signalled": N_("Sent to your klantmanager."),
}


class State(IntEnum):
    ANSWER = 21


def klacht_lines(tr: Translator, klacht) -> list[str]:
    lines = [tr._("{reference}: {topic}", reference=klacht.reference,
                  topic=tr.safe(topic_label(tr, klacht.topic))),
             tr._("Received on {date}", date=tr.date(klacht.received_at)),
             tr._(STATES[klacht.state])]
    if klacht.state == "received" and klacht.decide_by:
        lines.append(tr._("The school must decide by {date}.", date=tr.date(klacht.decide_by)))
    if klacht.is_open and klacht.handle_by:
        lines.append(tr._("It must be handled by {date}.", date=tr.date(klacht.handle_by)))
    if klacht.handled_at and klacht.route == "school":
        lines.append(tr._("Handled on {date}. Outcome: {outcome}", date=tr.date(klacht.handled_at),
                          outcome=tr.safe(outcome_label(tr, klacht.outcome))))
    return lines


async def show(update: Update, context: BotContext) -> None:
    """/mijnklachten: each own klacht with its state and dates."""
    tr = context.tr
    if update.callback_query is not None:
        await update.callback_query.answer()
    if context.person is None or context.person.role != "participant":
        await update.effective_chat.send_message(
            tr._("Only course participants can file a klacht here."))
        return
    klachten = await store.klachten_of_participant(context.services.db, context.person.id)
    if not klachten:
        await update.effective_chat.send_message(tr._(
            # GLOSSARY: introduces /mijnklachten when there is none yet
            "You have no klachten. Send /klacht to make one."))
        return
    blocks = [tr.lines(klacht_lines(tr, klacht)) for klacht in klachten[:10]]
    await update.effective_chat.send_message("\n\n".join(blocks))


def parse(data: str) -> tuple[str, int | None, str]:
    parts = data.split(":")
    action = parts[1] if len(parts) > 1 else ""
    ident = int(parts[2]) if len(parts) > 2 and parts[2].isdigit() else None
    return action, ident, parts[3] if len(parts) > 3 else ""


async def refuse(update: Update, context: BotContext, reason: str) -> None:
    log.warning("klacht participant press refused: %s", reason)
    try:
        await update.callback_query.answer(
            context.tr._("This button no longer works. Send /help to start again."),
            show_alert=True)
    except TelegramError:
        pass


async def satisfaction(update: Update, context: BotContext) -> None:
    """"I am (not) satisfied" after the outcome or a refusal."""
    action, klacht_id, _ = parse(update.callback_query.data or "")
    person, services, tr = context.person, context.services, context.tr
    if person is None or klacht_id is None:
        return await refuse(update, context, "satisfaction: no person or klacht")
    value = "satisfied" if action == "sat" else "not_satisfied"
    async with services.db.transaction() as tx:
        done = await store.set_satisfaction(tx, klacht_id, person.id, value, services.now())
    if not done:
        return await refuse(update, context, "satisfaction: not allowed or already given")
    await update.callback_query.answer()
    await drop_buttons(update)
    if value == "satisfied":
        await update.effective_chat.send_message(tr._("Thank you. We have saved your answer."))
        return
    await update.effective_chat.send_message(
        # GLOSSARY: the first step after "not satisfied": short, with buttons
        tr._("We are sorry that your klacht was not solved well. What would you like to do?"),
        reply_markup=next_steps(tr, klacht_id))


# The steps after "not satisfied" (bijlage 9, §1.8; convenant art. 13.5, 13.6), one at a time.
STEP_LABELS = {
    "km": N_("Tell my klantmanager"),
    "line": N_("Advice from the klachtenlijn"),
    "arb": N_("Ask for an independent decision"),
    "none": N_("Nothing more for now"),
}


def next_steps(tr: Translator, klacht_id: int, done: str = "") -> InlineKeyboardMarkup:
    """A button per step not yet shown; telling the klantmanager answers the consent."""
    data = {"km": f"{PARTICIPANT_PREFIX}:km:{klacht_id}:1",
            "line": f"{PARTICIPANT_PREFIX}:opt:{klacht_id}:line",
            "arb": f"{PARTICIPANT_PREFIX}:opt:{klacht_id}:arb",
            "none": f"{PARTICIPANT_PREFIX}:km:{klacht_id}:0"}
    return InlineKeyboardMarkup([[InlineKeyboardButton(tr.f_(label), callback_data=data[step])]
                                 for step, label in STEP_LABELS.items() if step != done])


async def option(update: Update, context: BotContext) -> None:
    """One step after "not satisfied": the klachtenlijn, or the College van Arbitrage."""
    _, klacht_id, which = parse(update.callback_query.data or "")
    person, services, tr = context.person, context.services, context.tr
    klacht = (await store.klacht_for_participant(services.db, klacht_id, person.id)
              if person is not None and klacht_id is not None else None)
    if klacht is None or klacht.satisfaction != "not_satisfied" or which not in ("line", "arb"):
        return await refuse(update, context, "option: not this participant's unsatisfied klacht")
    await update.callback_query.answer()
    await drop_buttons(update)
    text = klachtenlijn_text(tr) if which == "line" else arbitrage_text(tr)
    await update.effective_chat.send_message(text, reply_markup=next_steps(tr, klacht_id, which))


async def consent(update: Update, context: BotContext) -> None:
    """Consent to tell the klantmanager who it is (convenant art. 12.3, 13.5, 13.6): after "not
    satisfied", a missed deadline or when nobody independent can handle it."""
    _, klacht_id, value = parse(update.callback_query.data or "")
    person, services, tr = context.person, context.services, context.tr
    if person is None or klacht_id is None or value not in ("0", "1"):
        return await refuse(update, context, "consent: bad data")
    now = services.now()
    async with services.db.transaction() as tx:
        why = await store.set_klantmanager_consent(tx, klacht_id, person.id, value == "1", now)
        if why is not None and value == "1":
            klacht = await store.klacht_for_participant(tx, klacht_id, person.id)
            await klacht_consent.tell_named(tx, klacht, why, now)
    if why is None:
        return await refuse(update, context, "consent: not allowed or already given")
    await update.callback_query.answer()
    await drop_buttons(update)
    await update.effective_chat.send_message(
        tr._("We have told your klantmanager.") if value == "1"
        else tr._("All right. We have not told your klantmanager."))


# ---- answering a question of the school --------------------------------------------------

async def begin_answer(update: Update, context: BotContext) -> int:
    _, question_id, _ = parse(update.callback_query.data or "")
    person, db, tr = context.person, context.services.db, context.tr
    question = (await store.question_for_participant(db, question_id, person.id)
                if person is not None and question_id is not None else None)
    if question is None or question.answered_at is not None:
        await refuse(update, context, "answer: not this participant's open question")
        return ConversationHandler.END
    await update.callback_query.answer()
    context.chat_data["klacht_answer"] = question.id
    await update.effective_chat.send_message(tr._(
        "Write your answer, or send a voice message, a photo or a document. "
        "Send /cancel to stop."))
    return State.ANSWER


async def answered(update: Update, context: BotContext) -> int:
    person, services, tr = context.person, context.services, context.tr
    message = update.effective_message
    question_id = context.chat_data.get("klacht_answer")
    media = media_of(message)
    text = (message.text or message.caption or "").strip()
    if media is None and not has_words(text):
        await update.effective_chat.send_message(tr._(
            "Please tell us in words what happened. You can also send a voice message."))
        return State.ANSWER
    if len(text) > MAX_TEXT:
        await update.effective_chat.send_message(tr._(
            "This text is too long: {count} characters. A klacht can have at most {limit} "
            "characters of text, and {room} are left. Nothing of this message was saved. "
            "Please send it shorter, or send a voice message.", count=tr.number(len(text)),
            limit=tr.number(MAX_TEXT), room=tr.number(MAX_TEXT)))
        return State.ANSWER
    now = services.now()
    async with services.db.transaction() as tx:
        question = await store.question_for_participant(tx, question_id or 0, person.id)
        done = question is not None and await store.answer_question(
            tx, question.id, text, media["kind"] if media else None,
            media["file_id"] if media else None, person.id, now)
        if done:
            klacht = await store.get_klacht(tx, question.klacht_id)
            await enqueue(tx, message_key="klacht.answer", now=now, audience="staff",
                          person_id=question.asked_by,
                          dedupe_key=f"klacht:{klacht.id}:answer:{question.id}",
                          params={"klacht_id": klacht.id, "reference": klacht.reference,
                                  "answer_kind": media["kind"] if media else None,
                                  "question_id": question.id})
    context.chat_data.pop("klacht_answer", None)
    await update.effective_chat.send_message(
        tr._("Thank you. Your answer has been sent to the school.") if done
        else tr._("This button no longer works. Send /help to start again."))
    return ConversationHandler.END


async def cancel(update: Update, context: BotContext) -> int:
    context.chat_data.pop("klacht_answer", None)
    await update.effective_chat.send_message(context.tr._("Stopped. Nothing was sent."))
    return ConversationHandler.END


def answer_conversation() -> ConversationHandler:
    with warnings.catch_warnings():
        # The Answer button starts it and a typed message ends it, so per_message stays off.
        warnings.filterwarnings("ignore", message=".*per_message=False.*", category=PTBUserWarning)
        return ConversationHandler(
            entry_points=[CallbackQueryHandler(begin_answer,
                                               pattern=f"^{PARTICIPANT_PREFIX}:ans:")],
            states={State.ANSWER: [MessageHandler(
                ~filters.COMMAND & ~filters.UpdateType.EDITED
                & (filters.TEXT | filters.VOICE | filters.AUDIO | filters.PHOTO
                   | filters.Document.ALL | filters.VIDEO | filters.VIDEO_NOTE), answered)]},
            fallbacks=[CommandHandler("cancel", cancel)],
            name="klacht_answer", persistent=True, allow_reentry=True)


async def stale(update: Update, context: BotContext) -> None:
    await refuse(update, context, "stale participant button")


def register(app: Application, services: Services) -> None:
    app.add_handler(CommandHandler("mijnklachten", show))
    app.add_handler(CallbackQueryHandler(show, pattern="^menu:mijnklachten$"))
    app.add_handler(CallbackQueryHandler(satisfaction,
                                         pattern=f"^{PARTICIPANT_PREFIX}:(sat|unsat):"))
    app.add_handler(CallbackQueryHandler(consent, pattern=f"^{PARTICIPANT_PREFIX}:km:"))
    app.add_handler(CallbackQueryHandler(option, pattern=f"^{PARTICIPANT_PREFIX}:opt:"))
    app.add_handler(answer_conversation())
    app.add_handler(CallbackQueryHandler(stale, pattern=f"^{PARTICIPANT_PREFIX}:"))
