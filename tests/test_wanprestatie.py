"""When a participant keeps not coming (issue 15; BoW "Wanprestatie door de Cursist"): the school's
attempts to reach them are recorded with date and outcome; a warning reaches the participant in
their language with the consequences for the course contract and the school's note; the
klantmanager sees the record in /caseload, the participant in their /mijngegevens export."""

from __future__ import annotations

import json

from tests.attendance_world import drain, people_of_a_school
from tests.support import link

URL = "/api/v1/participants/P-100/contact-attempts"


async def post(bot, key: str, body: dict, participant: str = "P-100"):
    async with bot.api(key) as api:
        return await api.post(f"/api/v1/participants/{participant}/contact-attempts", json=body)


async def test_a_warning_reaches_the_arabic_participant_and_the_record_the_klantmanager(
        bot, world, client):
    school, km, amira = await people_of_a_school(world)
    petra = await client.user(1601, "Petra", language_code="nl")
    await link(world, petra, km, "nl")
    user = await client.user(1602, "Amira", language_code="ar")
    await link(world, user, amira, "ar")
    key = world.keys[f"school:{school}"]

    call = await post(bot, key, {"kind": "call", "on": "2026-11-16", "outcome": "not_reached",
                                 "note": "Voicemail ingesproken."})
    assert call.status_code == 201, call.text
    assert call.json()["sent_through_bot"] is False
    warning = await post(bot, key, {"kind": "warning", "on": "2026-11-23", "outcome": "sent",
                                    "warning": "final", "come_back_by": "2026-12-07",
                                    "send": True, "note": "Bel ons op 053-1234567."})
    assert warning.status_code == 201, warning.text
    assert warning.json()["sent_through_bot"] is True
    await drain(bot)

    told = await user.wait_for_message(contains="⚠")
    assert "إنذار" in told.text, "a warning, in Arabic"
    assert "عقد" in told.text, "the consequence for the course contract, in Arabic"
    assert "ديسمبر" in told.text, "the day to be back by, as an Arabic date"
    assert "053-1234567" in told.text, "the school's note"
    assert len([m for m in await user.messages() if "⚠" in (m.text or "")]) == 1, \
        "the call is not sent to the participant"

    async with bot.api(key) as api:
        listed = (await api.get(URL)).json()
    assert [a["kind"] for a in listed] == ["call", "warning"], "oldest first, for the auditor"

    await petra.send("/caseload")
    await petra.press("Amira Haddad", await petra.wait_for_message(contains="caseload"))
    detail = await petra.wait_for_message(contains="Wanprestatie")
    assert "telefoongesprek: niet bereikt" in detail.text
    assert "laatste waarschuwing" in detail.text and "via de bot verstuurd" in detail.text
    assert "Voicemail ingesproken" in detail.text

    await user.send("/mijngegevens")
    await user.wait_for_message()
    await user.wait_for_message()
    export = json.loads(await user.download(await user.wait_for_message()))
    assert [a["kind"] for a in export["contact_attempts"]] == ["call", "warning"]
    assert export["contact_attempts"][1]["warning_kind"] == "final"


async def test_a_warning_about_agreements_in_tigrinya_states_the_consequences(
        bot, world, client):
    school, km, amira = await people_of_a_school(world)
    user = await client.user(1611, "Amira", language_code="ti")
    await link(world, user, amira, "ti")
    response = await post(bot, world.keys[f"school:{school}"],
                          {"kind": "warning", "on": "2026-11-20", "outcome": "sent",
                           "warning": "agreements", "send": True})
    assert response.status_code == 201, response.text
    await drain(bot)
    told = await user.wait_for_message(contains="⚠")
    assert "ውዕል" in told.text, "the course contract, in Tigrinya"


async def test_only_the_schools_own_participant_and_bad_attempts_are_refused(bot, world):
    school, km, amira = await people_of_a_school(world)
    other = await world.school("Andere Taalschool")
    refused = await post(bot, world.keys[f"school:{other}"],
                         {"kind": "call", "on": "2026-11-20", "outcome": "reached"})
    assert refused.status_code == 404
    key = world.keys[f"school:{school}"]
    for bad in ({"kind": "call", "on": "2026-11-30", "outcome": "reached"},
                {"kind": "call", "on": "2026-11-20", "outcome": "reached", "send": True},
                {"kind": "call", "on": "2026-11-20", "outcome": "reached", "warning": "absence"},
                {"kind": "warning", "on": "2026-11-20", "outcome": "sent"},
                {"kind": "warning", "on": "2026-11-20", "outcome": "sent", "warning": "final"},
                {"kind": "visit", "on": "2026-11-20", "outcome": "reached"},
                {"kind": "call", "on": "2026-11-20", "outcome": "maybe"},
                {"kind": "message", "on": "2026-11-20", "outcome": "sent", "note": "a\x00b"}):
        response = await post(bot, key, bad)
        assert response.status_code == 422, (bad, response.text)
    async with bot.api(world.keys["gemeente:1"]) as api:
        assert (await api.get(URL)).status_code == 403
    assert await bot.db.fetchval("SELECT COUNT(*) FROM contact_attempts") == 0
