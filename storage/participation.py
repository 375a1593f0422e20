"""A participant's mandatory participation activities (issue 4; convenant art. 9.2, 12.6: the
gemeente tells the school which trajectories the participant follows and their times): weekly or
once, recorded by the gemeente's API (keyed by its external ids) or by the klantmanager in the
bot; a deletion only marks the row, and a later save of the same activity brings it back."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, time

from bot.rules.lessons import Activity
from storage.database import Row, Tx, from_db, to_db
from storage.rows import Db, chunks, marks, parse_day

ACTIVITY_SELECT = ("SELECT id, participant_id, title, weekday, start_time, end_time, valid_from,"
                   " valid_until, starts_at, ends_at FROM participation_activities")


def activity_from_row(row: Row) -> Activity:
    return Activity(
        id=row["id"], participant_id=row["participant_id"], title=row["title"],
        weekday=row["weekday"],
        start_time=time.fromisoformat(row["start_time"]) if row["start_time"] else None,
        end_time=time.fromisoformat(row["end_time"]) if row["end_time"] else None,
        valid_from=parse_day(row["valid_from"]), valid_until=parse_day(row["valid_until"]),
        starts_at=from_db(row["starts_at"]), ends_at=from_db(row["ends_at"]))


async def activities_of(db: Db, person_ids: Collection[int]) -> dict[int, list[Activity]]:
    found: dict[int, list[Activity]] = defaultdict(list)
    for chunk in chunks(list(person_ids)):
        rows = await db.fetchall(
            ACTIVITY_SELECT + f" WHERE deleted_at IS NULL AND participant_id IN"
            f" ({marks(len(chunk))}) ORDER BY id", tuple(chunk))
        for row in rows:
            found[row["participant_id"]].append(activity_from_row(row))
    return found


async def people_with_activities(db: Db, school_id: int) -> set[int]:
    rows = await db.fetchall(
        "SELECT DISTINCT a.participant_id FROM participation_activities a"
        " JOIN people p ON p.id = a.participant_id"
        " WHERE a.deleted_at IS NULL AND p.school_id = ?", (school_id,))
    return {row[0] for row in rows}


@dataclass(frozen=True)
class ActivityRecord:
    """An activity with who recorded it, as the gemeente's API shows it."""

    activity: Activity
    external_id: str | None
    gemeente_id: int | None
    recorded_by: int | None


async def activity_by_external(db: Db, gemeente_id: int, external_id: str,
                               include_deleted: bool = False) -> ActivityRecord | None:
    row = await db.fetchone(
        ACTIVITY_SELECT.replace("SELECT id,", "SELECT id, external_id, gemeente_id, recorded_by,"
                                " deleted_at,")
        + " WHERE gemeente_id = ? AND external_id = ?", (gemeente_id, external_id))
    if row is None or (row["deleted_at"] is not None and not include_deleted):
        return None
    return ActivityRecord(activity_from_row(row), row["external_id"], row["gemeente_id"],
                          row["recorded_by"])


async def activity_records(db: Db, person_ids: Collection[int]) -> list[ActivityRecord]:
    found = []
    for chunk in chunks(list(person_ids)):
        rows = await db.fetchall(
            ACTIVITY_SELECT.replace("SELECT id,", "SELECT id, external_id, gemeente_id,"
                                    " recorded_by,")
            + f" WHERE deleted_at IS NULL AND participant_id IN ({marks(len(chunk))})"
            " ORDER BY participant_id, id", tuple(chunk))
        found.extend(ActivityRecord(activity_from_row(row), row["external_id"], row["gemeente_id"],
                                    row["recorded_by"]) for row in rows)
    return found


def _activity_values(activity: Activity) -> tuple:
    return (activity.participant_id, activity.title, activity.weekday,
            activity.start_time.strftime("%H:%M") if activity.start_time else None,
            activity.end_time.strftime("%H:%M") if activity.end_time else None,
            activity.valid_from.isoformat() if activity.valid_from else None,
            activity.valid_until.isoformat() if activity.valid_until else None,
            to_db(activity.starts_at) if activity.starts_at else None,
            to_db(activity.ends_at) if activity.ends_at else None)


async def save_activity(tx: Tx, activity: Activity, now: datetime, *, gemeente_id: int | None,
                        external_id: str | None, recorded_by: int | None) -> int:
    """Insert (``activity.id`` 0) or update an activity; a soft-deleted one comes back."""
    stamp = to_db(now)
    if activity.id:
        await tx.execute(
            "UPDATE participation_activities SET participant_id = ?, title = ?, weekday = ?,"
            " start_time = ?, end_time = ?, valid_from = ?, valid_until = ?, starts_at = ?,"
            " ends_at = ?, updated_at = ?, deleted_at = NULL WHERE id = ?",
            (*_activity_values(activity), stamp, activity.id))
        return activity.id
    return await tx.execute(
        "INSERT INTO participation_activities(participant_id, title, weekday, start_time,"
        " end_time, valid_from, valid_until, starts_at, ends_at, gemeente_id, external_id,"
        " recorded_by, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (*_activity_values(activity), gemeente_id, external_id, recorded_by, stamp, stamp))


async def delete_activity(tx: Tx, activity_id: int, now: datetime) -> None:
    await tx.execute("UPDATE participation_activities SET deleted_at = ? WHERE id = ?",
                     (to_db(now), activity_id))


async def activity_participant(db: Db, activity_id: int) -> int | None:
    """The participant of an activity that is not deleted."""
    return await db.fetchval(
        "SELECT participant_id FROM participation_activities WHERE id = ? AND deleted_at IS NULL",
        (activity_id,))
