"""The Bot API of the sandbox: a method name, as Telegram matches it, to its handler.

The handlers live in :mod:`bot.sandbox.methods`, one module per family; importing that package
registers them all in :data:`METHODS`.
"""

from __future__ import annotations

from .methods import CANONICAL, METHODS, Handler

__all__ = ["METHODS", "Handler", "canonical_name", "find_method"]


def find_method(name: str) -> Handler | None:
    """The handler of a method name, as Telegram matches them (case-insensitive)."""
    return METHODS.get(name.lower())


def canonical_name(name: str) -> str:
    """The documented spelling of a method name (``sendmessage`` -> ``sendMessage``)."""
    return CANONICAL.get(name.lower(), name)
