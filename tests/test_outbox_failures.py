"""When Telegram says no (issue 3): a flood wait is honoured for exactly as long as asked, a user
who blocked the bot is marked unreachable and not tried again (and their klantmanager is told), a
Telegram outage is ridden out, and a message that cannot be delivered is given up with a reason
the administrator can read."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from bot.app import run_admin
from bot.outbox.messages import PING
from storage.database import from_db
from tests.outbox_world import (
    NUMBERED,
    enqueue_many,
    link_directly,
    linked_participants,
    open_chats,
    started,
    states,
)
from tests.support import World


async def test_a_flood_wait_is_honoured_for_exactly_the_time_telegram_asks(
        limited_sandbox, limited_client, tmp_path, clock):
    users = await open_chats(limited_sandbox, limited_client, [73_000])
    # Stricter than the bot's own pace: one message per 5 seconds, no burst. The second message
    # meets a 429 with retry_after 4.
    await limited_client.set_limits(True, chat_rate=0.2, chat_burst=1)
    bot = await started(limited_sandbox, tmp_path, clock)
    try:
        people = await linked_participants(World(bot.db, clock), {73_000: "nl"})
        await enqueue_many(bot.db, clock.now(), [
            {"message_key": NUMBERED, "params": {"n": n}, "person_id": people[73_000]}
            for n in (1, 2)])
        await bot.services.outbox.drain(timeout=30)

        assert [m.text for m in await users[73_000].messages()] == ["#1", "#2"]
        stats = await limited_client.stats()
        assert stats["too_many_requests"] == 1, "one refusal, then no retry before the time asked"
        first, second = stats["chats"]["73000"]["send_times"]
        assert second - first >= 1 + 4, "the bot's own second, then the 4 seconds Telegram asked"
        assert await states(bot.db) == {"sent": 2}
    finally:
        await bot.stop()


async def test_a_participant_who_blocked_the_bot_is_marked_unreachable_and_not_retried(
        limited_sandbox, limited_client, tmp_path, clock):
    users = await open_chats(limited_sandbox, limited_client, [74_000, 74_001])
    bot = await started(limited_sandbox, tmp_path, clock)
    try:
        world = World(bot.db, clock)
        people = await linked_participants(world, {74_000: "ar"})
        km = await bot.db.fetchval("SELECT klantmanager_id FROM people WHERE id = ?",
                                   (people[74_000],))
        await link_directly(bot.db, km, 74_001, "nl", clock.now())
        participant, klantmanager = users[74_000], users[74_001]
        await participant.block()
        await enqueue_many(bot.db, clock.now(), [
            {"message_key": PING, "params": {}, "person_id": people[74_000],
             "dedupe_key": f"ping:{n}"} for n in range(3)])
        await bot.services.outbox.drain(timeout=15)

        assert await participant.messages() == []
        link = await bot.db.fetchone("SELECT unreachable_since, unreachable_reason"
                                     " FROM telegram_links WHERE chat_id = 74000")
        assert link["unreachable_since"] is not None
        assert "blocked" in link["unreachable_reason"]
        assert await bot.db.fetchval("SELECT count(*) FROM outbox WHERE person_id = ?"
                                     " AND state = 'unreachable'", (people[74_000],)) == 3
        alert = await klantmanager.wait_for_message("niet meer bereikbaar via Telegram")
        assert "Deelnemer 74000" in alert.text

        calls = (await limited_client.stats())["method_calls"].get("sendMessage", 0)
        await enqueue_many(bot.db, clock.now(), [
            {"message_key": PING, "params": {}, "person_id": people[74_000]}])
        await bot.services.outbox.drain(timeout=10)
        assert (await limited_client.stats())["method_calls"].get("sendMessage", 0) == calls, \
            "no request is made to a chat known to be unreachable"
        assert len(await klantmanager.messages()) == 1, "the klantmanager is told once"

        await participant.unblock()
        for _ in range(100):
            if await bot.db.fetchval("SELECT unreachable_since FROM telegram_links"
                                     " WHERE chat_id = 74000") is None:
                break
            await asyncio.sleep(0.05)
        await enqueue_many(bot.db, clock.now(), [
            {"message_key": PING, "params": {}, "person_id": people[74_000]}])
        await bot.services.outbox.drain(timeout=10)
        assert "رسالة تجربة" in (await participant.wait_for_message()).text
    finally:
        await bot.stop()


async def test_a_telegram_outage_is_ridden_out_and_the_message_arrives_once(
        limited_sandbox, limited_client, tmp_path, clock):
    users = await open_chats(limited_sandbox, limited_client, [75_000])
    bot = await started(limited_sandbox, tmp_path, clock)
    try:
        people = await linked_participants(World(bot.db, clock), {75_000: "nl"})
        port = int(limited_sandbox.url.rsplit(":", 1)[1])
        await limited_sandbox.stop()
        await enqueue_many(bot.db, clock.now(), [
            {"message_key": PING, "params": {}, "person_id": people[75_000]}])
        await asyncio.sleep(2)  # a few failed attempts while the server is down
        assert await states(bot.db) == {"sending": 1}, "still being retried"
        await limited_sandbox.start(port=port)
        await bot.services.outbox.drain(timeout=40)

        assert len(await users[75_000].messages()) == 1
        assert await states(bot.db) == {"sent": 1}
    finally:
        await bot.stop()


async def test_an_undeliverable_notification_is_given_up_with_its_reason(
        limited_sandbox, limited_client, tmp_path, clock):
    bot = await started(limited_sandbox, tmp_path, clock)
    try:
        world = World(bot.db, clock)
        school = await world.school()
        gemeente = await world.gemeente()
        km = await world.person("Karin Mulder", "klantmanager", gemeente_id=gemeente)
        never_linked = await world.person("Yonas Tesfay", "participant", school_id=school,
                                          klantmanager_id=km, regime="wi2013")
        await enqueue_many(bot.db, clock.now(), [
            {"message_key": PING, "params": {}, "person_id": never_linked}])
        await bot.services.outbox.drain(timeout=10)
        row = await bot.db.fetchone("SELECT state, last_error, due_at FROM outbox")
        assert row["state"] == "pending" and row["last_error"] == "no Telegram link"
        assert from_db(row["due_at"]) > clock.now(), "tried again later, not in a loop"

        clock.advance(hours=49)
        await bot.sweep()
        row = await bot.db.fetchone("SELECT state, last_error, failed_at FROM outbox")
        assert row["state"] == "failed"
        assert row["last_error"] == "gave up after 48 h: no Telegram link"

        report = await run_admin(["outbox"], bot.settings, clock)
        assert any(line.startswith("failed: gave up after 48 h: no Telegram link")
                   and line.split()[-1] == "1" for line in report.splitlines()), report
        listing = await run_admin(["outbox", "--failures", "--json"], bot.settings, clock)
        assert '"reason": "gave up after 48 h: no Telegram link"' in listing
        async with bot.api() as http:
            health = (await http.get("/health")).json()
        assert health["status"] == "ok"
        assert health["outbox"]["states"]["failed"] == 1
        assert health["outbox"]["dispatcher"]["running"] is True
    finally:
        await bot.stop()


async def test_the_give_up_horizon_counts_from_when_the_message_could_first_go(
        limited_sandbox, limited_client, tmp_path, clock):
    """A staff alert of Friday evening waits for Monday 08:00 and is not given up meanwhile."""
    bot = await started(limited_sandbox, tmp_path, clock)
    try:
        world = World(bot.db, clock)
        gemeente = await world.gemeente()
        km = await world.person("Karin Mulder", "klantmanager", gemeente_id=gemeente)
        friday_evening = clock.advance(days=4, hours=10)  # Fri 27 Nov 2026, 19:00
        await enqueue_many(bot.db, friday_evening, [
            {"message_key": PING, "params": {}, "person_id": km, "audience": "staff"}])
        await bot.services.outbox.drain(timeout=10)
        clock.advance(days=2, hours=12)  # Monday 07:00: 60 hours later, still before 08:00
        await bot.sweep()
        await bot.services.outbox.drain(timeout=10)
        assert await states(bot.db) == {"pending": 1}
        assert from_db(await bot.db.fetchval("SELECT eligible_at FROM outbox")) \
            == friday_evening + timedelta(days=2, hours=13)
    finally:
        await bot.stop()
