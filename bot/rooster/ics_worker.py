"""Reading an uploaded calendar off the event loop, within a budget (issue 12).

An .ics file can describe far more work than its size suggests (a million properties, rules that
expand to thousands of lessons). Parsing it on the event loop stalled every school's API and
every Telegram reply for as long as it took. Here it runs in a separate process, started from a
forkserver (so nothing of the bot's threads or connections is inherited), with a limit on its
address space and a deadline; past either it is killed and the upload is refused with the reason.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import resource
from datetime import datetime

from bot.rooster import ical_import

MAX_CALENDAR_BYTES = 4 * 1024 * 1024
PARSE_SECONDS = 20.0
PARSE_MEMORY_BYTES = 1024 * 1024 * 1024

CONTEXT = multiprocessing.get_context("forkserver")
# What the forkserver imports once, so each worker starts ready (see ``preload``).
_PRELOAD = ["bot.rooster.ical_import"]
CONTEXT.set_forkserver_preload(_PRELOAD)


def preload(module: str) -> None:
    """Another module whose work runs in these worker processes (bot.api.planning_body)."""
    if module not in _PRELOAD:
        _PRELOAD.append(module)
        CONTEXT.set_forkserver_preload(_PRELOAD)


class OverBudget(Exception):
    """The calendar could not be read within the time or memory budget; the message says which."""


def _child(connection, data: bytes, now: datetime, memory: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    try:
        connection.send(("ok", ical_import.parse(data, now)))
    except ical_import.IcsError as exc:
        connection.send(("ics", exc.where, exc.why))
    except MemoryError:
        connection.send(("memory",))
    finally:
        connection.close()


async def parse(data: bytes, now: datetime, seconds: float | None = None,
                memory: int | None = None) -> ical_import.Parsed:
    """``ical_import.parse`` in a worker process; raises IcsError or OverBudget."""
    seconds = PARSE_SECONDS if seconds is None else seconds
    memory = PARSE_MEMORY_BYTES if memory is None else memory
    receiver, sender = CONTEXT.Pipe(duplex=False)
    process = CONTEXT.Process(target=_child, args=(sender, data, now, memory), daemon=True)
    await asyncio.to_thread(process.start)
    sender.close()
    try:
        if not await asyncio.to_thread(receiver.poll, seconds):
            raise OverBudget(f"the calendar could not be read within {seconds:g} seconds")
        try:
            answer = await asyncio.to_thread(receiver.recv)
        except EOFError:  # the worker died: out of memory while parsing or pickling
            answer = ("memory",)
    finally:
        receiver.close()
        if process.is_alive():
            process.kill()
        await asyncio.to_thread(process.join)
    if answer[0] == "ok":
        return answer[1]
    if answer[0] == "ics":
        raise ical_import.IcsError(answer[1], answer[2])
    raise OverBudget(f"the calendar could not be read within {memory // (1024 * 1024)} MB "
                     "of memory")
