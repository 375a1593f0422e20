"""Button (callback) data as a modified Telegram client may send it (issue 12): anything up to 64
bytes, not only what the bot put on a button. Handlers resolve the object and the presser's
right to it in storage; this module only says whether a piece of the data can be a stored id at
all, and whether the whole could be ours, so made-up data never reaches a handler as an error.
"""

from __future__ import annotations

import re

# The largest SQLite integer has 19 digits; none of our ids comes near 18.
MAX_ID_DIGITS = 18
_ID = re.compile(rf"[0-9]{{1,{MAX_ID_DIGITS}}}")
# What the bot puts in button data: ASCII letters, digits and a few separators; numbers that fit.
_OURS = re.compile(r"[A-Za-z0-9_:.\-]{1,64}")
_LONG_NUMBER = re.compile(rf"[0-9]{{{MAX_ID_DIGITS + 1},}}")


def row_id(text: str) -> int | None:
    """The id in ``text`` when it can be a stored row id (ASCII digits that fit), else None."""
    return int(text) if _ID.fullmatch(text) else None


def could_be_ours(data: str | None) -> bool:
    """False for data the bot never makes: other characters, too long, numbers too large."""
    return bool(data) and _OURS.fullmatch(data) is not None and not _LONG_NUMBER.search(data)
