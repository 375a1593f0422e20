"""Callback answers in the sandbox: answerCallbackQuery.

A query is answered once, within 15 minutes, with a text of at most 200 characters; the answer
(text, alert, url) is kept for the driver to read.
"""

from __future__ import annotations

from ..errors import bad_request
from ..formatting import utf16_len
from ..params import Params
from ..state import SandboxState
from .registry import method


@method("answerCallbackQuery")
async def answer_callback_query(state: SandboxState, params: Params) -> bool:
    """Answer a pending callback query once; the answer is kept for the driver."""
    query_id = params.string("callback_query_id", required=True)
    text = params.string("text")
    if text is not None and utf16_len(text) > 200:
        raise bad_request("MESSAGE_TOO_LONG")
    answer = {
        "text": text,
        "show_alert": params.boolean("show_alert"),
        "url": params.string("url"),
        "cache_time": params.integer("cache_time") or 0,
    }
    state.answer_query(str(query_id), answer)
    return True
