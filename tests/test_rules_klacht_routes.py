"""Klacht routes as the handbook and the convenant say them (issue 11, points 8, 11, 12, 13):
a name reaches the klantmanager only with consent (C 12.3, 12.7), klachten received by mail,
phone or paper join the register (BoW 1.5.6, 1.5.8), the handbook's alternative when nobody
independent can handle a klacht (BoW 1.5 note 7), and the routes outside the school (bijlage 9,
C 13.5, 13.6)."""

from __future__ import annotations

from tests.attendance_world import drain
from tests.klacht_world import file_klacht, klacht_row, linked, new_message
from tests.support import link


async def school_without_handlers(world):
    """One klachtbehandelaar, no coordinator: when she is involved, nobody independent is left."""
    gemeente = await world.gemeente()
    school = await world.school()
    anna = await world.person("Anna de Vries", "staff", school_id=school,
                              staff_role="klachtbehandelaar")
    km = await world.person("Petra Kloosterman", "klantmanager", gemeente_id=gemeente)
    senait = await world.person("Senait Tesfay", "participant", school_id=school,
                                klantmanager_id=km, regime="wi2021", route="b1")
    return {"gemeente": gemeente, "school": school, "km": km, "senait": senait, "anna": anna}


async def test_consent_c_12_3_an_unassignable_klacht_reaches_the_klantmanager_nameless(
        bot, world, client):
    ids = await school_without_handlers(world)
    senait = await linked(world, client, ids, "senait", 1501, "tr")
    petra = await linked(world, client, ids, "km", 1502, "nl")
    await file_klacht(bot, senait, "tr", topic="The teacher", text="De docent komt nooit op tijd",
                      involved=["Anna de Vries"])
    reference = (await klacht_row(bot))["reference"]
    await drain(bot)
    signal = await petra.wait_for_message(reference)
    assert "Senait Tesfay" not in signal.text, "no name before the participant agreed"
    tr = bot.services.i18n.get("tr")
    question = await senait.wait_for_message(reference)
    await senait.press(tr.f_("Yes"), question)
    await new_message(senait)
    await drain(bot)
    named = await petra.wait_for_message("Senait Tesfay")
    assert reference in named.text

    await senait.send("/gedeeld")
    shown = (await new_message(senait)).text
    assert "Petra Kloosterman" in shown and tr.f_("Your klacht") in shown


async def test_duo_bijlage_9_a_general_klacht_about_inburgering_points_to_duo(bot, world, client):
    ids = await school_without_handlers(world)
    for number, language in enumerate(("nl", "en", "ar", "ti", "tr", "fa", "fa_AF", "ps", "so")):
        person = await world.person(f"Deelnemer {language}", "participant",
                                    school_id=ids["school"], klantmanager_id=ids["km"])
        user = await client.user(1510 + number, "Deelnemer")
        await link(world, user, person, language)
        tr = bot.services.i18n.get(language)
        await user.send("/klacht")
        await new_message(user)
        topics = await new_message(user)
        await user.press(tr.f_("Inburgering in general (the law, the exams, DUO)"), topics)
        answer = await new_message(user)
        assert "inburgeren.nl" in answer.text
        assert "DUO" in answer.text, language
    assert await bot.db.fetchval("SELECT count(*) FROM klachten") == 0, "nothing is filed"
