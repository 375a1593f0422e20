"""The steps of /klacht (issue 5; Blik op Werk norm 1.5.2, bijlage 9, convenant art. 13.4): the
draft, which step it needs next, and the prompt of each step with its buttons.

The draft is a dict stored in ``klacht_drafts`` at every step; the step shown is always the first
thing it still lacks (``next_state``), so a restart of the bot loses nothing. A formal klacht to
the school asks which of the school's staff are involved (they may not handle it, norm 1.5.2);
topics about the gemeente always go to the klantmanager (bijlage 9). Every button carries a
namespaced code (``klacht:<step>:<value>``) that the handlers in ``conversations/klacht.py`` check.
"""

from __future__ import annotations

from enum import IntEnum

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from bot.context import BotContext
from bot.i18n import N_, Translator
from bot.klachten.limits import MAX_TEXT
from bot.klachten.notices import topic_label
from bot.klachten.topics import TOPICS
from storage import klachten as store

PREFIX = "klacht"

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


def button(tr: Translator, label: str, data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(tr.f_(label)[:64], callback_data=f"{PREFIX}:{data}")


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
    return (tr._("What is your klacht about? Choose one."),
            InlineKeyboardMarkup(rows + [cancel_row(tr)]))


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
        tr._("About: {topic}", topic=tr.safe(topic_label(tr, draft["topic"]))),
        tr._("To: {recipient}", recipient=tr.safe(tr._(recipient))),
        tr._("Anonymous: {answer}", answer=tr.safe(tr._(answer))),
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


# ---- what a message in the describe step carries -----------------------------------------

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
