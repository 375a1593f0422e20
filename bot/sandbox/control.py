"""Control endpoints under /sandbox: the user side of the chats, inspection and switches.

JSON in, ``{"ok": true, "result": ...}`` out; errors use the Bot API error shape.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
import time
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from .chats import ChatState
from .errors import ApiError, bad_request
from .formatting import command_entities, utf16_len
from .params import Params
from .state import SandboxState

MAX_WAIT = 60.0
# A valid 1x1 PNG, the default content of a photo a user sends.
TINY_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGA"
    "hKmMIQAAAABJRU5ErkJggg=="
)
# Default content of a voice message: an Ogg page header and silence.
FAKE_OGG = b"OggS\x00\x02" + bytes(58)


def _state(request: Request) -> SandboxState:
    return request.app.state.sandbox


def _ok(result: Any) -> JSONResponse:
    return JSONResponse({"ok": True, "result": result})


async def _body(request: Request) -> Params:
    """The JSON body as Params (an empty body is an empty object)."""
    raw = await request.body()
    if not raw.strip():
        return Params({})
    try:
        data = json.loads(raw)
    except ValueError:
        raise bad_request("can't parse request body") from None
    if not isinstance(data, dict):
        raise bad_request("can't parse request body")
    return Params(data)


def _query(request: Request) -> Params:
    return Params(dict(request.query_params))


def _path_id(request: Request, name: str) -> int:
    return int(request.path_params[name])


def _content(params: Params, default: bytes) -> bytes:
    encoded = params.string("content_b64")
    if encoded is None:
        return default
    try:
        return base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        raise bad_request("content_b64 is not valid base64") from None


# -- users -------------------------------------------------------------------------------------


async def create_user(request: Request) -> Response:
    """POST /sandbox/users {id, first_name, last_name?, username?, language_code?}."""
    params = await _body(request)
    user_id = params.integer("id", required=True)
    assert user_id is not None
    if user_id <= 0:
        raise bad_request("id must be a positive integer")
    user: dict[str, Any] = {"id": user_id}
    user["first_name"] = params.string("first_name", required=True)
    for key in ("last_name", "username", "language_code"):
        user[key] = params.string(key)
    user["is_premium"] = params.boolean("is_premium") or None
    state = _state(request)
    stored = state.upsert_user(user)
    chat = state.chat_state(user_id)
    last_seq = chat.events[-1]["seq"] if chat and chat.events else 0
    return _ok({"user": stored, "chat_id": user_id, "last_seq": last_seq})


async def get_user(request: Request) -> Response:
    """GET /sandbox/users/{id}."""
    return _ok(_state(request).require_user(_path_id(request, "user_id")))


async def send_text(request: Request) -> Response:
    """POST /sandbox/users/{id}/messages {text}: the user writes to the bot."""
    params = await _body(request)
    text = params.string("text", required=True, empty="message text is empty")
    assert text is not None
    if not text.strip() or utf16_len(text) > 4096:
        raise bad_request("text must be 1..4096 characters")
    content: dict[str, Any] = {"text": text}
    entities = command_entities(text)
    if entities:
        content["entities"] = entities
    return _user_message(request, content)


async def send_voice(request: Request) -> Response:
    """POST /sandbox/users/{id}/voice {duration?, mime_type?, content_b64?}."""
    params = await _body(request)
    duration = params.integer("duration") or 5
    data = _content(params, FAKE_OGG)
    mime = params.string("mime_type") or "audio/ogg"
    stored = _state(request).store_file(data, "voice", None, mime)
    voice = {
        "file_id": stored.file_id,
        "file_unique_id": stored.file_unique_id,
        "duration": duration,
        "mime_type": mime,
        "file_size": len(data),
    }
    return _user_message(request, {"voice": voice})


async def send_photo(request: Request) -> Response:
    """POST /sandbox/users/{id}/photo {caption?, content_b64?, width?, height?}."""
    params = await _body(request)
    data = _content(params, TINY_PNG)
    stored = _state(request).store_file(data, "photos", None, "image/jpeg")
    size = (params.integer("width") or 800, params.integer("height") or 600)
    content: dict[str, Any] = {"photo": stored.as_photo(*size)}
    _add_caption(params, content)
    return _user_message(request, content)


async def send_document(request: Request) -> Response:
    """POST /sandbox/users/{id}/document {file_name, content_b64, mime_type?, caption?}."""
    params = await _body(request)
    file_name = params.string("file_name", required=True)
    data = _content(params, b"")
    if not data:
        raise bad_request("content_b64 is empty")
    mime = params.string("mime_type")
    stored = _state(request).store_file(data, "documents", file_name, mime)
    content: dict[str, Any] = {"document": stored.as_document()}
    _add_caption(params, content)
    return _user_message(request, content)


def _add_caption(params: Params, content: dict[str, Any]) -> None:
    caption = params.string("caption")
    if caption:
        content["caption"] = caption


def _user_message(request: Request, content: dict[str, Any]) -> Response:
    user_id = _path_id(request, "user_id")
    message_id, update_id = _state(request).user_message(user_id, content)
    return _ok({"message_id": message_id, "update_id": update_id})


async def press_button(request: Request) -> Response:
    """POST /sandbox/users/{id}/press {message_id, callback_data}."""
    params = await _body(request)
    message_id = params.integer("message_id", required=True)
    data = params.string("callback_data", required=True)
    assert message_id is not None and data is not None
    query_id = _state(request).press(_path_id(request, "user_id"), message_id, data)
    return _ok({"callback_query_id": query_id})


async def block(request: Request) -> Response:
    """POST /sandbox/users/{id}/block."""
    _state(request).set_blocked(_path_id(request, "user_id"), True)
    return _ok(True)


async def unblock(request: Request) -> Response:
    """POST /sandbox/users/{id}/unblock."""
    _state(request).set_blocked(_path_id(request, "user_id"), False)
    return _ok(True)


# -- chats -------------------------------------------------------------------------------------


def _chat_or_404(request: Request) -> ChatState:
    chat = _state(request).chat_state(_path_id(request, "chat_id"))
    if chat is None:
        raise ApiError(404, "Not Found: no such chat")
    return chat


async def chat_info(request: Request) -> Response:
    """GET /sandbox/chats/{id}: blocked, reply keyboard, chat actions, last_seq."""
    return _ok(_chat_or_404(request).summary())


async def chat_messages(request: Request) -> Response:
    """GET /sandbox/chats/{id}/messages?include_user=false: live messages, current state."""
    include_user = _query(request).boolean("include_user")
    state = _state(request)
    chat = state.chat_state(_path_id(request, "chat_id"))
    return _ok(state.bot_messages(chat, include_user) if chat else [])


async def chat_events(request: Request) -> Response:
    """GET /sandbox/chats/{id}/events?after=SEQ&timeout=S: bot sends/edits/deletes after SEQ.

    Long poll: returns as soon as there is at least one event, or after `timeout` seconds.
    """
    query = _query(request)
    after = query.integer("after") or 0
    timeout = min(max(_float(query, "timeout") or 0.0, 0.0), MAX_WAIT)
    state = _state(request)
    chat_id = _path_id(request, "chat_id")
    deadline = time.monotonic() + timeout
    while True:
        chat = state.chat_state(chat_id)
        events = [e for e in chat.events if e["seq"] > after] if chat else []
        remaining = deadline - time.monotonic()
        if events or remaining <= 0 or state.closed:
            return _ok(events)
        await state.notifier.wait(remaining)


async def chat_commands(request: Request) -> Response:
    """GET /sandbox/chats/{id}/commands: the command menu the user sees."""
    commands, source = _state(request).visible_commands(_path_id(request, "chat_id"))
    return _ok({"commands": commands, **source})


async def callback_answers(request: Request) -> Response:
    """GET /sandbox/chats/{id}/callback_answers: the bot's answerCallbackQuery calls."""
    chat = _state(request).chat_state(_path_id(request, "chat_id"))
    return _ok(list(chat.callback_answers) if chat else [])


# -- server-wide -------------------------------------------------------------------------------


async def download(request: Request) -> Response:
    """GET /sandbox/files/{file_id}: the raw bytes of a file."""
    stored = _state(request).files.get(request.path_params["file_id"])
    if stored is None:
        raise ApiError(404, "Not Found: unknown file_id")
    return Response(stored.data, media_type=stored.mime_type or "application/octet-stream")


async def pending_updates(request: Request) -> Response:
    """GET /sandbox/updates: updates not yet confirmed by the bot."""
    return _ok(list(_state(request).updates))


async def stats(request: Request) -> Response:
    """GET /sandbox/stats."""
    return _ok(_state(request).stats())


async def set_limits(request: Request) -> Response:
    """POST /sandbox/limits {on, global_limit?, chat_rate?, chat_burst?}."""
    params = await _body(request)
    on = params.boolean("on", default=True)
    values = {
        "global_limit": params.integer("global_limit"),
        "chat_burst": params.integer("chat_burst"),
        "chat_rate": _float(params, "chat_rate"),
    }
    if any(v is not None and v <= 0 for v in values.values()):
        raise bad_request("limits must be positive")
    return _ok(_state(request).configure_limits(on, **values))


def _float(params: Params, name: str) -> float | None:
    value = params.raw(name)
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = math.nan
    if not math.isfinite(number):
        raise bad_request(f"invalid {name} specified")
    return number


async def reset(request: Request) -> Response:
    """POST /sandbox/reset: forget users, chats, updates, files, commands and counters."""
    _state(request).reset()
    return _ok(True)


def control_routes() -> list[Route]:
    """The /sandbox routes."""
    user = "/sandbox/users/{user_id:int}"
    chat = "/sandbox/chats/{chat_id:int}"
    return [
        Route("/sandbox/users", create_user, methods=["POST"]),
        Route(user, get_user, methods=["GET"]),
        Route(f"{user}/messages", send_text, methods=["POST"]),
        Route(f"{user}/voice", send_voice, methods=["POST"]),
        Route(f"{user}/photo", send_photo, methods=["POST"]),
        Route(f"{user}/document", send_document, methods=["POST"]),
        Route(f"{user}/press", press_button, methods=["POST"]),
        Route(f"{user}/block", block, methods=["POST"]),
        Route(f"{user}/unblock", unblock, methods=["POST"]),
        Route(chat, chat_info, methods=["GET"]),
        Route(f"{chat}/messages", chat_messages, methods=["GET"]),
        Route(f"{chat}/events", chat_events, methods=["GET"]),
        Route(f"{chat}/commands", chat_commands, methods=["GET"]),
        Route(f"{chat}/callback_answers", callback_answers, methods=["GET"]),
        Route("/sandbox/files/{file_id}", download, methods=["GET"]),
        Route("/sandbox/updates", pending_updates, methods=["GET"]),
        Route("/sandbox/stats", stats, methods=["GET"]),
        Route("/sandbox/limits", set_limits, methods=["POST"]),
        Route("/sandbox/reset", reset, methods=["POST"]),
    ]
