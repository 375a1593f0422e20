"""Reading a school's whole planning off the event loop (issue 12).

A planning may hold 50,000 lessons: checking such a body against ``PlanningIn`` takes seconds of
CPU, and done by FastAPI it would run on the event loop, stalling every school's API, /health and
every Telegram reply meanwhile. ``POST /api/v1/planning`` therefore takes the raw body and reads it
here, in a worker thread, within ``PLANNING_SECONDS``; the route still documents ``PlanningIn`` as
its body (``SCHEMA``) and answers a wrong field with the same 422 as every other route.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any, TypeVar

from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError

from bot.api.rooster_models import PlanningIn

T = TypeVar("T")
PLANNING_SECONDS = 60.0


class OverBudget(Exception):
    """The planning could not be read within its time budget."""


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
