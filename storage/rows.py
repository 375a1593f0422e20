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


def id_table(db: Db, param: str = "?") -> str:
    """A table with one column ``value``: the ids of a JSON list given as ``param``. One
    parameter for any number of ids; each engine reads JSON in its own functions."""
    if db.dialect == "postgresql":
        return (f"(SELECT CAST(value AS bigint) AS value"
                f" FROM jsonb_array_elements_text(CAST({param} AS jsonb)) AS e(value))")
    return f"(SELECT value FROM json_each({param}))"


def text_table(db: Db, param: str = "?") -> str:
    """A table with one column ``value``: the texts of a JSON list given as ``param``."""
    if db.dialect == "postgresql":
        return f"(SELECT value FROM jsonb_array_elements_text(CAST({param} AS jsonb)) AS e(value))"
    return f"(SELECT value FROM json_each({param}))"


def json_text(db: Db, column: str, key: str) -> str:
    """The member ``key`` of the JSON object in text column ``column``, as text (a number reads
    as its digits, compared with a text parameter on either engine)."""
    if not key.isidentifier():
        raise ValueError(f"not a JSON member name: {key!r}")
    if db.dialect == "postgresql":
        return f"(CAST({column} AS jsonb) ->> '{key}')"
    return f"CAST(json_extract({column}, '$.{key}') AS TEXT)"


def pair_table(db: Db, param: str) -> str:
    """A table (person_id, since) from a JSON list of [person id, text] pairs in ``param``."""
    if db.dialect == "postgresql":
        return (f"(SELECT CAST(value->>0 AS bigint) AS person_id, value->>1 AS since"
                f" FROM jsonb_array_elements(CAST({param} AS jsonb)) AS e(value))")
    return (f"(SELECT json_extract(value, '$[0]') AS person_id,"
            f" json_extract(value, '$[1]') AS since FROM json_each({param}))")
