"""A large planning is read in a separate process within a time and memory budget (issue 12):
a wrong field deep inside it is named as for a small one, a planning over the memory budget is
refused with the reason, and in either case, as when the push itself is refused halfway through
its lessons, nothing of it is stored. (How long others wait meanwhile is measured by
`python bench/rooster_import.py --stall`, not here.)"""

from __future__ import annotations

import json
from datetime import date, timedelta

from bot.api import planning_body

GROUPS = 40
LESSONS_PER_GROUP = 50
FIRST = date(2026, 11, 24)  # the day after the test clock's Monday


def planning() -> dict:
    """40 groups of 5 participants with 50 weekly lessons each: about 600 kB, so it is read in
    the separate process, and its lessons in the coming weeks would notify everybody."""
    participants, groups, lessons = [], [], []
    for g in range(GROUPS):
        members = []
        for m in range(5):
            participants.append({"external_id": f"P{g}-{m}", "name": f"Deelnemer {g} {m}",
                                 "regime": "wi2021", "route": "b1"})
            members.append({"participant": f"P{g}-{m}", "joined_on": "2026-09-01"})
        groups.append({"external_id": f"G{g}", "name": f"Groep {g}", "kind": "NT2",
                       "level": "A2", "members": members})
        for week in range(LESSONS_PER_GROUP):
            day = FIRST + timedelta(weeks=week, days=g % 4)
            lessons.append({"external_id": f"G{g}-{week}", "group": f"G{g}", "kind": "NT2",
                            "level": "A2", "start": f"{day}T09:00", "end": f"{day}T12:00",
                            "location": "Enschede", "mode": "classroom", "teacher": "Docent"})
    return {"participants": participants, "groups": groups, "lessons": lessons}


async def push(bot, key: str, body: dict):
    content = json.dumps(body).encode()
    assert len(content) > planning_body.PROCESS_BYTES  # read in the separate process
    async with bot.api(key) as api:
        return await api.post("/api/v1/planning", content=content,
                              headers={"Content-Type": "application/json"})


async def nothing_stored(bot, key: str) -> None:
    async with bot.api(key) as api:
        lessons = await api.get("/api/v1/lessons", params={"from": "2026-11-01",
                                                           "to": "2027-12-01"})
        assert lessons.status_code == 200 and lessons.json() == []
        assert (await api.get("/api/v1/participants/P0-0")).status_code == 404
        assert (await api.get("/api/v1/groups/G0")).status_code == 404


async def test_a_wrong_lesson_deep_in_a_large_planning_is_named(bot, world):
    key = world.keys[f"school:{await world.school()}"]
    body = planning()
    body["lessons"][1777]["end"] = body["lessons"][1777]["start"].replace("09:00", "08:00")
    response = await push(bot, key, body)
    assert response.status_code == 422, response.text[:300]
    assert [item["loc"] for item in response.json()["detail"]] == [
        ["body", "lessons", 1777, "end"]]
    await nothing_stored(bot, key)


async def test_a_planning_over_the_memory_budget_is_refused_with_the_reason(
        bot, world, monkeypatch):
    key = world.keys[f"school:{await world.school()}"]
    monkeypatch.setattr(planning_body, "PLANNING_MEMORY_BYTES", 16 * 1024 * 1024)
    response = await push(bot, key, planning())
    assert response.status_code == 422, response.text[:300]
    assert "memory" in response.json()["detail"][0]["msg"]
    await nothing_stored(bot, key)
    monkeypatch.undo()
    response = await push(bot, key, planning())  # within the budget it is read and applied
    assert response.status_code == 200, response.text[:300]
    assert response.json()["lessons_created"] == GROUPS * LESSONS_PER_GROUP


async def test_a_push_refused_at_its_last_lesson_leaves_nothing_and_tells_nobody(
        bot, world, client):
    key = world.keys[f"school:{await world.school()}"]
    body = planning()
    body["lessons"][-1]["group"] = "NOSUCHGROUP"
    response = await push(bot, key, body)
    assert response.status_code == 422, response.text[:300]
    assert response.json()["detail"][0]["loc"] == ["body", "lessons", len(body["lessons"]) - 1,
                                                   "group"]
    await nothing_stored(bot, key)
    async with bot.api() as anyone:
        health = (await anyone.get("/health")).json()
    assert health["status"] == "ok"
    assert sum(health["outbox"]["states"].values()) == 0
