"""SQLite's SQL as PostgreSQL speaks it: the one place the dialect differences live.

Queries in storage/*.py are written once, in the SQL both engines share; what differs is
rewritten here for PostgreSQL:

- placeholders: ``?`` and ``:name`` become ``$1, $2, ...`` (string literals left alone);
- migrations: ``id INTEGER PRIMARY KEY`` (SQLite's rowid alias) becomes an identity column,
  ``INTEGER`` becomes ``BIGINT`` (Telegram ids exceed 32 bits), ``BLOB`` becomes ``BYTEA``, and
  the few statements with no common spelling (a trigger) are given per dialect in ``PG_STATEMENTS``;
- ``INSERT OR IGNORE`` becomes ``INSERT ... ON CONFLICT DO NOTHING`` and ``group_concat(x)``
  becomes ``string_agg(x, ',')``.

Queries that need a different shape (JSON lists of ids) ask ``storage.rows`` for a fragment per
dialect instead of being rewritten here.
"""

from __future__ import annotations

import re

# Statements of old migrations with no spelling both engines accept, by (migration, first words).
PG_STATEMENTS = {
    ("040_attendance.sql", "CREATE TRIGGER attendance_follows_lesson_time"): [
        "CREATE FUNCTION attendance_follows_lesson_time() RETURNS trigger LANGUAGE plpgsql AS $$"
        " BEGIN UPDATE attendance SET lesson_starts_at = NEW.starts_at WHERE lesson_id = NEW.id;"
        " RETURN NEW; END $$",
        "CREATE TRIGGER attendance_follows_lesson_time AFTER UPDATE OF starts_at ON lessons"
        " FOR EACH ROW EXECUTE FUNCTION attendance_follows_lesson_time()",
    ],
    # SQLite edits the CHECK of overstap_requests.state in place; PostgreSQL replaces it.
    ("109_overstap_conversation_held.sql", "PRAGMA writable_schema = ON"): [],
    ("109_overstap_conversation_held.sql", "PRAGMA writable_schema = RESET"): [],
    ("109_overstap_conversation_held.sql", "UPDATE sqlite_master"): [
        "ALTER TABLE overstap_requests DROP CONSTRAINT overstap_requests_state_check",
        "ALTER TABLE overstap_requests ADD CONSTRAINT overstap_requests_state_check CHECK (state IN"
        " ('requested', 'advised_otherwise', 'approved', 'conversation_proposed',"
        " 'conversation_accepted', 'conversation_held', 'consent_given', 'handed_over',"
        " 'completed', 'declined', 'withdrawn'))",
    ],
    ("110_gemeente_schools.sql", "INSERT OR IGNORE INTO gemeente_schools"): [
        "INSERT INTO gemeente_schools(gemeente_id, school_id, since)"
        " SELECT DISTINCT k.gemeente_id, p.school_id,"
        " to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"
        " FROM people p JOIN people k ON k.id = p.klantmanager_id"
        " WHERE p.school_id IS NOT NULL AND k.gemeente_id IS NOT NULL ON CONFLICT DO NOTHING",
    ],
    ("070_secrets.sql", "UPDATE outbox"): [
        "UPDATE outbox SET params = (CAST(params AS jsonb)"
        " - ARRAY['description', 'reason', 'question', 'answer', 'text'])::text"
        " WHERE message_key IN ('klacht.new', 'klacht.km_signal', 'klacht.refused',"
        " 'klacht.closed', 'klacht.question', 'klacht.answer')",
    ],
}

_TOKENS = re.compile(r"'(?:[^']|'')*'|\"[^\"]*\"|--[^\n]*|::|\?|:[A-Za-z_]\w*|\$\$.*?\$\$",
                     re.DOTALL)


def placeholders(sql: str) -> tuple[str, list[str] | None]:
    """``sql`` with ``$n`` placeholders, and the parameter names in order for ``:name`` style
    (None for ``?`` style)."""
    names: list[str] = []
    count = 0

    def swap(match: re.Match) -> str:
        nonlocal count
        token = match.group(0)
        if token == "?":
            count += 1
            return f"${count}"
        if token.startswith(":") and token != "::":
            name = token[1:]
            if name not in names:
                names.append(name)
            return f"${names.index(name) + 1}"
        return token

    text = _TOKENS.sub(swap, sql)
    if count and names:
        raise ValueError("a statement mixes ? and :name placeholders")
    return text, (names if names else None)


_INDEXED_BY = re.compile(r"\s+INDEXED\s+BY\s+\w+", re.IGNORECASE)
_INSERT_OR_IGNORE = re.compile(r"^\s*INSERT\s+OR\s+IGNORE\s+INTO", re.IGNORECASE)
_GROUP_CONCAT = re.compile(r"group_concat\(((?:[^()]|\([^()]*\))*)\)", re.IGNORECASE)


_IS_NOT = re.compile(r"\bIS\s+NOT\s+(?!NULL\b|TRUE\b|FALSE\b|DISTINCT\b)", re.IGNORECASE)
_IS = re.compile(r"\bIS\s+(?!NOT\b|NULL\b|TRUE\b|FALSE\b|DISTINCT\b)", re.IGNORECASE)
_BLOB_LITERAL = re.compile(r"\bX'([0-9A-Fa-f]*)'")


def query(sql: str) -> str:
    """A storage query in PostgreSQL's spelling (placeholders are done by ``placeholders``):
    SQLite's null-safe ``a IS b`` / ``a IS NOT b`` become ``IS [NOT] DISTINCT FROM``, blob
    literals ``X'..'`` become ``decode('..', 'hex')``, and the rewrites listed above."""
    if " IS " in sql.upper():
        sql = _IS.sub("IS NOT DISTINCT FROM ", _IS_NOT.sub("IS DISTINCT FROM ", sql))
    if "X'" in sql:
        sql = _BLOB_LITERAL.sub(lambda m: f"decode('{m.group(1)}', 'hex')", sql)
    if _INSERT_OR_IGNORE.match(sql):
        sql = _INSERT_OR_IGNORE.sub("INSERT INTO", sql, count=1).rstrip().rstrip(";")
        sql += " ON CONFLICT DO NOTHING"
    if "INDEXED BY" in sql.upper():  # SQLite's index hint; PostgreSQL's planner picks its own
        sql = _INDEXED_BY.sub("", sql)
    if "group_concat" in sql.lower():
        sql = _GROUP_CONCAT.sub(lambda m: f"string_agg({m.group(1)}, ',')", sql)
    return sql


_ID_KEY = re.compile(r"\bid\s+INTEGER\s+PRIMARY\s+KEY\b", re.IGNORECASE)
_INTEGER = re.compile(r"\bINTEGER\b", re.IGNORECASE)
_BLOB = re.compile(r"\bBLOB\b", re.IGNORECASE)


def ddl(migration: str, statement: str) -> list[str]:
    """One migration statement as the PostgreSQL statements that make the same schema."""
    for (name, start), replacement in PG_STATEMENTS.items():
        if name == migration and statement.startswith(start):
            return replacement
    text = _ID_KEY.sub("id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", statement)
    text = _INTEGER.sub("BIGINT", text)
    return [_BLOB.sub("BYTEA", text)]
