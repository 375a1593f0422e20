"""Erasure and retention of the trajectory (issue 15; AVG art. 17(1), 17(3)(b) and (e), 5(1)(e)):
what the school and the gemeente wrote about motivation and obstacles goes on an erasure request;
the intake, predictions, progress and the attempts to reach the participant stay as the facts
the audit reads, without their notes; after the attendance period all of it goes."""

from __future__ import annotations

import json

from bot.app import run_admin
from tests.attendance_world import drain, people_of_a_school
from tests.support import link

SCHOOL_WORDS = ("Leert snel, diploma uit Syrië.", "Gemotiveerd maar somber sinds de winter.",
                "Dyslexie vermoed.", "Zei dat ze ziek was.", "Mantelzorg voor haar moeder.")


async def admin(bot, *argv: str):
    return await run_admin(list(argv), bot.settings, bot.clock)


async def a_file_at_school(bot, world, school: int, amira: int) -> None:
    """An intake, attitude and obstacles, a call and the gemeente's note, each with own words,
    and the participant's consent to the satisfaction survey."""
    intake, attitude, obstacles, call, note = SCHOOL_WORDS
    async with bot.api(world.keys[f"school:{school}"]) as api:
        for body in ({"kind": "intake", "goal_level": "B1", "route": "b1",
                      "predicted_end": "2027-09-30", "text": intake},
                     {"kind": "attitude", "text": attitude},
                     {"kind": "obstacles", "text": obstacles}):
            assert (await api.post("/api/v1/participants/P-100/trajectory",
                                   json=body)).status_code == 201
        assert (await api.post("/api/v1/participants/P-100/contact-attempts", json={
            "kind": "call", "on": "2026-11-16", "outcome": "not_reached",
            "note": call})).status_code == 201
        assert (await api.put("/api/v1/participants/P-100/survey-consent",
                              json={"consent": True})).status_code == 200
    async with bot.api(world.keys["gemeente:1"]) as api:
        assert (await api.post("/api/v1/obstacles", json={"participant_id": amira,
                                                          "text": note})).status_code == 201


async def my_data(user):
    """/mijngegevens: the JSON file's content, and the message with the request buttons."""
    await user.send("/mijngegevens")
    offer = await user.wait_for_message(contains="everything this bot keeps")
    while True:
        message = await user.wait_for_message()
        if message.document and message.document["file_name"].endswith(".json"):
            return json.loads(await user.download(message)), offer


async def test_an_erasure_takes_the_notes_and_keeps_the_facts_the_audit_needs(
        bot, world, client):
    school, km, amira = await people_of_a_school(world)
    user = await client.user(1801, "Amira", language_code="en")
    await link(world, user, amira, "en")
    await a_file_at_school(bot, world, school, amira)
    await drain(bot)
    data, offer = await my_data(user)
    before = json.dumps(data, ensure_ascii=False)
    assert all(words in before for words in SCHOOL_WORDS), "/mijngegevens shows all of it"

    await user.press("Ask to erase my data", offer)
    await user.wait_for_message(contains="recorded")
    request = json.loads(await admin(bot, "privacy", "requests", "--json"))[0]
    await admin(bot, "privacy", "handle", str(request["id"]))
    await drain(bot)
    told = await user.wait_for_message(contains="motivation and obstacles were erased")
    assert "attempts to reach you" in told.text and "invoices" in told.text

    after, _ = await my_data(user)
    text = json.dumps(after, ensure_ascii=False)
    assert not any(words in text for words in SCHOOL_WORDS), "no own words left"
    assert [record["kind"] for record in after["trajectory"]] == ["intake"]
    assert after["gemeente_notes"] == []
    assert [(a["kind"], a["outcome"], a["note"]) for a in after["contact_attempts"]] == [
        ("call", "not_reached", None)]
    assert after["survey_consent"][0]["consent"] == 0, "no longer passed to the survey bureau"

    async with bot.api(world.keys[f"school:{school}"]) as api:
        records = (await api.get("/api/v1/participants/P-100/trajectory")).json()
        attempts = (await api.get("/api/v1/participants/P-100/contact-attempts")).json()
        delivery = (await api.get("/api/v1/survey/delivery")).text
    assert [(r["kind"], r["details"], r["predicted_end"]) for r in records] == [
        ("intake", {"goal_level": "B1", "route": "b1"}, "2027-09-30")]
    assert [(a["kind"], a["outcome"], a.get("note")) for a in attempts] == [
        ("call", "not_reached", None)], "the evidence stays, without the note"
    assert "Amira" not in delivery


async def test_the_trajectory_goes_with_the_attendance_after_its_retention(
        bot, world, client, clock):
    school, km, amira = await people_of_a_school(world)
    await a_file_at_school(bot, world, school, amira)
    report = {row["kind"]: row for row in json.loads(
        await admin(bot, "privacy", "retention", "--json"))}
    assert report["trajectory"]["held"] == 3 and report["contact_attempts"]["held"] == 1
    assert report["trajectory"]["kept days"] == report["attendance"]["kept days"]

    clock.advance(days=365 * 5)
    await bot.sweep()
    async with bot.api(world.keys[f"school:{school}"]) as api:
        assert len((await api.get("/api/v1/participants/P-100/trajectory")).json()) == 3, \
            "kept for the whole period"
    clock.advance(days=3)
    await bot.sweep()
    async with bot.api(world.keys[f"school:{school}"]) as api:
        assert (await api.get("/api/v1/participants/P-100/trajectory")).json() == []
        assert (await api.get("/api/v1/participants/P-100/contact-attempts")).json() == []
    assert await bot.db.fetchval("SELECT COUNT(*) FROM gemeente_notes") == 0
    report = {row["kind"]: row for row in json.loads(
        await admin(bot, "privacy", "retention", "--json"))}
    assert report["trajectory"]["removed"] == 3 and report["contact_attempts"]["removed"] == 1


async def test_a_disputed_invoice_stays_when_its_klacht_leaves_the_register(
        bot, world, client, clock):
    """The klacht a dispute opened leaves the register after the school's period (24 months);
    the invoice stays with the attendance, and the sweep does not fail on it."""
    from datetime import date

    from tests.attendance_world import at, group, lesson, register

    school, km, amira = await people_of_a_school(world)
    user = await client.user(1811, "Amira", language_code="en")
    await link(world, user, amira, "en")
    key = world.keys[f"school:{school}"]
    group_id = await group(bot.db, school, [(amira, date(2026, 11, 1), None)])
    await lesson(bot.db, school, group_id, at(date(2026, 11, 16), 9), hours=3, external_id="L-16")
    await register(bot, key, [("L-16", "P-100", "present", None)])
    async with bot.api(key) as api:
        assert (await api.put("/api/v1/invoices/F-1", json={
            "participant": "P-100", "lessons": ["L-16"], "hours": 3})).status_code == 201
    await drain(bot)
    await user.press("Dispute", await user.wait_for_message(contains="F-1"))
    await user.wait_for_message(contains="F-1")
    # The school handled the klacht and closed it (its own steps are tested elsewhere).
    await bot.db.execute("UPDATE klachten SET state = 'closed', handled_at = received_at")

    clock.advance(days=750)
    await bot.sweep()
    assert await bot.db.fetchval("SELECT COUNT(*) FROM klachten") == 0
    async with bot.api(key) as api:
        invoice = await api.get("/api/v1/invoices/F-1")
    assert invoice.status_code == 200 and invoice.json()["state"] == "disputed"
