"""The klantmanager's caseload (issue 6; C art. 12.4, 13.2, 13.4; BoW 2.9.4): their own
participants with the share of lessons attended, open alerts, klacht signals and unreachable
chats, and one participant's recent attendance. Only participants with ``klantmanager_id`` = the
klantmanager are read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from storage.attendance import LESSON_COLUMNS, LessonRow
from storage.database import Database, Tx, to_db

# Whether a table exists, in each engine's catalogue.
TABLE_EXISTS = {
    "sqlite": "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
    "postgresql": "SELECT 1 FROM information_schema.tables WHERE table_name = ?"
                  " AND table_schema = current_schema()",
}


@dataclass(frozen=True)
class CaseloadEntry:
    person_id: int
    name: str
    status: str
    school: str
    present: int
    registered: int
    open_alerts: int
    signals: int
    unreachable: bool
    external_id: str | None = None


async def caseload_overview(db: Database | Tx, klantmanager_id: int,
                            since: datetime, now: datetime) -> list[CaseloadEntry]:
    """The klantmanager's own participants with attendance over [since, now], open alerts,
    klacht signals not yet closed (C art. 13.4) and whether their chat is unreachable.

    The attendance share counts registered lessons that were not cancelled; holidays have no
    lessons held, so a registration in one is the school's to explain."""
    # The klachten tables belong to another feature; without them there are no signals.
    signals = ("(SELECT COUNT(*) FROM klachten k WHERE k.participant_id = p.id"
               "  AND k.route = 'klantmanager' AND k.state = 'signalled')"
               if await db.fetchval(TABLE_EXISTS[db.dialect], ("klachten",)) else "0")
    rows = await db.fetchall(
        "SELECT p.id, p.name, p.status, p.external_id, s.name AS school,"
        " (SELECT COUNT(*) FROM attendance a JOIN lessons l ON l.id = a.lesson_id"
        "  WHERE a.person_id = p.id AND a.lesson_starts_at BETWEEN :since AND :now"
        "  AND l.cancelled = 0 AND a.status = 'present') AS present,"
        " (SELECT COUNT(*) FROM attendance a JOIN lessons l ON l.id = a.lesson_id"
        "  WHERE a.person_id = p.id AND a.lesson_starts_at BETWEEN :since AND :now"
        "  AND l.cancelled = 0) AS registered,"
        " (SELECT COUNT(*) FROM verzuim_alerts v WHERE v.person_id = p.id"
        "  AND v.klantmanager_id = p.klantmanager_id AND v.contacted_at IS NULL"
        "  AND (v.kind = 'uitval' OR v.closed_at IS NULL)) AS open_alerts,"
        f" {signals} AS signals,"
        " (SELECT t.unreachable_since IS NOT NULL FROM telegram_links t"
        "  WHERE t.person_id = p.id) AS unreachable"
        " FROM people p JOIN schools s ON s.id = p.school_id"
        " WHERE p.role = 'participant' AND p.klantmanager_id = :km ORDER BY p.name, p.id",
        {"since": to_db(since), "now": to_db(now), "km": klantmanager_id})
    return [CaseloadEntry(row["id"], row["name"], row["status"], row["school"], row["present"],
                          row["registered"], row["open_alerts"], row["signals"] or 0,
                          bool(row["unreachable"]), row["external_id"]) for row in rows]


async def recent_attendance(db: Database | Tx, person_id: int, now: datetime,
                            limit: int = 10) -> list[tuple[LessonRow, str]]:
    rows = await db.fetchall(
        f"SELECT {LESSON_COLUMNS}, a.status FROM attendance a JOIN lessons l ON l.id = a.lesson_id"
        " WHERE a.person_id = ? AND a.lesson_starts_at <= ?"
        " ORDER BY a.lesson_starts_at DESC LIMIT ?", (person_id, to_db(now), limit))
    return [(LessonRow.from_row(row), row["status"]) for row in rows]
