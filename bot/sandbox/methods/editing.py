"""Editing and deleting in the sandbox: the three editMessage* methods and deleteMessage.

Only the bot's own live messages can be edited (inline_message_id is not supported); an edit that
changes nothing fails with "message is not modified"; text edits count for the chat's flood
control. Any message of the chat, the bot's or the user's, can be deleted.
"""

from __future__ import annotations

from typing import Any

from .. import errors as E
from ..chats import ChatState
from ..errors import ApiError
from ..params import Params
from ..state import SandboxState
from .content import MAX_TEXT, caption_content, reply_markup, text_content
from .registry import method


@method("editMessageText")
async def edit_message_text(state: SandboxState, params: Params) -> dict[str, Any]:
    """Replace the text (and keyboard: none given removes it) of a bot text message."""
    chat, message = _message_to_edit(state, params)
    if "text" not in message:
        raise ApiError(400, E.NO_TEXT_TO_EDIT)
    content = text_content(params, "text", "entities", MAX_TEXT, E.TEXT_EMPTY, E.TEXT_TOO_LONG)
    markup = reply_markup(params, inline_only=True)
    return _apply_edit(state, chat, message, content, markup, count=True)


@method("editMessageCaption")
async def edit_message_caption(state: SandboxState, params: Params) -> dict[str, Any]:
    """Replace the caption of a bot document/photo message."""
    chat, message = _message_to_edit(state, params)
    if "text" in message:
        raise ApiError(400, E.NO_CAPTION_TO_EDIT)
    content = caption_content(params)
    content.setdefault("caption", None)
    content.setdefault("caption_entities", None)
    markup = reply_markup(params, inline_only=True)
    return _apply_edit(state, chat, message, content, markup, count=False)


@method("editMessageReplyMarkup")
async def edit_message_reply_markup(state: SandboxState, params: Params) -> dict[str, Any]:
    """Replace (or remove) the inline keyboard of a bot message."""
    chat, message = _message_to_edit(state, params)
    markup = reply_markup(params, inline_only=True)
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
