"""A participant's own absences (issue 14; C art. 9.3): /afwezig lists what they reported and
what the school registered, a report can be withdrawn before the lesson ("I can come after
all"), a lesson is reported once, and /rooster and the klantmanager's /caseload mark it."""

from __future__ import annotations

from datetime import date

import pytest

from tests.attendance_world import drain, group, people_of_a_school, register, weekly_lessons
from tests.support import link

# What the participant reads, in their language.
WORDS = {
    "ar": {"list": "غيابكم (ثمانية أسابيع", "reported": "أبلغتم أنكم لن تحضروا",
           "registered": "سجّلت المدرسة: غياب، بسبب المرض", "after_all": "سأحضر",
           "good": "ستحضرون درس", "rooster_mark": "أبلغتم أنكم لن تحضروا."},
    "ti": {"list": "ምብካርኩም (ሸሞንተ ሰሙን", "reported": "ከም ዘይትመጹ ሓቢርኩም (",
           "registered": "ቤት ትምህርቲ መዝጊባ: ምብካር፡ ሕማም", "after_all": "ክመጽእ እኽእል እየ",
           "good": "ከም እትመጹ ሕጂ ትፈልጥ እያ", "rooster_mark": "ከም ዘይትመጹ ሓቢርኩም።"},
}


def which_lesson(bot, language: str) -> str:
    return bot.services.i18n.get(language)._("Which lesson can you not come to?").lstrip("\u200f")


async def report_wednesday(bot, user, language: str) -> str:
    """/afmelden for Wednesday 25 November, ill, without a note (labels from the catalog)."""
    tr = bot.services.i18n.get(language)
    await user.send("/afmelden")
    choice = await user.wait_for_message(which_lesson(bot, language))
    wednesday = choice.button_texts[1]  # Monday 23, Wednesday 25, ...
    await user.press(1, choice)
    reasons = await user.wait_for_message()
    await user.press(tr.f_("I am ill"), reasons)
    note_choice = await user.wait_for_message()
    await user.press(tr.f_("Send without a note"), note_choice)
    await user.wait_for_message()
    return wednesday


@pytest.mark.parametrize("language", ["ar", "ti"])
async def test_absences_are_listed_marked_and_a_report_is_withdrawn(bot, world, client, clock,
                                                                    language):
    words = WORDS[language]
    school, km, amira = await people_of_a_school(world)
    group_id = await group(bot.db, school, [(amira, date(2026, 11, 1), None)])
    lessons = await weekly_lessons(bot.db, school, group_id, date(2026, 11, 16),
                                   date(2026, 12, 11))
    await register(bot, world.keys[f"school:{school}"],
                   [(lessons[date(2026, 11, 16)], "P-100", "absent", "ill")])
    user = await client.user(911, "Amira", language_code=language)
    await link(world, user, amira, language)
    staff = await world.person("Sanne Visser", "staff", school_id=school)
    sanne = await client.user(912, "Sanne", language_code="nl")
    await link(world, sanne, staff, "nl")
    petra = await client.user(913, "Petra", language_code="nl")
    await link(world, petra, km, "nl")
    wednesday = await report_wednesday(bot, user, language)

    await user.send("/afmelden")
    again = await user.wait_for_message(which_lesson(bot, language))
    assert wednesday not in again.button_texts, "a lesson is reported once"
    assert len(again.button_texts) > 2
    await user.send("/cancel")
    await user.wait_for_message()

    await user.send("/rooster")
    week = await user.wait_for_message()
    assert words["rooster_mark"] in week.text

    await petra.send("/caseload")
    overview = await petra.wait_for_message("Amira Haddad")
    await petra.press("Amira Haddad", overview)
    detail = await petra.wait_for_message("Komende lessen")
    assert "afgemeld door de deelnemer" in detail.text

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
