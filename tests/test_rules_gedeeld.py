"""What was shared, as convenant art. 12.3 says it (issue 11, point 14): the participant reads in
/gedeeld every piece of personal information that left their school, recorded where it left:
verzuim and uitval alerts, a klacht that reached the klantmanager, the overstap's handover, and
(under "who looked") their attendance seen in /caseload."""

from __future__ import annotations

from datetime import date, datetime

from tests.attendance_world import (
    AMS,
    drain,
    group,
    people_of_a_school,
    register,
    weekly_lessons,
)
from tests.klacht_world import new_message
from tests.support import link


async def test_gedeeld_c_12_3_an_uitval_alert_is_listed_with_the_klantmanager_and_why(
        bot, world, client):
    school, km, amira = await people_of_a_school(world)
    participant = await client.user(1601, "Amira")
    await link(world, participant, amira, "ar")
    async with bot.api(world.keys[f"school:{school}"]) as api:
        response = await api.put("/api/v1/participants/P-100/status",
                                 json={"status": "dropped_out", "reason": "moved away"})
        assert response.json()["klantmanager_alerted"] is True
    await participant.send("/gedeeld")
    shown = (await new_message(participant)).text
    tr = bot.services.i18n.get("ar")
    assert "Petra Kloosterman" in shown
    assert tr.f_("That you left or stopped, and why") in shown


async def test_gedeeld_c_12_3_a_verzuim_alert_is_listed_with_the_klantmanager_and_why(
        bot, world, client, clock):
    school, km, amira = await people_of_a_school(world)
    group_id = await group(bot.db, school, [(amira, date(2026, 11, 1), None)])
    lessons = await weekly_lessons(bot.db, school, group_id, date(2026, 11, 2), date(2026, 12, 18))
    records = [(lessons[day], "P-100", "present", None) for day in lessons
               if day <= date(2026, 11, 13)]
    records += [(lessons[day], "P-100", "absent", None)
                for day in (date(2026, 11, 16), date(2026, 11, 18), date(2026, 11, 20))]
    await register(bot, world.keys[f"school:{school}"], records)
    participant = await client.user(1602, "Amira")
    await link(world, participant, amira, "so")
    clock.set(datetime(2026, 11, 24, 14, 0, tzinfo=AMS))
    await drain(bot)
    assert await bot.db.fetchval("SELECT count(*) FROM verzuim_alerts") == 1
    await participant.send("/gedeeld")
    shown = (await new_message(participant)).text
    tr = bot.services.i18n.get("so")
    assert "Petra Kloosterman" in shown and tr.f_("Which lessons you missed") in shown
