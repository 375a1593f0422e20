"""/traject (issue 15; convenant art. 12.1, 12.4): the school's coordinator records the trajectory
in the bot with buttons, and it goes exactly where the school's API sends it: the klantmanager's
alert, the participant's taalplan in their language, the flag on a prediction more than a month
later. Only the coordinator's own school's participants can be picked, also with forged buttons."""

from __future__ import annotations

from tests.attendance_world import drain, people_of_a_school
from tests.klacht_world import answer_to
from tests.support import link, press_forged


async def asked(user, contains: str):
    """The next question with buttons (skipping the edit that takes the last one's away)."""
    while True:
        message = await user.wait_for_message(contains)
        if message.buttons:
            return message


async def a_coordinator(world, client, school: int, user_id: int):
    coordinator = await world.person("Carla Coördinator", "staff", school_id=school,
                                     staff_role="coordinator")
    carla = await client.user(user_id, "Carla", language_code="en")
    await link(world, carla, coordinator, "en")
    return carla


async def record_intake(carla, end: str = "30-9-2027") -> None:
    await carla.send("/traject")
    await carla.press("Amira Haddad", await carla.wait_for_message("Whose trajectory"))
    await carla.press("Intake", await carla.wait_for_message("What do you want to record"))
    await carla.press("B1", await carla.wait_for_message("end goal"))
    await carla.press("B1-route", await carla.wait_for_message("Which leerroute"))
    await carla.wait_for_message("probably end")
    await carla.send(end)
    await carla.wait_for_message("What does the course cost")
    await carla.send("1.250 euro")
    await carla.wait_for_message("That is no amount")
    await carla.send("€ 1.250")
    await carla.wait_for_message("Anything to add")
    await carla.send("Leert snel, heeft al een diploma uit Syrië.")
    summary = await carla.wait_for_message("Please check")
    assert "Goal: level B1, B1-route" in summary.text and "2027" in summary.text
    assert "Costs for the participant: €1,250.00" in summary.text
    await carla.press("Save", summary)
    saved = await carla.wait_for_message("Saved for Amira Haddad")
    assert "klantmanager has been told" in saved.text


async def test_an_intake_recorded_in_the_bot_reaches_the_klantmanager_and_the_somali_participant(
        bot, world, client):
    school, km, amira = await people_of_a_school(world)
    petra = await client.user(1601, "Petra", language_code="nl")
    await link(world, petra, km, "nl")
    user = await client.user(1602, "Amira", language_code="so")
    await link(world, user, amira, "so")
    carla = await a_coordinator(world, client, school, 1603)

    await record_intake(carla)
    await drain(bot)
    alert = await petra.wait_for_message(contains="Traject")
    assert "Amira Haddad" in alert.text and "B1" in alert.text
    assert "diploma uit Syrië" in alert.text and alert.button_texts == ["Gezien"]
    told = await user.wait_for_message(contains="taalplan")
    assert "B1" in told.text and "2027" in told.text and "Hadafkaaga" in told.text
    assert "€1,250.00" in told.text, "the costs, with the plan, as Somali writes them"
    await user.send("/gedeeld")
    shared = await user.wait_for_message(contains="Petra Kloosterman")
    assert "Natiijada wareysiga hore (intake)" in shared.text, "logged for /gedeeld, in Somali"
    async with bot.api(world.keys[f"school:{school}"]) as api:
        records = (await api.get("/api/v1/participants/P-100/trajectory")).json()
    assert [r["kind"] for r in records] == ["intake"]
    assert records[0]["details"] == {"goal_level": "B1", "route": "b1", "costs_cents": 125000,
                                     "text": "Leert snel, heeft al een diploma uit Syrië."}


async def test_a_predicted_end_moved_more_than_a_month_is_flagged_and_told_in_tigrinya(
        bot, world, client):
    school, km, amira = await people_of_a_school(world)
    petra = await client.user(1611, "Petra", language_code="nl")
    await link(world, petra, km, "nl")
    user = await client.user(1612, "Amira", language_code="ti")
    await link(world, user, amira, "ti")
    carla = await a_coordinator(world, client, school, 1613)
    await record_intake(carla)

    await carla.send("/traject")
    await carla.press("Amira Haddad", await carla.wait_for_message("Whose trajectory"))
    await carla.press("new predicted end", await carla.wait_for_message("What do you want"))
    await carla.wait_for_message("probably end")
    await carla.send("31 december")
    bad = await carla.wait_for_message("That is no date")
    assert "day-month-year" in bad.text
    await carla.send("1-1-2020")
    await carla.wait_for_message("That is no date from today on")
    await carla.send("31-12-2027")
    await carla.press("Skip", await carla.wait_for_message("Anything to add"))
    summary = await carla.wait_for_message("Please check")
    assert "More than a month later" in summary.text, "the coordinator sees the flag first"
    await carla.press("Save", summary)
    await carla.wait_for_message("Saved for Amira Haddad")

    await drain(bot)
    flagged = await petra.wait_for_message(contains="⚠")
    assert "Meer dan een maand later" in flagged.text and "2027" in flagged.text
    news = await user.wait_for_message(contains="ዝያዳ ግዜ")
    assert "2027" in news.text


async def test_progress_is_recorded_with_a_level_per_skill(bot, world, client):
    school, km, amira = await people_of_a_school(world)
    carla = await a_coordinator(world, client, school, 1621)
    await carla.send("/traject")
    await carla.press("Amira Haddad", await carla.wait_for_message("Whose trajectory"))
    await carla.press("Progress", await carla.wait_for_message("What do you want"))
    for _ in range(4):
        await carla.press("Not assessed", await asked(carla, "Level reached in"))
    await carla.wait_for_message("at least one skill")
    await carla.press("A2", await asked(carla, "Level reached in reading"))
    await carla.press("Not assessed", await asked(carla, "Level reached in listening"))
    await carla.press("A1", await asked(carla, "Level reached in speaking"))
    await carla.press("Not assessed", await asked(carla, "Level reached in writing"))
    await carla.press("Today", await carla.wait_for_message("assessed"))
    await carla.press("Skip", await carla.wait_for_message("Anything to add"))
    summary = await carla.wait_for_message("Please check")
    assert "reading: A2" in summary.text and "speaking: A1" in summary.text
    await carla.press("Save", summary)
    await carla.wait_for_message("Saved for Amira Haddad")
    async with bot.api(world.keys[f"school:{school}"]) as api:
        records = (await api.get("/api/v1/participants/P-100/trajectory")).json()
    assert records[0]["details"] == {"assessed_on": "2026-11-23",
                                     "skills": {"lezen": "A2", "spreken": "A1"}}


async def test_only_the_coordinators_own_participants_can_be_picked(
        bot, world, client, sandbox):
    school, km, amira = await people_of_a_school(world)
    await world.person("Amira Haddad", "participant", school_id=school, klantmanager_id=km,
                       external_id="P-200")
    other = await world.school("Andere Taalschool")
    stranger = await world.person("Samir Vreemd", "participant", school_id=other,
                                  klantmanager_id=km, external_id="X-1")
    carla = await a_coordinator(world, client, school, 1631)

    await carla.send("/traject")
    listing = await carla.wait_for_message("Whose trajectory")
    assert listing.button_texts == ["Amira Haddad (P-100)", "Amira Haddad (P-200)"], \
        "same names told apart, only the school's own"
    await carla.send("Samir")
    await carla.wait_for_message("No participant of your school matches")
    await carla.send("X-1")
    await carla.wait_for_message("No participant of your school matches")

    forged = f"trj:p:{stranger}"
    press_forged(sandbox, carla, listing, forged)
    answer = await answer_to(carla, forged)
    assert answer["show_alert"] and "not one of your school's" in answer["text"]
    for odd in ("trj:p:\u00b2\u00b3", "trj:p:" + "9" * 25, "trj:p:-7"):
        press_forged(sandbox, carla, listing, odd)
        assert (await answer_to(carla, odd))["text"], f"an explained refusal for {odd!r}"
    await carla.press("Amira Haddad (P-100)", listing)
    kinds = await carla.wait_for_message("What do you want to record for Amira Haddad")
    press_forged(sandbox, carla, kinds, "trj:k:gossip")
    assert "no longer works" in (await answer_to(carla, "trj:k:gossip"))["text"]
    await carla.press("Work attitude", kinds)
    await carla.wait_for_message("own words")
    await carla.send("/cancel")
    await carla.wait_for_message("Nothing was saved")
    assert await bot.db.fetchval("SELECT COUNT(*) FROM trajectory_records") == 0


async def test_a_klantmanager_or_participant_cannot_record_a_trajectory(bot, world, client):
    school, km, amira = await people_of_a_school(world)
    petra = await client.user(1641, "Petra", language_code="en")
    await link(world, petra, km, "en")
    await petra.send("/traject")
    await petra.wait_for_message("Only a coordinator of a school")


async def test_a_participant_pressing_a_coordinators_button_is_refused_in_their_language(
        bot, world, client, sandbox):
    school, km, amira = await people_of_a_school(world)
    user = await client.user(1651, "Amira", language_code="ar")
    await link(world, user, amira, "ar")
    anchor = (await user.messages())[-1]
    for forged in (f"trj:p:{amira}", f"gn:new:{amira}"):
        press_forged(sandbox, user, anchor, forged)
        answer = await answer_to(user, forged)
        assert answer["show_alert"] and "هذا الزر" in answer["text"], answer["text"]
    assert await bot.db.fetchval("SELECT COUNT(*) FROM gemeente_notes") == 0


async def test_a_participant_who_left_for_another_school_meanwhile_is_not_recorded(
        bot, world, client):
    school, km, amira = await people_of_a_school(world)
    other = await world.school("Andere Taalschool")
    carla = await a_coordinator(world, client, school, 1661)
    await carla.send("/traject")
    await carla.press("Amira Haddad", await carla.wait_for_message("Whose trajectory"))
    await carla.press("Work attitude", await carla.wait_for_message("What do you want"))
    await carla.wait_for_message("own words")
    # Meanwhile an overstap moved her to the other school.
    await bot.db.execute("UPDATE people SET school_id = ? WHERE id = ?", (other, amira))
    await carla.send("Gemotiveerd, altijd op tijd.")
    await carla.wait_for_message("not one of your school's")
    assert await bot.db.fetchval("SELECT COUNT(*) FROM trajectory_records") == 0
