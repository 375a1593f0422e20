"""The durable outbox (issue 3): notifications are rows written in the same transaction as the
event that causes them, and rendered at send time in the recipient's current language.

Every row has an urgency (``bot.rules.urgency``, decided by the feature that knows what the
message is about): urgent and timed rows go before bulk rows (see the dispatcher). A feature whose
later message carries the final state of an earlier one still unsent folds the earlier into it
with ``unsent`` and ``supersede`` (the rooster does: one message per participant, not "moved"
followed by "cancelled").

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
from bot.rules.urgency import BULK, URGENCIES
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
                  concerns_lesson_at: datetime | None = None,
                  urgency: str = BULK) -> int | None:
    """Add one notification; returns its id, or None when the dedupe key was already used.

    ``not_before`` is when it may go out at the earliest (quiet hours are applied on top by the
    dispatcher's policy; ``concerns_lesson_at`` lets a message about a lesson within 12 hours
    through quiet hours); ``params`` must be JSON-serialisable (datetimes as ISO strings).
    ``urgency`` is the lane (``bot.rules.urgency``); ``urgent`` lets a staff alert through working
    hours.
    """
    if message_key not in RENDERERS:
        raise KeyError(f"no renderer registered for {message_key!r}")
    _check(urgency)
    row_id = await store.insert(
        tx, (person_id, chat_id, audience, message_key, json.dumps(params, default=str), priority,
             int(urgent), dedupe_key, to_db(now), to_db(not_before or now),
             to_db(concerns_lesson_at) if concerns_lesson_at else None, urgency))
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
    urgency: str = BULK


def _check(urgency: str) -> None:
    if urgency not in URGENCIES:
        raise ValueError(f"urgency must be one of {URGENCIES}, not {urgency!r}")


async def enqueue_many(tx: Tx, notices: Iterable[Notice], now: datetime) -> int:
    """``enqueue`` for many rows with one ``executemany`` (a school's push can notify thousands
    of participants at once); returns how many rows were added (used dedupe keys are skipped)."""
    rows = []
    for n in notices:
        if n.message_key not in RENDERERS:
            raise KeyError(f"no renderer registered for {n.message_key!r}")
        _check(n.urgency)
        rows.append((n.person_id, n.chat_id, n.audience, n.message_key,
                     json.dumps(n.params, default=str), n.priority, int(n.urgent), n.dedupe_key,
                     to_db(now), to_db(n.not_before or now),
                     to_db(n.concerns_lesson_at) if n.concerns_lesson_at else None, n.urgency))
    if not rows:
        return 0
    added = await store.insert_many(tx, rows)
    if added:
        for wake in list(_LISTENERS):
            wake()
    return added


@dataclass(frozen=True)
class Unsent:
    """A row not yet claimed for sending: a later message may still carry its content."""

    id: int
    person_id: int
    params: dict


async def unsent(tx: Tx, message_key: str, person_ids: Iterable[int]) -> dict[int, list[Unsent]]:
    """Per person, their rows of this kind not yet claimed for sending, oldest first."""
    found: dict[int, list[Unsent]] = {}
    people = list(person_ids)
    for start in range(0, len(people), 500):
        for row in await store.unsent(tx, message_key, people[start:start + 500]):
            found.setdefault(row["person_id"], []).append(
                Unsent(row["id"], row["person_id"], json.loads(row["params"] or "{}")))
    return found


async def supersede(tx: Tx, rewrites: Iterable[tuple[int, Notice]], withdrawn: Iterable[int]
                    ) -> None:
    """Unsent rows take the content of a later notice (keeping their place in the queue, given
    their new urgency), and rows whose content went into another are withdrawn (never sent)."""
    rows = []
    for row_id, n in rewrites:
        _check(n.urgency)
        rows.append((json.dumps(n.params, default=str), n.urgency,
                     to_db(n.concerns_lesson_at) if n.concerns_lesson_at else None, row_id))
    if rows:
        await store.rewrite(tx, rows)
    await store.withdraw(tx, list(withdrawn))
    if rows:
        for wake in list(_LISTENERS):
            wake()


async def withdraw_unsent(tx: Tx, message_key: str, param: str, values: Iterable,
                          person_id: int | None = None) -> int:
    """Unsent rows of this kind whose parameter ``param`` is one of ``values`` (and, when given,
    to this person) are withdrawn: a later fact made them wrong, and nothing is sent."""
    return await store.withdraw_matching(tx, message_key, param, list(values), person_id)
