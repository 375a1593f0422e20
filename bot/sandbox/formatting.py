"""Text handling as Telegram does it: UTF-16 lengths, HTML parse mode, command entities."""

from __future__ import annotations

import re
import unicodedata
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
_COMMAND_NAME = re.compile(r"/([A-Za-z0-9_]*)(@[A-Za-z0-9_]{3,32})?")


def _is_word_character(char: str) -> bool:
    """A letter, a number or ``_``: what may not touch a command (tdlib's is_word_character)."""
    return char == "_" or unicodedata.category(char)[0] in ("L", "N")


def _touches(char: str) -> bool:
    return _is_word_character(char) or char in "/<>"


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit of Telegram's limits and entity offsets."""
    return len(text.encode("utf-16-le")) // 2


def command_entities(text: str) -> list[dict[str, Any]]:
    """``bot_command`` entities for the /commands in a text, as Telegram adds them to every
    message (tdlib's match_bot_commands): a ``/`` not after a letter, digit, ``_``, ``/``, ``<``
    or ``>``, then 1 to 63 ASCII letters, digits or ``_`` (and an optional ``@botname``), not
    followed by such a character. A format character such as a Unicode isolate between ``/`` and
    the name leaves no command."""
    entities = []
    position = 0
    while (start := text.find("/", position)) != -1:
        position = start + 1
        if start > 0 and _touches(text[start - 1]):
            continue
        match = _COMMAND_NAME.match(text, start)
        assert match is not None
        position = match.end()
        if not 1 <= len(match.group(1)) <= 63:
            continue
        if match.end() < len(text) and _touches(text[match.end()]):
            continue
        entities.append(
            {
                "type": "bot_command",
                "offset": utf16_len(text[:start]),
                "length": utf16_len(match.group()),
            }
        )
    return entities


def with_command_entities(
    text: str, entities: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """``entities`` plus the commands Telegram finds in ``text`` outside of them."""
    taken = [(e["offset"], e["offset"] + e["length"]) for e in entities]
    found = [
        e for e in command_entities(text)
        if not any(a < e["offset"] + e["length"] and e["offset"] < b for a, b in taken)
    ]
    if not found:
        return entities
    return sorted(entities + found, key=lambda e: (e["offset"], -e["length"]))


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
