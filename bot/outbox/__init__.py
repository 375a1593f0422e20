"""The durable outbox (issue 3): notifications are rows written in the same transaction as the
event that causes them, and rendered at send time in the recipient's current language.

Features enqueue with ``enqueue(tx, ...)`` and register how a message key renders with
``@renders("feature.key")``; the dispatcher (``bot.outbox.dispatcher``) sends due rows. Tests wait
for delivery with ``await services.outbox.drain()`` (see the dispatcher's docstring).
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from telegram import InlineKeyboardMarkup

from bot.i18n import Translator
from storage import outbox as store
from storage.database import Database, Tx, to_db

PRIORITY_INTERACTIVE = 0
PRIORITY_HIGH = 3
PRIORITY_NORMAL = 5
PRIORITY_BULK = 8


@dataclass(frozen=True)
class Rendered:
    """A message as the recipient will read it."""

    text: str
    buttons: InlineKeyboardMarkup | None = None


Renderer = Callable[[Translator, dict], Rendered | str]
RENDERERS: dict[str, Renderer] = {}
# Wake-up hints for running dispatchers (a missed hint only costs the next periodic poll). The
# dispatcher reads the database under the same lock as the enqueuing transaction, so it sees the
# row once that transaction has committed.
_LISTENERS: list[Callable[[], None]] = []


def add_listener(wake: Callable[[], None]) -> None:
    """Call ``wake()`` whenever a row is enqueued (the dispatcher registers itself)."""
    _LISTENERS.append(wake)


def remove_listener(wake: Callable[[], None]) -> None:
    if wake in _LISTENERS:
        _LISTENERS.remove(wake)


def renders(message_key: str) -> Callable[[Renderer], Renderer]:
    """Register how a message key becomes text (and optional buttons) in one language."""

    def decorate(fn: Renderer) -> Renderer:
        RENDERERS[message_key] = fn
        return fn

    return decorate


Loader = Callable[[Database, dict], Awaitable[dict]]
LOADERS: dict[str, Loader] = {}


def loads(*message_keys: str) -> Callable[[Loader], Loader]:
    """Register how the params of these message keys are completed from the database at send
    time: a feature keeps free text (a klacht's description) in its own tables, not in the
    outbox row, and the loader reads it from there just before rendering."""

    def decorate(fn: Loader) -> Loader:
        for key in message_keys:
            LOADERS[key] = fn
        return fn

    return decorate


async def load(db: Database, message_key: str, params: dict) -> dict:
    loader = LOADERS.get(message_key)
    return await loader(db, dict(params)) if loader is not None else params


def render(message_key: str, tr: Translator, params: dict) -> Rendered:
    result = RENDERERS[message_key](tr, params)
    return Rendered(result) if isinstance(result, str) else result


async def enqueue(tx: Tx, *, message_key: str, params: dict, now: datetime,
                  person_id: int | None = None, chat_id: int | None = None,
                  audience: str = "participant", priority: int = PRIORITY_NORMAL,
                  urgent: bool = False, dedupe_key: str | None = None,
                  not_before: datetime | None = None,
                  concerns_lesson_at: datetime | None = None) -> int | None:
    """Add one notification; returns its id, or None when the dedupe key was already used.

    ``not_before`` is when it may go out at the earliest (quiet hours are applied on top by the
    dispatcher's policy; ``concerns_lesson_at`` lets a message about a lesson within 12 hours
    through quiet hours); ``params`` must be JSON-serialisable (datetimes as ISO strings).
    """
    if message_key not in RENDERERS:
        raise KeyError(f"no renderer registered for {message_key!r}")
    row_id = await store.insert(
        tx, (person_id, chat_id, audience, message_key, json.dumps(params, default=str), priority,
             int(urgent), dedupe_key, to_db(now), to_db(not_before or now),
             to_db(concerns_lesson_at) if concerns_lesson_at else None))
    changed = row_id is not None
    if changed:
        for wake in list(_LISTENERS):
            wake()
    return row_id


@dataclass(frozen=True)
class Notice:
    """One notification for ``enqueue_many``: the keywords of ``enqueue``."""

    message_key: str
    params: dict
    person_id: int | None = None
    chat_id: int | None = None
    audience: str = "participant"
    priority: int = PRIORITY_NORMAL
    urgent: bool = False
    dedupe_key: str | None = None
    not_before: datetime | None = None
    concerns_lesson_at: datetime | None = None


async def enqueue_many(tx: Tx, notices: Iterable[Notice], now: datetime) -> int:
    """``enqueue`` for many rows with one ``executemany`` (a school's push can notify thousands
    of participants at once); returns how many rows were added (used dedupe keys are skipped)."""
    rows = []
    for n in notices:
        if n.message_key not in RENDERERS:
            raise KeyError(f"no renderer registered for {n.message_key!r}")
        rows.append((n.person_id, n.chat_id, n.audience, n.message_key,
                     json.dumps(n.params, default=str), n.priority, int(n.urgent), n.dedupe_key,
                     to_db(now), to_db(n.not_before or now),
                     to_db(n.concerns_lesson_at) if n.concerns_lesson_at else None))
    if not rows:
        return 0
    added = await store.insert_many(tx, rows)
    if added:
        for wake in list(_LISTENERS):
            wake()
    return added
