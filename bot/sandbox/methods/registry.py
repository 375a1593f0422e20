"""Where the sandbox's Bot API method handlers register under their Bot API names.

Every family module of :mod:`bot.sandbox.methods` decorates its handlers with :func:`method`;
:mod:`bot.sandbox.botapi` looks them up by name.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from ..params import Params
from ..state import SandboxState

Handler = Callable[[SandboxState, Params], Awaitable[Any]]
METHODS: dict[str, Handler] = {}
CANONICAL: dict[str, str] = {}


def method(*names: str) -> Callable[[Handler], Handler]:
    """Register a handler under one or more Bot API method names (case-insensitive)."""

    def register(handler: Handler) -> Handler:
        for name in names:
            METHODS[name.lower()] = handler
            CANONICAL[name.lower()] = name
        return handler

    return register
