"""Verzuim and uitval alerts (issue 6; C art. 12.4, 9.3; BoW 4.20): who the sweep looks at, the
alerts it opens, follows up and closes, the uitval alert, the klantmanager's "seen" and
"contacted", and the daily digest of what was not seen.

Finding candidates is set-based SQL over the attendance registration (``storage.attendance``);
deciding is the pure rule ``bot.rules.verzuim``. An open episode is a row in ``verzuim_alerts``,
so a restart or a second sweep never repeats an alert. A klantmanager reaches only alerts about
participants with ``klantmanager_id`` = them.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from storage.attendance import LESSON_COLUMNS, LessonRow, holidays_for, memberships
from storage.database import Database, Tx, to_db
from storage.rows import id_table, pair_table

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
                      AND h.starts_on <= {next_day}
                      AND h.ends_on >= substr(l.starts_at, 1, 10)
                      AND (h.group_id IS NULL OR h.group_id = l.group_id))"""

# The local date's upper bound: the lesson's UTC date plus one day, in each engine's functions.
NEXT_DAY = {"sqlite": "date(l.starts_at, '+1 day')",
            "postgresql": "to_char(CAST(substr(l.starts_at, 1, 10) AS date) + 1, 'YYYY-MM-DD')"}


def attended_strictly(dialect: str, person: str) -> str:
    return ATTENDED_STRICTLY.format(person=person, next_day=NEXT_DAY[dialect])


def candidates_sql(dialect: str) -> str:
    return CANDIDATES_TEMPLATE.replace("{attended}", attended_strictly(dialect, "last.person_id"))


CANDIDATES_TEMPLATE = """
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
       OR NOT ({attended}))
UNION
SELECT person_id FROM verzuim_alerts WHERE kind = 'verzuim' AND closed_at IS NULL
"""

# For the candidates only: their last lesson attended in the strict sense (walking back over
# their presences), from which on the rule gets their registrations.
def strict_last_present_sql(db: Database | Tx) -> str:
    return STRICT_LAST_PRESENT_TEMPLATE.replace(
        "{attended}", attended_strictly(db.dialect, "a.person_id")).replace(
        "{ids}", id_table(db, ":ids"))


STRICT_LAST_PRESENT_TEMPLATE = """
SELECT c.value AS person_id, (
    SELECT a.lesson_starts_at FROM attendance a INDEXED BY attendance_present
    JOIN lessons l ON l.id = a.lesson_id
    WHERE a.person_id = c.value AND a.status = 'present' AND a.lesson_starts_at <= :now
      AND {attended}
    ORDER BY a.lesson_starts_at DESC LIMIT 1) AS lp
FROM {ids} c
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
    ids = [row[0] for row in await db.fetchall(candidates_sql(db.dialect), {"bound": to_db(bound),
                                                                 "now": to_db(now)})]
    if not ids:
        return []
    found = await db.fetchall(strict_last_present_sql(db),
                              {"ids": json.dumps(ids), "now": to_db(now)})
    since = json.dumps([[row["person_id"], row["lp"] or ""] for row in found])
    rows = await db.fetchall(
        f"SELECT a.person_id, a.status, {LESSON_COLUMNS}"
        f" FROM {pair_table(db, ':since')} c"
        " JOIN attendance a ON a.person_id = c.person_id"
        " AND a.lesson_starts_at >= c.since AND a.lesson_starts_at <= :now"
        " JOIN lessons l ON l.id = a.lesson_id ORDER BY a.person_id, a.lesson_starts_at",
        {"since": since, "now": to_db(now)})
    people_rows = {row["id"]: row for row in await db.fetchall(
        "SELECT p.id, p.school_id, p.klantmanager_id, p.status FROM people p"
        f" JOIN {id_table(db)} j ON j.value = p.id", (json.dumps(ids),))}
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
    # The rest of their groups' lessons in the same window, registered or not, cancelled or
    # not: the rule needs them to know the days on which all their lessons were cancelled.
    registered = {(row["person_id"], row["id"]) for row in rows}
    for row in await db.fetchall(
            f"SELECT DISTINCT m.person_id, {LESSON_COLUMNS} FROM {pair_table(db, ':since')} c"
            " JOIN group_members m ON m.person_id = c.person_id"
            " JOIN lessons l ON l.group_id = m.group_id"
            " AND l.starts_at >= c.since AND l.starts_at <= :now"
            " ORDER BY m.person_id, l.starts_at", {"since": since, "now": to_db(now)}):
        if (row["person_id"], row["id"]) not in registered:
            inputs[row["person_id"]].lessons.append(LessonRow.from_row(row))
    for entry in inputs.values():
        entry.lessons.sort(key=lambda lesson: lesson.starts_at)
    return list(inputs.values())


async def open_alerts(db: Database | Tx) -> dict[int, int]:
    """person -> id of their open verzuim alert."""
    return {row[0]: row[1] for row in await db.fetchall(
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


# ---- the klantmanager's side: buttons, digest, one participant's alerts ----------------------

async def alert_for_klantmanager(db: Database | Tx, alert_id: int,
                                 klantmanager_id: int) -> dict | None:
    """An alert about one of the klantmanager's own participants (now), or None."""
    row = await db.fetchone(
        "SELECT a.id, a.kind, a.person_id, a.seen_at, a.contacted_at, p.name, p.external_id"
        " FROM verzuim_alerts a"
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


async def mark_all_seen(tx: Tx, klantmanager_id: int, before: datetime, now: datetime) -> int:
    """"Mark all as seen" on a digest: the klantmanager's unseen alerts from before ``before``
    about participants still theirs; returns how many were marked."""
    return await tx.changes(
        "UPDATE verzuim_alerts SET seen_at = ? WHERE seen_at IS NULL AND alerted_at < ?"
        " AND klantmanager_id = ? AND person_id IN"
        " (SELECT id FROM people WHERE klantmanager_id = ?)",
        (to_db(now), to_db(before), klantmanager_id, klantmanager_id))


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
        "SELECT a.id, a.kind, a.episode_start, a.alerted_at, a.missed, a.person_id, p.name,"
        " p.external_id, s.name AS school"
        " FROM verzuim_alerts a JOIN people p ON p.id = a.person_id"
        " JOIN schools s ON s.id = p.school_id"
        " WHERE a.klantmanager_id = ? AND p.klantmanager_id = a.klantmanager_id"
        " AND a.seen_at IS NULL AND a.alerted_at < ? AND (a.kind = 'uitval' OR a.closed_at IS NULL)"
        " ORDER BY a.alerted_at, a.id", (klantmanager_id, to_db(before)))
    return [dict(row) for row in rows]


async def record_digest(tx: Tx, klantmanager_id: int, day: date, alerts: int,
                        now: datetime) -> bool:
    """Record today's digest; False when one was already made (by an earlier sweep)."""
    return bool(await tx.changes(
        "INSERT INTO verzuim_digests(klantmanager_id, day, alerts, made_at) VALUES (?,?,?,?)"
        " ON CONFLICT DO NOTHING", (klantmanager_id, day.isoformat(), alerts, to_db(now))))


async def alerts_of(db: Database | Tx, person_id: int, klantmanager_id: int,
                    limit: int = 5) -> list[dict]:
    rows = await db.fetchall(
        "SELECT id, kind, episode_start, alerted_at, missed, closed_at, back_at, seen_at,"
        " contacted_at FROM verzuim_alerts WHERE person_id = ? AND klantmanager_id = ?"
        " ORDER BY alerted_at DESC, id DESC LIMIT ?", (person_id, klantmanager_id, limit))
    return [dict(row) for row in rows]
