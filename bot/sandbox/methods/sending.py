"""Sending in the sandbox: sendMessage, sendDocument, sendPhoto, sendVoice and sendChatAction.

Each send checks its content like Telegram (text 1..4096, caption up to 1024, uploads up to 50 MB,
photos must be images, file_ids must be known), the chat (chat not found, blocked by the user),
the message replied to, and flood control, in that order; then stores the bot message.
"""

from __future__ import annotations

import time
from typing import Any

from .. import errors as E
from ..chats import ChatState
from ..errors import ApiError, bad_request
from ..files import StoredFile
from ..params import Params, Upload
from ..state import SandboxState
from .content import MAX_TEXT, apply_markup, caption_content, reply_markup, text_content
from .registry import method

MAX_UPLOAD = 50 * 1024 * 1024
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
_IMAGE_MAGIC = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"GIF87a", b"GIF89a", b"BM", b"RIFF")


@method("sendMessage")
async def send_message(state: SandboxState, params: Params) -> dict[str, Any]:
    """Send a text message (1..4096 characters after entity parsing)."""
    chat_id = params.chat_id()
    content = text_content(params, "text", "entities", MAX_TEXT, E.TEXT_EMPTY, E.TEXT_TOO_LONG)
    markup = reply_markup(params)
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
    content: dict[str, Any] = caption_content(params)
    if field == "photo":
        content["photo"] = stored.as_photo()
    elif field == "voice":
        content["voice"] = {**stored.as_document(), "duration": params.integer("duration") or 0}
        content["voice"].pop("file_name", None)
    else:
        content["document"] = stored.as_document()
    markup = reply_markup(params)
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
    apply_markup(chat, content, markup)
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
