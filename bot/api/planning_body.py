"""Reading a school's whole planning off the event loop (issue 12).

A planning may hold 50,000 lessons: checking such a body against ``PlanningIn`` takes seconds of
CPU, and done by FastAPI it would run on the event loop, stalling every school's API, /health and
every Telegram reply meanwhile. ``POST /api/v1/planning`` therefore takes the raw body and reads it
here (``read``), within ``PLANNING_SECONDS``; the route still documents ``PlanningIn`` as its body
(``SCHEMA``) and answers a wrong field with the same 422 as every other route.

A small body is read in a worker thread. A large one (over ``PROCESS_BYTES``) is read in a
separate process, started from the forkserver the calendar uploads use, with a limit on its
memory: in a thread of this process, pydantic's checking holds the interpreter lock for long
stretches and every garbage collection of its objects stops the event loop too, so others
waited up to 1.5 s. The process hands the planning back in parts of ``LESSONS_PER_PART``
lessons, each unpickled in a few milliseconds.
"""

from __future__ import annotations

import asyncio
import resource
from collections.abc import Callable
from datetime import time, tzinfo
from typing import Any, TypeVar

from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError

from bot.api.rooster_models import LessonIn, PlanningIn
from bot.rooster import ics_worker
from bot.rooster.planning import (
    CancelMissing,
    GroupInput,
    HolidayInput,
    LessonInput,
    MemberInput,
    ParticipantInput,
    Planning,
)
from bot.rules.localtime import at_local

T = TypeVar("T")
PLANNING_SECONDS = 60.0
PLANNING_MEMORY_BYTES = 1024 * 1024 * 1024
PROCESS_BYTES = 200_000  # a body this big holds a thousand lessons or more
LESSONS_PER_PART = 1000

ics_worker.preload("bot.api.planning_body")


class OverBudget(Exception):
    """The planning could not be read within its time or memory budget."""


def _inlined(schema: dict) -> dict:
    """``schema`` with its ``$defs`` written out where they are used (OpenAPI resolves a ref
    against the whole document, not against the schema it stands in)."""
    defs = schema.pop("$defs", {})

    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref", "")
            if ref.startswith("#/$defs/"):
                return walk(defs[ref.rsplit("/", 1)[1]])
            return {key: walk(value) for key, value in node.items()}
        if isinstance(node, list):
            return [walk(value) for value in node]
        return node

    return walk(schema)


SCHEMA = _inlined(PlanningIn.model_json_schema())
OPENAPI = {"requestBody": {"required": True,
                           "content": {"application/json": {"schema": SCHEMA}}}}


def parse(body: bytes) -> PlanningIn:
    """The planning in ``body``; RequestValidationError (a 422 naming each field) if wrong."""
    try:
        return PlanningIn.model_validate_json(body)
    except ValidationError as exc:
        raise RequestValidationError(
            [{**error, "loc": ("body", *error["loc"])} for error in exc.errors()]) from None


async def off_loop(work: Callable[[], T], seconds: float | None = None) -> T:
    """``work()`` in a worker thread; OverBudget past ``seconds``."""
    seconds = PLANNING_SECONDS if seconds is None else seconds
    try:
        return await asyncio.wait_for(asyncio.to_thread(work), seconds)
    except TimeoutError:
        raise OverBudget(f"the planning could not be read within {seconds:g} seconds; send "
                         "it in parts (per group or per period)") from None


def member_inputs(body_members, loc_prefix) -> tuple[MemberInput, ...] | None:
    if body_members is None:
        return None
    return tuple(MemberInput(m.participant, m.joined_on, m.left_on,
                             (*loc_prefix, "members", i))
                 for i, m in enumerate(body_members))


def lesson_input(external_id: str, body: LessonIn, loc=()) -> LessonInput:
    return LessonInput(external_id=external_id, group=body.group, starts_at=body.start,
                       ends_at=body.end, kind=body.kind, level=body.level,
                       location=body.location, mode=body.mode, teacher=body.teacher,
                       cancelled=body.cancelled, loc=loc, join_url=body.join_url)


def planning(body: PlanningIn, tz: tzinfo) -> Planning:
    """What the checked body says, as ``bot.rooster.push`` takes it."""
    result = Planning(
        participants=[ParticipantInput(p.external_id, p.name, p.regime, p.route,
                                       p.klantmanager_id, p.status, ("participants", i))
                      for i, p in enumerate(body.participants)],
        groups=[GroupInput(g.external_id, g.name, g.kind, g.level, g.capacity, g.location,
                           member_inputs(g.members, ("groups", i)), ("groups", i))
                for i, g in enumerate(body.groups)],
        lessons=[lesson_input(one.external_id, one, ("lessons", i))
                 for i, one in enumerate(body.lessons)],
        holidays=[HolidayInput(h.external_id, h.name, h.starts_on, h.ends_on, h.group,
                               ("holidays", i)) for i, h in enumerate(body.holidays)])
    if body.cancel_missing is not None:
        window = body.cancel_missing
        result.cancel_missing = CancelMissing(
            at_local(window.start, time(0), tz), at_local(window.end, time(0), tz),
            frozenset(window.groups) if window.groups is not None else None)
    return result


async def read(body: bytes, tz: tzinfo, seconds: float | None = None,
               memory: int | None = None) -> Planning:
    """The planning in ``body``, read off the event loop; RequestValidationError (422) if
    wrong, OverBudget past ``seconds`` or (in a separate process) ``memory`` bytes."""
    if len(body) <= PROCESS_BYTES:
        return await off_loop(lambda: planning(parse(body), tz), seconds)
    seconds = PLANNING_SECONDS if seconds is None else seconds
    memory = PLANNING_MEMORY_BYTES if memory is None else memory
    deadline = asyncio.get_running_loop().time() + seconds
    receiver, sender = ics_worker.CONTEXT.Pipe(duplex=False)
    process = ics_worker.CONTEXT.Process(target=_child, args=(sender, body, tz, memory),
                                         daemon=True)
    await asyncio.to_thread(process.start)
    sender.close()
    try:
        answer = await _receive(receiver, deadline, seconds)
        if answer[0] == "invalid":
            raise RequestValidationError(answer[1])
        result, count = answer[1:] if answer[0] == "ok" else (None, 0)
        while result is not None and len(result.lessons) < count:
            part = await _receive(receiver, deadline, seconds)
            if isinstance(part, tuple):  # ("memory",) instead of the next part
                result = None
            else:
                result.lessons.extend(part)
        if result is None:
            raise OverBudget(f"the planning could not be read within {memory // 2 ** 20} MB of "
                             "memory; send it in parts (per group or per period)")
        return result
    finally:
        receiver.close()
        if process.is_alive():
            process.kill()
        await asyncio.to_thread(process.join)


async def _receive(receiver, deadline: float, seconds: float) -> Any:
    """The worker's next message (unpickled in a thread: a part takes a few milliseconds)."""
    left = deadline - asyncio.get_running_loop().time()
    if left <= 0 or not await asyncio.to_thread(receiver.poll, left):
        raise OverBudget(f"the planning could not be read within {seconds:g} seconds; send "
                         "it in parts (per group or per period)")
    try:
        return await asyncio.to_thread(receiver.recv)
    except EOFError:  # the worker died: out of memory while reading or handing back
        return ("memory",)


def _child(connection, body: bytes, tz: tzinfo, memory: int) -> None:
    """In the worker process: check and convert the body, and hand it back in parts."""
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    try:
        result = planning(parse(body), tz)
        lessons, result.lessons = result.lessons, []
        connection.send(("ok", result, len(lessons)))
        for start in range(0, len(lessons), LESSONS_PER_PART):
            connection.send(lessons[start:start + LESSONS_PER_PART])
    except RequestValidationError as exc:
        # Only what the 422 shows (bot.api.validation_response): every value is picklable.
        connection.send(("invalid", [
            {"loc": tuple(p if isinstance(p, (int, str)) else str(p) for p in e.get("loc", ())),
             "msg": str(e.get("msg", "")), "type": str(e.get("type", "value_error"))}
            for e in exc.errors()]))
    except MemoryError:
        connection.send(("memory",))
    finally:
        connection.close()
