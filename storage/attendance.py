"""Attendance registration, absence reports and participant status (issue 6).

Blik op Werk norm 2.9.1 and 2.9.4 (registration per lesson, kept and correctable with an audit
trail), convenant art. 9.3 (absence reported with a reason) and the participant's status (left,
or uitval that C art. 12.4 has reported to the klantmanager). Every query is scoped: a school
reaches only rows with its own school_id, a participant only the lessons of their own groups.
The verzuim alerts built on these registrations are in ``storage.verzuim``, the klantmanager's
overview in ``storage.caseload``.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from storage.database import Database, Tx, from_db, to_db
from storage.rows import id_table

PRESENT = "present"
ABSENT = "absent"
ABSENT_REPORTED = "absent_reported"
REASON_STATUS = {None: ABSENT, "reported": ABSENT_REPORTED, "ill": "absent_ill",
                 "other": "absent_other"}
STATUS_REASON = {status: reason for reason, status in REASON_STATUS.items()}
ABSENCE_REASONS = ("ill", "appointment", "work", "childcare", "other")


def utc(text: str) -> datetime:
    """Read a time written by ``to_db`` a hundred times faster than ``from_db`` (strptime);
    the sweep reads thousands."""
    return datetime.fromisoformat(text)


@dataclass(frozen=True)
class LessonRow:
    """A lesson as attendance needs it."""

    id: int
    school_id: int
    group_id: int
    external_id: str
    kind: str
    mode: str
    starts_at: datetime
    ends_at: datetime
    cancelled: bool
    teacher: str | None
    location: str | None
    group_name: str = ""

    @classmethod
    def from_row(cls, row) -> LessonRow:
        return cls(row["id"], row["school_id"], row["group_id"], row["external_id"], row["kind"],
                   row["mode"], utc(row["starts_at"]), utc(row["ends_at"]),
                   bool(row["cancelled"]), row["teacher"], row["location"],
                   row["group_name"] if "group_name" in row.keys() else "")


LESSON_COLUMNS = ("l.id, l.school_id, l.group_id, l.external_id, l.kind, l.mode, l.starts_at,"
                  " l.ends_at, l.cancelled, l.teacher, l.location")


# ---- the school's registration -------------------------------------------------------------

async def school_lesson(db: Database | Tx, school_id: int, external_id: str) -> LessonRow | None:
    """One of the school's lessons by its own id; another school's lesson looks absent."""
    row = await db.fetchone(f"SELECT {LESSON_COLUMNS} FROM lessons l"
                            " WHERE l.school_id = ? AND l.external_id = ?",
                            (school_id, external_id))
    return LessonRow.from_row(row) if row else None


async def school_participant(db: Database | Tx, school_id: int, external_id: str) -> int | None:
    """A participant of the school by the school's own id."""
    return await db.fetchval("SELECT id FROM people WHERE school_id = ? AND external_id = ?"
                             " AND role = 'participant'", (school_id, external_id))


@dataclass(frozen=True)
class Recorded:
    outcome: str  # created | updated | unchanged
    status: str


async def record(tx: Tx, *, lesson: LessonRow, person_id: int, status: str, supervised: bool,
                 practice: bool, now: datetime) -> Recorded:
    """Register one participant at one lesson; idempotent, a change keeps the old value.

    A plain "absent" for a lesson the participant reported themselves becomes "absent_reported":
    the school did not contradict the reason, it just registered the absence (C art. 9.3).
    """
    if status == ABSENT and await tx.fetchval(
            "SELECT 1 FROM absence_reports WHERE lesson_id = ? AND person_id = ?",
            (lesson.id, person_id)):
        status = ABSENT_REPORTED
    current = await tx.fetchone(
        "SELECT id, status, supervised, practice, source, recorded_at FROM attendance"
        " WHERE lesson_id = ? AND person_id = ?", (lesson.id, person_id))
    if current is None:
        await tx.execute(
            "INSERT INTO attendance(lesson_id, person_id, school_id, lesson_starts_at, status,"
            " supervised, practice, source, recorded_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (lesson.id, person_id, lesson.school_id, to_db(lesson.starts_at), status,
             int(supervised), int(practice), "school", to_db(now), to_db(now)))
        return Recorded("created", status)
    if (current["status"], bool(current["supervised"]), bool(current["practice"]),
            current["source"]) == (status, supervised, practice, "school"):
        return Recorded("unchanged", status)
    await _keep_history(tx, current, now)
    await tx.execute(
        "UPDATE attendance SET status = ?, supervised = ?, practice = ?, source = 'school',"
        " recorded_at = ?, updated_at = ? WHERE id = ?",
        (status, int(supervised), int(practice), to_db(now), to_db(now), current["id"]))
    return Recorded("updated", status)


async def _keep_history(tx: Tx, current, now: datetime) -> None:
    await tx.execute(
        "INSERT INTO attendance_history(attendance_id, status, supervised, practice, source,"
        " recorded_at, replaced_at) VALUES (?,?,?,?,?,?,?)",
        (current["id"], current["status"], current["supervised"], current["practice"],
         current["source"], current["recorded_at"], to_db(now)))


async def lesson_register(db: Database | Tx, school_id: int, lesson_id: int) -> list[dict]:
    """Everyone registered or reported at one of the school's lessons, with earlier values."""
    rows = await db.fetchall(
        "SELECT a.id, a.status, a.supervised, a.practice, a.source, a.recorded_at,"
        " p.external_id AS participant FROM attendance a JOIN people p ON p.id = a.person_id"
        " WHERE a.lesson_id = ? AND a.school_id = ? ORDER BY p.external_id, a.id",
        (lesson_id, school_id))
    history: dict[int, list[dict]] = defaultdict(list)
    if rows:
        marks = ",".join("?" * len(rows))
        for h in await db.fetchall(
                f"SELECT attendance_id, status, supervised, practice, source, recorded_at,"
                f" replaced_at FROM attendance_history WHERE attendance_id IN ({marks})"
                " ORDER BY id", [row["id"] for row in rows]):
            history[h["attendance_id"]].append(_registration(h) | {
                "replaced_at": from_db(h["replaced_at"]).isoformat()})
    reports = {row["participant"]: row for row in await db.fetchall(
        "SELECT p.external_id AS participant, r.reason, r.note, r.reported_at"
        " FROM absence_reports r JOIN people p ON p.id = r.person_id"
        " WHERE r.lesson_id = ? AND r.school_id = ?", (lesson_id, school_id))}
    result = []
    seen = set()
    for row in rows:
        seen.add(row["participant"])
        entry = {"participant": row["participant"], **_registration(row),
                 "history": history.get(row["id"], [])}
        entry["absence_report"] = _report(reports.get(row["participant"]))
        result.append(entry)
    for participant, report in reports.items():
        if participant not in seen:
            result.append({"participant": participant, "status": None, "reason": None,
                           "absence_report": _report(report), "history": []})
    return result


def _registration(row) -> dict:
    status = row["status"]
    return {"status": PRESENT if status == PRESENT else ABSENT,
            "reason": STATUS_REASON.get(status), "supervised": bool(row["supervised"]),
            "practice": bool(row["practice"]), "source": row["source"],
            "recorded_at": from_db(row["recorded_at"]).isoformat()}


def _report(row) -> dict | None:
    if row is None:
        return None
    return {"reason": row["reason"], "note": row["note"],
            "reported_at": from_db(row["reported_at"]).isoformat()}


# ---- the participant's own absence report (/afmelden) -------------------------------------

async def upcoming_lessons(db: Database | Tx, person_id: int, now: datetime,
                           until: datetime) -> list[tuple[LessonRow, list[tuple[date, date | None]],
                                                          str | None]]:
    """Lessons of the participant's groups starting after ``now`` up to ``until``, with the
    membership periods of that group and any reason already reported; the caller applies the
    pure rule (membership by local date, holidays, cancellations)."""
    rows = await db.fetchall(
        f"SELECT DISTINCT {LESSON_COLUMNS}, g.name AS group_name, r.reason AS reported"
        " FROM group_members m JOIN lessons l ON l.group_id = m.group_id"
        " JOIN groups g ON g.id = l.group_id"
        " LEFT JOIN absence_reports r ON r.lesson_id = l.id AND r.person_id = m.person_id"
        " WHERE m.person_id = ? AND l.starts_at > ? AND l.starts_at <= ? AND l.cancelled = 0"
        " ORDER BY l.starts_at", (person_id, to_db(now), to_db(until)))
    members = await memberships(db, [person_id])
    return [(LessonRow.from_row(row), members.get((person_id, row["group_id"]), []),
             row["reported"]) for row in rows]


async def memberships(db: Database | Tx, person_ids: list[int]
                      ) -> dict[tuple[int, int], list[tuple[date, date | None]]]:
    """(person, group) -> membership periods as local dates."""
    result: dict[tuple[int, int], list[tuple[date, date | None]]] = defaultdict(list)
    if not person_ids:
        return result
    for row in await db.fetchall(
            "SELECT m.person_id, m.group_id, m.joined_on, m.left_on FROM group_members m"
            f" JOIN {id_table(db)} j ON j.value = m.person_id", (json.dumps(person_ids),)):
        result[(row["person_id"], row["group_id"])].append(
            (date.fromisoformat(row["joined_on"]),
             date.fromisoformat(row["left_on"]) if row["left_on"] else None))
    return result


async def holidays_for(db: Database | Tx, school_ids: set[int]
                       ) -> dict[int, list[tuple[int | None, date, date]]]:
    """school -> [(group or None for the whole school, first day, last day)]."""
    result: dict[int, list[tuple[int | None, date, date]]] = defaultdict(list)
    if not school_ids:
        return result
    for row in await db.fetchall(
            "SELECT school_id, group_id, starts_on, ends_on FROM holidays"
            f" WHERE school_id IN (SELECT value FROM {id_table(db)} j)",
            (json.dumps(sorted(school_ids)),)):
        result[row["school_id"]].append((row["group_id"], date.fromisoformat(row["starts_on"]),
                                         date.fromisoformat(row["ends_on"])))
    return result


async def person_lesson(db: Database | Tx, person_id: int, lesson_id: int) -> LessonRow | None:
    """A lesson of one of the participant's groups, or None (forged or foreign lesson id)."""
    row = await db.fetchone(
        f"SELECT {LESSON_COLUMNS}, g.name AS group_name FROM lessons l"
        " JOIN groups g ON g.id = l.group_id"
        " WHERE l.id = ? AND EXISTS (SELECT 1 FROM group_members m"
        " WHERE m.group_id = l.group_id AND m.person_id = ?)", (lesson_id, person_id))
    return LessonRow.from_row(row) if row else None


async def report_absence(tx: Tx, *, lesson: LessonRow, person_id: int, reason: str,
                         note: str | None, now: datetime) -> bool:
    """Store the participant's report; returns False when the same report was already stored.

    The attendance record shows the absence at once as reported (C art. 9.3), unless the school
    registered the lesson already: then only the report is kept, the school's word stands.
    """
    existing = await tx.fetchone("SELECT reason, note FROM absence_reports"
                                 " WHERE lesson_id = ? AND person_id = ?", (lesson.id, person_id))
    if existing is not None and (existing["reason"], existing["note"]) == (reason, note):
        return False
    await tx.execute(
        "INSERT INTO absence_reports(lesson_id, person_id, school_id, reason, note, reported_at)"
        " VALUES (?,?,?,?,?,?) ON CONFLICT(lesson_id, person_id) DO UPDATE SET"
        " reason = excluded.reason, note = excluded.note, reported_at = excluded.reported_at",
        (lesson.id, person_id, lesson.school_id, reason, note, to_db(now)))
    current = await tx.fetchone("SELECT id, status, source FROM attendance"
                                " WHERE lesson_id = ? AND person_id = ?", (lesson.id, person_id))
    if current is None:
        await tx.execute(
            "INSERT INTO attendance(lesson_id, person_id, school_id, lesson_starts_at, status,"
            " source, recorded_at, updated_at) VALUES (?,?,?,?,?,?,?,?)",
            (lesson.id, person_id, lesson.school_id, to_db(lesson.starts_at), ABSENT_REPORTED,
             "participant", to_db(now), to_db(now)))
    elif current["source"] == "school" and current["status"] == ABSENT:
        await tx.execute("UPDATE attendance SET status = ?, updated_at = ? WHERE id = ?",
                         (ABSENT_REPORTED, to_db(now), current["id"]))
    return True


async def absence_reports(db: Database | Tx, school_id: int, since: datetime) -> list[dict]:
    """The school's participants' own absence reports since a moment, oldest first."""
    rows = await db.fetchall(
        "SELECT l.external_id AS lesson, l.starts_at, p.external_id AS participant, r.reason,"
        " r.note, r.reported_at FROM absence_reports r JOIN lessons l ON l.id = r.lesson_id"
        " JOIN people p ON p.id = r.person_id WHERE r.school_id = ? AND r.reported_at >= ?"
        " ORDER BY r.reported_at, r.id", (school_id, to_db(since)))
    return [{"lesson": row["lesson"], "lesson_starts_at": from_db(row["starts_at"]).isoformat(),
             "participant": row["participant"], "reason": row["reason"], "note": row["note"],
             "reported_at": from_db(row["reported_at"]).isoformat()} for row in rows]


# ---- participant status: left or dropped out (uitval) -------------------------------------

async def set_status(tx: Tx, *, school_id: int, person_id: int, status: str,
                     effective_on: date | None, reason: str | None, now: datetime) -> bool:
    """Change the participant's status; False when it already was that status."""
    current = await tx.fetchval("SELECT status FROM people WHERE id = ? AND school_id = ?",
                                (person_id, school_id))
    if current == status:
        return False
    await tx.execute("UPDATE people SET status = ? WHERE id = ? AND school_id = ?",
                     (status, person_id, school_id))
    await tx.execute(
        "INSERT INTO participant_status_events(person_id, school_id, status, effective_on,"
        " reason, at) VALUES (?,?,?,?,?,?)",
        (person_id, school_id, status, effective_on.isoformat() if effective_on else None,
         reason, to_db(now)))
    return True


async def reported_lessons(db: Database | Tx, person_id: int, lesson_ids: list[int]
                           ) -> frozenset[int]:
    """Which of these lessons the participant reported they will not come to (issue 14)."""
    if not lesson_ids:
        return frozenset()
    rows = await db.fetchall(
        "SELECT lesson_id FROM absence_reports WHERE person_id = ?"
        f" AND lesson_id IN (SELECT value FROM {id_table(db)} j)",
        (person_id, json.dumps(lesson_ids)))
    return frozenset(row["lesson_id"] for row in rows)


async def withdraw_report(tx: Tx, *, lesson_id: int, person_id: int, now: datetime) -> bool:
    """The participant's report is withdrawn (issue 14): the report goes, and so does the
    absence it registered, unless the school registered the lesson itself (its word stands);
    False when there was no report."""
    if not await tx.changes("DELETE FROM absence_reports WHERE lesson_id = ? AND person_id = ?",
                            (lesson_id, person_id)):
        return False
    await tx.execute("DELETE FROM attendance WHERE lesson_id = ? AND person_id = ?"
                     " AND source = 'participant'", (lesson_id, person_id))
    return True


@dataclass(frozen=True)
class OwnAbsence:
    """An absence as the participant sees it in /afwezig: reported by them, registered by the
    school, or both."""

    lesson: LessonRow
    reason: str | None
    status: str | None
    source: str | None


async def own_absences(db: Database | Tx, person_id: int, since: datetime, until: datetime
                       ) -> list[OwnAbsence]:
    """The participant's reported and registered absences of lessons starting in [since,
    until), in time order."""
    rows = await db.fetchall(
        f"SELECT {LESSON_COLUMNS}, g.name AS group_name, r.reason, a.status, a.source"
        " FROM lessons l JOIN groups g ON g.id = l.group_id"
        " LEFT JOIN absence_reports r ON r.lesson_id = l.id AND r.person_id = :p"
        " LEFT JOIN attendance a ON a.lesson_id = l.id AND a.person_id = :p"
        " WHERE l.starts_at >= :since AND l.starts_at < :until"
        " AND (r.id IS NOT NULL OR (a.id IS NOT NULL AND a.status <> 'present'))"
        " ORDER BY l.starts_at, l.id", {"p": person_id, "since": to_db(since),
                                         "until": to_db(until)})
    return [OwnAbsence(LessonRow.from_row(row), row["reason"], row["status"], row["source"])
            for row in rows]
