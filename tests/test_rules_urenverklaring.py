"""The urenverklaring cannot be refused (issue 11, point 4; BoW 2.9.4): the school's staff can
only confirm it, and a request left waiting reminds the school after 5 working days and tells the
klantmanager after 10, each once."""

from __future__ import annotations

import io
from datetime import date, datetime

from pypdf import PdfReader

from tests.attendance_world import AMS, drain, group, people_of_a_school, register, weekly_lessons
from tests.support import link


async def test_urenverklaring_bow_2_9_4_no_refusal_and_reminders_after_5_and_10_working_days(
        bot, world, client, clock):
    school, km, amira = await people_of_a_school(world)
    nt2 = await group(bot.db, school, [(amira, date(2026, 11, 1), None)])
    lessons = await weekly_lessons(bot.db, school, nt2, date(2026, 11, 2), date(2026, 11, 20))
    await register(bot, world.keys[f"school:{school}"],
                   [(lesson, "P-100", "present", None) for lesson in lessons.values()])
    staff = await world.person("Sanne Visser", "staff", school_id=school)
    sanne = await client.user(841, "Sanne", language_code="nl")
    await link(world, sanne, staff, "nl")
    petra = await client.user(842, "Petra", language_code="nl")
    await link(world, petra, km, "nl")
    user = await client.user(843, "Amira", language_code="en")
    await link(world, user, amira, "en")

    await user.send("/uren")
    await user.press(0, await user.wait_for_message())  # the whole course
    await user.press(0, await user.wait_for_message(contains="Your hours"))  # request it
    await drain(bot)
    confirm = await sanne.wait_for_message(contains="Urenverklaring aangevraagd")
    assert confirm.button_texts == ["Bevestigen en afgeven", "Opmerking toevoegen"], (
        "no refusal (BoW 2.9.4)")
    assert "kan die niet weigeren" in confirm.text

    clock.set(datetime(2026, 11, 30, 8, 59, tzinfo=AMS))
    await drain(bot)
    assert not any("Herinnering" in m.text for m in await sanne.messages())
    clock.set(datetime(2026, 11, 30, 9, 1, tzinfo=AMS))  # 5 working days after the request
    await drain(bot)
    reminder = await sanne.wait_for_message(contains="Herinnering")
    assert "Amira Haddad" in reminder.text and "23 november 2026" in reminder.text
    assert reminder.button_texts == ["Bevestigen en afgeven", "Opmerking toevoegen"]
    await drain(bot)
    assert not any("niet afgegeven" in m.text for m in await petra.messages())

    clock.set(datetime(2026, 12, 7, 9, 1, tzinfo=AMS))  # 10 working days
    await drain(bot)
    late = await petra.wait_for_message(contains="niet afgegeven")
    assert "Amira Haddad" in late.text and "Taalschool Twente" in late.text
    clock.advance(days=1)
    await drain(bot)
    assert sum("Herinnering" in m.text for m in await sanne.messages()) == 1
    assert sum("niet afgegeven" in m.text for m in await petra.messages()) == 1

    # The school adds a note instead of refusing; it is printed on the statement.
    await sanne.press("Opmerking toevoegen", reminder)
    await sanne.wait_for_message(contains="Typ de opmerking")
    await sanne.send("Lessen in week 47 zijn nog niet nagekeken.")
    noted = await sanne.wait_for_message(contains="Opmerking toegevoegd")
    await sanne.press("Bevestigen en afgeven", noted)
    await drain(bot)
    ready = await user.wait_for_message(contains="is ready")
    assert "PDF" in ready.text
    await user.press(0, ready)
    document = await user.wait_for_message()
    pdf = "\n".join(page.extract_text() for page in PdfReader(
        io.BytesIO(await user.download(document))).pages)
    assert "Opmerking van de school: Lessen in week 47 zijn nog niet nagekeken." in pdf
