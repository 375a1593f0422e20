"""Staff screens (issue 14): a klacht card edited after a press shows its new state and keeps a
"back to the list" button; closing or refusing a klacht asks for a second press; staff choose
between Dutch and English only."""

from __future__ import annotations

from bot.i18n import LANGUAGES
from tests.klacht_world import (
    answer_to,
    current,
    file_klacht,
    klacht_row,
    linked,
    new_message,
    school_with_handlers,
)
from tests.support import press_forged


async def test_a_taken_card_shows_its_new_state_and_leads_back_to_the_list(bot, world, client):
    ids = await school_with_handlers(world)
    senait = await linked(world, client, ids, "senait", 1601, "ar")
    bram = await linked(world, client, ids, "bram", 1602, "nl")
    await file_klacht(bot, senait, "ar", topic="The teacher", text="De les begint te laat.")
    row = await klacht_row(bot)
    await bot.services.outbox.drain()
    card = await bram.wait_for_message(row["reference"])
    assert "« Terug naar de lijst" in card.button_texts
    await bram.press("In behandeling nemen", card)
    await new_message(bram, "in behandeling genomen")
    now = await current(bram, card)
    assert "Nu: in behandeling" in now.text, "the card shows the klacht's new state"
    assert "In behandeling nemen" not in now.button_texts
    assert "Uitkomst vastleggen en afsluiten" in now.button_texts
    assert "« Terug naar de lijst" in now.button_texts
    await bram.press("« Terug naar de lijst", now)
    listed = await new_message(bram, row["reference"])
    assert "Nu: in behandeling" in listed.text and listed.message_id != card.message_id


async def test_closing_a_klacht_waits_for_a_second_press(bot, world, client):
    ids = await school_with_handlers(world)
    senait = await linked(world, client, ids, "senait", 1603, "ti")
    bram = await linked(world, client, ids, "bram", 1604, "nl")
    await file_klacht(bot, senait, "ti", topic="The teacher", text="De les begint te laat.")
    row = await klacht_row(bot)
    await bot.services.outbox.drain()
    card = await bram.wait_for_message(row["reference"])
    await bram.press("In behandeling nemen", card)
    await new_message(bram, "in behandeling genomen")
    await bram.press("Uitkomst vastleggen en afsluiten", await current(bram, card))
    await bram.press(0, await new_message(bram, "uitkomst"))
    await bram.press("Alleen mijn eigen woorden", await new_message(bram, "toelichting"))
    await new_message(bram, "eigen woorden")
    await bram.send("We beginnen voortaan op tijd.")
    confirm = await new_message(bram, "ongedaan")
    assert confirm.button_texts == ["Ja, klacht afsluiten", "Tekst wijzigen"]
    assert (await klacht_row(bot))["state"] == "in_treatment", "nothing is closed yet"
    await bram.press("Tekst wijzigen", confirm)
    await new_message(bram, "opnieuw")
    await bram.send("We beginnen voortaan om 9 uur precies.")
    confirm = await new_message(bram, "ongedaan")
    await bram.press("Ja, klacht afsluiten", confirm)
    await new_message(bram, "afgesloten")
    closed = await klacht_row(bot)
    assert closed["state"] == "closed" and closed["outcome_text"] == (
        "We beginnen voortaan om 9 uur precies.")


async def test_staff_choose_between_dutch_and_english_only(bot, world, client, sandbox):
    ids = await school_with_handlers(world)
    anna = await client.user(1605, "Anna", language_code="ar")
    code = await world.code(ids["anna"])
    await anna.send(f"/start {code}")
    picker = await anna.wait_for_message()
    await anna.press(LANGUAGES["ar"], picker)  # before linking, any language is offered
    await anna.wait_for_message()
    notice = await anna.wait_for_message()
    assert "Privacy" in notice.text, "a staff member reads English, not Arabic"
    await anna.press(notice.button_texts[-1], notice)
    greeting = await anna.wait_for_message()
    assert greeting.text.startswith("Hello Anna de Vries")
    await anna.send("/taal")
    picker = await anna.wait_for_message()
    assert sorted(picker.button_texts) == ["English", "Nederlands"]
    press_forged(sandbox, anna, picker, "lang:ti")
    answer = await answer_to(anna, "lang:ti")
    assert answer["show_alert"] and "no longer works" in answer["text"]


async def test_two_participants_with_the_same_name_are_told_apart(bot, world, client):
    ids = await school_with_handlers(world)
    for external_id in ("S-101", "S-202"):
        await world.person("Amina Yusuf", "participant", school_id=ids["school"],
                           klantmanager_id=ids["km"], regime="wi2021", route="b1",
                           external_id=external_id)
    petra = await linked(world, client, ids, "km", 1606, "nl")
    await petra.send("/caseload")
    caseload = await new_message(petra, "caseload")
    assert {"Amina Yusuf (S-101)", "Amina Yusuf (S-202)"} <= set(caseload.button_texts)
    assert "Senait Tesfay" in caseload.button_texts, "a name nobody shares stays as it is"
    await petra.send("/rooster")
    picker = await new_message(petra)
    assert {"Amina Yusuf (S-101)", "Amina Yusuf (S-202)"} <= set(picker.button_texts)


async def test_a_klantmanagers_menu_is_worded_for_her_not_for_a_participant(bot, world, client):
    ids = await school_with_handlers(world)
    petra = await linked(world, client, ids, "km", 1607, "nl")
    assert dict(await petra.commands())["rooster"] == "Het lesrooster van een deelnemer"
    await petra.send("/help")
    shown = await new_message(petra)
    assert "Het lesrooster van een deelnemer" in shown.text
    assert "Je lesrooster" not in shown.text and "Je lesrooster" not in shown.button_texts


async def test_a_klacht_nobody_acted_on_comes_back_in_the_morning_digest(
        bot, world, client, clock):
    ids = await school_with_handlers(world)
    senait = await linked(world, client, ids, "senait", 1608, "ar")
    bram = await linked(world, client, ids, "bram", 1609, "nl")
    await file_klacht(bot, senait, "ar", topic="The teacher", text="De les begint te laat.")
    row = await klacht_row(bot)
    await bot.services.outbox.drain()
    await bram.wait_for_message(row["reference"])  # the card came at once, in working hours
    await bot.sweep()
    await bot.services.outbox.drain()
    assert not [m for m in await bram.messages() if "wachten" in m.text], "not the same day"
    clock.advance(days=1)  # Tuesday 09:00, after the digest time
    await bot.sweep()
    await bot.sweep()
    await bot.services.outbox.drain()
    digest = await bram.wait_for_message("Klachten die op jou wachten")
    assert row["reference"] in digest.text and "ontvangen, nog geen besluit" in digest.text
    assert len([m for m in await bram.messages() if "wachten" in m.text]) == 1, "once a day"
