"""The klantmanager's overstap steps (issue 7; convenant art. 11.1: a switch to another school
"in overleg met, of op advies van de Klantmanager"): approve with two presses (``ovk:ok``,
then ``ovk:okc``: it cannot be undone), or advise otherwise with a typed note the participant
reads (``ovk:adv``; the note step is in conversations.overstap_staff). The klantmanager advises
and cannot block the switch: an old ``ovk:no`` (decline) button is refused as stale. Only for
their own caseload.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler

from bot.context import BotContext
from bot.i18n import SN_
from bot.overstap.notices import K_PREFIX
from bot.rules.overstap import Event
from conversations.overstap_staff import (
    act,
    ask_note,
    ask_second_press,
    done_pressing,
    parts_of,
    refuse,
    request_id_at,
)


async def approve(update: Update, context: BotContext) -> None:
    """ovk:ok:<id>: the klantmanager agrees with a switch to another school; an irreversible
    step, so it waits for a second press (issue 14)."""
    request_id = request_id_at(parts_of(update))
    if request_id is None:
        await refuse(update, context, "stale")
        return
    tr = context.tr
    await ask_second_press(
        update, context,
        tr.s_("Approve overstap #{id}? The participant and both schools are told at once; "
              "this cannot be undone.", id=request_id),
        SN_("Yes, approve"), f"{K_PREFIX}:okc:{request_id}", f"{K_PREFIX}:okn:{request_id}")


async def approve_confirmed(update: Update, context: BotContext) -> None:
    """ovk:okc:<id>: the second press; now the switch is approved."""
    request_id = request_id_at(parts_of(update))
    if request_id is None:
        await refuse(update, context, "stale")
        return
    request = await act(update, context, request_id, Event.APPROVE)
    if request is None:
        return
    await done_pressing(update)
    tr = context.tr
    await update.effective_chat.send_message(tr.s_(
        "Approved. The participant and both schools are told; the current school will propose "
        "the handover conversation."))


async def not_now(update: Update, context: BotContext) -> None:
    """ovk:okn:<id>: nothing is approved; the request card keeps its buttons."""
    await done_pressing(update)
    await update.effective_chat.send_message(context.tr.s_("Nothing was changed."))


def entry_points() -> list[BaseHandler]:
    """Steps that open the staff conversation: advice with a typed note (and the old decline
    button, which is refused)."""
    return [CallbackQueryHandler(ask_note, pattern=rf"^{K_PREFIX}:(adv|no):\d+$")]


def buttons() -> list[BaseHandler]:
    """One-press steps, outside the conversation."""
    return [CallbackQueryHandler(approve, pattern=rf"^{K_PREFIX}:ok:\d+$"),
            CallbackQueryHandler(approve_confirmed, pattern=rf"^{K_PREFIX}:okc:\d+$"),
            CallbackQueryHandler(not_now, pattern=rf"^{K_PREFIX}:okn:\d+$")]
