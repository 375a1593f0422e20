"""What a klacht may hold (issue 5), documented in the README: at most ``MAX_TEXT`` characters of
text (longer input is refused with an explanation, never cut), ``MAX_ATTACHMENTS`` files, and
``MAX_PER_DAY`` klachten per participant in 24 hours. A text without any letter or digit (empty,
emoji only) is not a description: ``has_words`` is asked of every typed text, the participant's
and the handler's alike.
"""

from __future__ import annotations

import unicodedata
from datetime import timedelta

MAX_TEXT = 2000
MAX_ATTACHMENTS = 10
MAX_PER_DAY = 3
MIN_WORD_CHARACTERS = 2
DAY = timedelta(hours=24)


def has_words(text: str) -> bool:
    """At least a few letters or digits: not empty, not only emoji or punctuation."""
    return sum(1 for ch in text if unicodedata.category(ch)[0] in "LN") >= MIN_WORD_CHARACTERS
