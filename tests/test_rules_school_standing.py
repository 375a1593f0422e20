"""A school's standing as convenant art. 4.4, 14 and 15 say it (issue 11, point 5): exclusion from
the convenant and a suspended or withdrawn keurmerk are separate standings. Exclusion tells the
other convenant schools and does not tell participants to switch; a suspension or withdrawal hands
the klantmanager the advice to switch, ready to send per participant or to all, in each
participant's language, and records who sent it."""

from __future__ import annotations

import asyncio
import json

from bot.app import run_admin
from tests.attendance_world import drain
from tests.overstap_world import build
from tests.support import link, press_forged


async def admin(bot, *args: str) -> dict:
    return json.loads(await run_admin(["school-status", *args, "--json"], bot.settings, bot.clock))


async def test_standing_c_14_15_exclusion_tells_the_other_schools_not_the_participants(
        bot, world, client):
    town = await build(world, bot, participant_name="Amira Haddad")
    amira = await client.user(461, "Amira", language_code="ar")
    petra = await client.user(462, "Petra", language_code="nl")
    hans = await client.user(463, "Hans", language_code="nl")
    await link(world, amira, town.participant, "ar")
    await link(world, petra, town.km, "nl")
    await link(world, hans, town.new_staff, "nl")

    result = await admin(bot, "Taalschool Twente", "--status", "excluded")
    assert (result["status"], result["keurmerk"]) == ("excluded", "valid")
    assert result["partners_told"] == 2
    assert result["advice_ready"] == 0 and result["klantmanagers_alerted"] == 0
    told = await hans.wait_for_message("Taalschool Twente is nu uitgesloten in het convenant")
    assert "Houd rekening met het overnemen van cursisten van deze school" in told.text
    await drain(bot)
    assert not [m for m in await amira.messages() if "Taalschool Twente" in (m.text or "")], \
        "exclusion alone is no advice to the participants"
    assert not [m for m in await petra.messages() if "Taalschool Twente" in (m.text or "")]

    # She cannot be placed in another group there any more; other schools are still offered.
    await amira.send("/overstap")
    schools = await amira.wait_for_message("اختيار واحدة")
    assert schools.button_texts[:2] == ["Leerhuis Almelo", "Taalhuis Hengelo"]
    async with bot.api(world.keys[f"school:{town.new}"]) as api:
        listed = (await api.get("/api/v1/overstap/schools")).json()
    twente = next(s for s in listed if s["name"] == "Taalschool Twente")
    assert (twente["status"], twente["keurmerk_status"], twente["offered"]) == (
        "excluded", "valid", False)
    again = await admin(bot, str(town.old), "--status", "excluded")
    assert again["partners_told"] == 0, "saying it again tells nobody anything new"


async def test_standing_c_4_4_suspension_hands_the_klantmanager_the_advice_to_send(
        bot, world, client):
    town = await build(world, bot, participant_name="Amira Haddad")
    amira = await client.user(471, "Amira", language_code="ar")
    yonas = await client.user(472, "Yonas", language_code="en")
    petra = await client.user(473, "Petra", language_code="nl")
    hans = await client.user(474, "Hans", language_code="nl")
    other = await bot.db.fetchval("SELECT id FROM people WHERE name = 'Iemand Anders'")
    await link(world, amira, town.participant, "ar")
    await link(world, yonas, other, "ti")
    await link(world, petra, town.km, "nl")
    await link(world, hans, town.new_staff, "nl")

    result = await admin(bot, "Taalschool Twente", "--keurmerk", "suspended")
    assert (result["status"], result["keurmerk"]) == ("participating", "suspended")
    assert result["advice_ready"] == 2 and result["klantmanagers_alerted"] == 1
    assert result["partners_told"] == 0
    card = await petra.wait_for_message("Urgent: het keurmerk van Taalschool Twente is geschorst")
    assert "Amira Haddad: nog niet geadviseerd" in card.text
    assert card.button_texts == ["Stuur het advies naar Amira Haddad",
                                 "Stuur het advies naar Iemand Anders",
                                 "Stuur het advies naar alle 2"]
    await drain(bot)
    assert not [m for m in await amira.messages() if "Taalschool Twente" in (m.text or "")], \
        "the klantmanager advises, the bot does not do it by itself"

    await petra.press("Stuur het advies naar Amira Haddad", card)
    advice = await amira.wait_for_message("Taalschool Twente")
    assert "تم تعليق علامة الجودة (keurmerk)" in advice.text
    assert advice.button_texts == ["اختيار مدرسة أخرى"]
    card = await petra.wait_for_message("Amira Haddad: advies verstuurd door Petra Kloosterman")
    assert card.button_texts == ["Stuur het advies naar Iemand Anders"]

    await petra.press("Stuur het advies naar Iemand Anders", card)
    tigrinya = await yonas.wait_for_message("Taalschool Twente")
    assert "ምልክት ጽሬት (keurmerk)" in tigrinya.text
    rows = await bot.db.fetchall("SELECT participant_id, sent_by FROM switch_advice ORDER BY id")
    assert [tuple(r) for r in rows] == [(town.participant, town.km), (other, town.km)]
    await drain(bot)
    assert len([m for m in await amira.messages() if "Taalschool Twente" in (m.text or "")]) == 1

    # The button opens /overstap at the schools; the suspended one is not among them.
    await amira.press("اختيار مدرسة أخرى", advice)
    schools = await amira.wait_for_message("اختيار واحدة")
    assert "Taalschool Twente" not in schools.button_texts


async def test_standing_c_15_withdrawal_sends_to_all_at_once_only_the_own_caseload(
        bot, world, client, sandbox):
    town = await build(world, bot, participant_name="Amira Haddad")
    amira = await client.user(481, "Amira", language_code="en")
    petra = await client.user(482, "Petra", language_code="nl")
    karin = await client.user(483, "Karin", language_code="nl")
    other_km = await world.person("Karin de Wit", "klantmanager", gemeente_id=town.gemeente)
    await link(world, amira, town.participant, "en")
    await link(world, petra, town.km, "nl")
    await link(world, karin, other_km, "nl")

    await admin(bot, "Taalschool Twente", "--keurmerk", "withdrawn")
    card = await petra.wait_for_message("is ingetrokken")
    # Another klantmanager cannot send it, not even with a forged button.
    change = await bot.db.fetchval("SELECT change_id FROM switch_advice LIMIT 1")
    press_forged(sandbox, karin, (await karin.messages())[-1], f"ovsa:all:{change}")
    for _ in range(200):
        answers = [a for a in await karin.callback_answers() if a["data"].startswith("ovsa")]
        if answers:
            break
        await asyncio.sleep(0.05)
    assert "niet voor jou" in answers[0]["text"]
    assert await bot.db.fetchval("SELECT COUNT(*) FROM switch_advice WHERE sent_at IS NULL") == 2
    await petra.press("Stuur het advies naar alle 2", card)
    advice = await amira.wait_for_message("withdrawn")
    assert "Taalschool Twente" in advice.text and advice.button_texts == ["Choose another school"]
    done = await petra.wait_for_message("Iemand Anders: advies verstuurd door Petra Kloosterman")
    assert not done.button_texts
    sent = await bot.db.fetchval("SELECT COUNT(*) FROM switch_advice WHERE sent_by = ?",
                                 (town.km,))
    assert sent == 2
