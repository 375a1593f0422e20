"""Long loops that give the event loop a turn (issue 12: nothing blocks the loop).

A planning of 50,000 lessons is compared on the event loop in many short slices (``breathing``),
so a /health check or a Telegram reply, which each need a few dozen turns of the loop, is not
held up for more than a slice at a time. While such a push is being read and applied, Python's
cyclic garbage collector waits (``collector_paused``): with hundreds of thousands of the push's
objects alive, each full collection would otherwise stop everything for 150-350 ms, several
times per push; the push's objects are freed by reference counting when it ends, and the
collector then runs again over what is left.
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Iterator
from contextlib import contextmanager
from time import perf_counter

# How long a loop may run before it lets the event loop take a turn.
SLICE_SECONDS = 0.004
# How often (every so many items) a loop looks at the clock.
CHECK_EVERY = 32


async def breathing(items: list, every: int = CHECK_EVERY):
    """``items`` one by one, giving the event loop a turn whenever ``SLICE_SECONDS`` have
    passed since the last one (the clock is read every ``every`` items)."""
    turn = perf_counter()
    for index, item in enumerate(items):
        if index % every == every - 1 and perf_counter() - turn > SLICE_SECONDS:
            await asyncio.sleep(0)
            turn = perf_counter()
        yield item


class Slices:
    """For loops that are not written as ``async for``: ``await slices.turn()`` now and then
    gives the event loop a turn once ``SLICE_SECONDS`` have passed."""

    def __init__(self) -> None:
        self._since = perf_counter()

    async def turn(self) -> None:
        if perf_counter() - self._since > SLICE_SECONDS:
            await asyncio.sleep(0)
            self._since = perf_counter()


_paused = 0
_was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector waits while a bulk push is read and applied (pushes
    may overlap: it runs again when the last one ends, if it was on before the first)."""
    global _paused, _was_enabled
    if _paused == 0:
        _was_enabled = gc.isenabled()
        gc.disable()
    _paused += 1
    try:
        yield
    finally:
        _paused -= 1
        if _paused == 0 and _was_enabled:
            gc.enable()
