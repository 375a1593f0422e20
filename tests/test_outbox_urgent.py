"""Urgent before bulk (issue 18): a lesson cancelled today reaches its group ahead of a backlog,
with Telegram's limits on, and a participant reads the final state of a lesson once."""

from __future__ import annotations

import asyncio
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.app import run_admin
from bot.outbox.messages import PING
from bot.rules.urgency import URGENT
from tests.outbox_world import (
    NUMBERED,
    enqueue_many,
    link_directly,
    linked_participants,
    open_chats,
    started,
)
from tests.rooster_world import lesson, school_with_group
from tests.support import World, link

AMS = ZoneInfo("Europe/Amsterdam")
MEMBERS = {81_001: "P-001", 81_002: "P-002", 81_003: "P-003"}
# More chats than the dispatcher has rows in flight, one notification each.
BACKLOG_CHATS = list(range(82_000, 82_100))
HEADER = "Je lesrooster is veranderd"


async def test_a_lesson_cancelled_today_reaches_its_group_ahead_of_a_backlog(
        limited_sandbox, limited_client, tmp_path, clock):
    users = await open_chats(limited_sandbox, limited_client, [*MEMBERS, *BACKLOG_CHATS])
    bot = await started(limited_sandbox, tmp_path, clock)
    try:
        world = World(bot.db, clock)
        key, ids, _, _ = await school_with_group(bot, world, participants=tuple(MEMBERS.values()))
        for chat_id, external_id in MEMBERS.items():
            await link_directly(bot.db, ids[external_id], chat_id, "nl", clock.now())
        async with bot.api(key) as api:  # Monday 09:00: a lesson at 12:00 today
            response = await api.put("/api/v1/lessons/VANDAAG",
                                     json=lesson("2026-11-23T12:00", "2026-11-23T15:00"))
            assert response.status_code == 201, response.text
        await bot.services.outbox.drain(timeout=20)

        # A backlog of 100 ordinary notifications, queued before the cancellation.
        people = await linked_participants(world, {chat_id: "nl" for chat_id in BACKLOG_CHATS})
        await enqueue_many(bot.db, clock.now(), [
            {"message_key": NUMBERED, "params": {"n": chat_id}, "person_id": people[chat_id]}
            for chat_id in BACKLOG_CHATS])
        async with bot.api(key) as api:
            response = await api.post("/api/v1/lessons/VANDAAG/cancel")
            assert response.status_code == 200, response.text
        await bot.services.outbox.drain(timeout=60)

        stats = await limited_client.stats()
        cancelled_at = []
        for chat_id in MEMBERS:
            last = (await users[chat_id].messages())[-1]
            assert "Gaat niet door: maandag 23 november, 12:00–15:00" in last.text
            cancelled_at.append(max(stats["chats"][str(chat_id)]["send_times"]))
        backlog = sorted(t for chat_id in BACKLOG_CHATS
                         for t in stats["chats"][str(chat_id)]["send_times"])
        assert len(backlog) == len(BACKLOG_CHATS), "nothing of the backlog lost or repeated"
        behind = [t for t in backlog if t > max(cancelled_at)]
        # Sent in order of creation, the whole backlog would arrive first.
        assert len(behind) >= len(backlog) // 3, (len(behind), len(backlog))
        assert stats["too_many_requests"] == 0
    finally:
        await bot.stop()


async def test_a_move_then_a_cancellation_both_unsent_give_one_message(bot, world, client,
                                                                      clock):
    key, ids, _, _ = await school_with_group(bot, world, participants=("P-001",))
    user = await client.user(81_100, "Sanne")
    await link(world, user, ids["P-001"], "nl")

    async def rooster_messages() -> list[str]:
        return [m.text for m in await user.messages() if m.text.startswith(HEADER)]

    async with bot.api(key) as api:
        response = await api.put("/api/v1/lessons/WO",
                                 json=lesson("2026-11-25T09:00", "2026-11-25T12:00"))
        assert response.status_code == 201, response.text
    await bot.services.outbox.drain(timeout=10)
    assert len(await rooster_messages()) == 1, "the new lesson, told during the day"

    # Monday evening, in the quiet hours: both changes wait for the morning.
    clock.set(datetime(2026, 11, 23, 22, 0, tzinfo=AMS))
    async with bot.api(key) as api:
        moved = await api.put("/api/v1/lessons/WO",
                              json=lesson("2026-11-25T13:00", "2026-11-25T16:00"))
        assert moved.status_code == 200, moved.text
        cancelled = await api.post("/api/v1/lessons/WO/cancel")
        assert cancelled.status_code == 200, cancelled.text
    await bot.services.outbox.drain(timeout=10)
    assert len(await rooster_messages()) == 1, "nothing at night"

    clock.set(datetime(2026, 11, 24, 7, 31, tzinfo=AMS))
    await bot.sweep()
    await bot.services.outbox.drain(timeout=10)
    messages = await rooster_messages()
    assert len(messages) == 2, messages
    final = messages[-1]
    assert "Gaat niet door: woensdag 25 november, 09:00–12:00" in final, final
    assert "Verplaatst" not in final and "13:00" not in final


async def test_a_lesson_moved_and_moved_back_before_the_morning_is_not_told(bot, world, client,
                                                                            clock):
    key, ids, _, _ = await school_with_group(bot, world, participants=("P-001",))
    user = await client.user(81_200, "Sanne")
    await link(world, user, ids["P-001"], "nl")
    original = lesson("2026-11-25T09:00", "2026-11-25T12:00")
    async with bot.api(key) as api:
        assert (await api.put("/api/v1/lessons/WO", json=original)).status_code == 201
    await bot.services.outbox.drain(timeout=10)
    told = [m.text for m in await user.messages() if m.text.startswith(HEADER)]
    assert len(told) == 1

    clock.set(datetime(2026, 11, 23, 22, 0, tzinfo=AMS))
    async with bot.api(key) as api:
        moved = await api.put("/api/v1/lessons/WO",
                              json=lesson("2026-11-25T13:00", "2026-11-25T16:00"))
        assert moved.status_code == 200, moved.text
        back = await api.put("/api/v1/lessons/WO", json=original)
        assert back.status_code == 200, back.text
    clock.set(datetime(2026, 11, 24, 7, 31, tzinfo=AMS))
    await bot.sweep()
    await bot.services.outbox.drain(timeout=10)
    assert [m.text for m in await user.messages() if m.text.startswith(HEADER)] == told


async def test_a_stream_of_urgent_notifications_leaves_the_bulk_its_share(
        limited_sandbox, limited_client, tmp_path, clock):
    bulk_chats, urgent_chats = list(range(83_000, 83_020)), list(range(84_000, 84_150))
    await open_chats(limited_sandbox, limited_client, [*bulk_chats, *urgent_chats])
    bot = await started(limited_sandbox, tmp_path, clock)
    try:
        people = await linked_participants(World(bot.db, clock),
                                           {c: "nl" for c in [*bulk_chats, *urgent_chats]})
        await enqueue_many(bot.db, clock.now(), [
            *({"message_key": NUMBERED, "params": {"n": c}, "person_id": people[c]}
              for c in bulk_chats),
            *({"message_key": NUMBERED, "params": {"n": c}, "person_id": people[c],
               "urgency": URGENT} for c in urgent_chats)])
        await bot.services.outbox.drain(timeout=60)

        stats = await limited_client.stats()
        times = {c: stats["chats"][str(c)]["send_times"] for c in [*bulk_chats, *urgent_chats]}
        assert all(len(sent) == 1 for sent in times.values()), "each exactly once"
        bulk_done = max(times[c][0] for c in bulk_chats)
        urgent_after = [c for c in urgent_chats if times[c][0] > bulk_done]
        # Strictly urgent first, the bulk would wait for all 150; with its share it is through
        # while the urgent ones are still going.
        assert len(urgent_after) >= 30, len(urgent_after)
        assert stats["too_many_requests"] == 0
    finally:
        await bot.stop()


async def test_health_and_admin_outbox_show_how_long_an_urgent_notification_waits(
        limited_sandbox, limited_client, tmp_path, clock):
    await open_chats(limited_sandbox, limited_client, [85_000, 85_001])
    bot = await started(limited_sandbox, tmp_path, clock)
    port = int(limited_sandbox.url.rsplit(":", 1)[1])
    try:
        people = await linked_participants(World(bot.db, clock), {85_000: "nl", 85_001: "nl"})
        await limited_sandbox.stop()  # Telegram is out
        await enqueue_many(bot.db, clock.now(), [
            {"message_key": PING, "params": {}, "person_id": people[85_000]}])
        clock.advance(seconds=60)
        await enqueue_many(bot.db, clock.now(), [
            {"message_key": PING, "params": {}, "person_id": people[85_001],
             "urgency": URGENT}])
        clock.advance(seconds=30)
        await asyncio.sleep(0.5)  # both tried in vain meanwhile
        async with bot.api() as http:
            outbox = (await http.get("/health")).json()["outbox"]
        assert outbox["oldest_pending_age_s"] == 90.0
        assert outbox["urgent_due"] == 1 and outbox["oldest_urgent_age_s"] == 30.0
        report = await run_admin(["outbox"], bot.settings, clock)
        lines = {line.rsplit(None, 1)[0].strip(): line.split()[-1]
                 for line in report.splitlines() if line.strip()}
        assert lines["oldest due urgent, seconds"] == "30.0", report
        assert lines["urgent due"] == "1", report
    finally:
        await limited_sandbox.start(port=port)
        await bot.services.outbox.drain(timeout=40)
        await bot.stop()


async def test_a_participant_with_bulk_and_an_urgent_message_pending_gets_the_urgent_one_first(
        limited_sandbox, limited_client, tmp_path, clock):
    users = await open_chats(limited_sandbox, limited_client, [86_000])
    bot = await started(limited_sandbox, tmp_path, clock)
    try:
        people = await linked_participants(World(bot.db, clock), {86_000: "nl"})
        await enqueue_many(bot.db, clock.now(), [
            *({"message_key": NUMBERED, "params": {"n": n}, "person_id": people[86_000]}
              for n in (1, 2, 3)),
            {"message_key": NUMBERED, "params": {"n": 4}, "person_id": people[86_000],
             "urgency": URGENT}])
        await bot.services.outbox.drain(timeout=20)
        assert [m.text for m in await users[86_000].messages()] == ["#4", "#1", "#2", "#3"]
    finally:
        await bot.stop()
