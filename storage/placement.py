"""Where a participant follows lessons, as an overstap sees it (issue 7; convenant art. 11.1):
groups with their free places on a day, the groups a participant may move to at the same school
(same kind and level, with room), the memberships ended and begun when a switch takes effect, and
the participant's school changed when a switch to another school completes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from storage.database import Database, Tx, from_db, to_db


@dataclass(frozen=True)
class Group:
    id: int
    school_id: int
    external_id: str
    name: str
    kind: str
    level: str | None
    capacity: int | None
    location: str | None
    members: int

    @property
    def free(self) -> int | None:
        return None if self.capacity is None else max(self.capacity - self.members, 0)


def _members_on(alias: str = "g") -> str:
    return (f"(SELECT count(*) FROM group_members m WHERE m.group_id = {alias}.id AND"
            " m.joined_on <= :day AND (m.left_on IS NULL OR m.left_on > :day))")


GROUP_COLUMNS = "g.id, g.school_id, g.external_id, g.name, g.kind, g.level, g.capacity, g.location"


def _group(row) -> Group:
    return Group(row["id"], row["school_id"], row["external_id"], row["name"], row["kind"],
                 row["level"], row["capacity"], row["location"], row["members"])


async def group_name(db: Database | Tx, group_id: int) -> str | None:
    return await db.fetchval("SELECT name FROM groups WHERE id = ?", (group_id,))


async def group_ref(db: Database | Tx, group_id: int) -> tuple[str, str] | None:
    """A group's (external id, name): how a school's own system knows it."""
    row = await db.fetchone("SELECT external_id, name FROM groups WHERE id = ?", (group_id,))
    return (row["external_id"], row["name"]) if row else None


async def school_kinds(db: Database | Tx, school_id: int) -> list[str]:
    """The kinds of course a school has groups for, in alphabetical order."""
    rows = await db.fetchall("SELECT DISTINCT kind FROM groups WHERE school_id = ? ORDER BY kind",
                             (school_id,))
    return [row[0] for row in rows]


async def get_group(db: Database | Tx, group_id: int, day: date) -> Group | None:
    row = await db.fetchone(f"SELECT {GROUP_COLUMNS}, {_members_on()} AS members FROM groups g"
                            " WHERE g.id = :id", {"id": group_id, "day": day.isoformat()})
    return _group(row) if row else None


async def group_by_external_id(db: Database | Tx, school_id: int, external_id: str,
                               day: date) -> Group | None:
    row = await db.fetchone(f"SELECT {GROUP_COLUMNS}, {_members_on()} AS members FROM groups g"
                            " WHERE g.school_id = :school AND g.external_id = :ext",
                            {"school": school_id, "ext": external_id, "day": day.isoformat()})
    return _group(row) if row else None


async def current_groups(db: Database | Tx, person_id: int, school_id: int,
                         day: date) -> list[Group]:
    """The groups of this school the participant is in on ``day`` (or joins later)."""
    rows = await db.fetchall(
        f"SELECT {GROUP_COLUMNS}, {_members_on()} AS members FROM groups g"
        " JOIN group_members gm ON gm.group_id = g.id WHERE gm.person_id = :person"
        " AND g.school_id = :school AND (gm.left_on IS NULL OR gm.left_on > :day)"
        " GROUP BY g.id ORDER BY min(gm.joined_on), g.id",
        {"person": person_id, "school": school_id, "day": day.isoformat()})
    return [_group(row) for row in rows]


async def slot_options(db: Database | Tx, school_id: int, current: Group, day: date) -> list[Group]:
    """Other groups of the same school, kind and level with a free place (a group without a
    capacity is not offered: nobody can tell whether there is room)."""
    rows = await db.fetchall(
        f"SELECT {GROUP_COLUMNS}, {_members_on()} AS members FROM groups g"
        " WHERE g.school_id = :school AND g.kind = :kind AND g.level IS :level AND g.id <> :id"
        " AND g.capacity IS NOT NULL ORDER BY g.name",
        {"school": school_id, "kind": current.kind, "level": current.level, "id": current.id,
         "day": day.isoformat()})
    return [group for group in map(_group, rows) if group.free]


async def groups_with_room(db: Database | Tx, school_id: int, day: date) -> list[Group]:
    rows = await db.fetchall(f"SELECT {GROUP_COLUMNS}, {_members_on()} AS members FROM groups g"
                             " WHERE g.school_id = :school ORDER BY g.name",
                             {"school": school_id, "day": day.isoformat()})
    return [group for group in map(_group, rows) if group.free is None or group.free > 0]


async def group_lesson_starts(db: Database | Tx, group_id: int, now: datetime,
                              days: int = 14) -> list[datetime]:
    """Starts of the group's lessons in the next ``days`` days, to show its days and times."""
    rows = await db.fetchall(
        "SELECT starts_at FROM lessons WHERE group_id = ? AND cancelled = 0 AND starts_at >= ?"
        " AND starts_at < ? ORDER BY starts_at",
        (group_id, to_db(now), to_db(now + timedelta(days=days))))
    return [from_db(row["starts_at"]) for row in rows]


async def move_group_membership(tx: Tx, person_id: int, from_group_id: int | None,
                                to_group_id: int | None, on: date) -> None:
    """Leave ``from_group_id`` and join ``to_group_id`` from the local date ``on``.

    ``left_on`` is the first day no longer in the group (bot/rooster/diff.py ``member_on``), so
    the old group's lessons from ``on`` and the new group's before it are not the participant's.
    """
    if from_group_id is not None:
        await tx.execute(
            "UPDATE group_members SET left_on = ? WHERE person_id = ? AND group_id = ?"
            " AND (left_on IS NULL OR left_on > ?) AND joined_on < ?",
            (on.isoformat(), person_id, from_group_id, on.isoformat(), on.isoformat()))
        # A membership that had not begun yet is withdrawn altogether.
        await tx.execute("DELETE FROM group_members WHERE person_id = ? AND group_id = ?"
                         " AND joined_on >= ?", (person_id, from_group_id, on.isoformat()))
    if to_group_id is not None:
        await tx.execute("INSERT INTO group_members(group_id, person_id, joined_on) VALUES (?,?,?)"
                         " ON CONFLICT(group_id, person_id, joined_on)"
                         " DO UPDATE SET left_on = NULL",
                         (to_group_id, person_id, on.isoformat()))


async def leave_school_groups(tx: Tx, person_id: int, school_id: int, on: date) -> None:
    """End every membership of the participant in the groups of ``school_id`` from ``on``."""
    rows = await tx.fetchall("SELECT DISTINCT gm.group_id FROM group_members gm JOIN groups g ON"
                             " g.id = gm.group_id WHERE gm.person_id = ? AND g.school_id = ?",
                             (person_id, school_id))
    for row in rows:
        await move_group_membership(tx, person_id, row["group_id"], None, on)


async def change_school(tx: Tx, person_id: int, school_id: int,
                        external_id: str | None = None) -> None:
    """The participant now belongs to the new school: its key reaches them, the old one's no more.
    The old school's own id for them means nothing at the new school: it is replaced by the new
    school's id, if given, so the new school's rooster pushes find the same person."""
    await tx.execute("UPDATE people SET school_id = ?, external_id = ? WHERE id = ?"
                     " AND role = 'participant'", (school_id, external_id, person_id))


async def external_id_taken(db: Database | Tx, school_id: int, external_id: str,
                            person_id: int) -> bool:
    return bool(await db.fetchval("SELECT 1 FROM people WHERE school_id = ? AND external_id = ?"
                                  " AND id <> ?", (school_id, external_id, person_id)))
