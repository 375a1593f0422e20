"""/klacht: a participant files a klacht in their own language, with buttons first (issue 5).

Blik op Werk norm 1.5.2 and bijlage 9, convenant art. 13.4 to 13.6. Steps: topic; their own words
as text and/or voice messages, photos or documents (kept as Telegram file ids); a formal klacht
to the school or a signal to the klantmanager (art. 13.4; topics about the gemeente always go to
the klantmanager, bijlage 9); school staff involved in it (they may not handle it, norm 1.5.2);
anonymity towards third parties; a summary to confirm or change.

The handlers of the conversation are here; the draft, the order of the steps and their prompts
in ``conversations/klacht_steps.py``. The conversation is persistent and the draft stored at every
step, so a restart of the bot loses nothing. "Received means stored": ``bot.klachten.filing``
commits the klacht, with its notifications to the handlers, before the participant is told it
was received.

Limits (documented in the README; ``bot.klachten.limits``): at most ``MAX_TEXT`` characters of
text per klacht (longer input is refused with an explanation, never cut), ``MAX_ATTACHMENTS``
files, and ``MAX_PER_DAY`` klachten per participant in 24 hours. A text without any letter or
digit (empty, emoji only) is asked again.
"""

from __future__ import annotations

import logging
import warnings

from telegram import Update
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
from bot.klachten import contacts, filing
from bot.klachten.filing import KlachtDraft
from bot.klachten.limits import MAX_ATTACHMENTS, MAX_PER_DAY, MAX_TEXT, has_words
from bot.klachten.notices import acknowledgement
from bot.klachten.topics import DUO_TOPICS, GEMEENTE_TOPICS, TOPICS
from bot.services import Command, Services
from conversations.klacht_steps import (
    PREFIX,
    State,
    ask,
    media_of,
    more_keyboard,
    new_draft,
    next_state,
)
from storage import klachten as store

log = logging.getLogger(__name__)

COMMANDS = (Command("klacht", N_("File a klacht (complaint)"), frozenset({"participant"})),)
MENU = ("klacht",)


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
    if await filing.at_daily_limit(services.db, context.person.id, services.now()):
        await update.effective_chat.send_message(too_many(tr))
        return ConversationHandler.END
    draft = await store.load_draft(services.db, update.effective_chat.id)
    if draft is not None:
        await update.effective_chat.send_message(
            tr._("You have a klacht that is not finished. We continue where you stopped."))
    else:
        draft = new_draft()
        await update.effective_chat.send_message(tr._(
            # GLOSSARY: introduces /klacht
            "You can make a klacht (complaint) here. We keep it safe. "
            "Send /cancel to stop at any time."))
    return await ask(update, context, draft)


def too_many(tr: Translator) -> str:
    return tr._("You have sent {n} klachten in the last 24 hours. That is the most per day. "
                "Please try again tomorrow, or ask your klantmanager for help.",
                n=tr.number(MAX_PER_DAY))


def goes_to_duo(tr: Translator) -> str:
    """Where a general klacht about inburgering goes (bijlage 9): DUO, not the school."""
    return tr._("A klacht about inburgering in general (the law, the exams, the term or the "
                "loan) is not for your school or the gemeente: DUO handles it. Go to {site} "
                "and choose Contact. Nothing was sent. Send /klacht again for a klacht about "
                "your school.", site=contacts.DUO_SITE)


def gemeente_goes_to_klantmanager(tr: Translator) -> str:
    """Why a topic about the gemeente goes to the klantmanager, not the school (bijlage 9)."""
    return tr._("This is about the gemeente (for example your PIP, leerroute, "
                "participatieverklaring or maatschappelijke begeleiding). The school cannot "
                "decide about that, so we send it to your klantmanager.")


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
    if code in DUO_TOPICS:
        await store.delete_draft(context.services.db, update.effective_chat.id)
        await update.effective_chat.send_message(goes_to_duo(context.tr))
        return ConversationHandler.END
    was_gemeente = draft["topic"] in GEMEENTE_TOPICS
    draft["topic"] = code
    if code in GEMEENTE_TOPICS:
        draft["route"], draft["involved"], draft["involved_done"] = "klantmanager", [], True
        await update.effective_chat.send_message(gemeente_goes_to_klantmanager(context.tr))
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
            await update.effective_chat.send_message(gemeente_goes_to_klantmanager(context.tr))
        else:
            draft.update(route=None, involved=[], involved_done=False)
    elif what == "anon":
        draft["anonymous"] = None
    else:
        return await refuse_forged(update, context, "unknown edit")
    return await ask(update, context, draft)


async def send(update: Update, context: BotContext) -> int:
    """Commit the klacht, then acknowledge it: received means stored (norm 1.5.2, 1.5.6)."""
    _, draft = await pressed(update, context)
    if draft is None:
        return ConversationHandler.END
    tr, services, person = context.tr, context.services, context.person
    chat = update.effective_chat
    if await next_state(context, draft) != State.CONFIRM:
        return await ask(update, context, draft)
    confirmed = KlachtDraft(
        participant=person, topic=draft["topic"], text=draft["text"], route=draft["route"],
        anonymous=bool(draft["anonymous"]), language=tr.language,
        files=tuple(draft["attachments"]), involved=tuple(draft["involved"]))
    try:
        filed = await filing.file_klacht(services.db, confirmed, now=services.now(),
                                         tz=services.settings.tz, draft_chat_id=chat.id)
    except filing.TooManyKlachten:
        await chat.send_message(too_many(tr))
        return ConversationHandler.END
    try:
        await chat.send_message(acknowledgement(tr, filed.ack_params))
    except TelegramError:
        await filing.acknowledge_later(services.db, filed, services.now())
        return ConversationHandler.END
    await filing.acknowledged(services.db, filed, services.now())
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
            await query.answer(
                context.tr._("This button no longer works. Send /help to start again."),
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
