"""The outbox table as the dispatcher and the admin see it (issue 3): admitting new rows, claiming
due rows one per chat, recording the outcome, unreachable chats, retention, and counts.

Row states: ``pending`` (waiting for ``due_at``), ``sending`` (claimed; a request may be in
flight), ``sent``, ``failed`` (given up, with the reason in ``last_error``) and ``unreachable``
(the chat blocked the bot or the account is gone). At start-up rows left ``sending`` by a crash go
back to ``pending``: only a message whose request was in flight at that moment can arrive twice.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta

from storage.database import Database, Row, Tx, from_db, to_db
from storage.rows import json_text

FINAL_STATES = ("sent", "failed", "unreachable")
STATES = ("pending", "sending", *FINAL_STATES)


@dataclass(frozen=True)
class Claimed:
    """A row the dispatcher is about to deliver, with where and in which language."""

    id: int
    person_id: int | None
    chat_id: int | None  # the chat to send to (the row's own, or the person's link)
    audience: str
    message_key: str
    params: dict
    priority: int
    urgent: bool  # for staff: may go outside working hours
    urgency: str  # bot.rules.urgency: 'urgent', 'timed' or 'bulk' (the lane it is sent in)
    created_at: datetime
    not_before: datetime
    lesson_at: datetime | None
    attempts: int
    eligible_at: datetime
    language: str | None
    unreachable_since: datetime | None
    sent_parts: tuple[int, ...]

    @classmethod
    def from_row(cls, row: Row) -> Claimed:
        return cls(
            id=row["id"], person_id=row["person_id"], chat_id=row["target_chat"],
            audience=row["audience"], message_key=row["message_key"],
            params=json.loads(row["params"] or "{}"), priority=row["priority"],
            urgent=bool(row["urgent"]), urgency=row["urgency"],
            created_at=from_db(row["created_at"]),
            not_before=from_db(row["not_before"]), lesson_at=from_db(row["lesson_at"]),
            attempts=row["attempts"], eligible_at=from_db(row["eligible_at"] or row["not_before"]),
            language=row["language"], unreachable_since=from_db(row["unreachable_since"]),
            sent_parts=tuple(json.loads(row["telegram_message_ids"] or "[]")))


# -- admission -----------------------------------------------------------------------------------


async def unadmitted(tx: Tx, limit: int = 1000) -> list[Row]:
    """Pending rows the dispatcher has not yet given a due time."""
    return await tx.fetchall(
        "SELECT id, audience, urgent, created_at, not_before, lesson_at FROM outbox"
        " WHERE state = 'pending' AND due_at IS NULL ORDER BY id LIMIT ?", (limit,))


async def admit(tx: Tx, due: list[tuple[int, datetime]]) -> None:
    """Record when each row first may go (eligible_at = due_at)."""
    await tx.executemany("UPDATE outbox SET eligible_at = ?, due_at = ? WHERE id = ?",
                         [(to_db(at), to_db(at), row_id) for row_id, at in due])


# -- claiming ------------------------------------------------------------------------------------

# One row per recipient: its row in flight, else its first due row by lane (urgent, timed, bulk),
# priority and age. The recipient is the person (whose chat is looked up when claimed) or, for rows
# without a person, the chat; both kinds to one chat can be in flight together, and the rate
# limiter still sends them one after the other. No join here: this runs over every due row.
_LANE = "CASE urgency WHEN 'urgent' THEN 0 WHEN 'timed' THEN 1 ELSE 2 END"
_CLAIMABLE = f"""
WITH live AS (
    SELECT id, state, priority, {_LANE} AS lane,
           COALESCE('p' || person_id, 'c' || chat_id) AS recipient
    FROM outbox WHERE state = 'sending' OR (state = 'pending' AND due_at <= :now)
), heads AS MATERIALIZED (
    SELECT id, state, priority, lane, ROW_NUMBER() OVER (
        PARTITION BY recipient ORDER BY state = 'sending' DESC, lane, priority, id) AS rank
    FROM live
)
SELECT id, 1 AS ahead FROM (
    SELECT id FROM heads WHERE rank = 1 AND state = 'pending' AND lane < 2
    ORDER BY priority, id LIMIT :urgent) AS urgent_heads
UNION ALL
SELECT id, 0 AS ahead FROM (
    SELECT id FROM heads WHERE rank = 1 AND state = 'pending' AND lane = 2
    ORDER BY priority, id LIMIT :bulk) AS bulk_heads
"""

_CLAIMED = """
SELECT o.*, COALESCE(o.chat_id, l.chat_id) AS target_chat, l.unreachable_since,
       c.language
FROM outbox o
LEFT JOIN telegram_links l ON l.person_id = o.person_id
LEFT JOIN chat_languages c ON c.chat_id = COALESCE(o.chat_id, l.chat_id)
WHERE o.id IN ({ids}) ORDER BY o.priority, o.id
"""


async def claim(tx: Tx, now: datetime, limit: int, bulk_limit: int | None = None,
                urgent_limit: int | None = None) -> list[Claimed]:
    """Mark up to ``limit`` due rows (at most one per recipient) as sending and return them:
    urgent and timed rows first (at most ``urgent_limit``), then bulk rows in their order (at
    most ``bulk_limit``)."""
    bulk_limit = limit if bulk_limit is None else max(0, min(limit, bulk_limit))
    urgent_limit = limit if urgent_limit is None else max(0, min(limit, urgent_limit))
    heads = await tx.fetchall(_CLAIMABLE, {"now": to_db(now), "urgent": urgent_limit,
                                           "bulk": bulk_limit})
    ids = [row["id"] for row in heads][:limit]
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    if tx.dialect == "postgresql":
        # Several instances may claim at once: a row another one is claiming is skipped, not
        # waited for, and one it has claimed meanwhile (no longer pending) is not taken again.
        ids = [row["id"] for row in await tx.fetchall(
            f"SELECT id FROM outbox WHERE id IN ({marks}) AND state = 'pending'"
            f" FOR UPDATE SKIP LOCKED", ids)]
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
    await tx.execute(f"UPDATE outbox SET state = 'sending', attempts = attempts + 1"
                     f" WHERE id IN ({marks})", ids)
    rows = await tx.fetchall(_CLAIMED.format(ids=marks), ids)
    return [Claimed.from_row(row) for row in rows]


async def recover(db: Database) -> int:
    """Rows a crash left in flight go back to pending (they are retried at once)."""
    async with db.transaction() as tx:
        return await tx.changes("UPDATE outbox SET state = 'pending' WHERE state = 'sending'")


async def sent_since(db: Database, since: datetime) -> bool:
    """Whether a row is in flight or was sent at or after ``since`` (by another sender)."""
    return bool(await db.fetchval(
        "SELECT 1 FROM outbox WHERE state = 'sending' OR (state = 'sent' AND sent_at >= ?)"
        " LIMIT 1", (to_db(since),)))


async def release(db: Database, row_ids: list[int]) -> None:
    """Rows claimed but not attempted (shutdown) go back to pending, their attempt not counted."""
    if not row_ids:
        return
    marks = ",".join("?" * len(row_ids))
    async with db.transaction() as tx:
        await tx.execute(f"UPDATE outbox SET state = 'pending', attempts = CASE"
                         f" WHEN attempts > 0 THEN attempts - 1 ELSE 0 END"
                         f" WHERE state = 'sending' AND id IN ({marks})", row_ids)


# -- outcomes ------------------------------------------------------------------------------------


async def save_progress(db: Database, row_id: int, message_ids: list[int]) -> None:
    """Parts of a split message already delivered (not resent after a crash)."""
    await db.execute("UPDATE outbox SET telegram_message_ids = ? WHERE id = ?",
                     (json.dumps(message_ids), row_id))


async def mark_sent(db: Database, row_id: int, now: datetime, message_ids: list[int]) -> None:
    await db.execute(
        "UPDATE outbox SET state = 'sent', sent_at = ?, telegram_message_ids = ?, last_error = NULL"
        " WHERE id = ?", (to_db(now), json.dumps(message_ids), row_id))


async def sent_at(db: Database | Tx, dedupe_key: str) -> datetime | None:
    """When Telegram accepted the message with this dedupe key; None while not (yet) sent."""
    value = await db.fetchval("SELECT sent_at FROM outbox WHERE dedupe_key = ? AND state = 'sent'",
                              (dedupe_key,))
    return from_db(value) if value else None


async def reschedule(db: Database, row_id: int, due_at: datetime, error: str) -> None:
    """A transient failure: try again at ``due_at``."""
    await db.execute("UPDATE outbox SET state = 'pending', due_at = ?, last_error = ? WHERE id = ?",
                     (to_db(due_at), error[:500], row_id))


async def mark_failed(db: Database, row_id: int, now: datetime, error: str) -> None:
    await db.execute("UPDATE outbox SET state = 'failed', failed_at = ?, last_error = ?"
                     " WHERE id = ?",
                     (to_db(now), error[:500], row_id))


async def mark_unreachable(tx: Tx, *, chat_id: int, now: datetime, reason: str,
                           row_id: int | None = None, person_id: int | None = None) -> bool:
    """The chat refuses our messages: note it on the person's link and stop every row to it.

    Returns True when the link was reachable until now (so someone should be told once).
    """
    newly = await tx.changes(
        "UPDATE telegram_links SET unreachable_since = ?, unreachable_reason = ?"
        " WHERE chat_id = ? AND unreachable_since IS NULL", (to_db(now), reason[:200], chat_id))
    linked_person = await tx.fetchval("SELECT person_id FROM telegram_links WHERE chat_id = ?",
                                      (chat_id,))
    await tx.execute(
        "UPDATE outbox SET state = 'unreachable', failed_at = ?, last_error = ?"
        " WHERE id = ? OR (state = 'pending' AND (chat_id = ? OR person_id = ? OR person_id = ?))",
        (to_db(now), reason[:500], row_id, chat_id, person_id, linked_person))
    return bool(newly)


async def clear_unreachable(db: Database, chat_id: int) -> bool:
    """The chat talks to us again (unblocked): send to it again."""
    async with db.transaction() as tx:
        return bool(await tx.changes(
            "UPDATE telegram_links SET unreachable_since = NULL, unreachable_reason = NULL"
            " WHERE chat_id = ? AND unreachable_since IS NOT NULL", (chat_id,)))


async def mark_chat_unreachable(db: Database, chat_id: int, now: datetime, reason: str) -> bool:
    """Telegram told us the chat blocked the bot (my_chat_member): note it before any 403."""
    async with db.transaction() as tx:
        return bool(await tx.changes(
            "UPDATE telegram_links SET unreachable_since = ?, unreachable_reason = ?"
            " WHERE chat_id = ? AND unreachable_since IS NULL",
            (to_db(now), reason[:200], chat_id)))


# -- housekeeping --------------------------------------------------------------------------------


async def give_up(db: Database, now: datetime, horizon: timedelta) -> int:
    """Pending rows eligible for longer than the horizon are failed, keeping the last reason."""
    async with db.transaction() as tx:
        return await tx.changes(
            "UPDATE outbox SET state = 'failed', failed_at = :now,"
            " last_error = 'gave up after ' || :hours || ' h: ' || COALESCE(last_error, 'not sent')"
            " WHERE state = 'pending' AND eligible_at IS NOT NULL AND eligible_at <= :limit",
            {"now": to_db(now), "limit": to_db(now - horizon),
             "hours": f"{horizon.total_seconds() / 3600:g}"})


async def prune(db: Database, now: datetime, retention: timedelta) -> int:
    """Delete finished rows older than the retention (sent ones by sent time)."""
    async with db.transaction() as tx:
        return await tx.changes(
            "DELETE FROM outbox WHERE state IN ('sent', 'failed', 'unreachable')"
            " AND COALESCE(sent_at, failed_at, created_at) < ?", (to_db(now - retention),))


async def due_count(db: Database, now: datetime) -> int:
    """Rows that should be moving now: in flight, due, or not yet admitted."""
    return await db.fetchval(
        "SELECT count(*) FROM outbox WHERE state = 'sending'"
        " OR (state = 'pending' AND (due_at IS NULL OR due_at <= ?))", (to_db(now),))


async def next_due(db: Database) -> datetime | None:
    return from_db(await db.fetchval(
        "SELECT min(due_at) FROM outbox WHERE state = 'pending' AND due_at IS NOT NULL"))


# -- visibility ----------------------------------------------------------------------------------


async def stats(db: Database, now: datetime, failures: int = 10) -> dict:
    """Counts per state, oldest due row's age, recent failures with reasons (no personal data)."""
    counts = {state: 0 for state in STATES}
    for row in await db.fetchall("SELECT state, count(*) AS n FROM outbox GROUP BY state"):
        counts[row["state"]] = row["n"]
    oldest = from_db(await db.fetchval(
        "SELECT min(COALESCE(eligible_at, not_before)) FROM outbox"
        " WHERE state IN ('pending', 'sending') AND COALESCE(due_at, not_before) <= ?",
        (to_db(now),)))
    oldest_urgent = from_db(await db.fetchval(
        "SELECT min(COALESCE(eligible_at, not_before)) FROM outbox"
        " WHERE state IN ('pending', 'sending') AND urgency <> 'bulk'"
        " AND COALESCE(due_at, not_before) <= ?", (to_db(now),)))
    urgent_due = await db.fetchval(
        "SELECT count(*) FROM outbox WHERE urgency <> 'bulk' AND (state = 'sending'"
        " OR (state = 'pending' AND COALESCE(due_at, not_before) <= ?))", (to_db(now),))
    waiting = await db.fetchval(
        "SELECT count(*) FROM outbox WHERE state = 'pending' AND due_at > ?", (to_db(now),))
    recent = await db.fetchall(
        "SELECT id, message_key, state, attempts, COALESCE(failed_at, created_at) AS at, last_error"
        " FROM outbox WHERE state IN ('failed', 'unreachable')"
        " ORDER BY COALESCE(failed_at, created_at) DESC, id DESC LIMIT ?", (failures,))
    reasons = await db.fetchall(
        "SELECT last_error AS reason, count(*) AS n FROM outbox"
        " WHERE state IN ('failed', 'unreachable') GROUP BY last_error ORDER BY n DESC LIMIT 10")
    unreachable_chats = await db.fetchval(
        "SELECT count(*) FROM telegram_links WHERE unreachable_since IS NOT NULL")
    return {
        "states": counts,
        "waiting_for_window": waiting,
        "oldest_pending_age_s": round((now - oldest).total_seconds(), 1) if oldest else 0.0,
        "urgent_due": urgent_due,
        "oldest_urgent_age_s": (round((now - oldest_urgent).total_seconds(), 1)
                                if oldest_urgent else 0.0),
        "unreachable_chats": unreachable_chats,
        "failure_reasons": {row["reason"] or "": row["n"] for row in reasons},
        "recent_failures": [
            {"id": row["id"], "message_key": row["message_key"], "state": row["state"],
             "attempts": row["attempts"], "at": row["at"], "reason": row["last_error"]}
            for row in recent],
    }


async def unreachable_participants(db: Database, *, klantmanager_id: int | None = None,
                                   school_id: int | None = None) -> list[dict]:
    """The "not reachable via Telegram" note, for a klantmanager's caseload or a school only."""
    if (klantmanager_id is None) == (school_id is None):
        raise ValueError("give exactly one of klantmanager_id and school_id")
    column, value = (("p.klantmanager_id", klantmanager_id) if klantmanager_id is not None
                     else ("p.school_id", school_id))
    rows = await db.fetchall(
        f"SELECT p.id, p.name, l.unreachable_since, l.unreachable_reason FROM people p"
        f" JOIN telegram_links l ON l.person_id = p.id"
        f" WHERE p.role = 'participant' AND {column} = ? AND l.unreachable_since IS NOT NULL"
        f" ORDER BY l.unreachable_since", (value,))
    return [{"person_id": row["id"], "name": row["name"],
             "since": from_db(row["unreachable_since"]), "reason": row["unreachable_reason"]}
            for row in rows]


# --- enqueueing (bot.outbox.enqueue) and the unreachable alert -----------------------------------

INSERT = ("INSERT INTO outbox(person_id, chat_id, audience, message_key, params, priority, urgent,"
          " dedupe_key, created_at, not_before, lesson_at, urgency)"
          " VALUES (?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(dedupe_key) DO NOTHING")


async def insert(tx: Tx, row: tuple) -> int | None:
    """One outbox row in ``INSERT``'s column order; None when its dedupe key was used already."""
    return await tx.execute(INSERT, row) or None


async def insert_many(tx: Tx, rows: list[tuple]) -> int:
    """Many rows with one ``executemany``; returns how many were added (used keys skipped)."""
    return await tx.executemany(INSERT, rows)


async def unsent(tx: Tx, message_key: str, person_ids: list[int]) -> list[Row]:
    """Rows of this kind to these people not yet tried (id, person_id, params), oldest first:
    waiting in the queue or for the morning, a later message may still supersede them. A row
    already tried (waiting for a retry, or for the person to link Telegram) is left as it is."""
    if not person_ids:
        return []
    marks = ",".join("?" * len(person_ids))
    return await tx.fetchall(
        f"SELECT id, person_id, params FROM outbox WHERE state = 'pending' AND attempts = 0"
        f" AND message_key = ? AND person_id IN ({marks}) ORDER BY id",
        (message_key, *person_ids))


async def rewrite(tx: Tx, rows: list[tuple]) -> None:
    """Unsent rows take new (params, urgency, lesson_at, id) and are admitted again (their due
    time may change with the lesson they now concern); a row claimed meanwhile is left alone."""
    await tx.executemany(
        "UPDATE outbox SET params = ?, urgency = ?, lesson_at = ?, due_at = NULL,"
        " eligible_at = NULL WHERE id = ? AND state = 'pending' AND attempts = 0", rows)


async def withdraw(tx: Tx, row_ids: list[int]) -> None:
    """Unsent rows whose content a later row carries: they are not sent at all."""
    for start in range(0, len(row_ids), 500):
        chunk = row_ids[start:start + 500]
        await tx.execute(f"DELETE FROM outbox WHERE state = 'pending' AND attempts = 0 AND id IN"
                         f" ({','.join('?' * len(chunk))})", chunk)


async def participant_in_chat(tx: Tx, chat_id: int) -> Row | None:
    """The participant linked to this chat who has a klantmanager (id, name, klantmanager_id,
    unreachable_since), for the "unreachable via Telegram" alert."""
    return await tx.fetchone(
        "SELECT p.id, p.name, p.external_id, p.klantmanager_id, l.unreachable_since"
        " FROM telegram_links l"
        " JOIN people p ON p.id = l.person_id"
        " WHERE l.chat_id = ? AND p.role = 'participant' AND p.klantmanager_id IS NOT NULL",
        (chat_id,))


async def withdraw_matching(tx: Tx, message_key: str, param: str, values: list,
                            person_id: int | None = None) -> int:
    """Unsent rows of this kind whose JSON parameter ``param`` is one of ``values`` (and, when
    given, to this person) are not sent at all; returns how many. A later fact made them wrong
    (a reminder of a lesson that moved)."""
    removed = 0
    field = json_text(tx, "params", param)
    for start in range(0, len(values), 500):
        chunk = values[start:start + 500]
        sql = (f"DELETE FROM outbox WHERE state = 'pending' AND attempts = 0 AND message_key = ?"
               f" AND {field} IN ({','.join('?' * len(chunk))})")
        args: list = [message_key, *(str(value) for value in chunk)]
        if person_id is not None:
            sql += " AND person_id = ?"
            args.append(person_id)
        removed += await tx.changes(sql, args)
    return removed
