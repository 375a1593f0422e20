"""One school's huge calendar stalls nobody (issue 12): it is read in a worker process within a
time budget, while /health and Telegram keep answering; past the budget the upload is refused
with the reason, and a calendar over the size budget gets 413. (How fast the others answer is
measured in bench/hostile_calendar.py.)"""

from __future__ import annotations

import asyncio

from bot.rooster import ics_worker
from tests.rooster_world import school_with_group
from tests.support import World, start_bot

HEADERS = {"Content-Type": "text/calendar"}


def hostile(size: int) -> bytes:
    """One event with as many meaningless properties as fit: cheap to send, slow to read."""
    head = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//x//NL\r\nBEGIN:VEVENT\r\nUID:h@x\r\n"
            "DTSTART;TZID=Europe/Amsterdam:20261123T090000\r\n"
            "DTEND;TZID=Europe/Amsterdam:20261123T120000\r\n")
    tail = "END:VEVENT\r\nEND:VCALENDAR\r\n"
    line = "X-A:b\r\n"
    return (head + line * ((size - len(head) - len(tail)) // len(line)) + tail).encode()


async def test_a_hostile_calendar_is_refused_past_its_budget_while_everyone_else_is_answered(
        bot, world, client, monkeypatch):
    monkeypatch.setattr(ics_worker, "PARSE_SECONDS", 3.0)
    key, _, _, _ = await school_with_group(bot, world)
    someone = await client.user(821, "Someone", language_code="en")
    async with bot.api(key) as api, bot.api() as other:
        upload = asyncio.create_task(api.post(
            "/api/v1/groups/B1-OCHTEND/calendar", content=hostile(ics_worker.MAX_CALENDAR_BYTES),
            headers=HEADERS, timeout=60))
        await asyncio.sleep(0.5)
        health = await other.get("/health")
        assert health.status_code == 200 and health.json()["status"] == "ok"
        await someone.send("/help")
        assert await someone.wait_for_message()
        assert not upload.done(), "others were answered while the calendar was being read"
        response = await upload
    assert response.status_code == 422, response.text
    assert "3 seconds" in response.json()["detail"][0]["msg"]


async def test_a_calendar_over_the_size_budget_gets_413(bot, world):
    key, _, _, _ = await school_with_group(bot, world)
    async with bot.api(key) as api:
        response = await api.post("/api/v1/groups/B1-OCHTEND/calendar",
                                  content=hostile(ics_worker.MAX_CALENDAR_BYTES + 10),
                                  headers=HEADERS)
    assert response.status_code == 413 and "calendar" in response.json()["detail"]


async def test_each_api_key_has_its_own_rate_limit_answered_with_429_and_retry_after(
        sandbox, tmp_path, clock):
    bot = await start_bot(sandbox, tmp_path / "rate.db", clock, api_rate_per_minute=60.0)
    try:
        world = World(bot.db, clock)
        busy = world.keys[f"school:{await world.school('Taalhuis Oost')}"]
        calm = world.keys[f"school:{await world.school('Taalschool Twente')}"]
        async with bot.api(busy) as api, bot.api(calm) as other:
            answers = [(await api.get("/api/v1/groups")).status_code for _ in range(12)]
            assert answers[:10] == [200] * 10 and answers[-1] == 429
            limited = await api.get("/api/v1/groups")
            assert limited.status_code == 429 and int(limited.headers["Retry-After"]) >= 1
            assert (await other.get("/api/v1/groups")).status_code == 200, "others go on"
    finally:
        await bot.stop()
