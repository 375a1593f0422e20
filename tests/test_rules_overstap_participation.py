"""Overstap and participation as convenant art. 10.4 and 9.2 say them (issue 11, point 7): the
rooster may not keep a participant from their participation activities, so a group move never
offers a group whose lessons overlap them, and a completed move recomputes the conflicts."""

from __future__ import annotations

from datetime import time

from tests.overstap_world import add_group, add_lessons, build
from tests.support import link


async def next_new(user):
    """The next new bot message (a press also edits the pressed message: skip such edits)."""
    while True:
        message = await user.wait_for_message()
        if not message.edited:
            return message


WORK_ON_TUESDAY = {"title": "Werkervaringsplek", "schedule": {
    "type": "weekly", "weekday": "tuesday", "start_time": "13:00", "end_time": "15:00"}}


async def test_overstap_c_10_4_slot_choices_skip_groups_that_overlap_participation(
        bot, world, client):
    town = await build(world, bot, participant_name="Amira Haddad")
    friday = await add_group(bot.db, town.old, "B1-VRIJDAG", "NT2 B1 vrijdag", 12, "Enschede")
    await add_lessons(bot.db, town.old, friday, (4,), time(13), time(16), "Enschede")
    async with bot.api(world.keys[f"gemeente:{town.gemeente}"]) as api:
        made = await api.put("/api/v1/activities/W-1",
                             json={**WORK_ON_TUESDAY, "participant_id": town.participant})
        assert made.status_code == 201, made.text
    amira = await client.user(451, "Amira", language_code="en")
    await link(world, amira, town.participant, "en")

    await amira.send("/overstap")
    kinds = await amira.wait_for_message("What do you want?")
    await amira.press(0, kinds)  # another day or time at my school
    groups = await amira.wait_for_message("These groups have a free place")
    assert groups.button_texts[0] == "NT2 B1 vrijdag"
    assert "NT2 B1 middag" not in groups.button_texts, "its Tuesday lessons overlap her work"
    assert "overlap your participation activities are not shown" in groups.text


async def test_overstap_c_10_4_a_completed_move_recomputes_the_conflicts(bot, world, client):
    town = await build(world, bot, participant_name="Amira Haddad")
    amira = await client.user(452, "Amira", language_code="en")
    ineke = await client.user(453, "Ineke", language_code="nl")
    petra = await client.user(454, "Petra", language_code="nl")
    await link(world, amira, town.participant, "en")
    await link(world, ineke, town.old_staff, "nl")
    await link(world, petra, town.km, "nl")

    await amira.send("/overstap")
    kinds = await amira.wait_for_message("What do you want?")
    await amira.press(0, kinds)
    groups = await amira.wait_for_message("These groups have a free place")
    await amira.press("NT2 B1 middag", groups)
    reasons = await next_new(amira)
    await amira.press(0, reasons)
    more = await next_new(amira)
    await amira.press(0, more)  # skip
    summary = await next_new(amira)
    await amira.press(0, summary)  # send
    card = await ineke.wait_for_message("Overstapaanvraag #1")

    # Meanwhile the gemeente arranges work on Tuesday afternoons; no conflict with her mornings.
    async with bot.api(world.keys[f"gemeente:{town.gemeente}"]) as api:
        made = await api.put("/api/v1/activities/W-1",
                             json={**WORK_ON_TUESDAY, "participant_id": town.participant})
        assert made.json()["open_conflicts"] == 0
    await ineke.press("Goedkeuren vanaf 24 nov 2026", card)
    await ineke.press("Ja, overplaatsen", await ineke.wait_for_message("ongedaan"))
    await ineke.wait_for_message("Klaar: de cursist zit vanaf 24 november 2026 in de nieuwe groep")
    conflict = await petra.wait_for_message("roosterconflict")
    assert "Amira Haddad (TT-001), groep NT2 B1 middag" in conflict.text
    assert "Werkervaringsplek" in conflict.text
    async with bot.api(world.keys[f"gemeente:{town.gemeente}"]) as api:
        assert (await api.get("/api/v1/activities/W-1")).json()["open_conflicts"] > 0
