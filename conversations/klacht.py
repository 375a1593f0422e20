"""/klacht: a participant files a klacht in their own language, with buttons first (issue 5).

Blik op Werk norm 1.5.2 and bijlage 9, convenant art. 13.4 to 13.6. Steps: topic; their own words
as text and/or voice messages, photos or documents (kept as Telegram file ids); a formal klacht
to the school or a signal to the klantmanager (art. 13.4; topics about the gemeente always go to
the klantmanager, bijlage 9); school staff involved in it (they may not handle it, norm 1.5.2);
anonymity towards third parties; a summary to confirm or change.

The draft is stored in ``klacht_drafts`` at every step and the conversation is persistent, so
a restart of the bot loses nothing; the step shown is always the first thing the draft still
lacks. "Received means stored": the klacht is committed, with its notifications to the
handlers, before the participant is told it was received.

Limits (documented in the README): at most ``MAX_TEXT`` characters of text per klacht (longer
input is refused with an explanation, never cut), ``MAX_ATTACHMENTS`` files, and
``MAX_PER_DAY`` klachten per participant in 24 hours. A text without any letter or digit (empty,
emoji only) is asked again.
"""

from __future__ import annotations

import logging
import unicodedata
import warnings
from datetime import timedelta
from enum import IntEnum

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import TelegramError
from telegram.ext import (Application, CallbackQueryHandler, CommandHandler, ConversationHandler,
                          MessageHandler, filters)
from telegram.warnings import PTBUserWarning

from bot.context import BotContext
from bot.i18n import N_, Translator
from bot.klachten import routing
from bot.klachten.notices import acknowledgement, frag, topic_label
from bot.klachten.topics import GEMEENTE_TOPICS, TOPICS
from bot.rules.klacht_deadlines import deadlines
from bot.services import Command, Services
from storage import klachten as store

log = logging.getLogger(__name__)

COMMANDS = (Command("klacht", N_("File a klacht (complaint)"), frozenset({"participant"})),)
MENU = ("klacht",)

PREFIX = "klacht"
MAX_TEXT = 2000
MAX_ATTACHMENTS = 10
MAX_PER_DAY = 3
MIN_WORD_CHARACTERS = 2
DAY = timedelta(hours=24)


class State(IntEnum):
    TOPIC = 1
    DESCRIBE = 2
    ROUTE = 3
    INVOLVED = 4
    ANONYMITY = 5
    CONFIRM = 6


def new_draft() -> dict:
    return {"topic": None, "text": "", "attachments": [], "described": False, "route": None,
            "involved": [], "involved_done": False, "anonymous": None}


def has_words(text: str) -> bool:
    """At least a few letters or digits: not empty, not only emoji or punctuation."""
    return sum(1 for ch in text if unicodedata.category(ch)[0] in "LN") >= MIN_WORD_CHARACTERS


def button(tr: Translator, label: str, data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(tr._(label).lstrip("\u200f")[:64], callback_data=f"{PREFIX}:{data}")


def cancel_row(tr: Translator) -> list[InlineKeyboardButton]:
    return [button(tr, N_("Stop"), "cancel")]


# ---- what to ask next --------------------------------------------------------------------

async def next_state(context: BotContext, draft: dict) -> State:
    """The first thing the draft still lacks."""
    if draft["topic"] is None:
        return State.TOPIC
    if not draft["described"]:
        return State.DESCRIBE
    if draft["route"] is None:
        return State.ROUTE
    if draft["route"] == "school" and not draft["involved_done"]:
        if await store.school_staff(context.services.db, context.person.school_id):
            return State.INVOLVED
        draft["involved_done"] = True
    if draft["anonymous"] is None:
        return State.ANONYMITY
    return State.CONFIRM


async def ask(update: Update, context: BotContext, draft: dict) -> State:
    """Save the draft and show the prompt of its next step."""
    services = context.services
    state = await next_state(context, draft)
    await store.save_draft(services.db, update.effective_chat.id, context.person.id, draft,
                           services.now())
    text, markup = await PROMPTS[state](context, draft)
    await update.effective_chat.send_message(text, reply_markup=markup)
    return state


async def prompt_topic(context: BotContext, draft: dict):
    tr = context.tr
    rows = [[button(tr, label, f"topic:{code}")] for code, label in TOPICS.items()]
    return tr._("What is your klacht about? Choose one."), InlineKeyboardMarkup(rows + [cancel_row(tr)])


async def prompt_describe(context: BotContext, draft: dict):
    tr = context.tr
    text = tr._("Tell us what happened, in your own words and in your own language. You can write, "
                "send a voice message, a photo or a document. At most {limit} characters of text.",
                limit=tr.number(MAX_TEXT))
    return text, None


def more_keyboard(tr: Translator) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[button(tr, N_("Done"), "done")], cancel_row(tr)])


async def prompt_route(context: BotContext, draft: dict):
    tr = context.tr
    text = tr.lines([
        tr._("Who should get it?"),
        tr._("A formal klacht goes to the school. The school must answer within 6 weeks."),
        tr._("A signal goes to your klantmanager of the gemeente, who can talk with the school."),
    ])
    rows = [[button(tr, N_("A formal klacht to the school"), "route:school")],
            [button(tr, N_("A signal to my klantmanager"), "route:klantmanager")],
            cancel_row(tr)]
    return text, InlineKeyboardMarkup(rows)


async def prompt_involved(context: BotContext, draft: dict):
    tr = context.tr
    staff = await store.school_staff(context.services.db, context.person.school_id)
    rows = [[InlineKeyboardButton(("✓ " if person.id in draft["involved"] else "") + person.name,
                                  callback_data=f"{PREFIX}:inv:{person.id}")] for person in staff]
    rows.append([button(tr, N_("Nobody of these / I do not know"), "inv:none")])
    if draft["involved"]:
        rows.append([button(tr, N_("Next"), "inv:ok")])
    text = tr._("Is one of these people of the school part of your klacht? "
                "Then they will not handle it. Press a name, or 'Nobody'.")
    return text, InlineKeyboardMarkup(rows + [cancel_row(tr)])


async def prompt_anonymity(context: BotContext, draft: dict):
    tr = context.tr
    if draft["route"] == "klantmanager":
        text = tr._("Your klantmanager will see your name. May the school see your name too?")
    else:
        text = tr._("May the school see your name? If not, you stay anonymous: the school only "
                    "sees your klacht, and questions come to you through this bot.")
    rows = [[button(tr, N_("Yes, show my name"), "anon:0")],
            [button(tr, N_("No, keep me anonymous"), "anon:1")], cancel_row(tr)]
    return text, InlineKeyboardMarkup(rows)


async def prompt_confirm(context: BotContext, draft: dict):
    tr = context.tr
    recipient = (N_("a formal klacht to the school") if draft["route"] == "school"
                 else N_("a signal to your klantmanager"))
    answer = N_("yes") if draft["anonymous"] else N_("no")
    lines = [
        tr._("Please check your klacht:"),
        tr._("About: {topic}", topic=frag(tr, topic_label(tr, draft["topic"]))),
        tr._("To: {recipient}", recipient=frag(tr, tr._(recipient))),
        tr._("Anonymous: {answer}", answer=frag(tr, tr._(answer))),
    ]
    if draft["text"]:
        lines += ["", tr.isolate(draft["text"]), ""]
    if draft["attachments"]:
        lines.append(tr.n_("{n} file (voice message, photo or document)",
                           "{n} files (voice messages, photos or documents)",
                           len(draft["attachments"])))
    rows = [[button(tr, N_("Send"), "send")],
            [button(tr, N_("Change the topic"), "edit:topic"),
             button(tr, N_("Change the text"), "edit:text")],
            [button(tr, N_("Change who gets it"), "edit:route"),
             button(tr, N_("Change anonymity"), "edit:anon")],
            cancel_row(tr)]
    return tr.lines(lines), InlineKeyboardMarkup(rows)


PROMPTS = {State.TOPIC: prompt_topic, State.DESCRIBE: prompt_describe, State.ROUTE: prompt_route,
           State.INVOLVED: prompt_involved, State.ANONYMITY: prompt_anonymity,
           State.CONFIRM: prompt_confirm}


# ---- handlers ----------------------------------------------------------------------------

async def start(update: Update, context: BotContext) -> int:
    """/klacht (or the menu button): start, or continue an unfinished draft."""
    tr, services = context.tr, context.services
    if update.callback_query is not None:
        await update.callback_query.answer()
    if context.person is None or context.person.role != "participant":
        await update.effective_chat.send_message(
            tr._("Only course participants can file a klacht here."))
        return ConversationHandler.END
    filed = await store.count_filed_since(services.db, context.person.id, services.now() - DAY)
    if filed >= MAX_PER_DAY:
        await update.effective_chat.send_message(too_many(tr))
        return ConversationHandler.END
    draft = await store.load_draft(services.db, update.effective_chat.id)
    if draft is not None:
        await update.effective_chat.send_message(
            tr._("You have a klacht that is not finished. We continue where you stopped."))
    else:
        draft = new_draft()
        await update.effective_chat.send_message(tr._(
            "You can make a klacht (complaint) here. We keep it safe. "
            "Send /cancel to stop at any time."))
    return await ask(update, context, draft)


def too_many(tr: Translator) -> str:
    return tr._("You have sent {n} klachten in the last 24 hours. That is the most per day. "
                "Please try again tomorrow, or ask your klantmanager for help.",
                n=tr.number(MAX_PER_DAY))


async def current_draft(update: Update, context: BotContext) -> dict | None:
    draft = await store.load_draft(context.services.db, update.effective_chat.id)
    if draft is None or context.person is None:
        await update.effective_chat.send_message(context.tr._(
            "Your unfinished klacht is no longer here. Send /klacht to start again."))
    return draft


async def pressed(update: Update, context: BotContext) -> tuple[str, dict | None]:
    """Answer the press, take its buttons away, and load the draft."""
    query = update.callback_query
    await query.answer()
    try:
        await query.edit_message_reply_markup(reply_markup=None)
    except TelegramError:
        pass  # an old message: the choice still counts
    value = (query.data or "").split(":", 2)[2] if (query.data or "").count(":") >= 2 else ""
    return value, await current_draft(update, context)


async def chose_topic(update: Update, context: BotContext) -> int:
    code, draft = await pressed(update, context)
    if draft is None:
        return ConversationHandler.END
    if code not in TOPICS:
        return await refuse_forged(update, context, "unknown topic")
    was_gemeente = draft["topic"] in GEMEENTE_TOPICS
    draft["topic"] = code
    if code in GEMEENTE_TOPICS:
        draft["route"], draft["involved"], draft["involved_done"] = "klantmanager", [], True
        await update.effective_chat.send_message(context.tr._(
            "This is about the gemeente (for example your PIP, leerroute, participatieverklaring "
            "or maatschappelijke begeleiding). The school cannot decide about that, so we send "
            "it to your klantmanager."))
    elif was_gemeente:
        draft["route"], draft["involved_done"] = None, False
    return await ask(update, context, draft)


async def described_text(update: Update, context: BotContext) -> int:
    """Text in the describe step: kept when it has words and fits the limit."""
    draft = await current_draft(update, context)
    if draft is None:
        return ConversationHandler.END
    return await add_text(update, context, draft, update.effective_message.text or "",
                          required=True)


async def add_text(update: Update, context: BotContext, draft: dict, text: str,
                   required: bool, media: dict | None = None) -> int:
    """Keep a text (and the file it came with); a text over the limit is refused whole."""
    tr, chat = context.tr, update.effective_chat
    text = text.strip()
    if not has_words(text):
        if required:
            await chat.send_message(tr._(
                "Please tell us in words what happened. You can also send a voice message."))
            return State.DESCRIBE
        text = ""
    if text:
        room = MAX_TEXT - len(draft["text"]) - (1 if draft["text"] else 0)
        if len(text) > room:
            await chat.send_message(tr._(
                "This text is too long: {count} characters. A klacht can have at most {limit} "
                "characters of text, and {room} are left. Nothing of this message was saved. "
                "Please send it shorter, or send a voice message.",
                count=tr.number(len(text)), limit=tr.number(MAX_TEXT),
                room=tr.number(max(room, 0))), reply_markup=more_keyboard(tr))
            return State.DESCRIBE
        draft["text"] = f"{draft['text']}\n{text}" if draft["text"] else text
    if media is not None:
        draft["attachments"].append(media)
    await store.save_draft(context.services.db, chat.id, context.person.id, draft,
                           context.services.now())
    await chat.send_message(tr._("Saved. You can send more, or press Done."),
                            reply_markup=more_keyboard(tr))
    return State.DESCRIBE


def media_of(message) -> dict | None:
    """The file of a voice message, photo, document, audio or video, by Telegram file id."""
    if message.voice:
        item, kind = message.voice, "voice"
    elif message.photo:
        item, kind = message.photo[-1], "photo"
    elif message.document:
        item, kind = message.document, "document"
    elif message.audio:
        item, kind = message.audio, "audio"
    elif message.video:
        item, kind = message.video, "video"
    elif message.video_note:
        item, kind = message.video_note, "video_note"
    else:
        return None
    return {"kind": kind, "file_id": item.file_id, "file_unique_id": item.file_unique_id}


async def described_media(update: Update, context: BotContext) -> int:
    draft = await current_draft(update, context)
    if draft is None:
        return ConversationHandler.END
    tr, message = context.tr, update.effective_message
    media = media_of(message)
    if media is None:
        await update.effective_chat.send_message(tr._(
            "Please send text, a voice message, a photo or a document."))
        return State.DESCRIBE
    if len(draft["attachments"]) >= MAX_ATTACHMENTS:
        await update.effective_chat.send_message(tr._(
            "A klacht can have at most {limit} files. This file was not saved. "
            "Press Done to go on.", limit=tr.number(MAX_ATTACHMENTS)),
            reply_markup=more_keyboard(tr))
        return State.DESCRIBE
    return await add_text(update, context, draft, message.caption or "", required=False,
                          media=media)


async def other_input(update: Update, context: BotContext) -> int:
    """Stickers, locations and the like in the describe step."""
    await update.effective_chat.send_message(context.tr._(
        "Please send text, a voice message, a photo or a document."))
    return State.DESCRIBE


async def done_describing(update: Update, context: BotContext) -> int:
    _, draft = await pressed(update, context)
    if draft is None:
        return ConversationHandler.END
    if not draft["text"] and not draft["attachments"]:
        await update.effective_chat.send_message(context.tr._(
            "Please tell us in words what happened. You can also send a voice message."))
        return State.DESCRIBE
    draft["described"] = True
    return await ask(update, context, draft)


async def chose_route(update: Update, context: BotContext) -> int:
    route, draft = await pressed(update, context)
    if draft is None:
        return ConversationHandler.END
    if route not in ("school", "klantmanager") or draft["topic"] in GEMEENTE_TOPICS:
        return await refuse_forged(update, context, "route not offered")
    draft["route"] = route
    draft["involved_done"] = route != "school"
    if route != "school":
        draft["involved"] = []
    return await ask(update, context, draft)


async def chose_involved(update: Update, context: BotContext) -> int:
    value, draft = await pressed(update, context)
    if draft is None:
        return ConversationHandler.END
    if value in ("none", "ok"):
        if value == "none":
            draft["involved"] = []
        draft["involved_done"] = True
        return await ask(update, context, draft)
    staff_ids = {p.id for p in await store.school_staff(context.services.db,
                                                        context.person.school_id)}
    if not value.isdigit() or int(value) not in staff_ids:
        return await refuse_forged(update, context, "person not offered")
    person_id = int(value)
    if person_id in draft["involved"]:
        draft["involved"].remove(person_id)
    else:
        draft["involved"].append(person_id)
    return await ask(update, context, draft)


async def chose_anonymity(update: Update, context: BotContext) -> int:
    value, draft = await pressed(update, context)
    if draft is None:
        return ConversationHandler.END
    if value not in ("0", "1"):
        return await refuse_forged(update, context, "bad anonymity value")
    draft["anonymous"] = value == "1"
    return await ask(update, context, draft)


async def edit(update: Update, context: BotContext) -> int:
    what, draft = await pressed(update, context)
    if draft is None:
        return ConversationHandler.END
    if what == "topic":
        if draft["topic"] in GEMEENTE_TOPICS:
            draft["route"], draft["involved_done"] = None, False
        draft["topic"] = None
    elif what == "text":
        draft.update(text="", attachments=[], described=False)
    elif what == "route":
        if draft["topic"] in GEMEENTE_TOPICS:
            await update.effective_chat.send_message(context.tr._(
                "This is about the gemeente (for example your PIP, leerroute, participatieverklaring "
                "or maatschappelijke begeleiding). The school cannot decide about that, so we send "
                "it to your klantmanager."))
        else:
            draft.update(route=None, involved=[], involved_done=False)
    elif what == "anon":
        draft["anonymous"] = None
    else:
        return await refuse_forged(update, context, "unknown edit")
    return await ask(update, context, draft)


def named_in_text(text: str, staff) -> list[int]:
    """Staff whose full name the participant wrote in the klacht: they are involved."""
    folded = " ".join(text.casefold().split())
    return [p.id for p in staff if len(p.name) >= 4 and " ".join(p.name.casefold().split()) in folded]


async def send(update: Update, context: BotContext) -> int:
    """Commit the klacht, then acknowledge it: received means stored (norm 1.5.2, 1.5.6)."""
    _, draft = await pressed(update, context)
    if draft is None:
        return ConversationHandler.END
    tr, services, person = context.tr, context.services, context.person
    chat = update.effective_chat
    if await next_state(context, draft) != State.CONFIRM:
        return await ask(update, context, draft)
    now = services.now()
    async with services.db.transaction() as tx:
        if await store.count_filed_since(tx, person.id, now - DAY) >= MAX_PER_DAY:
            klacht = None
        else:
            involved = [(pid, "participant") for pid in draft["involved"]]
            route = draft["route"]
            if route == "school":
                staff = await store.school_staff(tx, person.school_id)
                involved += [(pid, "named_in_text") for pid in named_in_text(draft["text"], staff)
                             if pid not in draft["involved"]]
            klacht = await store.file_klacht(
                tx, participant=person, route=route, topic=draft["topic"],
                description=draft["text"], language=tr.language,
                anonymous=bool(draft["anonymous"]), attachments=draft["attachments"],
                involved=involved, now=now,
                deadlines=(deadlines(now, services.settings.tz).as_dict()
                           if route == "school" else None))
            if route == "school":
                await routing.deliver_to_handlers(tx, klacht, now)
            else:
                await routing.deliver_signal(tx, klacht, now)
            await store.delete_draft(tx, chat.id)
    if klacht is None:
        await chat.send_message(too_many(tr))
        return ConversationHandler.END
    log.info("klacht %s filed (route %s)", klacht.id, klacht.route)
    try:
        await chat.send_message(acknowledgement(tr, routing.ack_params(klacht)))
    except TelegramError:
        async with services.db.transaction() as tx:
            await routing.send_acknowledgement_later(tx, klacht, services.now())
        return ConversationHandler.END
    async with services.db.transaction() as tx:
        await store.mark_acknowledged(tx, klacht.id, services.now())
    return ConversationHandler.END


async def cancel(update: Update, context: BotContext) -> int:
    """/cancel or the Stop button: forget the draft."""
    if update.callback_query is not None:
        await update.callback_query.answer()
        try:
            await update.callback_query.edit_message_reply_markup(reply_markup=None)
        except TelegramError:
            pass
    await store.delete_draft(context.services.db, update.effective_chat.id)
    await update.effective_chat.send_message(context.tr._(
        "Stopped. Your klacht was not sent, and your draft is deleted."))
    return ConversationHandler.END


async def refuse_forged(update: Update, context: BotContext, reason: str) -> int | None:
    """A press whose data we never offered: refused, and logged without personal data."""
    log.warning("klacht button refused: %s", reason)
    query = update.callback_query
    if query is not None:
        try:
            await query.answer(context.tr._("This button no longer works. Send /help to start again."),
                               show_alert=True)
        except TelegramError:
            pass
    draft = await store.load_draft(context.services.db, update.effective_chat.id)
    if draft is None or context.person is None:
        return ConversationHandler.END
    return await ask(update, context, draft)


async def stale(update: Update, context: BotContext) -> None:
    """A klacht button outside a klacht being written (old message, replay or forged data)."""
    log.warning("klacht button refused: no draft in progress")
    await update.callback_query.answer(
        context.tr._("This button no longer works. Send /help to start again."), show_alert=True)


def conversation() -> ConversationHandler:
    on = lambda action: f"^{PREFIX}:{action}"  # noqa: E731
    media = (filters.VOICE | filters.AUDIO | filters.PHOTO | filters.Document.ALL | filters.VIDEO
             | filters.VIDEO_NOTE)
    with warnings.catch_warnings():
        # Buttons and typed messages share one conversation per chat, so per_message stays off;
        # every button carries its step in its data and is checked, which is what PTB warns about.
        warnings.filterwarnings("ignore", message=".*per_message=False.*", category=PTBUserWarning)
        return ConversationHandler(
            entry_points=[CommandHandler("klacht", start),
                          CallbackQueryHandler(start, pattern="^menu:klacht$")],
            states={
                State.TOPIC: [CallbackQueryHandler(chose_topic, pattern=on("topic:"))],
                State.DESCRIBE: [
                    MessageHandler(filters.TEXT & ~filters.COMMAND, described_text),
                    MessageHandler(media, described_media),
                    CallbackQueryHandler(done_describing, pattern=on("done$")),
                    MessageHandler(~filters.COMMAND & ~filters.UpdateType.EDITED, other_input),
                ],
                State.ROUTE: [CallbackQueryHandler(chose_route, pattern=on("route:"))],
                State.INVOLVED: [CallbackQueryHandler(chose_involved, pattern=on("inv:"))],
                State.ANONYMITY: [CallbackQueryHandler(chose_anonymity, pattern=on("anon:"))],
                State.CONFIRM: [CallbackQueryHandler(send, pattern=on("send$")),
                                CallbackQueryHandler(edit, pattern=on("edit:"))],
            },
            fallbacks=[CommandHandler("cancel", cancel),
                       CallbackQueryHandler(cancel, pattern=on("cancel$"))],
            name="klacht", persistent=True, allow_reentry=True)


def register(app: Application, services: Services) -> None:
    app.add_handler(conversation())
    app.add_handler(CallbackQueryHandler(stale, pattern=f"^{PREFIX}:"))
