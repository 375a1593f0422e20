"""One chat's messages (issue 3): they arrive in the order they were enqueued, about one per
second as Telegram wants for a single chat, without a single 429."""

from __future__ import annotations

from tests.outbox_world import NUMBERED, enqueue_many, linked_participants, open_chats, started
from tests.support import World


async def test_twenty_messages_to_one_chat_arrive_in_order_about_one_per_second(
        limited_sandbox, limited_client, tmp_path, clock):
    users = await open_chats(limited_sandbox, limited_client, [71_000])
    bot = await started(limited_sandbox, tmp_path, clock)
    try:
        people = await linked_participants(World(bot.db, clock), {71_000: "nl"})
        await enqueue_many(bot.db, clock.now(), [
            {"message_key": NUMBERED, "params": {"n": n}, "person_id": people[71_000]}
            for n in range(1, 21)])
        await bot.services.outbox.drain(timeout=40)

        texts = [message.text for message in await users[71_000].messages()]
        assert texts == [f"#{n}" for n in range(1, 21)]
        stats = await limited_client.stats()
        assert stats["too_many_requests"] == 0
        times = stats["chats"]["71000"]["send_times"]
        gaps = [later - earlier for earlier, later in zip(times, times[1:])]
        # The pace comes from the limiter, not from luck: never closer than one second apart.
        assert min(gaps) >= 0.99, gaps
    finally:
        await bot.stop()
