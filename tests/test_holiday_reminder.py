"""The holiday arrangement repeated a week before each holiday (issue 15; convenant art. 10.6):
each participant the holiday is for is told once, in their own language, a week before it
starts; a group's holiday only its members; a holiday announced within that week is not
repeated."""

from __future__ import annotations

from datetime import datetime

from tests.attendance_world import AMS, drain
from tests.rooster_world import school_with_group
from tests.support import link


async def holiday(bot, key: str, external_id: str, body: dict) -> None:
    async with bot.api(key) as api:
        response = await api.put(f"/api/v1/holidays/{external_id}", json=body)
    assert response.status_code == 201, response.text


REMINDER = {"ar": "تذكير", "tr": "Hatırlatma", "ti": "መዘኻኸሪ"}  # "Reminder"


async def reminders(user, language: str, name: str) -> int:
    """How many reminders of the holiday the user got (its announcement says no "Reminder")."""
    return len([m for m in await user.messages()
                if name in (m.text or "") and REMINDER[language] in (m.text or "")])


async def test_a_week_before_each_holiday_its_participants_are_told_once(
        bot, world, client, clock):
    key, ids, _, _ = await school_with_group(bot, world, ("P-001", "P-002", "P-003"))
    async with bot.api(key) as api:  # P-003 leaves the group before the study day
        moved = await api.put("/api/v1/groups/B1-OCHTEND", json={
            "name": "NT2 B1 ochtend", "kind": "NT2", "level": "B1", "members": [
                {"participant": "P-001", "joined_on": "2026-09-01"},
                {"participant": "P-002", "joined_on": "2026-09-01"},
                {"participant": "P-003", "joined_on": "2026-09-01", "left_on": "2026-11-30"}]})
        assert moved.status_code == 200, moved.text
    amal = await client.user(1801, "Amal", language_code="ar")
    await link(world, amal, ids["P-001"], "ar")
    ayse = await client.user(1802, "Ayşe", language_code="tr")
    await link(world, ayse, ids["P-002"], "tr")
    yonas = await client.user(1803, "Yonas", language_code="ti")
    await link(world, yonas, ids["P-003"], "ti")
    await holiday(bot, key, "KERST-2026", {"name": "Kerstvakantie", "starts_on": "2026-12-21",
                                           "ends_on": "2027-01-03"})
    await holiday(bot, key, "STUDIEDAG", {"name": "Studiedag", "starts_on": "2026-12-04",
                                          "ends_on": "2026-12-04", "group": "B1-OCHTEND"})
    await drain(bot)  # the announcements of today
    await amal.wait_for_message(contains="Studiedag")

    clock.set(datetime(2026, 11, 26, 10, 0, tzinfo=AMS))
    await drain(bot)
    assert await reminders(amal, "ar", "Studiedag") == 0, "eight days before: not yet"

    clock.set(datetime(2026, 11, 27, 10, 0, tzinfo=AMS))
    await drain(bot)
    told = await amal.wait_for_message(contains="تذكير")
    assert "Studiedag" in told.text and "ديسمبر" in told.text, "in Arabic, with the day"
    turkish = await ayse.wait_for_message(contains="Hatırlatma")
    assert "Studiedag" in turkish.text
    assert await reminders(yonas, "ti", "Studiedag") == 0, "not in the group that day"
    await drain(bot)
    clock.set(datetime(2026, 11, 28, 10, 0, tzinfo=AMS))
    await drain(bot)
    assert await reminders(amal, "ar", "Studiedag") == 1, "told once"

    clock.set(datetime(2026, 12, 14, 10, 0, tzinfo=AMS))
    await holiday(bot, key, "SNEEUW", {"name": "Sneeuwdag", "starts_on": "2026-12-18",
                                       "ends_on": "2026-12-18"})
    await drain(bot)
    tigrinya = await yonas.wait_for_message(contains=REMINDER["ti"])
    assert "Kerstvakantie" in tigrinya.text, "the whole school's holiday reaches everyone"
    await ayse.wait_for_message(contains="Sneeuwdag")
    assert await reminders(ayse, "tr", "Kerstvakantie") == 1
    assert await reminders(ayse, "tr", "Sneeuwdag") == 0, \
        "announced within the week: the announcement is the notice"
