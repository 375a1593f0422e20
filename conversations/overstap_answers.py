"""The participant's answers to later overstap messages (issue 7; convenant art. 11.1, 11.3,
12.3, 12.5): buttons ``ovp:<action>:<request id>`` to continue after the klantmanager's advice,
accept the handover conversation or ask for another time, withdraw the request, and the consent
per item (art. 12.3, 12.5: one question at a time, then a summary to confirm or change).

Every press is checked by ``bot.overstap.flow`` against the request's state and the presser; a
stale or forged one gets a polite refusal and changes nothing. These handlers are registered
before /overstap's (conversations.overstap), whose catch-all refuses any other ``ovp:`` press.
"""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Update
from telegram.error import TelegramError
from telegram.ext import Application, CallbackQueryHandler

from bot.context import BotContext
from bot.i18n import N_
from bot.overstap import flow
from bot.overstap.access import Actor, Refusal
from bot.overstap.items import ITEM_CODES, ITEMS
from bot.overstap.notices import P_PREFIX, item_names
from bot.rules.overstap import Event
from bot.services import Services
from conversations.overstap import answer, btn, refuse
from storage import convenant
from storage import overstap as store


def request_id_of(data: str) -> int | None:
    parts = data.split(":")
    return int(parts[2]) if len(parts) >= 3 and parts[2].isdigit() else None


async def take_step(update: Update, context: BotContext, request_id: int, event: Event):
    """Take a participant's step; refuse politely when it is not (any more) possible."""
    if context.person is None or context.person.role != "participant":
        await refuse(update, context, "not a participant")
        return None
    try:
        return await flow.act(context.services, request_id, event, Actor.for_person(context.person))
    except Refusal as refusal:
        await refuse(update, context, f"{event}: {refusal.code}")
        return None


async def pressed_action(update: Update, context: BotContext) -> None:
    """ovp:cont|wd|wdok|acc|resch|consent:<id>: a participant's answer to a later message."""
    query = update.callback_query
    data = query.data or ""
    action = data.split(":")[1] if data.count(":") >= 2 else ""
    request_id = request_id_of(data)
    if request_id is None:
        await refuse(update, context, "bad data")
        return
    tr, chat = context.tr, update.effective_chat
    if action == "wd":
        request = await own_open_request(update, context, request_id)
        if request is None:
            return
        await query.answer()
        await chat.send_message(tr._("Do you really want to stop your request?"),
                                reply_markup=InlineKeyboardMarkup([
                                    [btn(tr, N_("Yes, stop my request"), f"wdok:{request_id}")],
                                    [btn(tr, N_("No, keep it"), f"keep:{request_id}")]]))
        return
    if action == "keep":
        await answer(update)
        await chat.send_message(tr._("Good, your request stays."))
        return
    if action == "consent":
        request = await own_open_request(update, context, request_id)
        if request is None:
            return
        if request.state != "conversation_held":  # art. 11.3: after the conversation
            await refuse(update, context, "consent not open")
            return
        await query.answer()
        await ask_consent(update, context, request, edit=False)
        return
    event = {"wdok": Event.WITHDRAW, "cont": Event.CONTINUE, "acc": Event.ACCEPT,
             "resch": Event.RESCHEDULE}.get(action)
    if event is None:
        await refuse(update, context, "unknown action")
        return
    request = await take_step(update, context, request_id, event)
    if request is None:
        return
    await answer(update)
    params = await request_params(context, request)
    if event == Event.WITHDRAW:
        text = tr._("Your request is stopped. You stay where you are.")
    elif event == Event.CONTINUE:
        text = tr._("Your request goes on. {old_school} will invite you for a handover "
                    "conversation.", old_school=params["old_school"])
    elif event == Event.RESCHEDULE:
        text = tr._("We asked {old_school} for another time. You will get a new invitation.",
                    old_school=params["old_school"])
    else:
        text = tr._("Thank you. See you at the handover conversation.")
    # After accepting, consent waits for the conversation itself (art. 11.3): the school
    # records it as held, and the participant is then asked (``overstap.p.held``).
    await chat.send_message(text)


async def own_open_request(update: Update, context: BotContext, request_id: int):
    person = context.person
    request = await store.get_request(context.services.db, request_id)
    if (person is None or request is None or request.participant_id != person.id
            or not request.is_open):
        await refuse(update, context, "not an open request of this participant")
        return None
    return request


async def request_params(context: BotContext, request) -> dict:
    db = context.services.db
    return {"old_school": await convenant.school_name(db, request.from_school_id),
            "new_school": await convenant.school_name(db, request.to_school_id)}


# ---- consent per item (art. 12.3, 12.5) ------------------------------------------------------

async def ask_consent(update: Update, context: BotContext, request, edit: bool) -> None:
    """The next unanswered item, or the summary when all are answered."""
    tr = context.tr
    given = await store.consents(context.services.db, request.id)
    params = await request_params(context, request)
    pending = [item for item in ITEM_CODES if item not in given]
    if pending:
        item = pending[0]
        name, why = ITEMS[item]
        number = ITEM_CODES.index(item) + 1
        text = tr.lines([
            tr._("Which information about you may {old_school} give to {new_school}? You decide "
                 "for each part. ({number} of {total})", old_school=params["old_school"],
                 new_school=params["new_school"], number=tr.number(number),
                 total=tr.number(len(ITEM_CODES))),
            "",
            tr._(name),
            tr._("Why: {why}", why=tr.safe(tr._(why))),
            "",
            tr._("May this go to {new_school}?", new_school=params["new_school"]),
        ])
        markup = InlineKeyboardMarkup([[btn(tr, N_("Yes"), f"c:{request.id}:{item}:y"),
                                        btn(tr, N_("No"), f"c:{request.id}:{item}:n")]])
    else:
        agreed = [i for i in ITEM_CODES if given[i] == "agreed"]
        refused = [i for i in ITEM_CODES if given[i] == "refused"]
        text = tr.lines([
            tr._("Please check your answers:"),
            tr._("May go to {new_school}: {items}", new_school=params["new_school"],
                 items=tr.safe(item_names(tr, agreed) or "-")),
            tr._("May not go: {items}", items=tr.safe(item_names(tr, refused) or "-")),
            tr._("Nobody else gets this information."),
        ])
        markup = InlineKeyboardMarkup([[btn(tr, N_("Confirm"), f"cok:{request.id}")],
                                       [btn(tr, N_("Change my answers"), f"credo:{request.id}")]])
    query = update.callback_query
    if edit and query is not None:
        try:
            await query.edit_message_text(text, reply_markup=markup)
            return
        except TelegramError:
            pass
    await update.effective_chat.send_message(text, reply_markup=markup)


async def pressed_consent(update: Update, context: BotContext) -> None:
    """ovp:c:<id>:<item>:y|n, ovp:cok:<id>, ovp:credo:<id>."""
    query = update.callback_query
    parts = (query.data or "").split(":")
    request_id = int(parts[2]) if len(parts) >= 3 and parts[2].isdigit() else None
    person = context.person
    if request_id is None or person is None or person.role != "participant":
        await refuse(update, context, "bad consent data")
        return
    tr, services = context.tr, context.services
    try:
        if parts[1] == "c" and len(parts) == 5 and parts[4] in ("y", "n"):
            request = await flow.answer_consent(services, request_id, person, parts[3],
                                                "agreed" if parts[4] == "y" else "refused")
        elif parts[1] == "credo":
            request = await flow.restart_consent(services, request_id, person)
        elif parts[1] == "cok":
            request = await flow.act(services, request_id, Event.CONSENT,
                                     Actor.for_person(person))
        else:
            raise Refusal("invalid")
    except Refusal as refusal:
        await refuse(update, context, f"consent: {refusal.code}")
        return
    await query.answer()
    if parts[1] != "cok":
        await ask_consent(update, context, request, edit=True)
        return
    try:
        await query.edit_message_reply_markup(reply_markup=None)
    except TelegramError:
        pass
    given = await store.consents(services.db, request.id)
    agreed = [i for i in ITEM_CODES if given.get(i) == "agreed"]
    params = await request_params(context, request)
    await update.effective_chat.send_message(tr.lines([
        tr._("Thank you. Only this goes to {new_school}: {items}.", new_school=params["new_school"],
             items=tr.safe(item_names(tr, agreed) or "-")),
        tr._("You can always see what was shared with /gedeeld."),
    ]))


def register(app: Application, services: Services) -> None:
    app.add_handler(CallbackQueryHandler(
        pressed_action, pattern=f"^{P_PREFIX}:(cont|wd|wdok|keep|acc|resch|consent):"))
    app.add_handler(CallbackQueryHandler(pressed_consent, pattern=f"^{P_PREFIX}:(c|cok|credo):"))
