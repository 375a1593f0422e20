"""Uitval as convenant art. 12.4 says it (issue 11, point 1): the school tells the klantmanager
when a participant drops out or leaves, whichever way its system reports it, and a routine sync
that does not mention the status never undoes an uitval."""

from __future__ import annotations

from tests.attendance_world import drain, people_of_a_school
from tests.support import link

PARTICIPANT = {"name": "Amira Haddad", "regime": "wi2021", "route": "b1"}


async def uitval_alerts(petra) -> int:
    return sum("Uitval" in m.text for m in await petra.messages())


async def test_uitval_c_12_4_a_sync_without_status_leaves_a_dropout_alone(bot, world, client):
    school, km, amira = await people_of_a_school(world)
    petra = await client.user(711, "Petra", language_code="nl")
    await link(world, petra, km, "nl")
    async with bot.api(world.keys[f"school:{school}"]) as api:
        response = await api.put("/api/v1/participants/P-100/status",
                                 json={"status": "dropped_out"})
        assert response.json()["klantmanager_alerted"] is True
        # The school's nightly sync sends the participant as it knows her, without a status.
        synced = await api.put("/api/v1/participants/P-100",
                               json={**PARTICIPANT, "klantmanager_id": km})
        assert synced.status_code == 200, synced.text
        assert synced.json()["status"] == "dropped_out"
        pushed = await api.post("/api/v1/planning", json={"participants": [
            {**PARTICIPANT, "external_id": "P-100", "klantmanager_id": km}]})
        assert pushed.status_code == 200, pushed.text
        shown = await api.get("/api/v1/participants/P-100")
        assert shown.json()["status"] == "dropped_out"
    await drain(bot)
    await petra.wait_for_message(contains="Uitval")
    assert await uitval_alerts(petra) == 1


async def test_uitval_c_12_4_a_push_that_reports_leaving_alerts_the_klantmanager_once(
        bot, world, client):
    school, km, amira = await people_of_a_school(world)
    petra = await client.user(712, "Petra", language_code="nl")
    await link(world, petra, km, "nl")
    body = {**PARTICIPANT, "klantmanager_id": km, "status": "left"}
    async with bot.api(world.keys[f"school:{school}"]) as api:
        first = await api.put("/api/v1/participants/P-100", json=body)
        assert first.status_code == 200 and first.json()["status"] == "left"
        again = await api.post("/api/v1/planning", json={"participants": [
            {**body, "external_id": "P-100"}]})
        assert again.status_code == 200, again.text
        status = await api.put("/api/v1/participants/P-100/status", json={"status": "left"})
        assert status.json()["changed"] is False
    await drain(bot)
    alert = await petra.wait_for_message(contains="Uitval")
    assert "Amira Haddad" in alert.text and "Taalschool Twente" in alert.text
    await drain(bot)
    assert await uitval_alerts(petra) == 1, "the same status again alerts no one"
    assert await bot.db.fetchval("SELECT COUNT(*) FROM verzuim_alerts WHERE kind = 'uitval'") == 1
