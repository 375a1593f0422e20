"""The klantmanager's and school staff's side of an overstap (issue 7; convenant art. 11.1-11.3,
12.5, 10.7): /overstappen lists the requests they take part in, each with a button to what they
must do now; their steps, on the buttons of the notifications, are one persistent conversation
(``overstap_staff``) assembled here from:

- conversations.overstap_klantmanager (``ovk:``): approve; advise otherwise with a note (no
  decline, art. 11.1);
- conversations.overstap_old_school (``ovs:``): a move to another group; the handover
  conversation (art. 11.3); the financial settlement after the switch (art. 11.2);
- conversations.overstap_new_school (``ovs:place``): confirm the placement;
- conversations.overstap_staff: what they share (states, the typed note, refusals).

The same steps are in the API (bot/api/overstap.py) for school and gemeente systems. Every press
is checked against the request's state and the presser's rights (a klantmanager's own caseload,
a school's own requests) by ``bot.overstap.flow``.
"""

from __future__ import annotations

import warnings

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
)
from telegram.warnings import PTBUserWarning

from bot.context import BotContext
from bot.i18n import SN_
from bot.outbox import render
from bot.overstap import access, telling
from bot.overstap.access import Refusal
from bot.overstap.notices import K_PREFIX, S_PREFIX, staff_label
from bot.privacy import audit
from bot.rules.overstap import Party
from bot.services import Command, Services
from conversations import overstap_klantmanager, overstap_new_school, overstap_old_school
from conversations.overstap_staff import (
    cancel,
    note_states,
    parts_of,
    refuse,
    request_id_at,
    staff_actor,
)
from storage import overstap as store

COMMANDS = (Command("overstappen", SN_("Overstap requests you take part in"),
                    frozenset({"klantmanager", "staff"}), staff_text=True),)

MAX_LISTED = 20

STATE_LABELS = {
    "requested": SN_("waiting for a decision"),
    "advised_otherwise": SN_("advised otherwise; waiting for the participant"),
    "approved": SN_("approved; waiting for the current school to propose the conversation"),
    "conversation_proposed": SN_("conversation proposed; waiting for the participant"),
    "conversation_accepted": SN_("conversation accepted; waiting for the current school to "
                                 "record that it took place"),
    "conversation_held": SN_("conversation held; waiting for the participant's consent"),
    "consent_given": SN_("consent given; waiting for the handover by the current school"),
    "handed_over": SN_("handed over; waiting for the new school to confirm the placement"),
    "completed": SN_("completed; waiting for the financial settlement"),
}


# ---- /overstappen --------------------------------------------------------------------------

async def visible_requests(context: BotContext) -> list[tuple]:
    """(request, party) for the requests this person takes part in, newest first."""
    person, db = context.person, context.services.db
    if person.role == "klantmanager":
        return [(r, Party.KLANTMANAGER)
                for r in await store.requests_for_klantmanager(db, person.id)][::-1]
    result = []
    for request in (await store.requests_for_school(db, person.school_id))[::-1]:
        unsettled = request.state == "completed" and request.kind == "school" \
            and request.settlement_at is None and request.from_school_id == person.school_id
        if not (request.is_open or unsettled):
            continue
        party = Party.OLD_SCHOOL if request.from_school_id == person.school_id else Party.NEW_SCHOOL
        result.append((request, party))
    return result


async def list_requests(update: Update, context: BotContext) -> None:
    """/overstappen: the open requests of the klantmanager's caseload or of the school."""
    tr, services = context.tr, context.services
    if staff_actor(context) is None:
        await update.effective_chat.send_message(tr._(
            "Sorry, I did not understand that. Send /help to see what I can do."))
        return
    found = await visible_requests(context)
    if not found:
        await update.effective_chat.send_message(tr.s_("No open overstap requests."))
        return
    lines, rows = [tr.s_("Open overstap requests:")], []
    db = services.db
    for request, party in found[:MAX_LISTED]:
        params = telling.params_for(party, await telling.base_params(db, services, request))
        target = params["to_group"] if request.kind == "slot" else params["new_school"]
        lines.append(tr.s_("#{id} {participant}: {old_school} → {target}; {state} (since {day})",
                           id=request.id, participant=params["participant"],
                           old_school=params["old_school"], target=target or "-",
                           state=tr.safe(staff_label(tr, STATE_LABELS.get(request.state, "?"))),
                           day=tr.date(request.state_since)))
        if await telling.card(services, request, party) is not None:
            prefix = K_PREFIX if party == Party.KLANTMANAGER else S_PREFIX
            rows.append([InlineKeyboardButton(tr.s_("Open #{id}", id=request.id)[:64],
                                              callback_data=f"{prefix}:open:{request.id}")])
    await update.effective_chat.send_message(
        tr.lines(lines), reply_markup=InlineKeyboardMarkup(rows) if rows else None)


async def open_card(update: Update, context: BotContext) -> None:
    """ovk|ovs:open:<id>: what this person must do now for the request, with its buttons."""
    request_id = request_id_at(parts_of(update))
    actor = staff_actor(context)
    if request_id is None or actor is None:
        await refuse(update, context, "stale")
        return
    services = context.services
    try:
        async with services.db.transaction() as tx:
            request, _, parties = await access.visible_request(tx, actor, request_id)
    except Refusal as refusal:
        await refuse(update, context, refusal)
        return
    shown = None
    for party in parties:
        shown = await telling.card(services, request, party)
        if shown:
            break
    if shown is None:
        await refuse(update, context, "stale")
        return
    await update.callback_query.answer()
    await audit.record(services.db, context.person, [request.participant_id], audit.OVERSTAP,
                       services.now())
    rendered = render(shown[0], context.tr, shown[1])
    await update.effective_chat.send_message(rendered.text, reply_markup=rendered.buttons)


# ---- registration ------------------------------------------------------------------------

def conversation() -> ConversationHandler:
    with warnings.catch_warnings():
        # Buttons and typed notes share one conversation per chat; every button is checked.
        warnings.filterwarnings("ignore", message=".*per_message=False.*", category=PTBUserWarning)
        return ConversationHandler(
            entry_points=[*overstap_klantmanager.entry_points(),
                          *overstap_old_school.entry_points(),
                          *overstap_new_school.entry_points()],
            states={
                **note_states(),
                **overstap_old_school.states(),
                **overstap_new_school.states(),
            },
            fallbacks=[CommandHandler("cancel", cancel)],
            name="overstap_staff", persistent=True, allow_reentry=True)


async def stale(update: Update, context: BotContext) -> None:
    """An overstap staff button outside its step (old message, replay or forged data)."""
    await refuse(update, context, "stale")


def register(app: Application, services: Services) -> None:
    app.add_handler(conversation())
    for handler in (*overstap_klantmanager.buttons(), *overstap_old_school.buttons()):
        app.add_handler(handler)
    app.add_handler(CallbackQueryHandler(open_card, pattern=rf"^({K_PREFIX}|{S_PREFIX}):open:\d+$"))
    app.add_handler(CommandHandler("overstappen", list_requests))
    app.add_handler(CallbackQueryHandler(stale, pattern=rf"^({K_PREFIX}|{S_PREFIX}):"))
