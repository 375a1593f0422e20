"""/rooster, the calendar feed and rooster conflicts as participants and klantmanagers meet them
(issue 4; convenant art. 10.4, 12.6, 13.2)."""

from __future__ import annotations

import httpx
from icalendar import Calendar

from tests.rooster_world import lesson, school_with_group
from tests.support import link, press_forged


async def planning_with_a_change(bot, key):
    async with bot.api(key) as api:
        response = await api.post("/api/v1/planning", json={
            "lessons": [
                {"external_id": "MA", **lesson("2026-11-23T09:00", "2026-11-23T12:00")},
                {"external_id": "WO", **lesson("2026-11-25T09:00", "2026-11-25T12:00")},
                {"external_id": "DO", **lesson("2026-11-26T13:00", "2026-11-26T15:00",
                                               kind="KNM", mode="distance")},
                {"external_id": "VOLGENDE", **lesson("2026-12-01T09:00", "2026-12-01T12:00")}],
            "holidays": [{"external_id": "KERST", "name": "Kerstvakantie",
                          "starts_on": "2026-12-21", "ends_on": "2027-01-03"}]})
        assert response.status_code == 200, response.text
        await api.put("/api/v1/lessons/WO", json=lesson("2026-11-25T13:00", "2026-11-25T16:00"))
        await api.post("/api/v1/lessons/DO/cancel")


async def test_participant_sees_this_week_with_changes_marked_and_browses_weeks(bot, world,
                                                                                client):
    key, ids, _, _ = await school_with_group(bot, world)
    await planning_with_a_change(bot, key)
    user = await client.user(701, "Sanne")
    await link(world, user, ids["P-001"], "nl")
    await user.send("/rooster")
    week = await user.wait_for_message("Je lessen, week 48")
    assert "Maandag 23 november" in week.text
    assert "09:00–12:00 Nederlands (NT2) · Hengelo, Marktstraat 12 · Marieke de Boer" in week.text
    assert "⚠️ 13:00–16:00" in week.text
    assert "Veranderd: andere tijd (was woensdag 25 november 09:00)" in week.text
    assert ("❌ 13:00–15:00 Kennis van de Nederlandse Maatschappij (KNM): gaat niet door"
            in week.text)
    await user.press("Volgende week ▶", week)
    following = await user.wait_for_message("week 49")
    assert following.edited and following.message_id == week.message_id
    assert "Dinsdag 1 december" in following.text
    for _ in range(3):
        await user.press("Volgende week ▶")
        shown = await user.wait_for_message()
    assert "week 52" in shown.text and "Kerstvakantie" in shown.text
    assert "Deze week geen lessen." in shown.text
    await user.press("Deze week")
    assert "week 48" in (await user.wait_for_message()).text


async def test_a_forged_week_button_for_someone_else_is_refused(bot, world, client, sandbox):
    key, ids, _, _ = await school_with_group(bot, world)
    await planning_with_a_change(bot, key)
    user = await client.user(702, "Amira")
    await link(world, user, ids["P-001"], "en")
    await user.send("/rooster")
    week = await user.wait_for_message("Your lessons")
    other = ids["P-002"]
    press_forged(sandbox, user, week, f"rooster:n:{other}:2026-11-23")
    press_forged(sandbox, user, week, "rooster:n:0:not-a-date")
    press_forged(sandbox, user, week, "rooster:p:0")
    await user.send("/help")
    await user.wait_for_message("What you can do")
    answers = [a for a in await user.callback_answers() if a["data"].startswith("rooster:")]
    assert len(answers) == 3 and all("no longer works" in a["text"] for a in answers)
    texts = [m.text for m in await user.messages()]
    assert not any("Deelnemer 2" in text for text in texts), "nothing about the other one"
    assert sum("Your lessons" in text for text in texts) == 1


async def test_klantmanager_opens_the_rooster_of_a_participant_in_their_caseload(bot, world,
                                                                                 client):
    key, ids, km, gemeente = await school_with_group(bot, world)
    await planning_with_a_change(bot, key)
    other_km = await world.person("Karin de Vries", "klantmanager", gemeente_id=gemeente)
    await world.person("Iemand Anders", "participant", school_id=1, klantmanager_id=other_km)
    user = await client.user(703, "Petra")
    await link(world, user, km, "nl")
    await user.send("/rooster")
    choice = await user.wait_for_message("Van wie wil je het rooster zien?")
    assert choice.button_texts == ["Deelnemer 1", "Deelnemer 2"], "own caseload only"
    await user.press("Deelnemer 2", choice)
    week = await user.wait_for_message("Rooster van Deelnemer 2 (P-002), week 48")
    assert "Hengelo, Marktstraat 12" in week.text
    assert "Agendalink" not in " ".join(week.button_texts), "the feed link is the participant's"
    # The participant moves to another klantmanager: the open rooster stops working for Petra.
    await bot.db.execute("UPDATE people SET klantmanager_id = ? WHERE id = ?",
                         (other_km, ids["P-002"]))
    await user.press("Volgende week ▶", week)
    await user.send("/help")
    await user.wait_for_message("Wat je kunt doen")
    assert "werkt niet meer" in (await user.callback_answers())[-1]["text"]


async def test_calendar_feed_parses_with_icalendar_and_contains_the_lessons(bot, world, client):
    key, ids, _, _ = await school_with_group(bot, world)
    await planning_with_a_change(bot, key)
    user = await client.user(704, "Yonas")
    await link(world, user, ids["P-002"], "en")
    await user.send("/rooster")
    week = await user.wait_for_message("Your lessons")
    await user.press("🗓 Calendar link for my phone", week)
    given = await user.wait_for_message("Do not share this link")
    url = given.text.split()[-1]
    assert url.startswith(bot.url + "/rooster/") and url.endswith(".ics")
    async with httpx.AsyncClient() as http:
        response = await http.get(url)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    lessons = [e for e in calendar.walk("VEVENT") if str(e["UID"]).startswith("lesson-")]
    assert len(lessons) == 4
    starts = sorted(e.decoded("DTSTART").isoformat() for e in lessons)
    assert starts[0] == "2026-11-23T08:00:00+00:00"
    cancelled = [e for e in lessons if str(e["STATUS"]) == "CANCELLED"]
    assert len(cancelled) == 1 and str(cancelled[0]["SUMMARY"]) == "Dutch society (KNM)"
    assert str(cancelled[0]["LOCATION"]) == "online (distance learning)"
    assert "Kerstvakantie" in events

    # Asking again does not show the link again; renewing kills the old one.
    await user.press("🗓 Calendar link for my phone", week)
    offer = await user.wait_for_message("You already have a calendar link")
    await user.press("Make a new link", offer)
    renewed = await user.wait_for_message("The old link no longer works")
    new_url = renewed.text.split()[-1]
    async with httpx.AsyncClient() as http:
        assert (await http.get(url)).status_code == 404
        assert (await http.get(new_url)).status_code == 200


async def test_conflict_with_a_participation_activity_alerts_klantmanager_and_school_once(
        bot, world, client):
    key, ids, km, gemeente = await school_with_group(bot, world)
    await planning_with_a_change(bot, key)
    coordinator = await world.person("Ineke Vos", "staff", school_id=1, staff_role="coordinator")
    petra = await client.user(705, "Petra")
    await link(world, petra, km, "nl")
    ineke = await client.user(706, "Ineke")
    await link(world, ineke, coordinator, "en")
    gemeente_key = world.keys[f"gemeente:{gemeente}"]
    activity = {"participant_id": ids["P-001"], "title": "Werkervaringsplek Bibliotheek",
                "schedule": {"type": "weekly", "weekday": "tuesday", "start_time": "08:30",
                             "end_time": "10:00"}}
    async with bot.api(gemeente_key) as api:
        caseload = (await api.get("/api/v1/caseload")).json()
        created = await api.put("/api/v1/activities/WEP-1", json=activity)
        repeated = await api.put("/api/v1/activities/WEP-1", json=activity)
    assert {p["id"] for p in caseload} == set(ids.values())
    assert created.status_code == 201 and created.json()["open_conflicts"] == 1
    assert repeated.status_code == 200
    await bot.services.outbox.drain(timeout=10)
    alert = await petra.wait_for_message("Roosterconflict")
    assert "Deelnemer 1 (P-001), groep NT2 B1 ochtend" in alert.text
    assert "dinsdag 1 december 09:00–12:00" in alert.text
    assert "Werkervaringsplek Bibliotheek" in alert.text and "08:30–10:00" in alert.text
    school_alert = await ineke.wait_for_message("Rooster conflict")
    assert "Werkervaringsplek Bibliotheek" in school_alert.text
    async with bot.api(key) as api:
        seen_by_school = (await api.get("/api/v1/conflicts")).json()
    assert [c["lesson"]["external_id"] for c in seen_by_school] == ["VOLGENDE"]
    assert seen_by_school[0]["activity"]["title"] == "Werkervaringsplek Bibliotheek"

    # The school moves the lesson to the afternoon: the conflict clears, nobody is alerted again.
    async with bot.api(key) as api:
        moved = await api.put("/api/v1/lessons/VOLGENDE", json=lesson("2026-12-01T13:00",
                                                                      "2026-12-01T16:00"))
        assert (await api.get("/api/v1/conflicts")).json() == []
        history = (await api.get("/api/v1/conflicts", params={"state": "all"})).json()
    assert moved.status_code == 200
    assert history[0]["state"] == "resolved"
    async with bot.api(gemeente_key) as api:
        assert (await api.get("/api/v1/activities/WEP-1")).json()["open_conflicts"] == 0
    assert await bot.db.fetchval(
        "SELECT count(*) FROM outbox WHERE message_key = 'rooster.conflict'") == 2


async def test_deleting_the_activity_resolves_its_conflict_and_other_gemeenten_see_nothing(
        bot, world):
    key, ids, _, gemeente = await school_with_group(bot, world)
    await planning_with_a_change(bot, key)
    gemeente_key = world.keys[f"gemeente:{gemeente}"]
    elsewhere = await world.gemeente("Almelo")
    elsewhere_key = world.keys[f"gemeente:{elsewhere}"]
    activity = {"participant_id": ids["P-002"], "title": "Taalcafé",
                "schedule": {"type": "once", "start": "2026-12-01T11:00",
                             "end": "2026-12-01T13:00"}}
    async with bot.api(elsewhere_key) as api:
        refused = await api.put("/api/v1/activities/X-1", json=activity)
        assert refused.status_code == 422
        assert refused.json()["detail"][0]["loc"] == ["body", "participant_id"]
        assert (await api.get("/api/v1/caseload")).json() == []
    async with bot.api(gemeente_key) as api:
        assert (await api.put("/api/v1/activities/T-1", json=activity)).json()[
            "open_conflicts"] == 1
        assert len((await api.get("/api/v1/conflicts")).json()) == 1
    async with bot.api(elsewhere_key) as api:
        assert (await api.get("/api/v1/conflicts")).json() == []
        assert (await api.get("/api/v1/activities/T-1")).status_code == 404
        assert (await api.delete("/api/v1/activities/T-1")).status_code == 404
    async with bot.api(gemeente_key) as api:
        assert (await api.delete("/api/v1/activities/T-1")).status_code == 204
        assert (await api.get("/api/v1/conflicts")).json() == []
    async with bot.api(key) as api:
        forbidden = await api.put("/api/v1/activities/T-2", json=activity)
        assert forbidden.status_code == 403, "a school key cannot record activities"


async def test_klantmanager_records_a_weekly_activity_in_the_bot_and_hears_of_the_conflict(
        bot, world, client):
    key, ids, km, _ = await school_with_group(bot, world)
    await planning_with_a_change(bot, key)
    petra = await client.user(707, "Petra")
    await link(world, petra, km, "nl")
    await petra.send("/activiteiten")
    choice = await petra.wait_for_message("Van wie wil je de participatieactiviteiten")
    await petra.press("Deelnemer 1", choice)
    listing = await petra.wait_for_message("Participatieactiviteiten van Deelnemer 1")
    assert "Nog niets vastgelegd." in listing.text
    await petra.press("➕ Nieuwe wekelijkse activiteit", listing)
    days = await petra.wait_for_message("Op welke dag")
    await petra.press("dinsdag", days)
    await petra.wait_for_message("Stuur de tijden")
    await petra.send("tien uur")
    await petra.wait_for_message("Dat kon ik niet lezen")
    await petra.send("08:30-10:00 Werkervaringsplek bibliotheek")
    saved = await petra.wait_for_message("Opgeslagen.")
    assert "Dit overlapt met 1 les" in saved.text
    assert "elke dinsdag 08:30–10:00: Werkervaringsplek bibliotheek" in saved.text
    await bot.services.outbox.drain(timeout=10)
    alert = await petra.wait_for_message("Roosterconflict")
    assert "Werkervaringsplek bibliotheek" in alert.text

    await petra.press("🗑 elke dinsdag 08:30–10:00: Werkervaringsplek bibl")
    cleared = await petra.wait_for_message("conflicten ervan zijn opgeheven")
    assert "Nog niets vastgelegd." in cleared.text
    async with bot.api(key) as api:
        assert (await api.get("/api/v1/conflicts")).json() == []
