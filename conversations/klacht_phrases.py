"""What the klachtbehandelaar writes to a participant starts with a standard phrase (issue 14):
a question, the reason a klacht is not taken into treatment, the explanation with the outcome.
Buttons with the step's phrases of ``bot.klachten.phrases`` (shown in the staff member's
language), then the staff member's own words, or /skip to send the phrase alone. The participant
reads the phrase in their own language. Steps of the conversation in
``conversations/klacht_handling.py``.
"""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import TelegramError

from bot.context import BotContext
from bot.klachten.notices import HANDLER_PREFIX
from bot.klachten.phrases import PHRASES
from conversations.klacht_access import Refused, parse, refuse
from conversations.presses import phrase_label, with_phrase
from storage.klachten import Klacht

NO_PHRASE = "own"


async def ask_phrase(update: Update, context: BotContext, klacht: Klacht, step: str) -> None:
    """The phrase buttons of ``step`` (ask, refuse, close), and one for own words only."""
    tr = context.tr
    rows = [[InlineKeyboardButton(phrase_label(tr.f_(text)),
                                  callback_data=f"{HANDLER_PREFIX}:ph:{klacht.id}:{code}")]
            for code, text in PHRASES[step].items()]
    rows.append([InlineKeyboardButton(tr.sf_("Only my own words"),
                                      callback_data=f"{HANDLER_PREFIX}:ph:{klacht.id}:{NO_PHRASE}")])
    if step == "refuse":
        prompt = tr.s_("Why is klacht {reference} not taken into treatment? Choose a standard "
                       "phrase. The participant reads it in their own language; you can add "
                       "your own words next.", reference=klacht.reference)
    elif step == "close":
        prompt = tr.s_("Your explanation to the participant of klacht {reference}: choose a "
                       "standard phrase. The participant reads it in their own language; you can "
                       "add your own words next.", reference=klacht.reference)
    else:
        prompt = tr.s_("Your question about klacht {reference}: choose a standard phrase. The "
                       "participant reads it in their own language; you can add your own words "
                       "next.", reference=klacht.reference)
    await update.effective_chat.send_message(prompt, reply_markup=InlineKeyboardMarkup(rows))


async def phrase_chosen(update: Update, context: BotContext, pending: dict) -> bool:
    """A phrase button: remembered on the pending step; False when it is not ours (another
    klacht, a step that offers no phrases now, or a code not in the step's list)."""
    _, klacht_id, code = parse(update.callback_query.data or "")
    step = pending.get("action")
    if step not in PHRASES or pending.get("klacht") != klacht_id or "phrase" in pending or (
            step == "close" and "outcome" not in pending) or (
            code != NO_PHRASE and code not in PHRASES[step]):
        await refuse(update, Refused("phrase not offered", context.tr.s_(
            "This button no longer applies.")), klacht_id)
        return False
    await update.callback_query.answer()
    try:
        await update.callback_query.edit_message_reply_markup(reply_markup=None)
    except TelegramError:  # an old message; the choice counts
        pass
    pending["phrase"] = None if code == NO_PHRASE else code
    tr = context.tr
    await update.effective_chat.send_message(with_phrase(
        tr, PHRASES[step].get(code),
        tr.s_("Now write your own words to add, or send /skip to send the phrase alone. "
              "Send /cancel to stop.") if code != NO_PHRASE else
        tr.s_("Write it in your own words. Send /cancel to stop.") if step != "ask" else
        tr.s_("Write your question. Send /cancel to stop.")))
    return True
