"""Schools push their planning through the HTTP API and participants hear of changes in their own
language (issue 4; convenant art. 10.4, 10.6). Driven end to end: HTTP API, the bot, the outbox,
the sandbox Telegram server."""

from __future__ import annotations

from storage import lessons as lesson_store
from tests.rooster_world import lesson, school_with_group
from tests.support import link


async def drain(bot) -> None:
    await bot.services.outbox.drain(timeout=10)


async def test_school_moves_a_lesson_and_arabic_and_tigrinya_participants_each_get_one_message(
        bot, world, client):
    key, ids, _, _ = await school_with_group(bot, world)
    async with bot.api(key) as api:
        for external_id, day in (("L-1", "2026-11-30"), ("L-2", "2026-12-02")):
            response = await api.put(f"/api/v1/lessons/{external_id}",
                                     json=lesson(f"{day}T09:00", f"{day}T12:00"))
            assert response.status_code == 201, response.text
    amira = await client.user(601, "Amira", language_code="ar")
    yonas = await client.user(602, "Yonas", language_code="ti")
    await link(world, amira, ids["P-001"], "ar")
    await link(world, yonas, ids["P-002"], "ti")

    async with bot.api(key) as api:
        moved = await api.post("/api/v1/planning", json={"lessons": [
            {"external_id": "L-1", **lesson("2026-12-01T13:00:00+01:00",
                                            "2026-12-01T16:00:00+01:00")},
            {"external_id": "L-2", **lesson("2026-12-02T09:00", "2026-12-02T12:00",
                                            location="Enschede, Stadsweg 1")}]})
    assert moved.status_code == 200, moved.text
    assert moved.json()["notified_participants"] == 2
    await drain(bot)

    arabic = await amira.wait_for_message("تغيّر جدول دروسك")
    assert "الثلاثاء 1 ديسمبر" in arabic.text, "the new day, Tuesday, in Arabic"
    assert "الاثنين 30 نوفمبر" in arabic.text, "and the day it was moved from"
    assert "Enschede, Stadsweg 1" in arabic.text, "both changes in one message"
    assert arabic.text.startswith("\u200f")
    tigrinya = await yonas.wait_for_message("መደብ ትምህርትኹም ተቐይሩ")
    assert "ሰሉስ 1 ታሕሳስ" in tigrinya.text, "Tuesday in Tigrinya"
    assert "1:00 ድ.ቀ." in tigrinya.text, "13:00 as Tigrinya writes it (Babel's CLDR format)"
    for user, header in ((amira, "تغيّر جدول دروسك"), (yonas, "መደብ ትምህርትኹም ተቐይሩ")):
        changes = [m for m in await user.messages() if header in m.text]
        assert len(changes) == 1, "one message per push, not one per lesson"


async def test_the_same_push_twice_changes_nothing_and_notifies_nobody(bot, world, client):
    key, ids, _, _ = await school_with_group(bot, world)
    amira = await client.user(603, "Amira")
    await link(world, amira, ids["P-001"], "nl")
    planning = {"lessons": [{"external_id": f"L-{day}", **lesson(f"2026-12-0{day}T09:00",
                                                                   f"2026-12-0{day}T12:00")}
                            for day in (1, 2, 3)]}
    async with bot.api(key) as api:
        first = (await api.post("/api/v1/planning", json=planning)).json()
        await drain(bot)
        await amira.wait_for_message("Je lesrooster is veranderd")
        queued = await bot.db.fetchval("SELECT count(*) FROM outbox")
        second = (await api.post("/api/v1/planning", json=planning)).json()
        again = await api.put("/api/v1/lessons/L-1", json=lesson("2026-12-01T09:00",
                                                                 "2026-12-01T12:00"))
    assert first["lessons_created"] == 3 and first["notified_participants"] == 2
    assert second["lessons_created"] == second["lessons_updated"] == 0
    assert second["lessons_unchanged"] == 3 and second["notified_participants"] == 0
    assert again.status_code == 200 and again.json()["changes"] == []
    assert await bot.db.fetchval("SELECT count(*) FROM outbox") == queued
    before = len(await amira.messages())
    await drain(bot)
    assert len(await amira.messages()) == before


async def test_a_school_cannot_read_or_change_another_schools_group(bot, world):
    key, ids, _, _ = await school_with_group(bot, world)
    other = await world.school("Taalcentrum Oost")
    other_key = world.keys[f"school:{other}"]
    async with bot.api(key) as api:
        assert (await api.put("/api/v1/lessons/L-1", json=lesson(
            "2026-12-01T09:00", "2026-12-01T12:00"))).status_code == 201
    async with bot.api(other_key) as api:
        assert (await api.get("/api/v1/groups/B1-OCHTEND")).status_code == 404
        assert (await api.get("/api/v1/lessons/L-1")).status_code == 404
        assert (await api.get("/api/v1/participants/P-001")).status_code == 404
        assert (await api.post("/api/v1/lessons/L-1/cancel")).status_code == 404
        assert (await api.put("/api/v1/groups/B1-OCHTEND/members/P-001",
                              json={"joined_on": "2026-09-01"})).status_code == 404
        refused = await api.put("/api/v1/lessons/L-9", json=lesson("2026-12-01T09:00",
                                                                   "2026-12-01T12:00"))
        assert refused.status_code == 422
        assert refused.json()["detail"][0]["loc"] == ["body", "group"]
        assert (await api.get("/api/v1/groups")).json() == []
        # The same external id at the other school is that school's own, separate group.
        own = await api.put("/api/v1/groups/B1-OCHTEND", json={"name": "Eigen groep"})
        assert own.status_code == 201
    async with bot.api(key) as api:
        mine = (await api.get("/api/v1/groups/B1-OCHTEND")).json()
        assert mine["name"] == "NT2 B1 ochtend" and len(mine["members"]) == 2
        assert (await api.get("/api/v1/lessons/L-1")).json()["cancelled"] is False
    async with bot.api("sch_not-a-real-key") as api:
        assert (await api.get("/api/v1/groups")).status_code == 401
    async with bot.api() as api:
        assert (await api.get("/api/v1/groups")).status_code == 401


ICS = """BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//Taalschool//Planner//NL\r
BEGIN:VEVENT\r
UID:b1-ochtend-maandag@taalschool.example\r
DTSTAMP:20261101T120000Z\r
DTSTART;TZID=Europe/Amsterdam:20261123T090000\r
DTEND;TZID=Europe/Amsterdam:20261123T120000\r
RRULE:FREQ=WEEKLY;BYDAY=MO,WE;COUNT=8\r
EXDATE;TZID=Europe/Amsterdam:20261202T090000\r
SUMMARY:NT2 B1\r
LOCATION:Hengelo, Marktstraat 12\r
ORGANIZER;CN=Marieke de Boer:mailto:marieke@taalschool.example\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:b1-ochtend-maandag@taalschool.example\r
RECURRENCE-ID;TZID=Europe/Amsterdam:20261207T090000\r
DTSTART;TZID=Europe/Amsterdam:20261208T130000\r
DTEND;TZID=Europe/Amsterdam:20261208T160000\r
SUMMARY:NT2 B1 (verplaatst)\r
LOCATION:Enschede, Stadsweg 1\r
END:VEVENT\r
END:VCALENDAR\r
"""


async def test_ics_upload_with_weekly_recurrence_creates_the_lessons(bot, world):
    key, _, _, _ = await school_with_group(bot, world)
    headers = {"Content-Type": "text/calendar"}
    async with bot.api(key) as api:
        # Norm 2.10.1: classroom or distance is said, never assumed (it decides which hours
        # count); the events do not say it, so the upload must.
        unsaid = await api.post("/api/v1/groups/B1-OCHTEND/calendar", content=ICS,
                                headers=headers)
        assert unsaid.status_code == 422 and unsaid.json()["detail"][0]["loc"] == ["query",
                                                                                   "mode"]
        uploaded = await api.post("/api/v1/groups/B1-OCHTEND/calendar?mode=classroom",
                                  content=ICS, headers=headers)
        assert uploaded.status_code == 200, uploaded.text
        assert uploaded.json()["lessons_created"] == 7, "8 occurrences minus one EXDATE"
        lessons = (await api.get("/api/v1/lessons", params={
            "from": "2026-11-01", "to": "2027-01-31"})).json()
        again = (await api.post("/api/v1/groups/B1-OCHTEND/calendar?mode=classroom",
                                content=ICS, headers=headers)).json()
    starts = [item["start"] for item in lessons]
    assert starts == ["2026-11-23T09:00:00+01:00", "2026-11-25T09:00:00+01:00",
                      "2026-11-30T09:00:00+01:00", "2026-12-08T13:00:00+01:00",
                      "2026-12-09T09:00:00+01:00", "2026-12-14T09:00:00+01:00",
                      "2026-12-16T09:00:00+01:00"]
    moved = next(item for item in lessons if item["start"].startswith("2026-12-08"))
    assert moved["location"] == "Enschede, Stadsweg 1"
    assert all(item["teacher"] == "Marieke de Boer" and item["kind"] == "NT2"
               for item in lessons)
    assert again["lessons_unchanged"] == 7 and again["notified_participants"] == 0

    # The school drops the Wednesday lessons from its planner: they are cancelled.
    mondays = ICS.replace("BYDAY=MO,WE;COUNT=8", "BYDAY=MO;COUNT=4")
    async with bot.api(key) as api:
        replaced = (await api.post("/api/v1/groups/B1-OCHTEND/calendar?mode=classroom",
                                   content=mondays, headers=headers)).json()
    assert replaced["lessons_cancelled"] == 3, "the three Wednesdays still to come"
    assert replaced["lessons_unchanged"] == 4


async def test_bad_input_is_refused_with_the_field_and_the_reason_and_changes_nothing(bot, world):
    key, _, _, _ = await school_with_group(bot, world)
    async with bot.api(key) as api:
        backwards = await api.put("/api/v1/lessons/L-1", json=lesson("2026-12-01T12:00",
                                                                     "2026-12-01T09:00"))
        too_long = await api.put("/api/v1/lessons/L-1", json=lesson("2026-12-01T08:00",
                                                                    "2026-12-01T21:00"))
        no_group = await api.put("/api/v1/lessons/L-1", json=lesson(
            "2026-12-01T09:00", "2026-12-01T12:00", group="ONBEKEND"))
        bad_ics = await api.post("/api/v1/groups/B1-OCHTEND/calendar", content=b"not a calendar",
                                 headers={"Content-Type": "text/calendar"})
        monthly = await api.post("/api/v1/groups/B1-OCHTEND/calendar",
                                 content=ICS.replace("FREQ=WEEKLY", "FREQ=MONTHLY"),
                                 headers={"Content-Type": "text/calendar"})
        bulk = await api.post("/api/v1/planning", json={"lessons": [
            {"external_id": "L-1", **lesson("2026-12-01T09:00", "2026-12-01T12:00")},
            {"external_id": "L-2", **lesson("2026-12-02T09:00", "2026-12-02T12:00",
                                            group="ONBEKEND")}]})
        huge = await api.post("/api/v1/planning", content=b"{" + b" " * (9 * 1024 * 1024) + b"}",
                              headers={"Content-Type": "application/json"})
        not_json = await api.post("/api/v1/planning", content=b"{lessons: [",
                                  headers={"Content-Type": "application/json"})
        typed = await api.put("/api/v1/lessons/L-1", json=lesson(
            "2026-12-01T09:00", "2026-12-01T12:00", cancelled="yes"))
        left = (await api.get("/api/v1/lessons", params={"from": "2026-11-01",
                                                         "to": "2027-01-01"})).json()
    assert backwards.status_code == 422
    assert backwards.json()["detail"][0]["loc"] == ["body", "end"]
    assert "end must be after start" in backwards.json()["detail"][0]["msg"]
    assert too_long.status_code == 422 and "12 hours" in too_long.json()["detail"][0]["msg"]
    assert no_group.status_code == 422
    assert no_group.json()["detail"] == [{"loc": ["body", "group"], "type": "value_error",
                                          "msg": "there is no group 'ONBEKEND' at this school"}]
    assert bad_ics.status_code == 422 and "iCalendar" in bad_ics.json()["detail"][0]["msg"]
    assert monthly.status_code == 422 and "MONTHLY" in monthly.json()["detail"][0]["msg"]
    assert bulk.status_code == 422
    assert bulk.json()["detail"][0]["loc"] == ["body", "lessons", 1, "group"]
    assert huge.status_code == 413
    assert not_json.status_code == 422
    assert typed.status_code == 422 and typed.json()["detail"][0]["loc"] == ["body", "cancelled"]
    assert left == [], "a rejected push changes nothing, not even its valid lessons"


async def test_changes_in_the_past_or_more_than_eight_weeks_ahead_notify_nobody(bot, world):
    key, _, _, _ = await school_with_group(bot, world)
    async with bot.api(key) as api:
        past = await api.put("/api/v1/lessons/OLD", json=lesson("2026-11-16T09:00",
                                                                "2026-11-16T12:00"))
        far = await api.put("/api/v1/lessons/FAR", json=lesson("2027-02-01T09:00",
                                                               "2027-02-01T12:00"))
        near = await api.put("/api/v1/lessons/NEAR", json=lesson("2027-01-11T09:00",
                                                                 "2027-01-11T12:00"))
        moved_far = await api.put("/api/v1/lessons/FAR", json=lesson("2027-02-02T09:00",
                                                                     "2027-02-02T12:00"))
        pulled_in = await api.put("/api/v1/lessons/FAR", json=lesson("2026-12-01T09:00",
                                                                     "2026-12-01T12:00"))
    assert past.json()["notified_participants"] == 0
    assert far.json()["notified_participants"] == 0
    assert moved_far.json()["notified_participants"] == 0
    assert near.json()["notified_participants"] == 2, "seven weeks ahead is within the horizon"
    assert pulled_in.json()["notified_participants"] == 2, "moved into the coming weeks"


async def test_new_holiday_is_announced_to_the_groups_participants(bot, world, client):
    key, ids, _, _ = await school_with_group(bot, world)
    sanne = await client.user(604, "Sanne")
    await link(world, sanne, ids["P-002"], "nl")
    async with bot.api(key) as api:
        created = await api.put("/api/v1/holidays/KERST-2026", json={
            "name": "Kerstvakantie", "starts_on": "2026-12-21", "ends_on": "2027-01-03"})
        same = await api.put("/api/v1/holidays/KERST-2026", json={
            "name": "Kerstvakantie", "starts_on": "2026-12-21", "ends_on": "2027-01-03"})
        listed = (await api.get("/api/v1/holidays")).json()
    assert created.status_code == 201 and same.status_code == 200
    assert listed[0]["external_id"] == "KERST-2026"
    await drain(bot)
    message = await sanne.wait_for_message("Kerstvakantie")
    assert "maandag 21 december" in message.text and "zondag 3 januari" in message.text
    assert await bot.db.fetchval(
        "SELECT count(*) FROM outbox WHERE message_key = 'rooster.changed'") == 2, \
        "announced once to each member, not again for the identical second push"


async def test_participant_created_through_the_api_links_with_the_returned_code(
        bot, world, client):
    school = await world.school()
    key = world.keys[f"school:{school}"]
    async with bot.api(key) as api:
        created = await api.put("/api/v1/participants/P-100", json={
            "name": "Hamid Rahimi", "regime": "wi2013"})
        updated = await api.put("/api/v1/participants/P-100", json={
            "name": "Hamid Rahimi", "regime": "wi2013"})
        wrong = await api.put("/api/v1/participants/P-101", json={
            "name": "X", "regime": "wi2013", "route": "b1"})
    assert created.status_code == 201 and updated.status_code == 200
    assert updated.json()["link_code"] is None, "an update does not replace the code"
    assert wrong.status_code == 422 and wrong.json()["detail"][0]["loc"] == ["body", "route"]
    user = await client.user(605, "Hamid")
    await user.send(f"/start {created.json()['link_code']}")
    picker = await user.wait_for_message()
    await user.press("دری", picker)
    await user.wait_for_message()
    notice = await user.wait_for_message()  # the privacy notice, then the greeting
    await user.press(notice.button_texts[-1], notice)
    assert "Hamid Rahimi" in (await user.wait_for_message()).text
    async with bot.api(key) as api:
        assert (await api.get("/api/v1/participants/P-100")).json()["linked"] is True


async def test_cancelling_a_lesson_tells_the_group_once(bot, world, client):
    key, ids, _, _ = await school_with_group(bot, world)
    async with bot.api(key) as api:
        await api.put("/api/v1/lessons/L-1", json=lesson("2026-11-26T09:00", "2026-11-26T12:00"))
    user = await client.user(606, "Amira")
    await link(world, user, ids["P-001"], "en")
    async with bot.api(key) as api:
        first = await api.post("/api/v1/lessons/L-1/cancel")
        second = await api.post("/api/v1/lessons/L-1/cancel")
    assert first.json()["changes"] == ["cancelled"] and first.json()["cancelled"] is True
    assert second.json()["notified_participants"] == 0
    await drain(bot)
    message = await user.wait_for_message("Cancelled")
    assert "Thursday 26 November, 9:00\u202fAM–12:00\u202fPM, Dutch (NT2)" in message.text
    rows = await lesson_store.lessons_by_external(bot.db, 1, ["L-1"])
    assert rows["L-1"].cancelled


async def test_a_participant_who_left_the_group_hears_nothing_of_its_later_lessons(bot, world):
    key, ids, _, _ = await school_with_group(bot, world)
    async with bot.api(key) as api:
        left = await api.put("/api/v1/groups/B1-OCHTEND/members/P-002",
                             json={"joined_on": "2026-09-01", "left_on": "2026-12-01"})
        again = await api.put("/api/v1/groups/B1-OCHTEND/members/P-002",
                              json={"joined_on": "2026-09-01", "left_on": "2026-12-01"})
        before = await api.put("/api/v1/lessons/MA", json=lesson("2026-11-30T09:00",
                                                                 "2026-11-30T12:00"))
        after = await api.put("/api/v1/lessons/DI", json=lesson("2026-12-01T09:00",
                                                                "2026-12-01T12:00"))
        wrong = await api.put("/api/v1/groups/B1-OCHTEND/members/P-002",
                              json={"joined_on": "2026-09-01", "left_on": "2026-08-01"})
    assert left.status_code == again.status_code == 200
    members = {m["participant"]: m for m in left.json()["members"]}
    assert members["P-002"]["left_on"] == "2026-12-01" and members["P-001"]["left_on"] is None
    assert before.json()["notified_participants"] == 2, "still a member on Monday"
    assert after.json()["notified_participants"] == 1, "left on Tuesday: only P-001"
    assert wrong.status_code == 422 and wrong.json()["detail"][0]["loc"] == ["body", "left_on"]
    outbox = await bot.db.fetchall("SELECT person_id FROM outbox WHERE params LIKE '%12-01%'")
    assert [row["person_id"] for row in outbox] == [ids["P-001"]]
