"""Attendance registration, absence reports, participant status and verzuim alerts (issue 6).

Blik op Werk norm 2.9.1 and 2.9.4 (registration per lesson, kept and correctable with an audit
trail), convenant art. 9.3 (absence reported with a reason) and 12.4 (verzuim longer than a week
and uitval reported to the klantmanager). Every query is scoped: a school reaches only rows with
its own school_id, a klantmanager only participants with ``klantmanager_id`` = them.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from storage.database import Database, Tx, from_db, to_db

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
    def from_row(cls, row) -> "LessonRow":
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
            " JOIN json_each(?) j ON j.value = m.person_id", (json.dumps(person_ids),)):
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
            " WHERE school_id IN (SELECT value FROM json_each(?))",
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


# ---- the verzuim sweep: set-based candidates, then the pure rule per candidate ---------------

# A participant is a candidate when a registered absence lies between their last attended
# lesson and ``bound`` (now minus the alert delay), or when an episode of theirs is open.
# "Attended" is read stricter than the rule reads it: not cancelled, in a membership period and
# outside holidays, with the local dates widened to cover Europe/Amsterdam's offsets (UTC+1 and
# UTC+2: a lesson's local date is its UTC date or the day after). So the last attended lesson
# found here is never later than the rule's, and the candidates are a superset of those the rule
# alerts, never fewer.
#
# Speed (bench/verzuim.py): per participant two index seeks, the last absence up to ``bound``
# and the last presence; only when the presence is the later one is its lesson checked (one
# lookup each for cancellation, membership and holidays). Who remains is a candidate.
ATTENDED_STRICTLY = """
    l.cancelled = 0
    AND EXISTS (SELECT 1 FROM group_members m
                WHERE m.person_id = {person} AND m.group_id = l.group_id
                  AND l.starts_at >= m.joined_on || 'T00:00'
                  AND (m.left_on IS NULL OR l.starts_at < m.left_on || 'T22:00'))
    AND NOT EXISTS (SELECT 1 FROM holidays h
                    WHERE h.school_id = l.school_id
                      AND h.starts_on <= date(l.starts_at, '+1 day')
                      AND h.ends_on >= substr(l.starts_at, 1, 10)
                      AND (h.group_id IS NULL OR h.group_id = l.group_id))"""

CANDIDATES_SQL = f"""
WITH last AS MATERIALIZED (
    SELECT p.id AS person_id,
        (SELECT a.lesson_starts_at FROM attendance a INDEXED BY attendance_absent
         WHERE a.person_id = p.id AND a.status <> 'present' AND a.lesson_starts_at <= :bound
         ORDER BY a.lesson_starts_at DESC LIMIT 1) AS last_absent,
        (SELECT a.lesson_id FROM attendance a INDEXED BY attendance_present
         WHERE a.person_id = p.id AND a.status = 'present' AND a.lesson_starts_at <= :now
         ORDER BY a.lesson_starts_at DESC LIMIT 1) AS present_lesson
    FROM people p
    WHERE p.role = 'participant' AND p.status = 'active' AND p.klantmanager_id IS NOT NULL
)
SELECT last.person_id FROM last LEFT JOIN lessons l ON l.id = last.present_lesson
WHERE last.last_absent IS NOT NULL
  AND (l.id IS NULL OR l.starts_at < last.last_absent
       OR NOT ({ATTENDED_STRICTLY.format(person="last.person_id")}))
UNION
SELECT person_id FROM verzuim_alerts WHERE kind = 'verzuim' AND closed_at IS NULL
"""

# For the candidates only: their last lesson attended in the strict sense (walking back over
# their presences), from which on the rule gets their registrations.
STRICT_LAST_PRESENT_SQL = f"""
SELECT c.value AS person_id, (
    SELECT a.lesson_starts_at FROM attendance a INDEXED BY attendance_present
    JOIN lessons l ON l.id = a.lesson_id
    WHERE a.person_id = c.value AND a.status = 'present' AND a.lesson_starts_at <= :now
      AND {ATTENDED_STRICTLY.format(person="a.person_id")}
    ORDER BY a.lesson_starts_at DESC LIMIT 1) AS lp
FROM json_each(:ids) c
"""


@dataclass
class EpisodeInputs:
    """What the pure rule needs for one participant."""

    person_id: int
    school_id: int
    klantmanager_id: int | None
    status: str
    lessons: list[LessonRow]
    attendance: dict[str, str]
    memberships: list[tuple[date, date | None]]
    holidays: list[tuple[date, date]]
    open_alert: dict | None


async def verzuim_candidates(db: Database, now: datetime,
                             alert_after: timedelta) -> list[EpisodeInputs]:
    """Participants who may have an absence episode to alert, follow up or close, with the
    registrations since their last attended lesson (read strictly, see ``CANDIDATES_SQL``)."""
    # Two hours of slack: the rule measures the week on the local wall clock.
    bound = now - alert_after + timedelta(hours=2)
    ids = [row[0] for row in await db.fetchall(CANDIDATES_SQL, {"bound": to_db(bound),
                                                                 "now": to_db(now)})]
    if not ids:
        return []
    found = await db.fetchall(STRICT_LAST_PRESENT_SQL, {"ids": json.dumps(ids), "now": to_db(now)})
    since = json.dumps([[row["person_id"], row["lp"] or ""] for row in found])
    rows = await db.fetchall(
        f"SELECT a.person_id, a.status, {LESSON_COLUMNS}"
        " FROM json_each(:since) c"
        " JOIN attendance a ON a.person_id = json_extract(c.value, '$[0]')"
        " AND a.lesson_starts_at >= json_extract(c.value, '$[1]') AND a.lesson_starts_at <= :now"
        " JOIN lessons l ON l.id = a.lesson_id ORDER BY a.person_id, a.lesson_starts_at",
        {"since": since, "now": to_db(now)})
    people_rows = {row["id"]: row for row in await db.fetchall(
        "SELECT p.id, p.school_id, p.klantmanager_id, p.status FROM people p"
        " JOIN json_each(?) j ON j.value = p.id", (json.dumps(ids),))}
    alerts = {row["person_id"]: dict(row) for row in await db.fetchall(
        "SELECT id, person_id, klantmanager_id, episode_start, last_missed_at, alerted_at,"
        " last_followup_at, followups, missed FROM verzuim_alerts"
        " WHERE kind = 'verzuim' AND closed_at IS NULL")}
    members = await memberships(db, ids)
    schools = {row["school_id"] for row in people_rows.values()}
    holidays = await holidays_for(db, schools)
    inputs: dict[int, EpisodeInputs] = {}
    groups_of: dict[int, set[int]] = defaultdict(set)
    for (person, group) in members:
        groups_of[person].add(group)
    for person_id in ids:
        person = people_rows[person_id]
        own_groups = groups_of[person_id]
        inputs[person_id] = EpisodeInputs(
            person_id=person_id, school_id=person["school_id"],
            klantmanager_id=person["klantmanager_id"], status=person["status"], lessons=[],
            attendance={},
            memberships=[period for group in own_groups for period in members[(person_id, group)]],
            holidays=[(first, last) for group, first, last in holidays.get(person["school_id"], [])
                      if group is None or group in own_groups],
            open_alert=alerts.get(person_id))
    for row in rows:
        entry = inputs[row["person_id"]]
        lesson = LessonRow.from_row(row)
        entry.lessons.append(lesson)
        entry.attendance[str(lesson.id)] = row["status"]
    return list(inputs.values())


async def open_alerts(tx: Tx) -> dict[int, int]:
    """person -> id of their open verzuim alert."""
    return {row[0]: row[1] for row in await tx.fetchall(
        "SELECT person_id, id FROM verzuim_alerts WHERE kind = 'verzuim' AND closed_at IS NULL")}


async def next_alert_id(tx: Tx) -> int:
    """The id the next alert gets; stable inside the (immediate) write transaction."""
    return await tx.fetchval("SELECT COALESCE(MAX(id), 0) + 1 FROM verzuim_alerts")


# The sweep writes many alerts at once: one statement per kind of change, not one per alert.

async def insert_verzuim_alerts(tx: Tx, rows: list[tuple]) -> None:
    """(id, person, klantmanager, episode_start, last_missed, missed, now) per new alert."""
    await tx.executemany(
        "INSERT INTO verzuim_alerts(id, person_id, klantmanager_id, kind, episode_start,"
        " last_missed_at, missed, alerted_at) VALUES (?,?,?,'verzuim',?,?,?,?)",
        [(i, p, k, to_db(start), to_db(last), missed, to_db(now))
         for i, p, k, start, last, missed, now in rows])


async def record_followups(tx: Tx, rows: list[tuple]) -> None:
    """(id, episode_start, last_missed, missed, now) per weekly follow-up."""
    await tx.executemany(
        "UPDATE verzuim_alerts SET last_followup_at = ?, followups = followups + 1,"
        " episode_start = ?, last_missed_at = ?, missed = ? WHERE id = ?",
        [(to_db(now), to_db(start), to_db(last), missed, i)
         for i, start, last, missed, now in rows])


async def update_alert_episodes(tx: Tx, rows: list[tuple]) -> None:
    """(id, episode_start, last_missed, missed) when late registrations changed an episode."""
    await tx.executemany(
        "UPDATE verzuim_alerts SET episode_start = ?, last_missed_at = ?, missed = ? WHERE id = ?",
        [(to_db(start), to_db(last), missed, i) for i, start, last, missed in rows])


async def close_alerts(tx: Tx, rows: list[tuple[int, bool]], now: datetime) -> None:
    """(id, back in class?) per episode that ended."""
    await tx.executemany("UPDATE verzuim_alerts SET closed_at = ?, back_at = ? WHERE id = ?",
                         [(to_db(now), to_db(now) if back else None, i) for i, back in rows])


async def open_uitval_alert(tx: Tx, *, person_id: int, klantmanager_id: int, now: datetime) -> int:
    """An uitval alert; an open verzuim episode of the participant ends with it."""
    await tx.execute("UPDATE verzuim_alerts SET closed_at = ? WHERE person_id = ?"
                     " AND kind = 'verzuim' AND closed_at IS NULL", (to_db(now), person_id))
    return await tx.execute(
        "INSERT INTO verzuim_alerts(person_id, klantmanager_id, kind, alerted_at)"
        " VALUES (?,?,?,?)", (person_id, klantmanager_id, "uitval", to_db(now)))


# ---- the klantmanager's side: buttons, digest, caseload -------------------------------------

async def alert_for_klantmanager(db: Database | Tx, alert_id: int,
                                 klantmanager_id: int) -> dict | None:
    """An alert about one of the klantmanager's own participants (now), or None."""
    row = await db.fetchone(
        "SELECT a.id, a.kind, a.person_id, a.seen_at, a.contacted_at, p.name FROM verzuim_alerts a"
        " JOIN people p ON p.id = a.person_id WHERE a.id = ? AND p.klantmanager_id = ?",
        (alert_id, klantmanager_id))
    return dict(row) if row else None


async def mark_alert(tx: Tx, alert_id: int, what: str, now: datetime) -> None:
    """"seen" sets seen_at; "contacted" sets both (contacting implies having seen it)."""
    if what == "contacted":
        await tx.execute("UPDATE verzuim_alerts SET contacted_at = COALESCE(contacted_at, ?),"
                         " seen_at = COALESCE(seen_at, ?) WHERE id = ?",
                         (to_db(now), to_db(now), alert_id))
    else:
        await tx.execute("UPDATE verzuim_alerts SET seen_at = COALESCE(seen_at, ?) WHERE id = ?",
                         (to_db(now), alert_id))


async def klantmanagers_due_digest(db: Database | Tx, day: date, before: datetime) -> list[int]:
    """Klantmanagers with unseen alerts from before ``before`` and no digest for ``day`` yet."""
    rows = await db.fetchall(
        "SELECT DISTINCT a.klantmanager_id FROM verzuim_alerts a"
        " JOIN people p ON p.id = a.person_id AND p.klantmanager_id = a.klantmanager_id"
        " WHERE a.seen_at IS NULL AND a.alerted_at < ?"
        " AND (a.kind = 'uitval' OR a.closed_at IS NULL)"
        " AND NOT EXISTS (SELECT 1 FROM verzuim_digests d"
        "                 WHERE d.klantmanager_id = a.klantmanager_id AND d.day = ?)",
        (to_db(before), day.isoformat()))
    return [row[0] for row in rows]


async def unseen_alerts(db: Database | Tx, klantmanager_id: int, before: datetime) -> list[dict]:
    rows = await db.fetchall(
        "SELECT a.id, a.kind, a.episode_start, a.alerted_at, a.missed, p.name, s.name AS school"
        " FROM verzuim_alerts a JOIN people p ON p.id = a.person_id"
        " JOIN schools s ON s.id = p.school_id"
        " WHERE a.klantmanager_id = ? AND p.klantmanager_id = a.klantmanager_id"
        " AND a.seen_at IS NULL AND a.alerted_at < ? AND (a.kind = 'uitval' OR a.closed_at IS NULL)"
        " ORDER BY a.alerted_at, a.id", (klantmanager_id, to_db(before)))
    return [dict(row) for row in rows]


async def record_digest(tx: Tx, klantmanager_id: int, day: date, alerts: int,
                        now: datetime) -> bool:
    """Record today's digest; False when one was already made (by an earlier sweep)."""
    await tx.execute(
        "INSERT INTO verzuim_digests(klantmanager_id, day, alerts, made_at) VALUES (?,?,?,?)"
        " ON CONFLICT DO NOTHING", (klantmanager_id, day.isoformat(), alerts, to_db(now)))
    return bool(await tx.fetchval("SELECT changes()"))


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


async def caseload_overview(db: Database | Tx, klantmanager_id: int,
                            since: datetime, now: datetime) -> list[CaseloadEntry]:
    """The klantmanager's own participants with attendance over [since, now], open alerts,
    klacht signals not yet closed (C art. 13.4) and whether their chat is unreachable.

    The attendance share counts registered lessons that were not cancelled; holidays have no
    lessons held, so a registration in one is the school's to explain."""
    # The klachten tables belong to another feature; without them there are no signals.
    signals = ("(SELECT COUNT(*) FROM klachten k WHERE k.participant_id = p.id"
               "  AND k.route = 'klantmanager' AND k.state = 'signalled')"
               if await db.fetchval("SELECT 1 FROM sqlite_master WHERE type = 'table'"
                                    " AND name = 'klachten'") else "0")
    rows = await db.fetchall(
        "SELECT p.id, p.name, p.status, s.name AS school,"
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
                          bool(row["unreachable"])) for row in rows]


async def recent_attendance(db: Database | Tx, person_id: int, now: datetime,
                            limit: int = 10) -> list[tuple[LessonRow, str]]:
    rows = await db.fetchall(
        f"SELECT {LESSON_COLUMNS}, a.status FROM attendance a JOIN lessons l ON l.id = a.lesson_id"
        " WHERE a.person_id = ? AND a.lesson_starts_at <= ?"
        " ORDER BY a.lesson_starts_at DESC LIMIT ?", (person_id, to_db(now), limit))
    return [(LessonRow.from_row(row), row["status"]) for row in rows]


async def alerts_of(db: Database | Tx, person_id: int, klantmanager_id: int,
                    limit: int = 5) -> list[dict]:
    rows = await db.fetchall(
        "SELECT id, kind, episode_start, alerted_at, missed, closed_at, back_at, seen_at,"
        " contacted_at FROM verzuim_alerts WHERE person_id = ? AND klantmanager_id = ?"
        " ORDER BY alerted_at DESC, id DESC LIMIT ?", (person_id, klantmanager_id, limit))
    return [dict(row) for row in rows]
