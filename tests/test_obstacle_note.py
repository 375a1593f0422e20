"""The klantmanager tells the school of an obstacle in the bot (issue 15; convenant art. 12.6):
from the participant's /caseload card, a standard reason and optional own words; the school's
coordinator is told, as when the gemeente uses its API, and only for the klantmanager's own
caseload, also with forged buttons."""

from __future__ import annotations

import json

from tests.attendance_world import drain, people_of_a_school
from tests.klacht_world import answer_to
from tests.support import link, press_forged


async def asked(user, contains: str):
    """The next message with buttons that contains ``contains`` (skipping edits)."""
    while True:
        message = await user.wait_for_message(contains)
        if message.buttons:
            return message


async def test_a_klantmanager_tells_the_school_and_its_coordinator_reads_it(bot, world, client):
    school, km, amira = await people_of_a_school(world)
    coordinator = await world.person("Carla Coördinator", "staff", school_id=school,
                                     staff_role="coordinator")
    carla = await client.user(1701, "Carla", language_code="nl")
    await link(world, carla, coordinator, "nl")
    petra = await client.user(1702, "Petra", language_code="en")
    await link(world, petra, km, "en")
    user = await client.user(1703, "Amira", language_code="en")
    await link(world, user, amira, "en")

    await petra.send("/caseload")
    await petra.press("Amira Haddad", await petra.wait_for_message("caseload"))
    card = await asked(petra, "Amira Haddad")
    await petra.press("Tell the school of an obstacle", card)
    await petra.press("Care for children or family", await asked(petra, "What should the school"))
    await petra.wait_for_message("own words")
    await petra.send("Mantelzorg voor haar moeder op dinsdagochtend.")
    check = await asked(petra, "To the school of Amira Haddad")
    assert "Care for children or family" in check.text and "dinsdagochtend" in check.text
    await petra.press("Send", check)
    sent = await petra.wait_for_message("Sent")
    assert "1 coordinator" in sent.text

    await drain(bot)
    note = await carla.wait_for_message(contains="dinsdagochtend")
    assert "Amira Haddad" in note.text and "Enschede" in note.text
    assert "Zorg voor kinderen of familie" in note.text, "the reason, in the coordinator's language"
    row = await bot.db.fetchone("SELECT reason, recorded_by, gemeente_id FROM gemeente_notes")
    assert (row["reason"], row["recorded_by"]) == ("care", km)

    await user.send("/gedeeld")
    shared = await user.wait_for_message("Taalschool Twente")
    assert "so your school can take it into account" in shared.text
    await user.send("/mijngegevens")
    await user.wait_for_message("everything this bot keeps")
    while not (message := await user.wait_for_message()).document \
            or not message.document["file_name"].endswith(".json"):
        pass
    notes = json.loads(await user.download(message))["gemeente_notes"]
    assert [(n["reason"], n["text"]) for n in notes] == [
        ("care", "Mantelzorg voor haar moeder op dinsdagochtend.")], "their access right too"


async def test_a_standard_reason_alone_is_enough(bot, world, client):
    school, km, amira = await people_of_a_school(world)
    coordinator = await world.person("Carla Coördinator", "staff", school_id=school,
                                     staff_role="coordinator")
    carla = await client.user(1711, "Carla", language_code="en")
    await link(world, carla, coordinator, "en")
    petra = await client.user(1712, "Petra", language_code="en")
    await link(world, petra, km, "en")
    await petra.send("/caseload")
    await petra.press("Amira Haddad", await petra.wait_for_message("caseload"))
    await petra.press("Tell the school of an obstacle", await asked(petra, "Amira Haddad"))
    await petra.press("Health", await asked(petra, "What should the school"))
    await petra.press("Skip", await asked(petra, "own words"))
    await petra.press("Send", await asked(petra, "To the school of Amira Haddad"))
    await petra.wait_for_message("Sent")
    await drain(bot)
    note = await carla.wait_for_message(contains="obstacle")
    assert "Health" in note.text and "Amira Haddad" in note.text


async def test_another_klantmanagers_participant_cannot_be_reached(bot, world, client, sandbox):
    school, km, amira = await people_of_a_school(world)
    other_km = await world.person("Karel Ander", "klantmanager", gemeente_id=1)
    stranger = await world.person("Samir Vreemd", "participant", school_id=school,
                                  klantmanager_id=other_km, external_id="P-300")
    petra = await client.user(1721, "Petra", language_code="en")
    await link(world, petra, km, "en")
    await petra.send("/caseload")
    overview = await petra.wait_for_message("caseload")
    assert "Samir" not in overview.text
    forged = f"gn:new:{stranger}"
    press_forged(sandbox, petra, overview, forged)
    answer = await answer_to(petra, forged)
    assert answer["show_alert"] and "not in your caseload" in answer["text"]
    assert await bot.db.fetchval("SELECT COUNT(*) FROM gemeente_notes") == 0


async def test_the_gemeentes_api_takes_the_same_standard_reasons(bot, world, client):
    school, km, amira = await people_of_a_school(world)
    coordinator = await world.person("Carla Coördinator", "staff", school_id=school,
                                     staff_role="coordinator")
    carla = await client.user(1731, "Carla", language_code="nl")
    await link(world, carla, coordinator, "nl")
    async with bot.api(world.keys["gemeente:1"]) as api:
        ok = await api.post("/api/v1/obstacles", json={"participant_id": amira,
                                                       "reason": "housing_money"})
        other = await api.post("/api/v1/obstacles", json={"participant_id": amira,
                                                          "reason": "other"})
        nothing = await api.post("/api/v1/obstacles", json={"participant_id": amira})
        unknown = await api.post("/api/v1/obstacles", json={"participant_id": amira,
                                                            "reason": "gossip", "text": "x"})
    assert ok.status_code == 201 and ok.json()["coordinators_told"] == 1
    assert [r.status_code for r in (other, nothing, unknown)] == [422, 422, 422]
    await drain(bot)
    note = await carla.wait_for_message(contains="Amira Haddad")
    assert "Problemen met wonen of geld" in note.text
