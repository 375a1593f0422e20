"""Who may press a klachtbehandelaar's button on a klacht, now (issue 5; Blik op Werk norm
1.5.2): staff of the klacht's own school, not involved in it, the handler who took it once it is
taken, and only in the states the step belongs to. Shared by the list of open klachten
(``conversations/klachten_list.py``) and the steps (``conversations/klacht_handling.py``).
A press that fails is refused politely and logged without personal data."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import TelegramError

from bot.buttons import row_id
from bot.context import BotContext
from bot.klachten.notices import staff_state_label
from storage import klachten as store
from storage.klachten import Klacht

log = logging.getLogger("conversations.klacht_handling")


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


def state_label(context: BotContext, state: str) -> str:
    return staff_state_label(context.tr, state)


async def refuse(update: Update, refused: Refused, klacht_id: int | None) -> None:
    log.warning("klacht handling press refused: %s (klacht %s)", refused.reason, klacht_id)
    try:
        await update.callback_query.answer(refused.message, show_alert=True)
    except TelegramError:
        pass
