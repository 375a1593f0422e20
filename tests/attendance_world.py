"""Builders for the attendance, verzuim and urenverklaring tests (issue 6): groups, members and
lessons written straight into the rooster tables (the rooster API is another feature), the
school's attendance through our own API, and pressing a button to read the bot's answer.
"""

from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from storage.database import to_db

AMS = ZoneInfo("Europe/Amsterdam")
_ids = itertools.count(1)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=AMS)


async def group(db, school_id: int, members: list[tuple[int, date, date | None]],
                name: str = "NT2 ochtend", kind: str = "NT2") -> int:
    now = to_db(datetime(2026, 1, 1, tzinfo=AMS))
    async with db.transaction() as tx:
        group_id = await tx.execute(
            "INSERT INTO groups(school_id, external_id, name, kind, created_at, updated_at)"
            " VALUES (?,?,?,?,?,?)", (school_id, f"G{next(_ids)}", name, kind, now, now))
        for person_id, joined, left in members:
            await tx.execute(
                "INSERT INTO group_members(group_id, person_id, joined_on, left_on)"
                " VALUES (?,?,?,?)",
                (group_id, person_id, joined.isoformat(), left.isoformat() if left else None))
    return group_id


async def lesson(db, school_id: int, group_id: int, start: datetime, hours: float = 2,
                 kind: str = "NT2", mode: str = "classroom", cancelled: bool = False,
                 teacher: str = "Docent Jansen", external_id: str | None = None) -> str:
    external_id = external_id or f"L{next(_ids)}"
    now = to_db(datetime(2026, 1, 1, tzinfo=AMS))
    await db.execute(
        "INSERT INTO lessons(school_id, group_id, external_id, kind, starts_at, ends_at, mode,"
        " teacher, cancelled, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (school_id, group_id, external_id, kind, to_db(start),
         to_db(start + timedelta(hours=hours)), mode, teacher, int(cancelled), now, now))
    return external_id


async def weekly_lessons(db, school_id: int, group_id: int, first: date, last: date,
                         weekdays=(0, 2, 4), hour: int = 13, **kw) -> dict[date, str]:
    """Lessons at ``hour`` on the given weekdays from ``first`` to ``last``; date -> lesson id."""
    made = {}
    day = first
    while day <= last:
        if day.weekday() in weekdays:
            made[day] = await lesson(db, school_id, group_id, at(day, hour), **kw)
        day += timedelta(days=1)
    return made


async def register(bot, key: str, records: list[tuple[str, str, str, str | None]]) -> dict:
    """PUT /attendance with (lesson, participant, status, reason) tuples; asserts 200."""
    async with bot.api(key) as api:
        response = await api.put("/api/v1/attendance", json={"records": [
            {"lesson": lesson_id, "participant": participant, "status": status, "reason": reason}
            for lesson_id, participant, status, reason in records]})
    assert response.status_code == 200, response.text
    return response.json()


async def drain(bot) -> None:
    """Let the outbox deliver everything that is due now."""
    await bot.sweep()
    if bot.services.outbox is not None:
        await bot.services.outbox.drain(timeout=15)


async def people_of_a_school(world, regime: str = "wi2021", route: str | None = "b1"):
    """A gemeente, a school, a klantmanager and one participant with a school id."""
    gemeente = await world.gemeente()
    school = await world.school()
    await world.works_with(gemeente, school)
    km = await world.person("Petra Kloosterman", "klantmanager", gemeente_id=gemeente)
    amira = await world.person("Amira Haddad", "participant", school_id=school, klantmanager_id=km,
                               regime=regime, route=route, external_id="P-100")
    return school, km, amira


async def press_and_read_answer(user, button, message) -> str:
    """Press a button and return the text of the bot's callback answer (a pop-up or toast)."""
    import asyncio

    before = len(await user.callback_answers())
    await user.press(button, message)
    for _ in range(200):
        answers = await user.callback_answers()
        if len(answers) > before:
            return answers[-1].get("text") or ""
        await asyncio.sleep(0.05)
    raise AssertionError("the bot did not answer the button press")
