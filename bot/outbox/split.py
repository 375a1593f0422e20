"""Split a message longer than Telegram allows into parts (issue 3: texts over 4,096 characters
are split at line boundaries).

Telegram counts a message's length in UTF-16 code units (an emoji or a rare script character can
count twice), so that is what we count. A part ends at the last line break that fits; a single
line longer than a whole part is cut at the last space, and only a line without any space is cut
mid-word. In right-to-left languages every part starts with a RIGHT-TO-LEFT MARK, as the first
one does, so each message bubble shows its text in the right direction.
"""

from __future__ import annotations

from bot.i18n import RLM

MAX_MESSAGE = 4096


def utf16_len(text: str) -> int:
    """Length as Telegram counts it."""
    return len(text.encode("utf-16-le")) // 2


def _fit(text: str, limit: int) -> int:
    """The largest prefix length (in str indices) of ``text`` that is at most ``limit`` units."""
    if utf16_len(text) <= limit:
        return len(text)
    low, high = 0, min(len(text), limit)
    while low < high:
        middle = (low + high + 1) // 2
        if utf16_len(text[:middle]) <= limit:
            low = middle
        else:
            high = middle - 1
    # Never split a surrogate pair (cannot happen in str) nor leave nothing.
    return max(low, 1)


def split_message(text: str, limit: int = MAX_MESSAGE) -> list[str]:
    """Parts of at most ``limit`` UTF-16 units, cut at line breaks where possible."""
    if utf16_len(text) <= limit:
        return [text]
    rtl = text.startswith(RLM)
    parts: list[str] = []
    rest = text
    while rest:
        room = limit - (1 if rtl and parts else 0)
        if utf16_len(rest) <= room:
            parts.append(rest)
            break
        cut = _fit(rest, room)
        head = rest[:cut]
        at = head.rfind("\n")
        if at <= 0:
            at = head.rfind(" ")
        if at <= 0:
            at = cut
            parts.append(rest[:at])
            rest = rest[at:]
        else:
            parts.append(rest[:at])
            rest = rest[at + 1:]  # the line break (or space) itself is not shown
        rest = rest.lstrip("\n")
    parts = [part for part in parts if part.strip()]
    if rtl:
        parts = [part if part.startswith(RLM) else RLM + part for part in parts]
    return parts
