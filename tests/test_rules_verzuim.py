"""Verzuim "longer than a week" as convenant art. 12.4 says it (issue 11, point 2; with art. 9.3
and 10.6): what the klantmanager does and does not read in Telegram when a participant misses
lessons around a holiday, in a weekly group, or when a lesson is cancelled."""

from __future__ import annotations

from datetime import date, datetime

from tests.attendance_world import (
    AMS,
    drain,
    group,
    people_of_a_school,
    register,
    weekly_lessons,
)
from tests.support import link

MEMBER_SINCE = date(2026, 11, 1)


async def verzuim_alerts(petra) -> int:
    return sum(m.text.startswith("Verzuim") for m in await petra.messages())


async def linked_klantmanager(client, world, km, user_id: int):
    petra = await client.user(user_id, "Petra", language_code="nl")
    await link(world, petra, km, "nl")
    return petra


async def test_verzuim_c_12_4_one_missed_lesson_before_a_two_week_holiday_gives_no_alert(
        bot, world, client, clock):
    school, km, amira = await people_of_a_school(world)
    group_id = await group(bot.db, school, [(amira, MEMBER_SINCE, None)])
    lessons = await weekly_lessons(bot.db, school, group_id, date(2026, 11, 2), date(2026, 12, 23))
    await bot.db.execute(
        "INSERT INTO holidays(school_id, group_id, external_id, name, starts_on, ends_on,"
        " created_at) VALUES (?, ?, 'KERST', 'Vakantie', '2026-11-28', '2026-12-13',"
        " '2026-01-01T00:00:00.000000Z')", (school, group_id))
    key = world.keys[f"school:{school}"]
    petra = await linked_klantmanager(client, world, km, 721)
    clock.set(datetime(2026, 11, 27, 16, 0, tzinfo=AMS))
    await register(bot, key, [(lessons[day], "P-100", "present", None) for day in lessons
                              if day <= date(2026, 11, 25)]
                   + [(lessons[date(2026, 11, 27)], "P-100", "absent", None)])
    for day in (5, 10, 13):  # during the holiday
        clock.set(datetime(2026, 12, day, 18, 0, tzinfo=AMS))
        await drain(bot)
    assert await verzuim_alerts(petra) == 0, "holiday days do not count towards the week"

    # After the holiday she stays away: the week counts on from where it stood.
    clock.set(datetime(2026, 12, 18, 16, 0, tzinfo=AMS))
    await register(bot, key, [(lessons[date(2026, 12, d)], "P-100", "absent", None)
                              for d in (14, 16, 18)])
    await drain(bot)
    assert await verzuim_alerts(petra) == 0, "5 counted days so far"
    clock.set(datetime(2026, 12, 21, 14, 0, tzinfo=AMS))
    await drain(bot)
    alert = await petra.wait_for_message(contains="Verzuim")
    assert "Afwezig sinds: vrijdag 27 november" in alert.text and "4 lessen gemist" in alert.text


async def test_verzuim_c_12_4_a_weekly_group_alerts_only_after_the_second_missed_lesson(
        bot, world, client, clock):
    school, km, amira = await people_of_a_school(world)
    group_id = await group(bot.db, school, [(amira, MEMBER_SINCE, None)])
    lessons = await weekly_lessons(bot.db, school, group_id, date(2026, 11, 2), date(2026, 11, 30),
                                   weekdays=(0,))
    key = world.keys[f"school:{school}"]
    petra = await linked_klantmanager(client, world, km, 722)
    clock.set(datetime(2026, 11, 16, 9, 0, tzinfo=AMS))
    await register(bot, key, [(lessons[date(2026, 11, 2)], "P-100", "present", None),
                              (lessons[date(2026, 11, 9)], "P-100", "absent", None)])
    clock.set(datetime(2026, 11, 17, 14, 0, tzinfo=AMS))  # eight days after the missed lesson
    await drain(bot)
    assert await verzuim_alerts(petra) == 0, "one missed lesson is not verzuim of a week"
    await register(bot, key, [(lessons[date(2026, 11, 16)], "P-100", "absent", None)])
    await drain(bot)
    alert = await petra.wait_for_message(contains="Verzuim")
    assert "Afwezig sinds: maandag 9 november" in alert.text and "2 lessen gemist" in alert.text


async def test_verzuim_c_9_3_an_ill_lesson_plus_a_cancelled_one_gives_no_alert(
        bot, world, client, clock):
    school, km, amira = await people_of_a_school(world)
    group_id = await group(bot.db, school, [(amira, MEMBER_SINCE, None)])
    lessons = await weekly_lessons(bot.db, school, group_id, date(2026, 11, 2), date(2026, 11, 30),
                                   weekdays=(0,))
    await bot.db.execute("UPDATE lessons SET cancelled = 1 WHERE external_id = ?",
                         (lessons[date(2026, 11, 16)],))
    key = world.keys[f"school:{school}"]
    petra = await linked_klantmanager(client, world, km, 723)
    clock.set(datetime(2026, 11, 16, 9, 0, tzinfo=AMS))
    await register(bot, key, [(lessons[date(2026, 11, 2)], "P-100", "present", None),
                              (lessons[date(2026, 11, 9)], "P-100", "absent", "ill")])
    for moment in (datetime(2026, 11, 17, 14, 0, tzinfo=AMS),
                   datetime(2026, 11, 22, 20, 0, tzinfo=AMS)):
        clock.set(moment)
        await drain(bot)
    assert await verzuim_alerts(petra) == 0
