"""The two storage engines behind ``storage.database.Database``: SQLite (aiosqlite, the embedded
default, in storage/database.py) and PostgreSQL (asyncpg, ``postgres.py``) with the SQL dialect
differences translated in one place (``dialect.py``)."""


def is_url(target: object) -> bool:
    """True when the configured database is a PostgreSQL URL rather than an SQLite file."""
    return str(target).startswith(("postgresql://", "postgres://"))
