"""What a sent or edited message carries in the sandbox: text, caption and reply markup.

Text and captions are parsed with parse_mode or explicit entities and checked against Telegram's
limits in UTF-16 units (text 1..4096, caption up to 1024); inline keyboards are validated strictly
(callback_data 1..64 bytes, http(s)/tg URLs), other keyboards loosely, with the Bot API's error
texts. Sending and editing use the same checks.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .. import errors as E
from ..chats import ChatState
from ..errors import ApiError, bad_request
from ..formatting import parse_text, utf16_len, with_command_entities
from ..params import Params

MAX_TEXT = 4096
MAX_CAPTION = 1024
MAX_CALLBACK_DATA = 64
_URL_SCHEMES = ("http://", "https://", "tg://")


def text_content(
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


def caption_content(params: Params) -> dict[str, Any]:
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
        return raw, with_command_entities(raw, explicit)
    text, entities = parse_text(raw, params.string("parse_mode"))
    return text, with_command_entities(text, entities)


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


def reply_markup(params: Params, *, inline_only: bool = False) -> dict[str, Any] | None:
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


def apply_markup(chat: ChatState, content: dict[str, Any], markup: dict[str, Any] | None) -> None:
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
