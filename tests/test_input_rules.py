"""Input rules are the same everywhere (issue 12): the .ics import keeps the JSON API's year range
and text rules, the klachten report refuses years out of range with 422, and free text with a
NUL byte is refused before it can reach Telegram."""

from __future__ import annotations

import pytest

from tests.attendance_world import people_of_a_school
from tests.klacht_world import school_with_handlers
from tests.rooster_world import school_with_group

HEADERS = {"Content-Type": "text/calendar"}


def calendar(rrule: str = "FREQ=WEEKLY;COUNT=2", location: str = "Hengelo, Marktstraat 12",
             ) -> str:
    return "\r\n".join([
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Taalschool//Planner//NL", "BEGIN:VEVENT",
        "UID:b1@taalschool.example", "DTSTAMP:20261101T120000Z",
        "DTSTART;TZID=Europe/Amsterdam:20261123T090000",
        "DTEND;TZID=Europe/Amsterdam:20261123T120000", f"RRULE:{rrule}", "SUMMARY:NT2 B1",
        f"LOCATION:{location}", "ORGANIZER;CN=Marieke de Boer:mailto:marieke@taalschool.example",
        "END:VEVENT", "END:VCALENDAR", ""])


@pytest.mark.parametrize("rrule,location,why", [
    ("FREQ=WEEKLY;INTERVAL=52;COUNT=90", "Hengelo", "2100"),
    ("FREQ=WEEKLY;COUNT=2", "Hengelo " + "x" * 250, "200"),
    ("FREQ=WEEKLY;COUNT=2", "Hengelo\\nMarktstraat", "control"),
])
async def test_an_ics_upload_follows_the_json_apis_rules(bot, world, rrule, location, why):
    key, _, _, _ = await school_with_group(bot, world)
    async with bot.api(key) as api:
        response = await api.post("/api/v1/groups/B1-OCHTEND/calendar",
                                  content=calendar(rrule, location), headers=HEADERS,
                                  params={"mode": "classroom"})
        assert response.status_code == 422, response.text
        assert why in response.text
        assert (await api.get("/api/v1/lessons", params={
            "from": "2026-11-01", "to": "2027-01-31"})).json() == []
        fine = await api.post("/api/v1/groups/B1-OCHTEND/calendar", content=calendar(),
                              headers=HEADERS, params={"mode": "classroom"})
        assert fine.status_code == 200 and fine.json()["lessons_created"] == 2


@pytest.mark.parametrize("start,end", [("0001-01-01", "0001-12-31"),
                                       ("9999-01-01", "9999-12-31"),
                                       ("1999-12-01", "2000-01-31")])
async def test_the_klachten_report_refuses_years_out_of_range(bot, world, start, end):
    ids = await school_with_handlers(world)
    async with bot.api(world.keys[f"gemeente:{ids['gemeente']}"]) as api:
        response = await api.get("/klachten/report", params={"from": start, "to": end})
        assert response.status_code == 422, response.text
        assert "2000" in response.json()["detail"][0]["msg"]


async def test_a_nul_byte_in_a_reason_is_refused(bot, world):
    school, _, _ = await people_of_a_school(world)
    async with bot.api(world.keys[f"school:{school}"]) as api:
        response = await api.put("/api/v1/participants/P-100/status", json={
            "status": "left", "reason": "moved\x00away"})
        assert response.status_code == 422, response.text
        assert response.json()["detail"][0]["loc"][-1] == "reason"
        fine = await api.put("/api/v1/participants/P-100/status", json={
            "status": "left", "reason": "moved away\nto Zwolle"})
        assert fine.status_code == 200, fine.text
