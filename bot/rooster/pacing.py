"""Long loops that give the event loop a turn (issue 12: nothing blocks the loop)."""

from __future__ import annotations

import asyncio


async def breathing(items: list, every: int = 500):
    """``items`` one by one, giving the event loop a turn every ``every`` of them: a planning of
    50,000 lessons is compared in many short steps, so nobody else waits for the whole of it."""
    for index, item in enumerate(items):
        if index % every == every - 1:
            await asyncio.sleep(0)
        yield item
