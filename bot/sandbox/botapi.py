"""The Bot API methods of the sandbox, as python-telegram-bot 22.8 calls them."""

from __future__ import annotations

import re
import time
from collections.abc import Awaitable, Callable
from typing import Any

from . import errors as E
from .errors import ApiError, bad_request
from .formatting import parse_text, utf16_len
from .params import Params, Upload
from .state import DEFAULT_UPDATE_TYPES, ChatState, SandboxState, StoredFile

Handler = Callable[[SandboxState, Params], Awaitable[Any]]
METHODS: dict[str, Handler] = {}
CANONICAL: dict[str, str] = {}

MAX_TEXT = 4096
MAX_CAPTION = 1024
MAX_CALLBACK_DATA = 64
MAX_POLL_TIMEOUT = 50
MAX_DOWNLOAD = 20 * 1024 * 1024
MAX_UPLOAD = 50 * 1024 * 1024
MAX_COMMANDS = 100
_COMMAND_NAME = re.compile(r"[a-z0-9_]{1,32}")
_LANGUAGE = re.compile(r"[a-zA-Z]{2}")
_URL_SCHEMES = ("http://", "https://", "tg://")
_CHAT_ACTIONS = {
    "typing",
    "upload_photo",
    "record_video",
    "upload_video",
    "record_voice",
    "upload_voice",
    "upload_document",
    "choose_sticker",
    "find_location",
    "record_video_note",
    "upload_video_note",
}
_SCOPE_TYPES = {
    "default",
    "all_private_chats",
    "all_group_chats",
    "all_chat_administrators",
    "chat",
    "chat_administrators",
    "chat_member",
}
_IMAGE_MAGIC = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"GIF87a", b"GIF89a", b"BM", b"RIFF")


def method(*names: str) -> Callable[[Handler], Handler]:
    """Register a handler under one or more Bot API method names (case-insensitive)."""

    def register(handler: Handler) -> Handler:
        for name in names:
            METHODS[name.lower()] = handler
            CANONICAL[name.lower()] = name
        return handler

    return register


def find_method(name: str) -> Handler | None:
    """The handler of a method name, as Telegram matches them (case-insensitive)."""
    return METHODS.get(name.lower())


def canonical_name(name: str) -> str:
    """The documented spelling of a method name (``sendmessage`` -> ``sendMessage``)."""
    return CANONICAL.get(name.lower(), name)


# -- service methods ---------------------------------------------------------------------------


@method("getMe")
async def get_me(state: SandboxState, params: Params) -> dict[str, Any]:
    """The bot's own User object."""
    return state.get_me()


@method("logOut", "close")
async def log_out(state: SandboxState, params: Params) -> bool:
    """Accepted and ignored."""
    return True


@method("setMyDescription", "setMyShortDescription", "setMyName", "setChatMenuButton")
async def set_bot_setting(state: SandboxState, params: Params) -> bool:
    """Bot profile settings: stored for inspection, otherwise no effect."""
    for key in ("name", "description", "short_description", "menu_button"):
        if params.has(key):
            state.bot_settings[key] = params.raw(key)
    return True


@method("deleteWebhook")
async def delete_webhook(state: SandboxState, params: Params) -> bool:
    """Remove the webhook; drop_pending_updates clears the update queue."""
    state.webhook_url = ""
    if params.boolean("drop_pending_updates"):
        state.updates.clear()
    return True


@method("setWebhook")
async def set_webhook(state: SandboxState, params: Params) -> bool:
    """Store the webhook URL (the sandbox does not deliver to it)."""
    url = params.string("url") or ""
    if url and not url.startswith("https://"):
        raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
    state.webhook_url = url
    if params.boolean("drop_pending_updates"):
        state.updates.clear()
    return True


@method("getWebhookInfo")
async def get_webhook_info(state: SandboxState, params: Params) -> dict[str, Any]:
    """Minimal WebhookInfo."""
    return {
        "url": state.webhook_url,
        "has_custom_certificate": False,
        "pending_update_count": len(state.updates),
    }


@method("getUpdates")
async def get_updates(state: SandboxState, params: Params) -> list[dict[str, Any]]:
    """Long polling: confirm by offset, wait up to `timeout` s, 409 when a newer poll starts."""
    if state.webhook_url:
        raise ApiError(409, E.CONFLICT_WEBHOOK)
    offset = params.integer("offset")
    limit = min(max(params.integer("limit") or 100, 1), 100)
    timeout = min(max(params.integer("timeout") or 0, 0), MAX_POLL_TIMEOUT)
    allowed = params.json("allowed_updates")
    if isinstance(allowed, list) and all(isinstance(kind, str) for kind in allowed):
        state.allowed_updates = frozenset(allowed) if allowed else DEFAULT_UPDATE_TYPES
    state.confirm(offset)
    generation = state.begin_poll()
    deadline = time.monotonic() + timeout
    while True:
        updates = state.deliverable(limit)
        remaining = deadline - time.monotonic()
        if updates or remaining <= 0 or state.closed:
            return updates
        await state.notifier.wait(remaining)
        if state.poll_generation != generation:
            raise ApiError(409, E.CONFLICT_POLLING)


# -- sending -----------------------------------------------------------------------------------


@method("sendMessage")
async def send_message(state: SandboxState, params: Params) -> dict[str, Any]:
    """Send a text message (1..4096 characters after entity parsing)."""
    chat_id = params.chat_id()
    content = _text_content(params, "text", "entities", MAX_TEXT, E.TEXT_EMPTY, E.TEXT_TOO_LONG)
    markup = _reply_markup(params)
    chat = state.sendable_chat(chat_id)
    return _deliver(state, chat, params, content, markup)


@method("sendDocument")
async def send_document(state: SandboxState, params: Params) -> dict[str, Any]:
    """Send a file as a document (upload or known file_id), with an optional caption."""
    return await _send_media(state, params, "document", "documents")


@method("sendPhoto")
async def send_photo(state: SandboxState, params: Params) -> dict[str, Any]:
    """Send a photo (upload or known file_id), with an optional caption."""
    return await _send_media(state, params, "photo", "photos")


@method("sendVoice")
async def send_voice(state: SandboxState, params: Params) -> dict[str, Any]:
    """Send a voice message (upload or known file_id), e.g. relaying a user's voice note."""
    return await _send_media(state, params, "voice", "voices")


async def _send_media(
    state: SandboxState, params: Params, field: str, kind: str
) -> dict[str, Any]:
    chat_id = params.chat_id()
    stored = _media_file(state, params, field, kind)
    content: dict[str, Any] = _caption_content(params)
    if field == "photo":
        content["photo"] = stored.as_photo()
    elif field == "voice":
        content["voice"] = {**stored.as_document(), "duration": params.integer("duration") or 0}
        content["voice"].pop("file_name", None)
    else:
        content["document"] = stored.as_document()
    markup = _reply_markup(params)
    chat = state.sendable_chat(chat_id)
    return _deliver(state, chat, params, content, markup)


def _deliver(
    state: SandboxState,
    chat: ChatState,
    params: Params,
    content: dict[str, Any],
    markup: dict[str, Any] | None,
) -> dict[str, Any]:
    """Common tail of all sending methods: reply target, rate limit, store."""
    reply = _reply_to(state, chat, params)
    state.check_rate(chat, count_global=True)
    if reply is not None:
        content["reply_to_message"] = reply
    _apply_markup(chat, content, markup)
    return state.store_bot_message(chat, content)


def _media_file(state: SandboxState, params: Params, field: str, kind: str) -> StoredFile:
    value = params.file(field)
    if value is None:
        raise bad_request(f"there is no {field} in the request")
    if isinstance(value, Upload):
        if not value.data:
            raise ApiError(400, E.FILE_EMPTY)
        if len(value.data) > MAX_UPLOAD:
            raise ApiError(413, "Request Entity Too Large")
        if field == "photo" and not value.data.startswith(_IMAGE_MAGIC):
            raise ApiError(400, E.IMAGE_PROCESS_FAILED)
        return state.store_file(value.data, kind, value.filename, value.content_type)
    known = state.files.get(value)
    if known is None:
        raise ApiError(400, E.WRONG_FILE_ID)
    return known


@method("sendChatAction")
async def send_chat_action(state: SandboxState, params: Params) -> bool:
    """Record a chat action ("typing"...)."""
    chat_id = params.chat_id()
    action = params.string("action", required=True, empty="action is empty")
    if action not in _CHAT_ACTIONS:
        raise ApiError(400, E.ACTION_INVALID)
    chat = state.sendable_chat(chat_id)
    chat.chat_actions.append({"action": action, "at": time.time()})
    return True


# -- editing -----------------------------------------------------------------------------------


@method("editMessageText")
async def edit_message_text(state: SandboxState, params: Params) -> dict[str, Any]:
    """Replace the text (and keyboard: none given removes it) of a bot text message."""
    chat, message = _message_to_edit(state, params)
    if "text" not in message:
        raise ApiError(400, E.NO_TEXT_TO_EDIT)
    content = _text_content(params, "text", "entities", MAX_TEXT, E.TEXT_EMPTY, E.TEXT_TOO_LONG)
    markup = _reply_markup(params, inline_only=True)
    return _apply_edit(state, chat, message, content, markup, count=True)


@method("editMessageCaption")
async def edit_message_caption(state: SandboxState, params: Params) -> dict[str, Any]:
    """Replace the caption of a bot document/photo message."""
    chat, message = _message_to_edit(state, params)
    if "text" in message:
        raise ApiError(400, E.NO_CAPTION_TO_EDIT)
    content = _caption_content(params)
    content.setdefault("caption", None)
    content.setdefault("caption_entities", None)
    markup = _reply_markup(params, inline_only=True)
    return _apply_edit(state, chat, message, content, markup, count=False)


@method("editMessageReplyMarkup")
async def edit_message_reply_markup(state: SandboxState, params: Params) -> dict[str, Any]:
    """Replace (or remove) the inline keyboard of a bot message."""
    chat, message = _message_to_edit(state, params)
    markup = _reply_markup(params, inline_only=True)
    return _apply_edit(state, chat, message, {}, markup, count=False)


def _message_to_edit(state: SandboxState, params: Params) -> tuple[ChatState, dict[str, Any]]:
    if params.has("inline_message_id"):
        raise ApiError(400, E.MESSAGE_ID_INVALID)
    chat_id = params.chat_id()
    message_id = params.integer(
        "message_id", required=True, empty="message identifier is not specified"
    )
    chat = state.require_chat(chat_id)
    message = chat.live_message(message_id)
    if message is None:
        raise ApiError(400, E.EDIT_NOT_FOUND)
    if message_id not in chat.bot_message_ids:
        raise ApiError(400, E.CANT_EDIT)
    return chat, message


def _apply_edit(
    state: SandboxState,
    chat: ChatState,
    message: dict[str, Any],
    content: dict[str, Any],
    markup: dict[str, Any] | None,
    *,
    count: bool,
) -> dict[str, Any]:
    """Store an edit unless it changes nothing; `count` applies the per-chat rate limit."""
    updated = {k: v for k, v in message.items() if k != "reply_markup"}
    for key, value in content.items():
        if value is None:
            updated.pop(key, None)
        else:
            updated[key] = value
    if markup is not None and markup.get("inline_keyboard"):
        updated["reply_markup"] = markup
    if _same_content(message, updated):
        raise ApiError(400, E.NOT_MODIFIED)
    if count:
        state.check_rate(chat, count_global=False)
    return state.replace_bot_message(chat, updated)


def _same_content(old: dict[str, Any], new: dict[str, Any]) -> bool:
    keys = ("text", "entities", "caption", "caption_entities", "reply_markup")
    return all(old.get(key) == new.get(key) for key in keys)


@method("deleteMessage")
async def delete_message(state: SandboxState, params: Params) -> bool:
    """Delete a message of the chat (the bot's or the user's)."""
    chat_id = params.chat_id()
    message_id = params.integer(
        "message_id", required=True, empty="message identifier is not specified"
    )
    chat = state.require_chat(chat_id)
    if not state.delete_message(chat, message_id):
        raise ApiError(400, E.DELETE_NOT_FOUND)
    return True


# -- callback queries --------------------------------------------------------------------------


@method("answerCallbackQuery")
async def answer_callback_query(state: SandboxState, params: Params) -> bool:
    """Answer a pending callback query once; the answer is kept for the driver."""
    query_id = params.string("callback_query_id", required=True)
    text = params.string("text")
    if text is not None and utf16_len(text) > 200:
        raise bad_request("MESSAGE_TOO_LONG")
    answer = {
        "text": text,
        "show_alert": params.boolean("show_alert"),
        "url": params.string("url"),
        "cache_time": params.integer("cache_time") or 0,
    }
    state.answer_query(str(query_id), answer)
    return True


# -- files -------------------------------------------------------------------------------------


@method("getFile")
async def get_file(state: SandboxState, params: Params) -> dict[str, Any]:
    """File info with the file_path to download it from /file/bot<token>/<file_path>."""
    file_id = params.string("file_id", required=True)
    stored = state.files.get(str(file_id))
    if stored is None:
        raise ApiError(400, E.INVALID_FILE_ID)
    if len(stored.data) > MAX_DOWNLOAD:
        raise bad_request("file is too big")
    return stored.as_file()


# -- commands ----------------------------------------------------------------------------------


@method("setMyCommands")
async def set_my_commands(state: SandboxState, params: Params) -> bool:
    """Set the command list of a scope and language (an empty list deletes it)."""
    commands = _commands(params)
    key = (_scope(state, params), _language(params))
    if commands:
        state.commands[key] = commands
    else:
        state.commands.pop(key, None)
    return True


@method("getMyCommands")
async def get_my_commands(state: SandboxState, params: Params) -> list[dict[str, str]]:
    """The command list stored for exactly this scope and language."""
    key = (_scope(state, params), _language(params))
    return list(state.commands.get(key, []))


@method("deleteMyCommands")
async def delete_my_commands(state: SandboxState, params: Params) -> bool:
    """Delete the command list of a scope and language."""
    state.commands.pop((_scope(state, params), _language(params)), None)
    return True


def _commands(params: Params) -> list[dict[str, str]]:
    raw = params.json("commands")
    if raw is None:
        raise bad_request("commands is empty")
    if not isinstance(raw, list) or not all(isinstance(c, dict) for c in raw):
        raise bad_request("can't parse commands JSON object")
    if len(raw) > MAX_COMMANDS:
        raise ApiError(400, E.BOT_COMMANDS_TOO_MUCH)
    commands = []
    for item in raw:
        name, description = item.get("command"), item.get("description")
        if not isinstance(name, str) or not _COMMAND_NAME.fullmatch(name):
            raise ApiError(400, E.BOT_COMMAND_INVALID)
        if not isinstance(description, str) or not description.strip() or len(description) > 256:
            raise ApiError(400, E.BOT_COMMAND_DESCRIPTION_INVALID)
        commands.append({"command": name, "description": description})
    return commands


def _scope(state: SandboxState, params: Params) -> tuple[Any, ...]:
    scope = params.json("scope", error=E.SCOPE_INVALID)
    if scope is None:
        return ("default",)
    if not isinstance(scope, dict) or scope.get("type") not in _SCOPE_TYPES:
        raise ApiError(400, E.SCOPE_INVALID)
    kind = scope["type"]
    if kind not in ("chat", "chat_administrators", "chat_member"):
        return (kind,)
    chat_id = Params(scope).chat_id()
    state.require_chat(chat_id)
    if kind == "chat_member":
        user_id = Params(scope).integer("user_id", required=True, empty="user not found")
        return (kind, chat_id, user_id)
    return (kind, chat_id)


def _language(params: Params) -> str:
    code = params.string("language_code") or ""
    if code and not _LANGUAGE.fullmatch(code):
        raise ApiError(400, E.LANGUAGE_CODE_INVALID)
    return code.lower()


# -- shared parameter handling -----------------------------------------------------------------


def _text_content(
    params: Params, field: str, entities_field: str, limit: int, empty: str, too_long: str
) -> dict[str, Any]:
    """Parse text with parse_mode/entities and check it is 1..limit UTF-16 units."""
    raw = params.string(field, required=True, empty=empty)
    assert raw is not None
    text, entities = _parse(params, raw, entities_field)
    if not text.strip():
        raise bad_request(empty)
    if utf16_len(text) > limit:
        raise bad_request(too_long)
    content: dict[str, Any] = {field: text}
    if entities:
        content[entities_field] = entities
    return content


def _caption_content(params: Params) -> dict[str, Any]:
    """Optional caption (0..1024 after parsing) of a media message."""
    raw = params.string("caption")
    if raw is None:
        return {}
    text, entities = _parse(params, raw, "caption_entities")
    if utf16_len(text) > MAX_CAPTION:
        raise ApiError(400, E.CAPTION_TOO_LONG)
    content: dict[str, Any] = {"caption": text} if text else {}
    if entities and text:
        content["caption_entities"] = entities
    return content


def _parse(params: Params, raw: str, entities_field: str) -> tuple[str, list[dict[str, Any]]]:
    """Explicit entities win; otherwise parse_mode decides (as in the Bot API)."""
    explicit = _explicit_entities(params, entities_field)
    if explicit:
        return raw, explicit
    return parse_text(raw, params.string("parse_mode"))


def _explicit_entities(params: Params, field: str) -> list[dict[str, Any]]:
    entities = params.json(field)
    if entities is None:
        return []
    valid = isinstance(entities, list) and all(
        isinstance(e, dict) and isinstance(e.get("type"), str) for e in entities
    )
    if not valid:
        raise bad_request("can't parse entities JSON object")
    return entities


def _reply_markup(params: Params, *, inline_only: bool = False) -> dict[str, Any] | None:
    """Validate reply_markup: inline keyboards strictly, other keyboards loosely."""
    markup = params.json("reply_markup", error=E.MARKUP_UNPARSABLE)
    if markup is None:
        return None
    if not isinstance(markup, dict):
        raise ApiError(400, E.MARKUP_UNPARSABLE)
    if "inline_keyboard" in markup:
        return {"inline_keyboard": _inline_keyboard(markup["inline_keyboard"])}
    if inline_only:
        raise ApiError(400, E.MARKUP_UNPARSABLE)
    if "keyboard" in markup:
        _check_rows(markup["keyboard"], lambda b: isinstance(b, str) or _has_text(b))
        return markup
    if markup.get("remove_keyboard") or markup.get("force_reply"):
        return markup
    raise ApiError(400, E.MARKUP_UNPARSABLE)


def _inline_keyboard(rows: Any) -> list[list[dict[str, Any]]]:
    _check_rows(rows, lambda b: isinstance(b, dict))
    keyboard = []
    for row in rows:
        keyboard.append([_inline_button(button) for button in row])
    return keyboard


def _inline_button(button: dict[str, Any]) -> dict[str, Any]:
    if not _has_text(button):
        raise bad_request(
            'can\'t parse inline keyboard button: Field "text" must be of type String'
        )
    if "callback_data" in button:
        data = button["callback_data"]
        if not isinstance(data, str) or not 1 <= len(data.encode("utf-8")) <= MAX_CALLBACK_DATA:
            raise ApiError(400, E.BUTTON_DATA_INVALID)
        return {"text": button["text"], "callback_data": data}
    if "url" in button:
        url = button["url"]
        if not isinstance(url, str) or not url.startswith(_URL_SCHEMES):
            raise bad_request(f"inline keyboard button URL '{url}' is invalid: Wrong HTTP URL")
        return {"text": button["text"], "url": url}
    other = set(button) - {"text"}
    if not other:
        raise bad_request(
            "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"
        )
    return dict(button)


def _check_rows(rows: Any, button_ok: Callable[[Any], bool]) -> None:
    well_formed = isinstance(rows, list) and all(
        isinstance(row, list) and all(button_ok(b) for b in row) for row in rows
    )
    if not well_formed:
        raise ApiError(400, E.MARKUP_UNPARSABLE)


def _has_text(button: Any) -> bool:
    return isinstance(button, dict) and isinstance(button.get("text"), str) and button["text"] != ""


def _apply_markup(chat: ChatState, content: dict[str, Any], markup: dict[str, Any] | None) -> None:
    """Inline keyboards go on the message; reply keyboards change the user's keyboard."""
    if markup is None:
        return
    if "inline_keyboard" in markup:
        if markup["inline_keyboard"]:
            content["reply_markup"] = markup
    elif "keyboard" in markup:
        chat.reply_keyboard = markup
    elif markup.get("remove_keyboard"):
        chat.reply_keyboard = None


def _reply_to(state: SandboxState, chat: ChatState, params: Params) -> dict[str, Any] | None:
    """The message replied to (reply_parameters or legacy reply_to_message_id)."""
    reply = params.json("reply_parameters")
    if reply is None and params.has("reply_to_message_id"):
        reply = {"message_id": params.integer("reply_to_message_id")}
    if reply is None:
        return None
    if not isinstance(reply, dict):
        raise bad_request("can't parse reply parameters JSON object")
    reply_params = Params(reply)
    message_id = reply_params.integer("message_id", required=True)
    target = state.reply_target(chat, message_id)
    if target is None and not reply_params.boolean("allow_sending_without_reply"):
        raise ApiError(400, E.REPLY_NOT_FOUND)
    return target
