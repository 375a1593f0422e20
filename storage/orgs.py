"""Gemeenten and schools, and their API keys (stored hashed; compared in constant time)."""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime

from storage.database import Database, Tx, to_db
from storage.people import hash_secret


def new_api_key(prefix: str) -> str:
    return f"{prefix}_{secrets.token_urlsafe(32)}"


@dataclass(frozen=True)
class School:
    id: int
    name: str
    convenant_status: str
    keurmerk_valid_until: str | None
    locations: str
    auto_issue_uren: bool
    keurmerk_status: str = "valid"


SCHOOL_COLUMNS = ("id, name, convenant_status, keurmerk_valid_until, locations, auto_issue_uren,"
                  " keurmerk_status")


def _school(row) -> School:
    return School(row["id"], row["name"], row["convenant_status"], row["keurmerk_valid_until"],
                  row["locations"], bool(row["auto_issue_uren"]), row["keurmerk_status"])


async def add_gemeente(tx: Tx, name: str, now: datetime) -> tuple[int, str]:
    key = new_api_key("gem")
    gemeente_id = await tx.execute(
        "INSERT INTO gemeenten(name, api_key_hash, created_at) VALUES (?,?,?)",
        (name, hash_secret(key), to_db(now)))
    return gemeente_id, key


async def add_school(tx: Tx, name: str, now: datetime, locations: str = "",
                     keurmerk_valid_until: str | None = None) -> tuple[int, str]:
    key = new_api_key("sch")
    school_id = await tx.execute(
        "INSERT INTO schools(name, api_key_hash, locations, keurmerk_valid_until, created_at)"
        " VALUES (?,?,?,?,?)",
        (name, hash_secret(key), locations, keurmerk_valid_until, to_db(now)))
    return school_id, key


async def get_school(db: Database | Tx, school_id: int) -> School | None:
    row = await db.fetchone(f"SELECT {SCHOOL_COLUMNS} FROM schools WHERE id = ?", (school_id,))
    return _school(row) if row else None


async def list_schools(db: Database | Tx) -> list[School]:
    return [_school(row) for row in
            await db.fetchall(f"SELECT {SCHOOL_COLUMNS} FROM schools ORDER BY name")]


async def _by_key(db: Database | Tx, table: str, key: str) -> int | None:
    """Find the owner of an API key; the hash lookup is followed by a constant-time comparison."""
    digest = hash_secret(key)
    row = await db.fetchone(f"SELECT id, api_key_hash FROM {table} WHERE api_key_hash = ?",
                            (digest,))
    if row is None or not hmac.compare_digest(row["api_key_hash"], digest):
        return None
    return row["id"]


async def school_for_key(db: Database | Tx, key: str) -> int | None:
    return await _by_key(db, "schools", key)


async def gemeente_for_key(db: Database | Tx, key: str) -> int | None:
    return await _by_key(db, "gemeenten", key)


async def get_meta(db: Database | Tx, key: str) -> str | None:
    return await db.fetchval("SELECT value FROM meta WHERE key = ?", (key,))


async def set_meta(db: Database | Tx, key: str, value: str) -> None:
    await db.execute("INSERT INTO meta(key, value) VALUES (?, ?) "
                     "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))


# --- lookups by name and id (admin CLI, overstap) --------------------------------------------


async def gemeente_named(db: Database | Tx, name: str) -> int | None:
    return await db.fetchval("SELECT id FROM gemeenten WHERE name = ?", (name,))


async def school_named(db: Database | Tx, name: str) -> int | None:
    """The school with exactly this name, if any."""
    return await db.fetchval("SELECT id FROM schools WHERE name = ?", (name,))


async def gemeente_name(db: Database | Tx, gemeente_id: int) -> str | None:
    return await db.fetchval("SELECT name FROM gemeenten WHERE id = ?", (gemeente_id,))
