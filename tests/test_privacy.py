"""Privacy (issue 13): the notice before the menu, retention of drafts and outbox texts."""

from __future__ import annotations

import asyncio
import json
from datetime import date

from bot.app import run_admin
from bot.i18n import LANGUAGES
from storage import sharing
from tests.attendance_world import at, group, lesson, register
from tests.klacht_world import file_klacht, linked, school_with_handlers
from tests.outbox_world import states
from tests.support import link


async def admin(bot, *argv: str):
    return await run_admin(list(argv), bot.settings, bot.clock)


async def retention_report(bot) -> dict:
    rows = json.loads(await admin(bot, "privacy", "retention", "--json"))
    return {row["kind"]: row for row in rows}


def reminders(messages) -> list:
    return [m for m in messages if "Reminder" in (m.text or "")]


async def people_of_a_school(world):
    gemeente = await world.gemeente()
    school = await world.school()
    km = await world.person("Petra Kloosterman", "klantmanager", gemeente_id=gemeente)
    amira = await world.person("Amira Haddad", "participant", school_id=school, klantmanager_id=km,
                               regime="wi2021", route="b1")
    return school, gemeente, km, amira


async def test_an_arabic_participant_reads_the_notice_before_the_menu(bot, world, client):
    _, _, _, amira = await people_of_a_school(world)
    user = await client.user(1301, "Amira", language_code="ar")
    await user.send(f"/start {await world.code(amira)}")
    await user.press(LANGUAGES["ar"], await user.wait_for_message())
    await user.wait_for_message()  # "Language: ..."
    notice = await user.wait_for_message()
    assert "الخصوصية" in notice.text, "the notice is in Arabic"
    assert len(notice.button_texts) == 2 and not notice.button_texts[0].isascii()
    await user.send("/help")
    again = await user.wait_for_message()
    assert again.text == notice.text, "nothing else before the notice is read"
    await user.press(notice.button_texts[0], again)
    full = await user.wait_for_message()
    assert len(full.text) > len(notice.text)
    await user.press(full.button_texts[-1], full)
    greeting = await user.wait_for_message()
    assert "مرحبًا" in greeting.text and greeting.buttons, "the menu comes after the notice"


async def test_a_changed_school_text_is_shown_once_and_staff_read_the_staff_version(
        bot, world, client):
    school, gemeente, km, amira = await people_of_a_school(world)
    user = await client.user(1302, "Amira")
    await link(world, user, amira, "nl")
    await admin(bot, "privacy", "notice", "--school", str(school), "--lang", "nl",
                "Onze school bewaart je gegevens zorgvuldig.")
    await user.send("/help")
    notice = await user.wait_for_message()
    assert notice.text == "Onze school bewaart je gegevens zorgvuldig."
    await user.press(notice.button_texts[-1], notice)
    await user.wait_for_message()  # the greeting
    await user.send("/help")
    assert "Wat je kunt doen" in (await user.wait_for_message()).text, "shown only once"

    staff = await client.user(1303, "Petra")
    await staff.send(f"/start {await world.code(km)}")
    await staff.press(LANGUAGES["en"], await staff.wait_for_message())
    await staff.wait_for_message()
    staff_notice = await staff.wait_for_message()
    assert "how to handle participants' data" in staff_notice.text


async def test_drafts_and_outbox_texts_are_gone_after_their_retention(bot, world, client, clock):
    _, _, km, amira = await people_of_a_school(world)
    user = await client.user(1304, "Amira")
    await link(world, user, amira, "nl")
    await user.send("/klacht")
    await user.wait_for_message()
    await user.press(0, await user.wait_for_message())  # a topic: the draft now holds it
    await admin(bot, "outbox", "--ping", str(amira))
    bot.services.outbox.kick()
    for _ in range(500):  # the dispatcher sends it and records it as sent
        if (await states(bot.db)).get("sent"):
            break
        await asyncio.sleep(0.02)
    assert (await states(bot.db)).get("sent") == 1
    held = await retention_report(bot)
    assert held["drafts"]["held"] >= 1 and held["outbox"]["held"] >= 1

    clock.advance(days=31)
    await bot.sweep()
    report = await retention_report(bot)
    assert report["drafts"]["held"] == 0 and report["outbox"]["held"] == 0
    assert report["drafts"]["removed"] >= 1 and report["outbox"]["removed"] >= 1


async def test_a_klantmanagers_caseload_view_is_in_the_audit_trail_and_in_gedeeld(
        bot, world, client):
    _, _, km, amira = await people_of_a_school(world)
    participant = await client.user(1305, "Amira")
    await link(world, participant, amira, "en")
    petra = await client.user(1306, "Petra")
    await link(world, petra, km, "nl")
    await participant.send("/gedeeld")
    assert "Nobody has looked at your data" in (await participant.wait_for_message()).text

    await petra.send("/caseload")
    overview = await petra.wait_for_message()
    await petra.press("Amira Haddad", overview)
    await petra.wait_for_message()

    trail = json.loads(await admin(bot, "privacy", "audit", "--person", str(amira), "--json"))
    assert [(row["who"], row["what"]) for row in trail] == [
        ("Petra Kloosterman", "attendance"), ("Petra Kloosterman", "caseload")]
    await participant.send("/gedeeld")
    shown = (await participant.wait_for_message()).text
    assert "Who looked at your data" in shown
    assert "Petra Kloosterman" in shown and "you in the list of their participants" in shown
    assert "your lessons and attendance" in shown


async def test_mijngegevens_gives_a_pdf_and_json_with_only_their_own_data(bot, world, client):
    ids = await school_with_handlers(world)
    yonas = await world.person("Yonas Berhe", "participant", school_id=ids["school"],
                               klantmanager_id=ids["km"], regime="wi2021", route="b1")
    ids["senait"] = await world.person("Senait Tesfay", "participant", school_id=ids["school"],
                                       klantmanager_id=ids["km"], regime="wi2021",
                                       external_id="P-7")
    senait = await linked(world, client, ids, "senait", 1310, "tr")
    other = await client.user(1311, "Yonas")
    await link(world, other, yonas, "nl")
    await file_klacht(bot, senait, "tr", topic="The teacher", text="De docent schreeuwt tegen mij")
    await file_klacht(bot, other, "nl", topic="The teacher", text="Geheim verhaal van Yonas")
    group_id = await group(bot.db, ids["school"], [(ids["senait"], date(2026, 9, 1), None)])
    lesson_id = await lesson(bot.db, ids["school"], group_id, at(date(2026, 11, 2), 9))
    async with bot.db.transaction() as tx:
        await sharing.log_sharing(tx, ids["senait"], f"school:{ids['school']}", ["rooster"],
                                  "overstap", bot.clock.now())
    await register(bot, world.keys[f"school:{ids['school']}"], [
        (lesson_id, "P-7", "absent", "ill")])

    await senait.send("/mijngegevens")
    await senait.wait_for_message()
    pdf = await senait.wait_for_message()
    document = await senait.wait_for_message()
    assert pdf.document["file_name"].endswith(".pdf")
    assert (await senait.download(pdf)).startswith(b"%PDF")
    data = json.loads(await senait.download(document))
    assert data["person"][0]["name"] == "Senait Tesfay"
    assert [k["description"] for k in data["klachten"]] == ["De docent schreeuwt tegen mij"]
    assert data["shared"][0]["recipient"] == f"school:{ids['school']}"
    assert [row["status"] for row in data["attendance"]] == ["absent_ill"]
    text = json.dumps(data, ensure_ascii=False)
    assert "Yonas" not in text and "Geheim" not in text, "nothing of another participant"

    trail = json.loads(await admin(bot, "privacy", "audit", "--person", str(ids["senait"]),
                                   "--json"))
    assert trail[0]["what"] == "export"


async def test_an_erasure_request_not_handled_in_time_reminds_the_privacy_contact(
        bot, world, client, clock):
    ids = await school_with_handlers(world)
    senait = await linked(world, client, ids, "senait", 1320, "en")
    carla = await linked(world, client, ids, "carla", 1321, "en")
    await senait.send("/mijngegevens")
    offer = await senait.wait_for_message()
    await senait.press("Ask to erase my data", offer)
    recorded = await senait.wait_for_message(contains="recorded")
    assert "December" in recorded.text or "december" in recorded.text, "a month from now"
    told = await carla.wait_for_message(contains="Privacy request")
    assert "Senait Tesfay" in told.text and "erasure" in told.text

    clock.advance(days=20)
    await bot.sweep()
    assert not reminders(await carla.messages()), "not yet: more than a week left"
    clock.advance(days=4)
    await bot.sweep()
    reminder = await carla.wait_for_message(contains="Reminder")
    assert "Senait Tesfay" in reminder.text
    await bot.sweep()
    assert len(reminders(await carla.messages())) == 1, "reminded once"

    request = json.loads(await admin(bot, "privacy", "requests", "--json"))[0]
    await admin(bot, "privacy", "handle", str(request["id"]))
    erased = await senait.wait_for_message(contains="erase")
    assert "What stays" in erased.text and "urenverklaring" in erased.text
    assert json.loads(await admin(bot, "privacy", "requests", "--json")) == []


async def test_a_typed_correction_reaches_the_privacy_contact_and_is_answered(bot, world, client):
    ids = await school_with_handlers(world)
    senait = await linked(world, client, ids, "senait", 1330, "nl")
    carla = await linked(world, client, ids, "carla", 1331, "en")
    await senait.send("/mijngegevens")
    await senait.press("Vraag om een correctie", await senait.wait_for_message())
    await senait.wait_for_message(contains="Schrijf")
    await senait.send("Mijn naam is Senait Tesfay Gebre, niet Senait Tesfay")
    await senait.wait_for_message(contains="vastgelegd")
    told = await carla.wait_for_message(contains="Privacy request")
    assert "correction" in told.text and "Tesfay Gebre" in told.text

    request = json.loads(await admin(bot, "privacy", "requests", "--json"))[0]
    await admin(bot, "privacy", "handle", str(request["id"]), "--answer", "Naam aangepast.")
    answered = await senait.wait_for_message(contains="beantwoord")
    assert "Naam aangepast." in answered.text


async def test_a_school_sets_its_notice_and_reads_who_looked_through_the_api(bot, world, client):
    school, gemeente, km, amira = await people_of_a_school(world)
    other_school = await world.school("Andere School")
    user = await client.user(1340, "Amira")
    await link(world, user, amira, "nl")
    petra = await client.user(1341, "Petra")
    await link(world, petra, km, "nl")
    await petra.send("/caseload")
    await petra.wait_for_message()

    async with bot.api(world.keys[f"school:{school}"]) as api:
        answer = await api.put("/api/v1/privacy/notice/participant/nl",
                               json={"text": "Onze eigen privacytekst."})
        assert answer.status_code == 200 and answer.json()["version"] == 1
        assert (await api.put("/api/v1/privacy/notice/participant/xx",
                              json={"text": "x"})).status_code == 422
        trail = (await api.get("/api/v1/privacy/audit")).json()
    assert [(row["who"], row["participant_id"], row["what"]) for row in trail] == [
        ("Petra Kloosterman", amira, "caseload")]
    async with bot.api(world.keys[f"school:{other_school}"]) as api:
        assert (await api.get("/api/v1/privacy/audit")).json() == [], "only its own participants"

    await user.send("/help")
    assert (await user.wait_for_message()).text == "Onze eigen privacytekst."
