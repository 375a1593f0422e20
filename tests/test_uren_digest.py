"""An urenverklaring request reaches the staff who must confirm it (issue 14; BoW 2.9.4): as a
message with its button in working hours, and, while it is not issued, in their daily digest at
INBURGERBOT_DIGEST_TIME with a button that issues it."""

from __future__ import annotations

from datetime import date, datetime

from tests.attendance_world import (
    AMS,
    drain,
    group,
    people_of_a_school,
    press_and_read_answer,
    register,
    weekly_lessons,
)
from tests.support import link


async def a_request_on_saturday(bot, world, client, clock):
    """Amira (Arabic) asks for her urenverklaring on a Saturday evening; Sanne confirms them."""
    school, _, amira = await people_of_a_school(world)
    nt2 = await group(bot.db, school, [(amira, date(2026, 11, 1), None)], name="NT2 B1")
    lessons = await weekly_lessons(bot.db, school, nt2, date(2026, 11, 2), date(2026, 11, 20),
                                   weekdays=(0, 2), hour=9, hours=2.5)
    await register(bot, world.keys[f"school:{school}"],
                   [(lesson, "P-100", "present", None) for lesson in lessons.values()])
    sanne = await client.user(902, "Sanne", language_code="nl")
    await link(world, sanne, await world.person("Sanne Visser", "staff", school_id=school), "nl")
    participant = await client.user(901, "Amira", language_code="ar")
    await link(world, participant, amira, "ar")
    clock.set(datetime(2026, 11, 28, 20, 0, tzinfo=AMS))
    await participant.send("/uren")
    await participant.press(0, await participant.wait_for_message())  # the whole course
    await participant.press(0, await participant.wait_for_message(contains="15"))
    await participant.wait_for_message(contains="مدرستك")
    return participant, sanne


async def staff_messages(user) -> list:
    return [m for m in await user.messages() if "enverklaring" in m.text]


async def test_a_request_reaches_staff_in_working_hours_and_in_the_digest_until_issued(
        bot, world, client, clock):
    participant, sanne = await a_request_on_saturday(bot, world, client, clock)
    await drain(bot)
    assert await staff_messages(sanne) == [], "not on a Saturday evening"
    clock.set(datetime(2026, 11, 30, 8, 0, tzinfo=AMS))  # Monday, working hours
    await drain(bot)
    card = await sanne.wait_for_message("Urenverklaring aangevraagd")
    assert "Amira Haddad (P-100)" in card.text
    assert "Bevestigen en afgeven" in card.button_texts
    clock.set(datetime(2026, 11, 30, 8, 30, tzinfo=AMS))  # the digest time
    await drain(bot)
    digest = await sanne.wait_for_message("wachten op je bevestiging")
    assert "Amira Haddad (P-100), aangevraagd op 28 nov" in digest.text, digest.text
    await drain(bot)
    assert len([m for m in await staff_messages(sanne) if "wachten op" in m.text]) == 1, \
        "one digest a day"
    answer = await press_and_read_answer(sanne, "✅ Amira Haddad (P-100)", digest)
    assert "Afgegeven" in answer
    await drain(bot)
    ready = await participant.wait_for_message("PDF")
    assert ready.buttons
    clock.set(datetime(2026, 12, 1, 8, 30, tzinfo=AMS))
    await drain(bot)
    digests = [m for m in await staff_messages(sanne) if "wachten op" in m.text]
    assert len(digests) == 1, "an issued request is in no digest any more"
