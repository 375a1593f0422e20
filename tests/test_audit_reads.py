"""Every read of a participant's data by staff is in the audit trail (issue 13), also through the
API keys and the administration: a gemeente's caseload, a school's attendance register and the
absences reported to it, and the klachten register. The participant sees each in /gedeeld, with
who read it, named as they know them."""

from __future__ import annotations

from datetime import date

from bot.app import run_admin
from tests.attendance_world import at, group, lesson, register
from tests.klacht_world import file_klacht
from tests.support import link


async def test_reads_through_the_api_and_the_register_appear_in_gedeeld(bot, world, client):
    gemeente = await world.gemeente("Enschede")
    school = await world.school("Taalschool Twente")
    await world.works_with(gemeente, school)
    km = await world.person("Petra Kloosterman", "klantmanager", gemeente_id=gemeente)
    await world.person("Anna de Vries", "staff", school_id=school, staff_role="klachtbehandelaar")
    amira = await world.person("Amira Haddad", "participant", school_id=school, klantmanager_id=km,
                               regime="wi2021", route="b1", external_id="P-7")
    participant = await client.user(1501, "Amira")
    await link(world, participant, amira, "en")
    await participant.send("/gedeeld")
    assert "Nobody has looked at your data" in (await participant.wait_for_message()).text

    group_id = await group(bot.db, school, [(amira, date(2026, 9, 1), None)])
    lesson_id = await lesson(bot.db, school, group_id, at(date(2026, 11, 2), 9))
    school_key = world.keys[f"school:{school}"]
    await register(bot, school_key, [(lesson_id, "P-7", "absent", "ill")])
    async with bot.api(world.keys[f"gemeente:{gemeente}"]) as api:
        assert (await api.get("/api/v1/caseload")).status_code == 200
    async with bot.api(school_key) as api:
        assert (await api.get(f"/api/v1/attendance/lessons/{lesson_id}")).status_code == 200
    await file_klacht(bot, participant, "en", topic="The teacher", text="Too loud")
    await run_admin(["klachten-report", "--register", "--from", "2000-01-01", "--to",
                     "2100-01-01", "--json"], bot.settings, bot.clock)

    await participant.send("/gedeeld")
    shown = (await participant.wait_for_message()).text
    assert "Who looked at your data" in shown
    lines = shown.splitlines()

    def saw(who: str, what: str) -> bool:
        return any(who in line and what in line for line in lines)

    assert saw("Enschede (API)", "you in the list of their participants"), shown
    assert saw("Taalschool Twente (API)", "your lessons and attendance"), shown
    assert saw("admin", "you in a report"), shown
