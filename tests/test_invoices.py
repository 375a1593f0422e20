"""Invoices approved by the participant (issue 15; BoW 2.4.1-2.4.3): shown in their language only
once the lessons are over, checked against their own attendance, approved or disputed with a
button; a dispute becomes a klacht; an asielstatushouder's invoice goes to the gemeente."""

from __future__ import annotations

import asyncio
from datetime import date, datetime

from tests.attendance_world import (
    AMS,
    at,
    drain,
    group,
    lesson,
    people_of_a_school,
    press_and_read_answer,
    register,
)
from tests.support import link, press_forged


async def three_past_lessons(bot, world):
    """Three lessons of three hours in the week before today (Monday 23 November 2026); the
    participant was registered present at two."""
    school, km, amira = await people_of_a_school(world)
    group_id = await group(bot.db, school, [(amira, date(2026, 11, 1), None)])
    days = (date(2026, 11, 16), date(2026, 11, 18), date(2026, 11, 20))
    lessons = [await lesson(bot.db, school, group_id, at(day, 9), hours=3,
                            external_id=f"L-{day.day}") for day in days]
    key = world.keys[f"school:{school}"]
    await register(bot, key, [("L-16", "P-100", "present", None),
                              ("L-18", "P-100", "present", None),
                              ("L-20", "P-100", "absent", None)])
    return school, km, amira, group_id, lessons, key


async def callback_answer(user, before: int) -> str:
    """The text of the bot's answer number ``before`` + 1 to a (forged) press."""
    for _ in range(200):
        answers = await user.callback_answers()
        if len(answers) > before:
            return answers[before].get("text") or ""
        await asyncio.sleep(0.05)
    raise AssertionError("the bot did not answer the press")


async def put_invoice(bot, key, number, **body):
    body = {"participant": "P-100", "lessons": ["L-16", "L-18", "L-20"], "hours": 9, **body}
    async with bot.api(key) as api:
        return await api.put(f"/api/v1/invoices/{number}", json=body)


async def test_hours_beyond_attendance_are_flagged_and_a_dispute_becomes_a_klacht(
        bot, world, client):
    school, km, amira, _, _, key = await three_past_lessons(bot, world)
    handler = await world.person("Karin Klachten", "staff", school_id=school,
                                 staff_role="klachtbehandelaar")
    karin = await client.user(1701, "Karin", language_code="nl")
    await link(world, karin, handler, "nl")
    user = await client.user(1702, "Amira", language_code="ti")
    await link(world, user, amira, "ti")

    response = await put_invoice(bot, key, "F-2026-17", amount=450)
    assert response.status_code == 201, response.text
    assert response.json()["state"] == "open"
    await drain(bot)
    invoice = await user.wait_for_message(contains="F-2026-17")
    assert "⚠" in invoice.text and "3" in invoice.text, "3 hours more than attended, in Tigrinya"
    assert "ሰዓት" in invoice.text and "€" in invoice.text
    assert invoice.button_texts == ["ኣጽድቕ", "ተቓወም (ጥርዓን)"]

    await user.press("ተቓወም (ጥርዓን)", invoice)
    answered = await user.wait_for_message(contains="F-2026-17")
    assert answered.message_id == invoice.message_id and not answered.buttons
    assert "ጥርዓንኩም" in answered.text
    async with bot.api(key) as api:
        state = (await api.get("/api/v1/invoices/F-2026-17")).json()
    assert state["state"] == "disputed"
    klacht = await bot.db.fetchone("SELECT topic, description, route, reference FROM klachten")
    assert klacht["topic"] == "invoice" and klacht["route"] == "school"
    assert "F-2026-17" in klacht["description"]
    await drain(bot)
    new = await karin.wait_for_message(contains="Factuur of contract")
    assert "Amira Haddad" in new.text and "F-2026-17" in new.text
    ack = await user.wait_for_message(contains=klacht["reference"])
    assert "klacht" in ack.text, "the acknowledgement (BoW 1.5.6) in Tigrinya"
    await user.send("/mijnklachten")
    assert await user.wait_for_message(contains=klacht["reference"])


async def test_an_invoice_waits_until_its_lessons_are_over_and_is_answered_once(
        bot, world, client, clock, sandbox):
    school, km, amira, group_id, _, key = await three_past_lessons(bot, world)
    await lesson(bot.db, school, group_id, at(date(2026, 11, 25), 9), hours=3,
                 external_id="L-25")
    user = await client.user(1711, "Amira", language_code="ar")
    await link(world, user, amira, "ar")
    response = await put_invoice(bot, key, "F-2", lessons=["L-16", "L-18", "L-25"], hours=6)
    assert response.status_code == 201
    assert response.json()["answerable_from"].startswith("2026-11-25T11:00")
    await drain(bot)
    assert not [m for m in await user.messages() if "F-2" in m.text], "not before the lesson"
    invoice_id = await bot.db.fetchval("SELECT id FROM invoices WHERE external_id = 'F-2'")
    menu = (await user.messages())[-1]
    answered = len(await user.callback_answers())
    press_forged(sandbox, user, menu, f"iv:ok:{invoice_id}")
    early = await callback_answer(user, answered)
    assert "يمكنكم الرد على هذه الفاتورة بعد انتهاء آخر درس" in early, "too early, in Arabic"
    async with bot.api(key) as api:
        assert (await api.get("/api/v1/invoices/F-2")).json()["state"] == "open"

    clock.set(datetime(2026, 11, 25, 12, 0, tzinfo=AMS))
    await drain(bot)
    invoice = await user.wait_for_message(contains="F-2")
    assert "⚠" not in invoice.text, "6 hours invoiced, 6 attended: nothing to flag"
    answer = await press_and_read_answer(user, "موافقة", invoice)
    assert answer == ""
    done = await user.wait_for_message(contains="F-2")
    assert "وافقتم" in done.text and not done.buttons
    answered = len(await user.callback_answers())
    press_forged(sandbox, user, done, f"iv:no:{invoice_id}")
    await callback_answer(user, answered)
    async with bot.api(key) as api:
        assert (await api.get("/api/v1/invoices/F-2")).json()["state"] == "approved"
    assert await bot.db.fetchval("SELECT COUNT(*) FROM klachten") == 0


async def test_an_asielstatushouders_invoice_goes_to_the_gemeente_with_days_and_hours(
        bot, world, client):
    """BoW 2.4.2: lesson days and hours per participant, for the gemeente only."""
    school, km, amira, _, _, key = await three_past_lessons(bot, world)
    user = await client.user(1721, "Amira", language_code="nl")
    await link(world, user, amira, "nl")
    assert (await put_invoice(bot, key, "G-1", payer="gemeente")).status_code == 201
    await drain(bot)
    assert not [m for m in await user.messages() if "G-1" in m.text]
    async with bot.api(world.keys["gemeente:1"]) as api:
        listed = (await api.get("/api/v1/invoices")).json()
    assert listed == [{"number": "G-1", "participant_id": amira, "name": "Amira Haddad",
                       "hours": 9.0, "amount": None, "lesson_days": [
                           {"day": "2026-11-16", "hours": 3.0}, {"day": "2026-11-18", "hours": 3.0},
                           {"day": "2026-11-20", "hours": 3.0}]}]
    other = await world.gemeente("Hengelo")
    async with bot.api(world.keys[f"gemeente:{other}"]) as api:
        assert (await api.get("/api/v1/invoices")).json() == []


async def test_invoices_name_only_the_schools_own_lessons_and_participants(bot, world):
    school, km, amira, group_id, _, key = await three_past_lessons(bot, world)
    await lesson(bot.db, school, group_id, at(date(2026, 11, 17), 9), external_id="L-CX",
                 cancelled=True)
    other_group = await group(bot.db, school, [])
    await lesson(bot.db, school, other_group, at(date(2026, 11, 17), 14), external_id="L-OG")
    cases = [({"lessons": ["NOPE"]}, 422), ({"lessons": ["L-CX"]}, 422),
             ({"lessons": ["L-OG"]}, 422), ({"lessons": ["L-16", "L-16"]}, 422),
             ({"participant": "P-999"}, 404), ({"hours": 0}, 422), ({"amount": -1}, 422),
             ({"payer": "duo"}, 422)]
    for number, (body, status) in enumerate(cases):
        response = await put_invoice(bot, key, f"X-{number}", **body)
        assert response.status_code == status, (body, response.text)
    assert (await put_invoice(bot, key, "OK-1")).status_code == 201
    assert (await put_invoice(bot, key, "OK-1")).status_code == 409
    foreign = await world.school("Andere Taalschool")
    async with bot.api(world.keys[f"school:{foreign}"]) as api:
        assert (await api.get("/api/v1/invoices/OK-1")).status_code == 404
    assert await bot.db.fetchval("SELECT COUNT(*) FROM invoices") == 1
