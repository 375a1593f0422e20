"""Verzuim and uitval alerts through the sandbox (issue 6; C art. 12.4): what the klantmanager
reads in Telegram when a participant stays away, comes back, or drops out."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from bot.app import run_admin
from storage import people
from tests.attendance_world import (
    AMS,
    drain,
    group,
    people_of_a_school,
    press_and_read_answer,
    register,
    weekly_lessons,
)
from tests.support import World, link, start_bot

MEMBER_SINCE = date(2026, 11, 1)


async def absent_since_16_november(bot, world):
    """Lessons Mon/Wed/Fri at 13:00; attended until 13 November, then absent (one reported ill)."""
    school, km, amira = await people_of_a_school(world)
    group_id = await group(bot.db, school, [(amira, MEMBER_SINCE, None)])
    lessons = await weekly_lessons(bot.db, school, group_id, date(2026, 11, 2), date(2026, 12, 18))
    key = world.keys[f"school:{school}"]
    records = [(lessons[day], "P-100", "present", None) for day in lessons
               if day <= date(2026, 11, 13)]
    records += [(lessons[date(2026, 11, 16)], "P-100", "absent", None),
                (lessons[date(2026, 11, 18)], "P-100", "absent", "ill"),
                (lessons[date(2026, 11, 20)], "P-100", "absent", None)]
    await register(bot, key, records)
    return school, km, amira, lessons, key


async def test_eight_days_of_missed_lessons_alert_the_klantmanager_once_in_dutch(
        sandbox, client, clock, tmp_path):
    bot = await start_bot(sandbox, tmp_path / "bot.db", clock)
    try:
        world = World(bot.db, clock)
        school, km, amira, lessons, key = await absent_since_16_november(bot, world)
        petra = await client.user(701, "Petra", language_code="nl")
        await link(world, petra, km, "nl")
        before = len(await petra.messages())

        await drain(bot)  # Monday 23 November 09:00: absent for 6 days and 20 hours
        assert len(await petra.messages()) == before, "no alert within the first week"

        # Eight days after the first missed lesson (the school has not registered Monday's
        # lesson yet); the scheduler may sweep at any moment, and each step's outcome does not
        # depend on when it does.
        clock.set(datetime(2026, 11, 24, 14, 0, tzinfo=AMS))
        await drain(bot)
        alert = await petra.wait_for_message(contains="Verzuim")
        assert "Amira Haddad" in alert.text
        assert "Taalschool Twente" in alert.text
        assert "Afwezig sinds: maandag 16 november" in alert.text, alert.text
        assert "3 lessen gemist" in alert.text
        assert "- vrijdag 20 november 13:00, NT2: afwezig, geen reden gegeven" in alert.text
        assert "1 daarvan" in alert.text and "afwezig, reden gemeld" in alert.text
        assert "ziek" not in alert.text, "no health reason in chat unless the gemeente allows it"
        assert alert.button_texts == ["Gezien", "Contact gehad"]

        await register(bot, key, [(lessons[date(2026, 11, 23)], "P-100", "absent", None)])
        await drain(bot)
        clock.advance(minutes=30)
        await drain(bot)
        assert len(await petra.messages()) == before + 1, "one alert, not one per sweep"

        await bot.stop()
        bot = await start_bot(sandbox, tmp_path / "bot.db", clock)
        clock.advance(hours=1)
        await drain(bot)
        assert len(await petra.messages()) == before + 1, "a restart repeats nothing"

        clock.set(datetime(2026, 11, 25, 16, 0, tzinfo=AMS))
        await register(bot, key, [(lessons[date(2026, 11, 25)], "P-100", "present", None)])
        await drain(bot)
        back = await petra.wait_for_message(contains="Weer in de les")
        assert "Amira Haddad" in back.text and "woensdag 25 november" in back.text
        await drain(bot)
        assert len(await petra.messages()) == before + 2
    finally:
        await bot.stop()


async def test_absence_that_goes_on_gets_one_follow_up_a_week(bot, world, client, clock):
    school, km, amira, lessons, key = await absent_since_16_november(bot, world)
    petra = await client.user(702, "Petra", language_code="nl")
    await link(world, petra, km, "nl")
    clock.set(datetime(2026, 11, 24, 14, 0, tzinfo=AMS))
    await drain(bot)
    await petra.wait_for_message(contains="Verzuim")
    # Four more absences registered before a week has passed since the alert; then it has.
    clock.set(datetime(2026, 11, 30, 15, 0, tzinfo=AMS))
    await register(bot, key, [(lessons[date(2026, 11, d)], "P-100", "absent", None)
                              for d in (23, 25, 27, 30)])
    clock.set(datetime(2026, 12, 1, 15, 0, tzinfo=AMS))
    await drain(bot)
    follow_up = await petra.wait_for_message(contains="nog steeds", timeout=5)
    assert "week 2" in follow_up.text
    assert "7 lessen gemist" in follow_up.text, follow_up.text
    assert "maandag 30 november" in follow_up.text
    for day in (2, 4):
        clock.set(datetime(2026, 12, day, 15, 0, tzinfo=AMS))
        await register(bot, key, [(lessons[date(2026, 12, day)], "P-100", "absent", None)])
        await drain(bot)
    texts = [m.text for m in await petra.messages()]
    assert sum("nog steeds" in t for t in texts) == 1
    assert sum(t.startswith("Verzuim:") for t in texts) == 1


async def test_holidays_and_cancelled_lessons_never_count_as_absence(bot, world, client, clock):
    school, km, amira = await people_of_a_school(world)
    group_id = await group(bot.db, school, [(amira, MEMBER_SINCE, None)])
    lessons = await weekly_lessons(bot.db, school, group_id, date(2026, 11, 2), date(2026, 11, 30))
    key = world.keys[f"school:{school}"]
    await register(bot, key, [(lessons[d], "P-100", "present", None) for d in lessons
                              if d <= date(2026, 11, 6)])
    # Autumn week off for the whole school, and the Monday after it cancelled afterwards.
    await bot.db.execute(
        "INSERT INTO holidays(school_id, external_id, name, starts_on, ends_on, created_at)"
        " VALUES (?, 'H1', 'Herfstvakantie', '2026-11-09', '2026-11-15',"
        " '2026-01-01T00:00:00.000000Z')",
        (school,))
    await register(bot, key, [(lessons[d], "P-100", "absent", None) for d in lessons
                              if date(2026, 11, 9) <= d <= date(2026, 11, 16)])
    await bot.db.execute("UPDATE lessons SET cancelled = 1 WHERE external_id = ?",
                         (lessons[date(2026, 11, 16)],))
    await register(bot, key, [(lessons[date(2026, 11, 18)], "P-100", "absent", None)])
    petra = await client.user(703, "Petra", language_code="nl")
    await link(world, petra, km, "nl")
    before = len(await petra.messages())
    clock.set(datetime(2026, 11, 24, 14, 0, tzinfo=AMS))
    await register(bot, key, [(lessons[date(2026, 11, 20)], "P-100", "absent", None),
                              (lessons[date(2026, 11, 23)], "P-100", "absent", None)])
    await drain(bot)
    assert len(await petra.messages()) == before, "the absence began on 18 November: 6 days"
    clock.set(datetime(2026, 11, 25, 14, 0, tzinfo=AMS))
    await drain(bot)
    alert = await petra.wait_for_message(contains="Verzuim")
    assert "woensdag 18 november" in alert.text and "3 lessen gemist" in alert.text


async def test_dropping_out_alerts_the_klantmanager_at_once_and_only_hers_may_press(
        bot, world, client, clock):
    school, km, amira = await people_of_a_school(world)
    other_km = await world.person("Karel de Vries", "klantmanager",
                                  gemeente_id=await world.gemeente("Hengelo"))
    petra = await client.user(704, "Petra", language_code="nl")
    await link(world, petra, km, "nl")
    key = world.keys[f"school:{school}"]
    async with bot.api(key) as api:
        response = await api.put("/api/v1/participants/P-100/status", json={
            "status": "dropped_out", "effective_on": "2026-11-20", "reason": "verhuisd"})
        assert response.json() == {"participant": "P-100", "status": "dropped_out",
                                   "changed": True, "klantmanager_alerted": True}
        again = await api.put("/api/v1/participants/P-100/status", json={"status": "dropped_out"})
        assert again.json()["changed"] is False and again.json()["klantmanager_alerted"] is False
    await drain(bot)
    alert = await petra.wait_for_message(contains="Uitval")
    assert "Amira Haddad" in alert.text and "Taalschool Twente" in alert.text
    assert "20 november 2026" in alert.text and "verhuisd" in alert.text

    # Amira moves to Karel's caseload: Petra's old buttons no longer reach her record.
    await bot.db.execute("UPDATE people SET klantmanager_id = ? WHERE id = ?", (other_km, amira))
    refusal = await press_and_read_answer(petra, "Gezien", alert)
    assert "niet over een van jouw deelnemers" in refusal
    assert await bot.db.fetchval("SELECT seen_at FROM verzuim_alerts") is None
    await bot.db.execute("UPDATE people SET klantmanager_id = ? WHERE id = ?", (km, amira))

    await petra.press("Gezien", alert)
    edited = await petra.wait_for_message()
    assert edited.button_texts == ["✓ Gezien", "Contact gehad"]
    await petra.press("Contact gehad", edited)
    done = await petra.wait_for_message()
    assert done.buttons == []
    await drain(bot)
    assert sum("Uitval" in m.text for m in await petra.messages()) == 1


async def test_unseen_alerts_come_back_in_the_daily_digest_once(bot, world, client, clock):
    school, km, amira = await people_of_a_school(world)
    petra = await client.user(706, "Petra", language_code="nl")
    await link(world, petra, km, "nl")
    async with bot.api(world.keys[f"school:{school}"]) as api:
        await api.put("/api/v1/participants/P-100/status", json={"status": "left"})
    await drain(bot)
    await petra.wait_for_message(contains="Uitval")
    clock.set(datetime(2026, 11, 24, 8, 0, tzinfo=AMS))
    await drain(bot)
    assert not any("Dagoverzicht" in m.text for m in await petra.messages()), "not before 08:30"
    clock.set(datetime(2026, 11, 24, 8, 31, tzinfo=AMS))
    await drain(bot)
    digest = await petra.wait_for_message(contains="Dagoverzicht")
    assert "Amira Haddad" in digest.text
    clock.advance(hours=2)
    await drain(bot)
    assert sum("Dagoverzicht" in m.text for m in await petra.messages()) == 1
    await petra.press(0, digest)
    await petra.wait_for_message()
    clock.set(datetime(2026, 11, 25, 9, 0, tzinfo=AMS))
    await drain(bot)
    assert sum("Dagoverzicht" in m.text for m in await petra.messages()) == 1, "seen: no digest"


@pytest.mark.parametrize("status", ["left", "dropped_out"])
async def test_a_school_cannot_report_another_schools_participant(bot, world, status):
    school, km, amira = await people_of_a_school(world)
    other = await world.school("Andere Taalschool")
    async with bot.api(world.keys[f"school:{other}"]) as api:
        response = await api.put("/api/v1/participants/P-100/status", json={"status": status})
    assert response.status_code == 404
    assert await bot.db.fetchval("SELECT status FROM people WHERE id = ?", (amira,)) == "active"


async def test_a_gemeente_that_allows_it_sees_the_health_reason_in_the_alert(
        sandbox, client, clock, tmp_path):
    bot = await start_bot(sandbox, tmp_path / "bot.db", clock)
    try:
        world = World(bot.db, clock)
        school, km, amira, lessons, key = await absent_since_16_november(bot, world)
        gemeente = (await people.get_person(bot.db, km)).gemeente_id
        await run_admin(["privacy", "health-in-chat", str(gemeente), "--allow"], bot.settings,
                        clock)
        petra = await client.user(711, "Petra", language_code="nl")
        await link(world, petra, km, "nl")
        clock.set(datetime(2026, 11, 24, 14, 0, tzinfo=AMS))
        await drain(bot)
        alert = await petra.wait_for_message(contains="Verzuim")
        assert "ziek gemeld" in alert.text
    finally:
        await bot.stop()
