"""A school's planning of 50,000 lessons stalls nobody (issue 12): the body is read in a separate
process and the push compares and writes in short steps, reads of others go through their own
database connection, so /health and Telegram keep answering while it is applied. (How fast is
measured by `python bench/rooster_import.py --stall`.)"""

from __future__ import annotations

import asyncio
import json
from datetime import date, timedelta

import httpx

LESSONS = 50_000
GROUPS = 1000


def big_planning() -> bytes:
    """1,000 groups with 50 weekly lessons each, written as compactly as the API allows so the
    body stays under its 8 MB limit."""
    first = date(2026, 11, 23)
    groups = [{"external_id": f"G{g}", "name": f"Groep {g}", "kind": "NT2", "level": "A2"}
              for g in range(GROUPS)]
    lessons = []
    for n in range(LESSONS):
        group, week = divmod(n, LESSONS // GROUPS)
        day = first + timedelta(weeks=week, days=group % 5)
        lessons.append({"external_id": str(n), "group": f"G{group}", "kind": "NT2", "level": "A2",
                        "start": f"{day}T09:00",
                        "end": f"{day}T12:00", "location": "L", "mode": "classroom",
                        "teacher": "D"})
    body = json.dumps({"groups": groups, "lessons": lessons}, separators=(",", ":")).encode()
    assert len(body) < 8 * 1024 * 1024
    return body


async def test_a_50000_lesson_planning_leaves_health_and_telegram_answering(bot, world, client):
    school = await world.school()
    key = world.keys[f"school:{school}"]
    body = big_planning()
    someone = await client.user(831, "Someone", language_code="en")

    def send() -> httpx.Response:  # another client, as a school's system is: not on this loop
        with httpx.Client(base_url=bot.url, timeout=600,
                          headers={"Authorization": f"Bearer {key}",
                                   "Content-Type": "application/json"}) as api:
            return api.post("/api/v1/planning", content=body)

    push = asyncio.create_task(asyncio.to_thread(send))
    async with bot.api() as other:
        await asyncio.sleep(1.0)
        for _ in range(3):
            health = await other.get("/health")
            assert health.status_code == 200 and health.json()["status"] == "ok"
            await someone.send("/help")
            assert await someone.wait_for_message()
            await asyncio.sleep(0.5)
        assert not push.done(), "others were answered while the planning was applied"
    response = await push
    assert response.status_code == 200, response.text[:300]
    assert response.json()["lessons_created"] == LESSONS
