"""Text handling as Telegram does it: UTF-16 lengths, HTML parse mode, command entities."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

from .errors import ApiError, bad_request

# Tag -> entity type for Telegram's HTML parse mode.
_SIMPLE_TAGS = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "code": "code",
    "pre": "pre",
}
_COMMAND_RE = re.compile(r"(?<!\S)/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?")


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit of Telegram's limits and entity offsets."""
    return len(text.encode("utf-16-le")) // 2


def command_entities(text: str) -> list[dict[str, Any]]:
    """``bot_command`` entities for the /commands in a user's message, as Telegram adds them."""
    entities = []
    for match in _COMMAND_RE.finditer(text):
        entities.append(
            {
                "type": "bot_command",
                "offset": utf16_len(text[: match.start()]),
                "length": utf16_len(match.group()),
            }
        )
    return entities


def parse_text(text: str, parse_mode: str | None) -> tuple[str, list[dict[str, Any]]]:
    """The visible text and its entities for `text` sent with `parse_mode`.

    HTML is parsed like Telegram does (unsupported tags are an error). Markdown modes are
    accepted but the text is kept verbatim (the sandbox does not parse Markdown).
    """
    if not parse_mode:
        return text, []
    mode = parse_mode.strip().lower()
    if mode == "html":
        return _TelegramHTML(text).result()
    if mode in ("markdown", "markdownv2"):
        return text, []
    raise bad_request(f"unsupported parse_mode {parse_mode}")


class _TelegramHTML(HTMLParser):
    """Parses Telegram's HTML subset into plain text plus MessageEntity dicts."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self._source = source
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self._parts: list[str] = []
        self._length = 0
        self._stack: list[tuple[str, int, dict[str, Any] | None]] = []
        self._entities: list[dict[str, Any]] = []

    def result(self) -> tuple[str, list[dict[str, Any]]]:
        """Feed the whole source and return (text, entities)."""
        self.feed(self._source)
        self.close()
        if self._stack:
            tag = self._stack[-1][0]
            raise self._error(f'Can\'t find end tag corresponding to start tag "{tag}"')
        self._entities.sort(key=lambda e: (e["offset"], -e["length"]))
        return "".join(self._parts), self._entities

    def handle_data(self, data: str) -> None:
        self._parts.append(data)
        self._length += utf16_len(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        entity = self._entity_for(tag, dict(attrs))
        self._stack.append((tag, self._length, entity))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raise self._error(f'Unsupported start tag "{tag}" at byte offset {self._offset()}')

    def handle_endtag(self, tag: str) -> None:
        if not self._stack:
            raise self._error(f'Unexpected end tag at byte offset {self._offset()}')
        open_tag, start, entity = self._stack.pop()
        if open_tag != tag:
            raise self._error(
                f'Unmatched end tag at byte offset {self._offset()}, '
                f'expected "</{open_tag}>", found "</{tag}>"'
            )
        if entity is not None and self._length > start:
            self._entities.append({**entity, "offset": start, "length": self._length - start})

    def handle_comment(self, data: str) -> None:
        raise self._error(f"Unsupported start tag at byte offset {self._offset()}")

    handle_decl = handle_pi = unknown_decl = handle_comment

    def _entity_for(self, tag: str, attrs: dict[str, str | None]) -> dict[str, Any] | None:
        language = attrs.get("class") or ""
        if tag == "code" and language.startswith("language-") and self._inside_pre():
            pre_entity = self._stack[-1][2]
            assert pre_entity is not None
            pre_entity["language"] = language.removeprefix("language-")
            return None
        if tag in _SIMPLE_TAGS:
            return {"type": _SIMPLE_TAGS[tag]}
        if tag == "span" and language == "tg-spoiler":
            return {"type": "spoiler"}
        if tag == "a":
            return {"type": "text_link", "url": attrs["href"]} if attrs.get("href") else None
        if tag == "blockquote":
            kind = "expandable_blockquote" if "expandable" in attrs else "blockquote"
            return {"type": kind}
        if tag == "tg-emoji" and attrs.get("emoji-id"):
            return {"type": "custom_emoji", "custom_emoji_id": attrs["emoji-id"]}
        raise self._error(f'Unsupported start tag "{tag}" at byte offset {self._offset()}')

    def _inside_pre(self) -> bool:
        return bool(self._stack) and self._stack[-1][0] == "pre" and self._stack[-1][2] is not None

    def _offset(self) -> int:
        line, column = self.getpos()
        index = self._line_starts[line - 1] + column
        return len(self._source[:index].encode("utf-8"))

    @staticmethod
    def _error(detail: str) -> ApiError:
        return bad_request(f"can't parse entities: {detail}")
