"""Helpers the rooster's storage modules share: ``IN (...)`` lists cut into chunks that stay well
below SQLite's limit of host parameters, and the ISO text of date columns read back as dates. No
rule of its own; the queries using them live in the aggregate modules beside this one."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from storage.database import Database, Tx

Db = Database | Tx
# SQLite allows 32,766 host parameters; stay well below for IN (...) lists.
CHUNK = 900


def chunks(items: Sequence, size: int = CHUNK) -> Iterable[Sequence]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def marks(n: int) -> str:
    return ",".join("?" * n)


def parse_day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None
