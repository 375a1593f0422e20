"""Which uploads are a school's PDF documents (issue 15; convenant art. 10.5, 10.9). Pure.

A document is a real PDF: it starts with the PDF header (``%PDF-`` and a version, ISO 32000-1
7.5.2) and has an end-of-file marker (``%%EOF``) near its end. It is at most ``MAX_BYTES``, small
enough for Telegram to send as a document and for a participant's phone to open.
"""

from __future__ import annotations

import re

KINDS = ("onderwijsplan", "klachtenregeling")
MAX_BYTES = 5 * 1024 * 1024
HEADER = re.compile(rb"^%PDF-[12]\.[0-9]")
# ISO 32000-1 7.5.5: the last line is %%EOF; readers look for it in the last kilobyte.
TAIL = 1024


def too_large(size: int) -> bool:
    return size > MAX_BYTES


def problem(data: bytes) -> str | None:
    """Why ``data`` is not a PDF document, or None when it is one."""
    if not data:
        return "the body is empty: send the PDF file itself"
    if HEADER.match(data) is None:
        return "not a PDF: it must start with %PDF-1.x or %PDF-2.x"
    if b"%%EOF" not in data[-TAIL:]:
        return "not a complete PDF: no %%EOF marker at its end"
    return None
