"""Reminders before a lesson, /instellingen, today in /rooster and the alarms of the calendar
feed (issue 14; convenant art. 10.4: the rooster reaches the participant)."""

from __future__ import annotations

from datetime import datetime, time

import httpx
import pytest
from icalendar import Calendar

from tests.attendance_world import AMS, drain
from tests.rooster_world import lesson, school_with_group
from tests.support import link

TUESDAY = ("2026-11-24T09:00", "2026-11-24T12:00")
OSM = "https://www.openstreetmap.org/search?query=Hengelo%2C+Marktstraat+12"
WEDNESDAY_ONLINE = ("2026-11-25T13:00", "2026-11-25T15:00")


async def two_lessons(bot, world, language: str, user_id: int, client):
    key, ids, _, _ = await school_with_group(bot, world)
    async with bot.api(key) as api:
        response = await api.post("/api/v1/planning", json={"lessons": [
            {"external_id": "DI", **lesson(*TUESDAY)},
            {"external_id": "WO", **lesson(*WEDNESDAY_ONLINE, mode="distance",
                                           join_url="https://meet.example.nl/b1-ochtend")}]})
        assert response.status_code == 200, response.text
    user = await client.user(user_id, "Deelnemer")
    await link(world, user, ids["P-001"], language)
    return key, ids, user


async def feed_triggers(user) -> list[str]:
    """The alarms of the first lesson in the participant's calendar feed."""
    await user.send("/rooster")
    week = await user.wait_for_message("📅")
    await user.press("🗓", week)
    link_message = await user.wait_for_message("/rooster/")
    url = next(word.strip("\u2068\u2069") for word in link_message.text.split()
               if "http" in word)
    async with httpx.AsyncClient() as http:
        calendar = Calendar.from_ical((await http.get(url)).content)
    events = [e for e in calendar.walk("VEVENT") if str(e["uid"]).startswith("lesson-")]
    return sorted(str(a["trigger"].to_ical(), "ascii") for a in events[0].walk("VALARM"))


async def reminders_in(user) -> list[str]:
    return [m.text for m in await user.messages() if "⏰" in m.text]


async def test_reminders_come_the_evening_before_and_an_hour_before(bot, world, client, clock):
    _, _, user = await two_lessons(bot, world, "en", 801, client)
    clock.set(datetime(2026, 11, 23, 18, 0, tzinfo=AMS))
    await drain(bot)
    assert await reminders_in(user) == [], "not before its moment"
    clock.set(datetime(2026, 11, 23, 19, 0, tzinfo=AMS))
    await drain(bot)
    evening = await user.wait_for_message("⏰")
    assert ("tomorrow, Tuesday 24 November, you have a lesson at 9:00\u202fAM: Dutch (NT2)"
            in evening.text)
    assert "Where: Hengelo, Marktstraat 12" in evening.text
    assert OSM in evening.text
    assert "I cannot come" in evening.button_texts
    clock.set(datetime(2026, 11, 24, 8, 0, tzinfo=AMS))
    await drain(bot)
    hour = await user.wait_for_message("⏰")
    assert "your lesson starts in one hour, at 9:00\u202fAM" in hour.text
    await drain(bot)  # a sweep again sends nothing twice
    assert len(await reminders_in(user)) == 2
    clock.set(datetime(2026, 11, 25, 12, 0, tzinfo=AMS))
    await drain(bot)
    online = await user.wait_for_message("⏰")
    assert "Join the lesson: https://meet.example.nl/b1-ochtend" in online.text


async def test_reminders_in_arabic_with_the_way_there(bot, world, client, clock):
    _, _, user = await two_lessons(bot, world, "ar", 805, client)
    clock.set(datetime(2026, 11, 23, 19, 0, tzinfo=AMS))
    await drain(bot)
    evening = await user.wait_for_message("⏰")
    assert "تذكير: غدًا" in evening.text and "لديكم درس" in evening.text
    assert "المكان:" in evening.text and "Hengelo, Marktstraat 12" in evening.text
    assert "الخريطة:" in evening.text and OSM in evening.text
    assert "لا أستطيع الحضور" in evening.button_texts
    await user.press("إعدادات التذكير", evening)
    await user.wait_for_message("⚙️ إعداداتكم")
    await user.press("لا أستطيع الحضور", evening)
    choice = await user.wait_for_message(
        bot.services.i18n.get("ar")._("Which lesson can you not come to?").lstrip("\u200f"))
    assert choice.buttons
    clock.set(datetime(2026, 11, 25, 12, 0, tzinfo=AMS))
    await drain(bot)
    online = await user.wait_for_message("يبدأ درسكم بعد ساعة")
    assert "الانضمام إلى الدرس:" in online.text
    assert "https://meet.example.nl/b1-ochtend" in online.text


async def test_a_late_night_quiet_hour_lets_only_the_one_hour_reminder_through(bot, world,
                                                                              client, clock):
    key, _, user = await two_lessons(bot, world, "ti", 806, client)
    async with bot.api(key) as api:
        response = await api.put("/api/v1/lessons/NACHT",
                                 json=lesson("2026-11-24T06:30", "2026-11-24T08:00"))
        assert response.status_code == 201, response.text
    clock.set(datetime(2026, 11, 24, 5, 30, tzinfo=AMS))
    await drain(bot)
    hour = await user.wait_for_message("⏰")
    assert "መዘኻኸሪ: ትምህርትኩም ድሕሪ ሓደ ሰዓት" in hour.text
    assert "ጽባሕ" not in hour.text


async def test_a_moved_lesson_supersedes_its_pending_reminder(bot, world, client, clock):
    key, _, user = await two_lessons(bot, world, "en", 802, client)
    clock.set(datetime(2026, 11, 23, 18, 30, tzinfo=AMS))
    await drain(bot)  # the evening reminder waits in the outbox for 19:00
    async with bot.api(key) as api:
        response = await api.put("/api/v1/lessons/DI",
                                 json=lesson("2026-11-24T13:00", "2026-11-24T16:00"))
        assert response.status_code == 200, response.text
    clock.set(datetime(2026, 11, 23, 19, 0, tzinfo=AMS))
    await drain(bot)
    await user.wait_for_message("⏰")
    texts = await reminders_in(user)
    assert len(texts) == 1 and "at 1:00\u202fPM" in texts[0], texts


async def test_settings_turn_a_reminder_off_in_tigrinya(bot, world, client, clock):
    _, _, user = await two_lessons(bot, world, "ti", 803, client)
    await user.send("/instellingen")
    screen = await user.wait_for_message("⚙️ ምድላዋትኩም")
    assert screen.text.count("ወሊዑ") == 2
    await user.press("መዘኻኸሪ ምሸት ቅድሚኡ", screen)
    edited = await user.wait_for_message()
    assert edited.edited and edited.message_id == screen.message_id
    assert edited.text.count("ወሊዑ") == 1 and "ጠፊኡ" in edited.text
    assert await feed_triggers(user) == ["-PT1H"], "the calendar's alarms follow the settings"
    clock.set(datetime(2026, 11, 23, 19, 0, tzinfo=AMS))
    await drain(bot)
    clock.set(datetime(2026, 11, 24, 8, 0, tzinfo=AMS))
    await drain(bot)
    hour = await user.wait_for_message("⏰")
    assert "ድሕሪ ሓደ ሰዓት" in hour.text
    assert len(await reminders_in(user)) == 1, "only the one-hour reminder"


async def test_rooster_marks_today_and_the_next_lesson_and_the_feed_has_alarms(bot, world,
                                                                              client, clock):
    _, _, user = await two_lessons(bot, world, "en", 804, client)
    clock.set(datetime(2026, 11, 24, 10, 0, tzinfo=AMS))
    await user.send("/rooster")
    week = await user.wait_for_message("Your lessons")
    assert "Tuesday 24 November (today)" in week.text
    assert "👉 1:00\u202fPM–3:00\u202fPM" in week.text, "the lesson now running is not the next one"
    assert "Map of Hengelo, Marktstraat 12: https://www.openstreetmap.org/search" in week.text
    await user.press("Today / next lesson", week)
    today = await user.wait_for_message("Today, Tuesday 24 November")
    assert "9:00\u202fAM–12:00\u202fPM" in today.text
    assert "Your next lesson: Wednesday 25 November" in today.text
    assert "Join the lesson: https://meet.example.nl/b1-ochtend" in today.text
    assert await feed_triggers(user) == ["-PT14H", "-PT1H"]


async def test_the_api_refuses_a_join_link_that_is_not_https(bot, world):
    key, _, _, _ = await school_with_group(bot, world)
    async with bot.api(key) as api:
        for bad in ("http://meet.example.nl/x", "javascript:alert(1)", "https://", "meet.nl"):
            response = await api.put("/api/v1/lessons/X", json=lesson(
                *WEDNESDAY_ONLINE, mode="distance", join_url=bad))
            assert response.status_code == 422, (bad, response.text)
        response = await api.put("/api/v1/lessons/X", json=lesson(
            *WEDNESDAY_ONLINE, mode="distance", join_url="https://meet.example.nl/x"))
        assert response.status_code == 201 and response.json()["join_url"].endswith("/x")


@pytest.mark.parametrize("language, user_id, tomorrow", [("ar", 807, "تذكير: غدًا"),
                                                        ("ti", 808, "ጽባሕ")])
async def test_a_participant_who_picks_20_00_is_reminded_at_20_00_not_19_00(
        bot, world, client, clock, language, user_id, tomorrow):
    _, _, user = await two_lessons(bot, world, language, user_id, client)
    tr = bot.services.i18n.get(language)
    clock.set(datetime(2026, 11, 23, 18, 30, tzinfo=AMS))
    await drain(bot)  # the 19:00 reminder waits in the outbox
    await user.send("/instellingen")
    screen = await user.wait_for_message("⚙️")
    eight, nine = "🕖 " + tr.time(time(20, 0)), "🕖 " + tr.time(time(21, 0))
    assert "✅ " + tr.time(time(19, 0)) in screen.button_texts, "the installation's time"
    assert eight in screen.button_texts
    assert nine not in screen.button_texts, "21:00 is in the quiet hours"
    await user.press(eight, screen)
    edited = await user.wait_for_message()
    assert edited.edited and "✅ " + tr.time(time(20, 0)) in edited.button_texts
    assert tr.time(time(20, 0)) in edited.text
    clock.set(datetime(2026, 11, 23, 19, 0, tzinfo=AMS))
    await drain(bot)
    assert await reminders_in(user) == [], "not at 19:00 any more"
    clock.set(datetime(2026, 11, 23, 20, 0, tzinfo=AMS))
    await drain(bot)
    evening = await user.wait_for_message("⏰")
    assert tomorrow in evening.text
    assert len(await reminders_in(user)) == 1
    assert await feed_triggers(user) == ["-PT13H", "-PT1H"], "the calendar's alarm follows"
