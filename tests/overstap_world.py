"""A small Twente for the overstap tests: one gemeente with a klantmanager, a school with three
groups of the same kind and level (one full), a second and a third convenant school, staff at
each, and a participant in the first group with attended lessons behind them.

Built directly in the database (the rooster API has its own tests); the clock is the fixture's
Monday 23 November 2026, 09:00 in Amsterdam.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from storage.database import to_db

AMS = ZoneInfo("Europe/Amsterdam")
MONDAY = date(2026, 11, 23)


@dataclass
class Town:
    gemeente: int
    km: int
    old: int
    new: int
    third: int
    old_staff: int
    new_staff: int
    third_staff: int
    participant: int
    groups: dict[str, int] = field(default_factory=dict)


async def add_group(db, school: int, external_id: str, name: str, capacity: int | None,
                    location: str, kind: str = "NT2", level: str = "B1") -> int:
    now = to_db(datetime(2026, 9, 1, tzinfo=AMS))
    async with db.transaction() as tx:
        return await tx.execute(
            "INSERT INTO groups(school_id, external_id, name, kind, level, capacity, location,"
            " created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)",
            (school, external_id, name, kind, level, capacity, location, now, now))


async def add_lessons(db, school: int, group: int, weekdays: tuple[int, ...], start: time,
                      end: time, location: str, weeks=range(-2, 3), kind: str = "NT2") -> None:
    now = to_db(datetime(2026, 9, 1, tzinfo=AMS))
    async with db.transaction() as tx:
        for week in weeks:
            for weekday in weekdays:
                day = MONDAY + timedelta(days=7 * week + weekday)
                await tx.execute(
                    "INSERT INTO lessons(school_id, group_id, external_id, kind, level, starts_at,"
                    " ends_at, location, mode, teacher, created_at, updated_at)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                    (school, group, f"L-{group}-{day.isoformat()}", kind, "B1",
                     to_db(datetime.combine(day, start, tzinfo=AMS)),
                     to_db(datetime.combine(day, end, tzinfo=AMS)), location, "classroom",
                     "Marieke de Boer", now, now))


async def join(db, group: int, person: int, joined_on: str = "2026-09-01") -> None:
    async with db.transaction() as tx:
        await tx.execute("INSERT INTO group_members(group_id, person_id, joined_on) VALUES (?,?,?)",
                         (group, person, joined_on))


async def attended_so_far(db, person: int, school: int, group: int, before: datetime) -> int:
    """Mark every lesson of the group before ``before`` as attended; returns how many."""
    now = to_db(before)
    async with db.transaction() as tx:
        rows = await tx.fetchall("SELECT id, starts_at FROM lessons WHERE group_id = ? AND"
                                 " starts_at < ?", (group, to_db(before)))
        for row in rows:
            await tx.execute(
                "INSERT INTO attendance(lesson_id, person_id, school_id, lesson_starts_at, status,"
                " source, recorded_at, updated_at) VALUES (?,?,?,?, 'present', 'school', ?, ?)",
                (row["id"], person, school, row["starts_at"], now, now))
    return len(rows)


async def build(world, bot, participant_name: str = "Ayşe Yılmaz") -> Town:
    db = bot.db
    gemeente = await world.gemeente("Enschede")
    km = await world.person("Petra Kloosterman", "klantmanager", gemeente_id=gemeente)
    old = await world.school("Taalschool Twente")
    new = await world.school("Taalhuis Hengelo")
    third = await world.school("Leerhuis Almelo")
    async with db.transaction() as tx:
        await tx.execute("UPDATE schools SET locations = 'Enschede, Marktstraat 12' WHERE id = ?",
                         (old,))
        await tx.execute("UPDATE schools SET locations = 'Hengelo' WHERE id = ?", (new,))
        await tx.execute("UPDATE schools SET locations = 'Almelo' WHERE id = ?", (third,))
    old_staff = await world.person("Ineke Vos", "staff", school_id=old, staff_role="coordinator")
    new_staff = await world.person("Hans Smit", "staff", school_id=new, staff_role="coordinator")
    third_staff = await world.person("Fatma Kaya", "staff", school_id=third,
                                     staff_role="coordinator")
    participant = await world.person(participant_name, "participant", school_id=old,
                                     klantmanager_id=km, regime="wi2021", route="b1",
                                     external_id="TT-001")
    town = Town(gemeente, km, old, new, third, old_staff, new_staff, third_staff, participant)
    groups = town.groups
    groups["morning"] = await add_group(db, old, "B1-OCHTEND", "NT2 B1 ochtend", 12, "Enschede")
    groups["afternoon"] = await add_group(db, old, "B1-MIDDAG", "NT2 B1 middag", 12, "Enschede")
    groups["full"] = await add_group(db, old, "B1-VOL", "NT2 B1 vol", 1, "Enschede")
    groups["knm"] = await add_group(db, old, "KNM-1", "KNM dinsdag", 12, "Enschede", kind="KNM")
    groups["new"] = await add_group(db, new, "N-B1-AVOND", "NT2 B1 avond", 10, "Hengelo")
    await add_lessons(db, old, groups["morning"], (0, 2), time(9), time(12), "Enschede")
    await add_lessons(db, old, groups["afternoon"], (1, 3), time(13), time(16), "Enschede")
    await add_lessons(db, old, groups["full"], (4,), time(9), time(12), "Enschede")
    await add_lessons(db, new, groups["new"], (0, 2), time(18), time(21), "Hengelo, Stadhuis")
    await join(db, groups["morning"], participant)
    someone = await world.person("Iemand Anders", "participant", school_id=old,
                                 klantmanager_id=km, regime="wi2013")
    await join(db, groups["full"], someone)
    await attended_so_far(db, participant, old, groups["morning"], bot.clock.now())
    return town
