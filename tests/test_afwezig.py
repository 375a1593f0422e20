"""A participant's own absences (issue 14; C art. 9.3): /afwezig lists what they reported and
what the school registered, a report can be withdrawn before the lesson ("I can come after
all"), a lesson is reported once, and /rooster and the klantmanager's /caseload mark it."""

from __future__ import annotations

from datetime import date

from tests.attendance_world import drain, group, people_of_a_school, register, weekly_lessons
from tests.support import link

LANG = {
    "en": {"which": "Which lesson", "ill": "I am ill", "without": "Send without a note",
           "done": "Done.", "list": "Your absences", "reported": "you reported you will not come",
           "registered": "the school registered: absent, ill", "after_all": "I can come after all",
           "good": "after all", "rooster_mark": "You reported that you will not come.",
           "wed": "Wednesday"},
}


async def reported_wednesday(bot, world, client, language: str, user_id: int):
    school, km, amira = await people_of_a_school(world)
    group_id = await group(bot.db, school, [(amira, date(2026, 11, 1), None)])
    lessons = await weekly_lessons(bot.db, school, group_id, date(2026, 11, 16),
                                   date(2026, 12, 11))
    await register(bot, world.keys[f"school:{school}"],
                   [(lessons[date(2026, 11, 16)], "P-100", "absent", "ill")])
    user = await client.user(user_id, "Amira", language_code=language)
    await link(world, user, amira, language)
    words = LANG[language]
    await user.send("/afmelden")
    choice = await user.wait_for_message(words["which"])
    await user.press(1, choice)  # Wednesday 25 November
    reasons = await user.wait_for_message()
    await user.press(words["ill"], reasons)
    note_choice = await user.wait_for_message()
    await user.press(words["without"], note_choice)
    await user.wait_for_message(words["done"])
    return school, km, amira, lessons, user, words


async def test_absences_are_listed_and_a_report_is_withdrawn(bot, world, client, clock):
    school, km, amira, lessons, user, words = await reported_wednesday(bot, world, client,
                                                                        "en", 911)
    staff = await world.person("Sanne Visser", "staff", school_id=school)
    sanne = await client.user(912, "Sanne", language_code="nl")
    await link(world, sanne, staff, "nl")

    await user.send("/afmelden")
    again = await user.wait_for_message(words["which"])
    assert not any(words["wed"] in text and "25" in text for text in again.button_texts)

    await user.send("/rooster")
    week = await user.wait_for_message()
    assert words["rooster_mark"] in week.text

    await user.send("/afwezig")
    listing = await user.wait_for_message(words["list"])
    assert words["reported"] in listing.text and words["registered"] in listing.text
    await user.press(words["after_all"], listing)
    refreshed = await user.wait_for_message()
    assert refreshed.edited and words["reported"] not in refreshed.text
    assert words["registered"] in refreshed.text
    await user.wait_for_message(words["good"])
    assert await bot.db.fetchval("SELECT COUNT(*) FROM absence_reports") == 0
    await drain(bot)
    told = await sanne.wait_for_message("ingetrokken")
    assert "Amira Haddad" in told.text and "woensdag 25 november" in told.text
