"""Rooster changes further ahead as convenant art. 10.4 and 9.2 say them (issue 11, point 16): a
change more than eight weeks ahead is told in the weekly summary, not one by one; and the
klantmanager hears of a change of their participant's group on a day with a participation
activity, so the rooster stays possible to follow in full."""

from __future__ import annotations

from tests.attendance_world import drain
from tests.rooster_world import lesson, school_with_group
from tests.support import link


async def texts(user) -> list[str]:
    return [m.text or "" for m in await user.messages()]


async def test_rooster_c_10_4_changes_beyond_eight_weeks_come_in_the_weekly_summary(
        bot, world, client, clock):
    key, ids, km, _ = await school_with_group(bot, world)
    participant = await client.user(491, "Deelnemer", language_code="en")
    await link(world, participant, ids["P-001"], "en")
    async with bot.api(key) as api:
        near = await api.put("/api/v1/lessons/NEAR", json=lesson("2026-11-25T09:00",
                                                                 "2026-11-25T12:00"))
        assert near.status_code == 201, near.text
        await api.put("/api/v1/lessons/FAR", json=lesson("2027-02-15T09:00", "2027-02-15T12:00"))
    told = await participant.wait_for_message("Your lesson timetable has changed")
    assert "25 November" in told.text and "February" not in told.text
    async with bot.api(key) as api:  # the far lesson moves a day, still months ahead
        moved = await api.put("/api/v1/lessons/FAR", json=lesson("2027-02-16T09:00",
                                                                 "2027-02-16T12:00"))
        assert moved.status_code == 200, moved.text
        # Another far lesson is pulled into the coming weeks: told now, and not in the summary.
        await api.put("/api/v1/lessons/PULLED", json=lesson("2027-03-01T09:00",
                                                             "2027-03-01T12:00"))
        await api.put("/api/v1/lessons/PULLED", json=lesson("2026-12-02T09:00",
                                                            "2026-12-02T12:00"))
    await participant.wait_for_message("2 December")
    await drain(bot)
    assert not [t for t in await texts(participant) if "February" in t], \
        "not pushed one by one"

    clock.advance(days=7)  # Monday 30 November, 09:00: the weekly summary
    await drain(bot)
    summary = await participant.wait_for_message("This week's summary")
    assert "more than eight weeks ahead" in summary.text
    assert "Tuesday, February 16" in summary.text or "16 February" in summary.text
    assert "15 February" not in summary.text and "February 15" not in summary.text, \
        "the lesson told once, where it is now"
    await drain(bot)
    assert "March" not in summary.text and "December" not in summary.text
    assert len([t for t in await texts(participant) if "This week's summary" in t]) == 1


async def test_rooster_c_9_2_klantmanager_hears_of_a_change_on_a_participation_day(
        bot, world, client):
    key, ids, km, gemeente = await school_with_group(bot, world)
    petra = await client.user(492, "Petra", language_code="nl")
    await link(world, petra, km, "nl")
    async with bot.api(world.keys[f"gemeente:{gemeente}"]) as api:
        made = await api.put("/api/v1/activities/W-1", json={
            "participant_id": ids["P-001"], "title": "Werkervaringsplek",
            "schedule": {"type": "weekly", "weekday": "wednesday", "start_time": "14:00",
                         "end_time": "17:00"}})
        assert made.status_code == 201, made.text
    async with bot.api(key) as api:
        await api.put("/api/v1/lessons/DI", json=lesson("2026-11-24T09:00", "2026-11-24T12:00"))
        await drain(bot)
        assert not [t for t in await texts(petra) if "participatieactiviteit" in t], \
            "a Tuesday lesson touches no day of her work"
        moved = await api.put("/api/v1/lessons/DI", json=lesson("2026-11-25T09:00",
                                                                "2026-11-25T12:00"))
        assert moved.status_code == 200, moved.text
    told = await petra.wait_for_message("participatieactiviteit")
    assert "Deelnemer 1" in told.text and "Werkervaringsplek" in told.text
    assert "Deelnemer 2" not in told.text, "only her own participants' activities"
    assert "25 november" in told.text
    async with bot.api(world.keys[f"gemeente:{gemeente}"]) as api:
        assert (await api.get("/api/v1/conflicts")).json() == [], "the same day, no overlap"
