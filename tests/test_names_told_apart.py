"""Two participants with the same name are told apart in every card staff and klantmanagers
read (issue 14): a klacht card, an overstap card and a verzuim alert carry the school's id for
the participant (bot/names.py), so a klachtbehandelaar or klantmanager knows which of the two it
is about."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from tests.attendance_world import AMS, drain, group, register, weekly_lessons
from tests.klacht_world import file_klacht, new_message
from tests.overstap_world import build, join
from tests.support import link


async def namesakes(world, school, km, name, ids, **kw):
    return [await world.person(name, "participant", school_id=school, klantmanager_id=km,
                               external_id=ident, **kw) for ident in ids]


async def test_two_klachten_of_two_senaits_reach_the_handler_told_apart(bot, world, client):
    gemeente = await world.gemeente()
    school = await world.school()
    km = await world.person("Petra Kloosterman", "klantmanager", gemeente_id=gemeente)
    anna_id = await world.person("Anna de Vries", "staff", school_id=school,
                                 staff_role="klachtbehandelaar")
    first, second = await namesakes(world, school, km, "Senait Tesfay", ["S-101", "S-102"],
                                    regime="wi2021", route="b1")
    anna = await client.user(951, "Anna", language_code="nl")
    await link(world, anna, anna_id, "nl")
    for person, user_id, language in ((first, 952, "ar"), (second, 953, "ti")):
        user = await client.user(user_id, "Senait")
        await link(world, user, person, language)
        await file_klacht(bot, user, language, topic="The teacher",
                          text="De docent begint elke les een half uur te laat.")
    await drain(bot)
    cards = [await anna.wait_for_message("Senait Tesfay"),
             await anna.wait_for_message("Senait Tesfay")]
    assert sorted("S-101" in c.text for c in cards) == [False, True], [c.text for c in cards]
    assert any("Senait Tesfay (S-102)" in c.text for c in cards)
    await anna.send("/klachten")
    listed = [await new_message(anna, "Senait Tesfay"), await new_message(anna, "Senait Tesfay")]
    assert {"(S-101)" in c.text for c in listed} == {True, False}


@pytest.mark.parametrize("languages", [("ar", "ti")])
async def test_two_overstap_requests_of_two_amiras_reach_the_klantmanager_told_apart(
        bot, world, client, languages):
    town = await build(world, bot, participant_name="Amira Haddad")
    other = (await namesakes(world, town.old, town.km, "Amira Haddad", ["TT-002"],
                             regime="wi2021", route="b1"))[0]
    await join(bot.db, town.groups["morning"], other)
    petra = await client.user(961, "Petra", language_code="nl")
    await link(world, petra, town.km, "nl")
    for person, user_id, language in zip((town.participant, other), (962, 963), languages):
        user = await client.user(user_id, "Amira")
        await link(world, user, person, language)
        tr = bot.services.i18n.get(language)
        await user.send("/overstap")
        await user.press(1, await new_message(user))  # another school
        await user.press("Taalhuis Hengelo", await new_message(user))
        await user.press(tr.f_("The school is too far away"), await new_message(user))
        await user.press(0, await new_message(user))  # nothing to add
        await user.press(0, await new_message(user))  # send
        await new_message(user)
    cards = [await petra.wait_for_message("Overstapaanvraag #1"),
             await petra.wait_for_message("Overstapaanvraag #2")]
    assert "Amira Haddad (TT-001)" in cards[0].text, cards[0].text
    assert "Amira Haddad (TT-002)" in cards[1].text, cards[1].text


async def test_two_absent_amiras_give_the_klantmanager_two_verzuim_alerts_told_apart(
        bot, world, client, clock):
    gemeente = await world.gemeente()
    school = await world.school()
    await world.works_with(gemeente, school)
    km = await world.person("Petra Kloosterman", "klantmanager", gemeente_id=gemeente)
    amiras = await namesakes(world, school, km, "Amira Haddad", ["P-100", "P-200"],
                             regime="wi2021", route="b1")
    group_id = await group(bot.db, school, [(a, date(2026, 11, 1), None) for a in amiras])
    lessons = await weekly_lessons(bot.db, school, group_id, date(2026, 11, 2),
                                   date(2026, 12, 18))
    await register(bot, world.keys[f"school:{school}"], [
        (lessons[day], ident, "present" if day <= date(2026, 11, 13) else "absent", None)
        for day in lessons if day <= date(2026, 11, 20) for ident in ("P-100", "P-200")])
    petra = await client.user(971, "Petra", language_code="nl")
    await link(world, petra, km, "nl")
    clock.set(datetime(2026, 11, 24, 14, 0, tzinfo=AMS))
    await drain(bot)
    alerts = [await petra.wait_for_message("Verzuim"), await petra.wait_for_message("Verzuim")]
    assert sorted(a.text.split("Amira Haddad (")[1][:5] for a in alerts) == ["P-100", "P-200"]
