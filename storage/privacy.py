"""Privacy (issue 13; BoW 1.4.3-1.4.5, convenant art. 12.3 and 12.7): the notice texts set by
schools and gemeenten, who went on from which notice, the audit trail of who read whose data,
and the counts the retention sweep removed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from storage.database import Database, Tx, from_db, to_db

Db = Database | Tx


# ---- notices -------------------------------------------------------------------------------

async def set_notice(db: Database, scope: str, scope_id: int, audience: str, language: str,
                     text: str, now: datetime) -> int:
    """Set one language's text of a scope's notice; every text of that scope and audience moves
    to the next version (so everyone reads it again once). Returns the new version."""
    async with db.transaction() as tx:
        current = await tx.fetchval(
            "SELECT MAX(version) FROM privacy_notices WHERE scope = ? AND scope_id = ?"
            " AND audience = ?", (scope, scope_id, audience)) or 0
        version = current + 1
        await tx.execute(
            "INSERT INTO privacy_notices(scope, scope_id, audience, language, text, version,"
            " updated_at) VALUES (?,?,?,?,?,?,?) ON CONFLICT(scope, scope_id, audience, language)"
            " DO UPDATE SET text = excluded.text, version = excluded.version,"
            " updated_at = excluded.updated_at",
            (scope, scope_id, audience, language, text, version, to_db(now)))
        await tx.execute(
            "UPDATE privacy_notices SET version = ? WHERE scope = ? AND scope_id = ?"
            " AND audience = ?", (version, scope, scope_id, audience))
        return version


@dataclass(frozen=True)
class ScopeNotice:
    scope: str
    scope_id: int
    version: int
    texts: dict[str, str]


async def scope_notice(db: Db, scope: str, scope_id: int | None,
                       audience: str) -> ScopeNotice | None:
    """The notice a school or gemeente set for an audience, all its languages; None if unset."""
    if scope_id is None:
        return None
    rows = await db.fetchall(
        "SELECT language, text, version FROM privacy_notices WHERE scope = ? AND scope_id = ?"
        " AND audience = ?", (scope, scope_id, audience))
    if not rows:
        return None
    return ScopeNotice(scope, scope_id, max(row["version"] for row in rows),
                       {row["language"]: row["text"] for row in rows})


async def gemeente_of(db: Db, person_id: int) -> int | None:
    """A person's gemeente: their own, or their klantmanager's."""
    return await db.fetchval(
        "SELECT COALESCE(p.gemeente_id, k.gemeente_id) FROM people p"
        " LEFT JOIN people k ON k.id = p.klantmanager_id WHERE p.id = ?", (person_id,))


async def acknowledged(db: Db, person_id: int) -> str | None:
    return await db.fetchval(
        "SELECT notice_key FROM privacy_acknowledgements WHERE person_id = ?", (person_id,))


async def acknowledge(db: Database, person_id: int, notice_key: str, now: datetime) -> None:
    await db.execute(
        "INSERT INTO privacy_acknowledgements(person_id, notice_key, read_at) VALUES (?,?,?)"
        " ON CONFLICT(person_id) DO UPDATE SET notice_key = excluded.notice_key,"
        " read_at = excluded.read_at", (person_id, notice_key, to_db(now)))


# ---- health reasons in chat ----------------------------------------------------------------

async def set_health_reason_in_chat(db: Database, gemeente_id: int, allowed: bool) -> int:
    return await db.execute("UPDATE gemeenten SET health_reason_in_chat = ? WHERE id = ?",
                            (int(allowed), gemeente_id))


async def klantmanagers_told_health(db: Db, klantmanager_ids: set[int]) -> set[int]:
    """The klantmanagers whose gemeente allowed naming a health reason in chat."""
    if not klantmanager_ids:
        return set()
    marks = ",".join("?" * len(klantmanager_ids))
    rows = await db.fetchall(
        "SELECT p.id FROM people p JOIN gemeenten g ON g.id = p.gemeente_id"
        f" WHERE g.health_reason_in_chat = 1 AND p.id IN ({marks})", tuple(klantmanager_ids))
    return {row["id"] for row in rows}


# ---- audit trail ---------------------------------------------------------------------------

async def audit(db: Db, actor_id: int | None, actor: str, subject_ids: list[int], what: str,
                now: datetime) -> None:
    """Record that ``actor`` read ``what`` about each subject (``what`` is a code, no content)."""
    rows = [(to_db(now), actor_id, actor, subject, what) for subject in subject_ids]
    if isinstance(db, Tx):
        await db.executemany("INSERT INTO privacy_audit(at, actor_id, actor, subject_id, what)"
                             " VALUES (?,?,?,?,?)", rows)
        return
    async with db.transaction() as tx:
        await tx.executemany("INSERT INTO privacy_audit(at, actor_id, actor, subject_id, what)"
                             " VALUES (?,?,?,?,?)", rows)


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    actor_id: int | None
    actor: str
    actor_name: str | None
    actor_role: str | None
    subject_id: int | None
    what: str


async def audit_entries(db: Db, subject_id: int | None = None, actor_id: int | None = None,
                        limit: int = 200, school_id: int | None = None,
                        gemeente_id: int | None = None) -> list[AuditEntry]:
    """Audit entries, newest first, for one subject or actor or all; with ``school_id`` or
    ``gemeente_id`` only about that school's participants or that gemeente's caseloads."""
    where, params = [], []
    if school_id is not None:
        where.append("a.subject_id IN (SELECT id FROM people WHERE school_id = ?)")
        params.append(school_id)
    if gemeente_id is not None:
        where.append("a.subject_id IN (SELECT s.id FROM people s JOIN people k"
                     " ON k.id = s.klantmanager_id WHERE k.gemeente_id = ?)")
        params.append(gemeente_id)
    if subject_id is not None:
        where.append("a.subject_id = ?")
        params.append(subject_id)
    if actor_id is not None:
        where.append("a.actor_id = ?")
        params.append(actor_id)
    clause = ("WHERE " + " AND ".join(where)) if where else ""
    rows = await db.fetchall(
        "SELECT a.at, a.actor_id, a.actor, p.name, p.role, a.subject_id, a.what"
        f" FROM privacy_audit a LEFT JOIN people p ON p.id = a.actor_id {clause}"
        " ORDER BY a.at DESC, a.id DESC LIMIT ?", (*params, limit))
    return [AuditEntry(from_db(row["at"]), row["actor_id"], row["actor"], row[3], row[4],
                       row["subject_id"], row["what"]) for row in rows]


# ---- retention -----------------------------------------------------------------------------

async def delete_older(tx: Tx, kind: str, before: datetime) -> int:
    """Delete the rows of one kind whose time is before ``before``; returns how many (of the
    kind's main table; dependent rows go first)."""
    removed = 0
    for sql in RETENTION_DELETES[kind]:
        removed = await tx.changes(sql, (to_db(before),))
    return removed


# Per kind, the statements that remove what is past its time (the last one counts).
RETENTION_DELETES: dict[str, tuple[str, ...]] = {
    "drafts": ("DELETE FROM klacht_drafts WHERE updated_at < ?",),
    "outbox": ("DELETE FROM outbox WHERE state IN ('sent', 'failed', 'unreachable')"
               " AND COALESCE(sent_at, failed_at, created_at) < ?",),
    "link_codes": ("DELETE FROM link_codes WHERE COALESCE(used_at, expires_at) < ?",),
    "link_failures": ("DELETE FROM link_failures WHERE at < ?",),
    "alerts": ("DELETE FROM verzuim_alerts WHERE closed_at IS NOT NULL AND closed_at < ?",),
    "audit": ("DELETE FROM privacy_audit WHERE at < ?",),
    "attendance": ("DELETE FROM attendance_history WHERE attendance_id IN"
                   " (SELECT id FROM attendance WHERE lesson_starts_at < ?)",
                   "DELETE FROM attendance WHERE lesson_starts_at < ?"),
    "absence_reports": ("DELETE FROM absence_reports WHERE reported_at < ?",),
    "trajectory": ("DELETE FROM gemeente_notes WHERE recorded_at < ?",
                   "DELETE FROM trajectory_records WHERE recorded_at < ?"),
    "contact_attempts": ("DELETE FROM contact_attempts WHERE recorded_at < ?",),
    "invoices": ("DELETE FROM invoice_lessons WHERE invoice_id IN"
                 " (SELECT id FROM invoices WHERE created_at < ?)",
                 "DELETE FROM invoices WHERE created_at < ?"),
    "survey_answers": ("DELETE FROM gemeente_survey_answers WHERE answered_at < ?",),
}


async def klachten_periods(db: Db) -> list[tuple[int, int | None]]:
    """Each school with the months it keeps its klachten register (None: the default)."""
    rows = await db.fetchall("SELECT id, klachten_retention_months FROM schools ORDER BY id")
    return [(row["id"], row["klachten_retention_months"]) for row in rows]


async def set_klachten_period(db: Database, school_id: int, months: int | None) -> None:
    await db.execute("UPDATE schools SET klachten_retention_months = ? WHERE id = ?",
                     (months, school_id))


# A klacht leaves the register this long after it ended: closed or refused (handled_at), or a
# signal passed to the klantmanager (received_at). Its files, steps, questions and the other
# rows that hang on it go first.
KLACHT_ENDED = ("SELECT id FROM klachten WHERE school_id = ? AND state IN ('closed', 'refused',"
                " 'signalled') AND COALESCE(handled_at, received_at) < ?")
KLACHT_DELETES = tuple(
    f"DELETE FROM {table} WHERE klacht_id IN ({KLACHT_ENDED})"
    for table in ("klacht_attachments", "klacht_involved", "klacht_events", "klacht_notices",
                  "klacht_questions")) + (
    # A disputed invoice (kept with the attendance) outlives the klacht its dispute opened.
    f"UPDATE invoices SET klacht_id = NULL WHERE klacht_id IN ({KLACHT_ENDED})",
    f"DELETE FROM klachten WHERE id IN ({KLACHT_ENDED})")


async def delete_klachten(tx: Tx, school_id: int, before: datetime) -> int:
    """Remove a school's klachten that ended before ``before``; returns how many klachten."""
    removed = 0
    for sql in KLACHT_DELETES:
        removed = await tx.changes(sql, (school_id, to_db(before)))
    return removed


async def log_removed(tx: Tx, kind: str, day: str, removed: int) -> None:
    if removed:
        await tx.execute(
            "INSERT INTO privacy_retention_log(kind, day, removed) VALUES (?,?,?)"
            " ON CONFLICT(kind, day) DO UPDATE"
            " SET removed = privacy_retention_log.removed + excluded.removed",
            (kind, day, removed))


async def removed_counts(db: Db, since_day: str | None = None) -> dict[str, int]:
    rows = await db.fetchall(
        "SELECT kind, SUM(removed) AS n FROM privacy_retention_log WHERE day >= ?"
        " GROUP BY kind ORDER BY kind", (since_day or "",))
    return {row["kind"]: row["n"] for row in rows}


async def held_counts(db: Db) -> dict[str, int]:
    """How many rows of each kind are held now (for the retention report)."""
    return {kind: await db.fetchval(sql) for kind, sql in HELD.items()}


HELD = {
    "drafts": "SELECT COUNT(*) FROM klacht_drafts",
    "outbox": "SELECT COUNT(*) FROM outbox",
    "link_codes": "SELECT COUNT(*) FROM link_codes",
    "link_failures": "SELECT COUNT(*) FROM link_failures",
    "alerts": "SELECT COUNT(*) FROM verzuim_alerts",
    "audit": "SELECT COUNT(*) FROM privacy_audit",
    "attendance": "SELECT COUNT(*) FROM attendance",
    "absence_reports": "SELECT COUNT(*) FROM absence_reports",
    "trajectory": "SELECT COUNT(*) FROM trajectory_records",
    "contact_attempts": "SELECT COUNT(*) FROM contact_attempts",
    "invoices": "SELECT COUNT(*) FROM invoices",
    "survey_answers": "SELECT COUNT(*) FROM gemeente_survey_answers",
    "klachten": "SELECT COUNT(*) FROM klachten",
}
