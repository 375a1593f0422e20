"""The end of a contract as convenant art. 10.7 says it (issue 11, point 9): when a participant
leaves or drops out, whichever way the school's system reports it, the school's final
urenverklaring is issued as on a switch, and the participant receives it in their language."""

from __future__ import annotations

from datetime import date

from tests.attendance_world import drain, group, people_of_a_school, register, weekly_lessons
from tests.support import link

PARTICIPANT = {"name": "Amira Haddad", "regime": "wi2021", "route": "b1"}


async def two_weeks_attended(bot, world):
    """NT2 in class Monday and Wednesday, 2 hours, 9 to 18 November: 8 hours attended."""
    school, km, amira = await people_of_a_school(world)
    nt2 = await group(bot.db, school, [(amira, date(2026, 11, 1), None)])
    lessons = await weekly_lessons(bot.db, school, nt2, date(2026, 11, 9), date(2026, 11, 18),
                                   weekdays=(0, 2), hour=9)
    await register(bot, world.keys[f"school:{school}"],
                   [(lesson, "P-100", "present", None) for lesson in lessons.values()])
    return school, km, amira


async def test_end_of_contract_c_10_7_dropping_out_sends_the_final_urenverklaring(
        bot, world, client):
    school, km, amira = await two_weeks_attended(bot, world)
    participant = await client.user(821, "Amira", language_code="en")
    await link(world, participant, amira, "en")
    async with bot.api(world.keys[f"school:{school}"]) as api:
        response = await api.put("/api/v1/participants/P-100/status",
                                 json={"status": "dropped_out", "effective_on": "2026-11-20"})
        assert response.status_code == 200, response.text
        again = await api.put("/api/v1/participants/P-100/status", json={"status": "left"})
        assert again.status_code == 200, again.text
    await drain(bot)
    final = await participant.wait_for_message("final urenverklaring")
    assert "Taalschool Twente" in final.text and "Hours that count: 8" in final.text
    await participant.press(0, final)
    document = await participant.wait_for_message()
    assert document.document["file_name"].startswith("urenverklaring-")
    await drain(bot)
    assert await bot.db.fetchval("SELECT COUNT(*) FROM uren_statements") == 1, \
        "leaving after dropping out ends no second contract"


async def test_end_of_contract_c_10_7_a_push_that_says_left_sends_it_too(bot, world, client):
    school, km, amira = await two_weeks_attended(bot, world)
    participant = await client.user(822, "Amira", language_code="ar")
    await link(world, participant, amira, "ar")
    async with bot.api(world.keys[f"school:{school}"]) as api:
        pushed = await api.post("/api/v1/planning", json={"participants": [
            {**PARTICIPANT, "external_id": "P-100", "klantmanager_id": km, "status": "left"}]})
        assert pushed.status_code == 200, pushed.text
    await drain(bot)
    final = await participant.wait_for_message("Taalschool Twente")
    assert "urenverklaring" in final.text and final.button_texts
