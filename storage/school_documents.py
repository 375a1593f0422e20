"""A school's documents for its participants (issue 15; convenant art. 10.5, 10.9): each read is
scoped to one school, the caller's own or the participant's."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from storage.database import Database, Tx, from_db, to_db


@dataclass(frozen=True)
class DocumentInfo:
    kind: str
    size: int
    sha256: str
    uploaded_at: datetime


async def put_document(tx: Tx, school_id: int, kind: str, content: bytes, sha256: str,
                       now: datetime) -> bool:
    """Store or replace the school's document of this kind; True when it was new."""
    existed = await tx.fetchval("SELECT 1 FROM school_documents WHERE school_id = ? AND kind = ?",
                                (school_id, kind))
    await tx.execute(
        "INSERT INTO school_documents(school_id, kind, content, size, sha256, uploaded_at)"
        " VALUES (?,?,?,?,?,?) ON CONFLICT(school_id, kind) DO UPDATE SET"
        " content = excluded.content, size = excluded.size, sha256 = excluded.sha256,"
        " uploaded_at = excluded.uploaded_at",
        (school_id, kind, content, len(content), sha256, to_db(now)))
    return existed is None


async def documents_of(db: Database | Tx, school_id: int) -> list[DocumentInfo]:
    rows = await db.fetchall(
        "SELECT kind, size, sha256, uploaded_at FROM school_documents WHERE school_id = ?"
        " ORDER BY kind DESC", (school_id,))
    return [DocumentInfo(r["kind"], r["size"], r["sha256"], from_db(r["uploaded_at"]))
            for r in rows]


async def content_of(db: Database | Tx, school_id: int, kind: str) -> bytes | None:
    return await db.fetchval(
        "SELECT content FROM school_documents WHERE school_id = ? AND kind = ?",
        (school_id, kind))


async def delete_document(tx: Tx, school_id: int, kind: str) -> bool:
    return bool(await tx.changes(
        "DELETE FROM school_documents WHERE school_id = ? AND kind = ?", (school_id, kind)))
