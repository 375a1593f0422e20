"""Klachten that come in or go out another way than the participant's /klacht (issue 11, points
11 to 13): the channel of a klacht staff registered (Blik op Werk norm 1.5.6), the short report
when nobody independent can handle it (norm 1.5 note 7) and the raise of a signal to the regional
coordination (convenant art. 13.5).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from storage.database import Database, Tx, from_db, to_db
from storage.klachten import record_event


async def set_channel(tx: Tx, klacht_id: int, channel: str, registered_by: int | None,
                      now: datetime) -> None:
    """The klacht came in by ``channel`` (mail, phone, paper); ``registered_by`` is the staff
    member who entered it (None: the school's system, through the API)."""
    await tx.execute("UPDATE klachten SET channel = ?, registered_by = ? WHERE id = ?",
                     (channel, registered_by, klacht_id))
    await record_event(tx, klacht_id, "registered", registered_by, channel, now)


async def channel_of(db: Database | Tx, klacht_id: int) -> str | None:
    return await db.fetchval("SELECT channel FROM klachten WHERE id = ?", (klacht_id,))


# ---- the short report when nobody independent can handle it (norm 1.5, note 7) ----------------

@dataclass(frozen=True)
class Report:
    klacht_id: int
    text: str
    written_by: int
    written_at: datetime
    endorsed: bool | None
    answered_at: datetime | None
    phrase: str | None = None  # a standard phrase's code (issue 14)


async def save_report(tx: Tx, klacht_id: int, text: str, written_by: int, now: datetime,
                      phrase: str | None = None) -> bool:
    """The school's short report (a standard phrase's code and/or own words); a new one replaces
    one the participant has not answered."""
    changed = await tx.changes(
        "INSERT INTO klacht_reports(klacht_id, text, written_by, written_at, phrase)"
        " VALUES (?,?,?,?,?)"
        " ON CONFLICT(klacht_id) DO UPDATE SET text = excluded.text,"
        " written_by = excluded.written_by, written_at = excluded.written_at,"
        " phrase = excluded.phrase WHERE klacht_reports.answered_at IS NULL",
        (klacht_id, text, written_by, to_db(now), phrase))
    if changed:
        await record_event(tx, klacht_id, "report", written_by, None, now)
    return bool(changed)


async def get_report(db: Database | Tx, klacht_id: int) -> Report | None:
    row = await db.fetchone("SELECT * FROM klacht_reports WHERE klacht_id = ?", (klacht_id,))
    if row is None:
        return None
    return Report(row["klacht_id"], row["text"], row["written_by"], from_db(row["written_at"]),
                  None if row["endorsed"] is None else bool(row["endorsed"]),
                  from_db(row["answered_at"]), row["phrase"])


async def answer_report(tx: Tx, klacht_id: int, participant_id: int, endorsed: bool,
                        now: datetime) -> bool:
    """The participant endorses the report (or not), once; endorsed, the klacht is closed."""
    changed = await tx.changes(
        "UPDATE klacht_reports SET endorsed = ?, answered_at = ? WHERE klacht_id = ?"
        " AND answered_at IS NULL AND klacht_id IN"
        " (SELECT id FROM klachten WHERE participant_id = ?)",
        (int(endorsed), to_db(now), klacht_id, participant_id))
    if not changed:
        return False
    await record_event(tx, klacht_id, "report_endorsed" if endorsed else "report_disputed",
                       participant_id, None, now)
    if endorsed:
        # The report says how the klacht was handled: endorsed, it is registered as handled
        # (norm 1.5.6, 1.5.7), by its writer, on the day the report was written.
        await tx.execute(
            "UPDATE klachten SET state = 'closed', outcome = 'resolved', handler_id ="
            " (SELECT written_by FROM klacht_reports WHERE klacht_id = ?),"
            " decided_at = COALESCE(decided_at,"
            " (SELECT written_at FROM klacht_reports WHERE klacht_id = ?)),"
            " handled_at = (SELECT written_at FROM klacht_reports WHERE klacht_id = ?)"
            " WHERE id = ? AND state IN ('received', 'in_treatment')",
            (klacht_id, klacht_id, klacht_id, klacht_id))
    return True


# ---- a signal raised to the regional coordination (convenant art. 13.5) ---------------------

async def ask_region_consent(tx: Tx, klacht_id: int, klantmanager_id: int,
                             now: datetime) -> bool:
    """The klantmanager asks to raise their participant's signal; once, while not raised."""
    changed = await tx.changes(
        "UPDATE klachten SET region_asked_at = ?, region_consent = NULL WHERE id = ?"
        " AND raised_at IS NULL AND (region_asked_at IS NULL OR region_consent = 0)"
        " AND participant_id IN (SELECT id FROM people WHERE klantmanager_id = ?)",
        (to_db(now), klacht_id, klantmanager_id))
    if changed:
        await record_event(tx, klacht_id, "region_asked", klantmanager_id, None, now)
    return bool(changed)


async def answer_region_consent(tx: Tx, klacht_id: int, participant_id: int, consent: bool,
                                now: datetime) -> bool:
    """The participant's answer; a yes raises it at once. False when nothing was asked."""
    changed = await tx.changes(
        "UPDATE klachten SET region_consent = ?,"
        " raised_at = CASE WHEN ? = 1 THEN ? ELSE NULL END WHERE id = ? AND participant_id = ?"
        " AND region_asked_at IS NOT NULL AND region_consent IS NULL AND raised_at IS NULL",
        (int(consent), int(consent), to_db(now), klacht_id, participant_id))
    if changed:
        await record_event(tx, klacht_id, "raised" if consent else "region_refused",
                           participant_id, None, now)
    return bool(changed)


async def raised(db: Database | Tx, since: datetime) -> list[dict]:
    """Signals raised to the regional coordination since ``since``, oldest first: what the
    participant agreed to pass on (their name, school, klantmanager, the signal)."""
    rows = await db.fetchall(
        "SELECT k.reference, k.raised_at, k.received_at, k.topic, k.description, s.name AS school,"
        " p.name AS participant, m.name AS klantmanager FROM klachten k"
        " JOIN schools s ON s.id = k.school_id JOIN people p ON p.id = k.participant_id"
        " LEFT JOIN people m ON m.id = p.klantmanager_id"
        " WHERE k.raised_at IS NOT NULL AND k.raised_at >= ? ORDER BY k.raised_at",
        (to_db(since),))
    return [dict(row) for row in rows]
