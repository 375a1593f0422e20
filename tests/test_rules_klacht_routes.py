"""Klacht routes as the handbook and the convenant say them (issue 11, points 8, 11, 12, 13):
a name reaches the klantmanager only with consent (C 12.3, 12.7), klachten received by mail,
phone or paper join the register (BoW 1.5.6, 1.5.8), the handbook's alternative when nobody
independent can handle a klacht (BoW 1.5 note 7), and the routes outside the school (bijlage 9,
C 13.5, 13.6)."""

from __future__ import annotations

import json

from bot.app import run_admin
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


async def test_register_bow_1_5_6_a_mailed_klacht_joins_the_register_timers_and_figure(
        bot, world, client):
    ids = await school_without_handlers(world)
    await world.person("Bram Jansen", "staff", school_id=ids["school"],
                       staff_role="klachtbehandelaar")
    anna = await linked(world, client, ids, "anna", 1520, "nl")
    await world.person("Yonas Berhe", "participant", school_id=ids["school"],
                       klantmanager_id=ids["km"], external_id="P-9")
    body = {"participant": "P-9", "topic": "invoice", "channel": "mail",
            "description": "Per brief: de factuur klopt niet.", "received_on": "2026-11-01"}
    async with bot.api(world.keys[f"school:{ids['school']}"]) as api:
        future = await api.post("/klachten", json={**body, "received_on": "2026-12-01"})
        assert future.status_code == 422 and "received_on" in future.text
        unknown = await api.post("/klachten", json={**body, "participant": "P-404"})
        assert unknown.status_code == 404
        registered = await api.post("/klachten", json=body)
        assert registered.status_code == 201, registered.text
        reference = registered.json()["reference"]
        # The terms run from the real date of receipt: four and six weeks from 1 November.
        assert registered.json()["decide_by"] == "2026-11-29"
        assert registered.json()["handle_by"] == "2026-12-13"
    await drain(bot)
    card = await anna.wait_for_message(reference)
    assert "Yonas Berhe" in card.text
    reminder = await anna.wait_for_message("Herinnering")
    assert reference in reminder.text, "22 days after receipt: the 7-day reminder is due now"
    gemeente = world.keys[f"gemeente:{ids['gemeente']}"]
    async with bot.api(gemeente) as api:
        report = (await api.get("/klachten/report",
                                params={"from": "2026-11-01", "to": "2026-11-30"})).json()
    assert [s["klachten"] for s in report["schools"]] == [1]
    register = json.loads(await run_admin(
        ["klachten-report", "--from", "2026-11-01", "--to", "2026-11-30", "--register", "--json"],
        bot.settings, bot.clock))
    assert [(r["reference"], r["received_at"][:10], r["channel"]) for r in register] == [
        (reference, "2026-11-01", "mail")]


async def test_register_bow_1_5_6_a_phoned_klacht_is_registered_in_the_bot_by_its_handler(
        bot, world, client):
    ids = await school_without_handlers(world)
    anna = await linked(world, client, ids, "anna", 1530, "nl")
    senait = await linked(world, client, ids, "senait", 1531, "ti")
    await anna.send("/klachtinvoeren")
    await new_message(anna)
    await anna.send("Tesfay")
    how = await new_message(anna)
    await anna.press("Telefonisch", how)
    when = await new_message(anna)
    await anna.send("31-12-2026")
    assert "geen datum" in (await new_message(anna)).text, "not a day in the future"
    await anna.send("16-11-2026")
    topics = await new_message(anna)
    await anna.press(bot.services.i18n.get("nl").f_("The teacher"), topics)
    await new_message(anna)
    await anna.send("Belde op: de docent begint elke les een half uur te laat.")
    done = await new_message(anna)
    row = await klacht_row(bot)
    assert row["reference"] in done.text and "14 december 2026" in done.text
    assert (row["channel"], row["registered_by"], row["received_at"][:10]) == (
        "phone", ids["anna"], "2026-11-16")
    await drain(bot)
    ack = await senait.wait_for_message(row["reference"])
    assert ack.text
    assert when.buttons


async def test_no_independent_bow_1_5_note_7_the_short_report_is_endorsed_by_the_participant(
        bot, world, client):
    ids = await school_without_handlers(world)
    senait = await linked(world, client, ids, "senait", 1540, "ti")
    anna = await linked(world, client, ids, "anna", 1541, "nl")
    await file_klacht(bot, senait, "ti", topic="The teacher", text="ናይ መምህር ጸገም",
                      involved=["Anna de Vries"])
    reference = (await klacht_row(bot))["reference"]
    await drain(bot)
    guide = await anna.wait_for_message("bondig rapport")
    assert reference in guide.text
    await anna.press("Schrijf het bondige rapport", guide)
    await anna.press("Alleen mijn eigen woorden", await new_message(anna, "standaardzin"))
    await new_message(anna)
    await anna.send("Gesprek met de cursist op 25 november; de docent begint voortaan op tijd.")
    assert reference in (await new_message(anna)).text
    await drain(bot)
    tr = bot.services.i18n.get("ti")
    report = await senait.wait_for_message("de docent begint voortaan op tijd")
    stored = await bot.db.fetchval("SELECT params FROM outbox WHERE message_key = 'klacht.report'")
    assert "voortaan" not in stored, "the report stays in klacht_reports, not in the outbox row"
    await senait.press(tr.f_("Yes, I agree with this report"), report)
    await new_message(senait)
    await drain(bot)
    told = await anna.wait_for_message("onderschrijft")
    assert reference in told.text
    row = await bot.db.fetchone("SELECT endorsed, answered_at FROM klacht_reports")
    assert row["endorsed"] == 1 and row["answered_at"]
    register = json.loads(await run_admin(
        ["klachten-report", "--from", "2026-11-01", "--to", "2026-11-30", "--register", "--json"],
        bot.settings, bot.clock))
    assert [(r["reference"], r["state"], r["handler"], r["outcome"]) for r in register] == [
        (reference, "closed", "Anna de Vries", "resolved")]


async def test_signal_c_13_5_a_klantmanager_signal_is_raised_only_with_consent(
        bot, world, client):
    ids = await school_without_handlers(world)
    senait = await linked(world, client, ids, "senait", 1550, "fa")
    petra = await linked(world, client, ids, "km", 1551, "nl")
    await petra.send("/signaal")
    whom = await new_message(petra)
    await petra.press("Senait Tesfay", whom)
    await new_message(petra)
    await petra.send("Senait vertelt dat de groep al weken 30 cursisten telt.")
    recorded = await new_message(petra)
    reference = (await klacht_row(bot))["reference"]
    assert reference in recorded.text
    await drain(bot)
    tr = bot.services.i18n.get("fa")
    assert "/mijnklachten" in (await senait.wait_for_message(reference)).text

    await petra.press("Voorleggen aan de regionale coördinatie (art. 13.5)", recorded)
    await new_message(petra)
    await drain(bot)
    asked = await senait.wait_for_message("Projectgroep")
    assert json.loads(await run_admin(["klachten-raised", "--json"], bot.settings,
                                      bot.clock)) == [], "nothing before the participant agreed"
    await senait.press(tr.f_("Yes"), asked)
    await new_message(senait)
    await drain(bot)
    assert reference in (await petra.wait_for_message("akkoord")).text
    raised = json.loads(await run_admin(["klachten-raised", "--json"], bot.settings, bot.clock))
    assert [(r["reference"], r["participant"]) for r in raised] == [(reference, "Senait Tesfay")]
    await senait.send("/gedeeld")
    shown = (await new_message(senait)).text
    assert "Projectgroep Statushouders en Inburgering" in shown
