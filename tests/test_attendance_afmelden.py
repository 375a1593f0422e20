"""/afmelden through the sandbox (issue 6; C art. 9.3): a participant reports absence with
buttons in Turkish, the school's staff hear of it, and a lesson that has started is refused."""

from __future__ import annotations

from datetime import date, datetime

from tests.attendance_world import AMS, drain, group, people_of_a_school, weekly_lessons
from tests.support import link


async def participant_with_lessons(bot, world, client, language: str):
    school, km, amira = await people_of_a_school(world)
    group_id = await group(bot.db, school, [(amira, date(2026, 11, 1), None)])
    lessons = await weekly_lessons(bot.db, school, group_id, date(2026, 11, 23),
                                   date(2026, 12, 11))
    user = await client.user(901, "Amira", language_code=language)
    await link(world, user, amira, language)
    return school, amira, lessons, user


async def test_participant_reports_absence_in_turkish_and_the_school_sees_it(
        bot, world, client, clock):
    school, amira, lessons, user = await participant_with_lessons(bot, world, client, "tr")
    staff = await world.person("Sanne Visser", "staff", school_id=school)
    sanne = await client.user(902, "Sanne", language_code="nl")
    await link(world, sanne, staff, "nl")

    await user.send("/afmelden")
    choice = await user.wait_for_message(contains="Hangi derse")
    assert choice.button_texts[0].startswith("23 Kasım Pazartesi") or "Pazartesi" in (
        choice.button_texts[0]), choice.button_texts
    await user.press(1, choice)  # Wednesday 25 November
    reasons = await user.wait_for_message(contains="Neden")
    assert "Hastayım" in reasons.button_texts
    await user.press("Randevu (belediye, IND, doktor)", reasons)
    note_choice = await user.wait_for_message(contains="not")
    await user.press("Not yaz", note_choice)
    await user.wait_for_message(contains="en fazla 500")
    await user.send("Afspraak bij de IND om 10 uur")
    done = await user.wait_for_message(contains="Tamam")
    assert "25 Kasım" in done.text and "13:00" in done.text

    await drain(bot)
    told = await sanne.wait_for_message(contains="Afmelding")
    assert "Amira Haddad" in told.text and "woensdag 25 november" in told.text
    assert "afspraak bij de gemeente, IND of een dokter" in told.text
    assert "Afspraak bij de IND om 10 uur" in told.text
    async with bot.api(world.keys[f"school:{school}"]) as api:
        wednesday = lessons[date(2026, 11, 25)]
        register = (await api.get(f"/api/v1/attendance/lessons/{wednesday}")).json()
    entry = register["participants"][0]
    assert entry["status"] == "absent" and entry["reason"] == "reported"
    assert entry["absence_report"]["reason"] == "appointment"


async def test_a_lesson_that_has_started_cannot_be_reported_any_more(bot, world, client, clock):
    school, amira, lessons, user = await participant_with_lessons(bot, world, client, "en")
    await user.send("/afmelden")
    choice = await user.wait_for_message(contains="Which lesson")
    await user.press(0, choice)  # today, Monday 13:00
    reasons = await user.wait_for_message(contains="Why")
    clock.set(datetime(2026, 11, 23, 13, 5, tzinfo=AMS))
    await user.press("I am ill", reasons)
    note_choice = await user.wait_for_message(contains="note")
    await user.press("Send without a note", note_choice)
    refused = await user.wait_for_message(contains="already started")
    assert "tell your school" in refused.text
    assert await bot.db.fetchval("SELECT COUNT(*) FROM absence_reports") == 0


async def test_cancelled_lessons_and_holidays_are_not_offered(bot, world, client, clock):
    school, amira, lessons, user = await participant_with_lessons(bot, world, client, "en")
    await bot.db.execute("UPDATE lessons SET cancelled = 1 WHERE external_id = ?",
                         (lessons[date(2026, 11, 25)],))
    await bot.db.execute(
        "INSERT INTO holidays(school_id, external_id, name, starts_on, ends_on, created_at)"
        " VALUES (?, 'KERST', 'Kerstvakantie', '2026-11-30', '2026-12-04',"
        " '2026-01-01T00:00:00.000000Z')", (school,))
    await user.send("/afmelden")
    choice = await user.wait_for_message(contains="Which lesson")
    days = " ".join(choice.button_texts)
    assert "Monday 23 November" in days and "Friday 27 November" in days
    assert "Wednesday 25 November" not in days, "cancelled"
    assert "30 November" not in days and "2 December" not in days, "holiday"
    assert len(choice.button_texts) == 3, "two lessons and Stop in the next two weeks"
