"""A school's groups and their membership periods (issue 4; Blik op Werk norm 2.10.1: each
lesson names its group): keyed by the school's external ids, replaced or updated by a push, and
read back as the periods that decide who hears of a lesson (``bot.rules.rooster_diff.member_on``:
``left_on`` is the first day no longer in the group)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime

from storage.database import Row, Tx, to_db
from storage.rows import CHUNK, Db, chunks, marks, parse_day


@dataclass(frozen=True)
class GroupRow:
    id: int
    external_id: str
    name: str
    kind: str
    level: str | None
    capacity: int | None
    location: str | None


GROUP_SELECT = "SELECT id, external_id, name, kind, level, capacity, location FROM groups"


def _group(row: Row) -> GroupRow:
    return GroupRow(row["id"], row["external_id"], row["name"], row["kind"], row["level"],
                    row["capacity"], row["location"])


async def groups_by_external(db: Db, school_id: int, external_ids: Collection[str] | None = None
                             ) -> dict[str, GroupRow]:
    """The school's groups, all or those asked for."""
    if external_ids is not None and len(external_ids) <= CHUNK:
        if not external_ids:
            return {}
        ids = list(external_ids)
        rows = await db.fetchall(GROUP_SELECT + f" WHERE school_id = ? AND external_id IN"
                                 f" ({marks(len(ids))})", (school_id, *ids))
    else:
        rows = await db.fetchall(GROUP_SELECT + " WHERE school_id = ?", (school_id,))
        if external_ids is not None:
            wanted = set(external_ids)
            rows = [row for row in rows if row["external_id"] in wanted]
    return {row["external_id"]: _group(row) for row in rows}


async def group_by_external(db: Db, school_id: int, external_id: str) -> GroupRow | None:
    row = await db.fetchone(GROUP_SELECT + " WHERE school_id = ? AND external_id = ?",
                            (school_id, external_id))
    return _group(row) if row else None


async def list_groups(db: Db, school_id: int, limit: int, offset: int) -> list[GroupRow]:
    rows = await db.fetchall(GROUP_SELECT + " WHERE school_id = ? ORDER BY external_id"
                             " LIMIT ? OFFSET ?", (school_id, limit, offset))
    return [_group(row) for row in rows]


async def insert_groups(tx: Tx, school_id: int, rows: list[tuple], now: datetime) -> None:
    """rows: (external_id, name, kind, level, capacity, location)."""
    stamp = to_db(now)
    await tx.executemany(
        "INSERT INTO groups(school_id, external_id, name, kind, level, capacity, location,"
        " created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)",
        [(school_id, *row, stamp, stamp) for row in rows])


async def update_groups(tx: Tx, rows: list[tuple], now: datetime) -> None:
    """rows: (name, kind, level, capacity, location, group_id)."""
    stamp = to_db(now)
    await tx.executemany(
        "UPDATE groups SET name = ?, kind = ?, level = ?, capacity = ?, location = ?,"
        " updated_at = ? WHERE id = ?", [(*row[:5], stamp, row[5]) for row in rows])


@dataclass(frozen=True)
class MemberRow:
    id: int
    group_id: int
    person_id: int
    external_id: str | None
    joined_on: date
    left_on: date | None


async def members(db: Db, group_ids: Collection[int]) -> list[MemberRow]:
    found: list[MemberRow] = []
    for chunk in chunks(list(group_ids)):
        rows = await db.fetchall(
            "SELECT m.id, m.group_id, m.person_id, p.external_id, m.joined_on, m.left_on"
            " FROM group_members m JOIN people p ON p.id = m.person_id"
            f" WHERE m.group_id IN ({marks(len(chunk))}) ORDER BY m.group_id, p.external_id,"
            " m.joined_on", tuple(chunk))
        found.extend(MemberRow(row["id"], row["group_id"], row["person_id"], row["external_id"],
                               parse_day(row["joined_on"]), parse_day(row["left_on"]))
                     for row in rows)
    return found


async def delete_members(tx: Tx, member_ids: Collection[int]) -> None:
    await tx.executemany("DELETE FROM group_members WHERE id = ?", [(i,) for i in member_ids])


async def insert_members(tx: Tx, rows: list[tuple[int, int, date, date | None]]) -> None:
    await tx.executemany(
        "INSERT INTO group_members(group_id, person_id, joined_on, left_on) VALUES (?,?,?,?)",
        [(g, p, j.isoformat(), left.isoformat() if left else None) for g, p, j, left in rows])


async def update_member_left(tx: Tx, rows: list[tuple[date | None, int]]) -> None:
    await tx.executemany("UPDATE group_members SET left_on = ? WHERE id = ?",
                         [(left.isoformat() if left else None, i) for left, i in rows])


async def active_memberships(db: Db, group_ids: Collection[int]
                             ) -> dict[int, dict[int, list[tuple[date, date | None]]]]:
    """group -> active participant -> membership periods, for deciding who hears of a lesson."""
    found: dict[int, dict[int, list]] = defaultdict(lambda: defaultdict(list))
    for chunk in chunks(list(group_ids)):
        rows = await db.fetchall(
            "SELECT m.group_id, m.person_id, m.joined_on, m.left_on FROM group_members m"
            " JOIN people p ON p.id = m.person_id"
            f" WHERE p.status = 'active' AND m.group_id IN ({marks(len(chunk))})", tuple(chunk))
        for row in rows:
            found[row["group_id"]][row["person_id"]].append(
                (parse_day(row["joined_on"]), parse_day(row["left_on"])))
    return found


async def people_groups(db: Db, person_ids: Collection[int]
                        ) -> dict[int, list[tuple[int, date, date | None]]]:
    """participant -> (group, joined_on, left_on) periods."""
    found: dict[int, list] = defaultdict(list)
    for chunk in chunks(list(person_ids)):
        rows = await db.fetchall(
            "SELECT person_id, group_id, joined_on, left_on FROM group_members"
            f" WHERE person_id IN ({marks(len(chunk))})", tuple(chunk))
        for row in rows:
            found[row["person_id"]].append(
                (row["group_id"], parse_day(row["joined_on"]), parse_day(row["left_on"])))
    return found


async def schools_of_groups(db: Db, group_ids: Collection[int]) -> dict[int, int]:
    """group -> its school, for the groups asked for."""
    found = {}
    for chunk in chunks(list(group_ids)):
        rows = await db.fetchall(
            f"SELECT id, school_id FROM groups WHERE id IN ({marks(len(chunk))})", tuple(chunk))
        found.update({row["id"]: row["school_id"] for row in rows})
    return found


async def group_external_id(db: Db, group_id: int) -> str | None:
    """The school's own id of a group."""
    return await db.fetchval("SELECT external_id FROM groups WHERE id = ?", (group_id,))
