"""Small steps every button handler takes: read the row id in the pressed data, take the buttons
off a message, refuse a press with a pop-up. A message already changed or gone is not an error."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import TelegramError

from bot.buttons import row_id
from bot.i18n import Translator

log = logging.getLogger(__name__)


def pressed_id(update: Update, index: int = 2) -> int | None:
    """The row id at ``index`` of colon-separated button data ("ks:pick:12"), or None."""
    parts = (update.callback_query.data or "").split(":")
    return row_id(parts[index]) if len(parts) > index else None


async def drop_buttons(update: Update) -> None:
    try:
        await update.callback_query.edit_message_reply_markup(reply_markup=None)
    except TelegramError:
        pass


async def refuse_press(update: Update, text: str, reason: str) -> None:
    """Answer the press with ``text`` in a pop-up; ``reason`` goes to the log (no personal data)."""
    log.warning("press refused: %s", reason)
    try:
        await update.callback_query.answer(text, show_alert=True)
    except TelegramError:
        pass


def phrase_label(text: str, limit: int = 64) -> str:
    """A standard phrase on a button (issue 14): whole when it fits, else cut after the last
    whole word with "…", never in the middle of a word."""
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" ,.:;") + "…"


def with_phrase(tr: Translator, phrase: str | None, prompt: str) -> str:
    """The next prompt of a step with a standard phrase, after the phrase the staff member chose
    (in their own language), so they see what the participant will read."""
    if phrase is None:
        return prompt
    return tr.lines([tr.s_("Standard phrase: {phrase}", phrase=tr.f_(phrase)), "", prompt])
