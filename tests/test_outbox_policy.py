"""What the recipient notices about timing and form (issue 3): nobody is woken at night, staff
alerts wait for working hours, the text is in the language chosen by the time it is sent, a very
long text arrives in parts, and the same event enqueued twice arrives once."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.outbox.messages import PING
from bot.outbox.split import MAX_MESSAGE, split_message, utf16_len
from storage.database import from_db, to_db
from tests.outbox_world import (
    LONG,
    enqueue_many,
    link_directly,
    linked_participants,
    open_chats,
    started,
    states,
)
from tests.support import World

AMS = ZoneInfo("Europe/Amsterdam")
DUTCH_PING = "Testbericht van de bot"


async def test_a_notification_created_at_23_waits_until_0730(
        limited_sandbox, limited_client, tmp_path, clock):
    users = await open_chats(limited_sandbox, limited_client, [76_000, 76_001])
    bot = await started(limited_sandbox, tmp_path, clock)
    try:
        people = await linked_participants(World(bot.db, clock), {76_000: "nl", 76_001: "nl"})
        clock.set(datetime(2026, 11, 23, 23, 0, tzinfo=AMS))
        tomorrow_0900 = datetime(2026, 11, 24, 9, 0, tzinfo=AMS)
        await enqueue_many(bot.db, clock.now(), [
            {"message_key": PING, "params": {}, "person_id": people[76_000]},
            # About a lesson tomorrow at 9: within 12 hours, so it may not wait.
            {"message_key": PING, "params": {}, "person_id": people[76_001],
             "concerns_lesson_at": tomorrow_0900}])
        await bot.services.outbox.drain()
        assert await users[76_000].messages() == []
        assert DUTCH_PING in (await users[76_001].wait_for_message()).text

        clock.set(datetime(2026, 11, 24, 7, 29, tzinfo=AMS))
        await bot.sweep()
        await bot.services.outbox.drain()
        assert await users[76_000].messages() == []

        clock.set(datetime(2026, 11, 24, 7, 30, tzinfo=AMS))
        await bot.sweep()
        await bot.services.outbox.drain()
        assert DUTCH_PING in (await users[76_000].wait_for_message()).text
        assert await states(bot.db) == {"sent": 2}
    finally:
        await bot.stop()


async def test_staff_alerts_wait_for_working_hours_unless_urgent(
        limited_sandbox, limited_client, tmp_path, clock):
    users = await open_chats(limited_sandbox, limited_client, [77_000])
    bot = await started(limited_sandbox, tmp_path, clock)
    try:
        world = World(bot.db, clock)
        km = await world.person("Karin Mulder", "klantmanager", gemeente_id=await world.gemeente())
        await link_directly(bot.db, km, 77_000, "nl", clock.now())
        clock.set(datetime(2026, 11, 28, 11, 0, tzinfo=AMS))
        saturday = clock.now()
        await enqueue_many(bot.db, saturday, [
            {"message_key": PING, "params": {}, "person_id": km, "audience": "staff",
             "dedupe_key": "normal"},
            {"message_key": PING, "params": {}, "person_id": km, "audience": "staff",
             "urgent": True, "dedupe_key": "urgent"}])
        await bot.services.outbox.drain()
        assert len(await users[77_000].messages()) == 1, "only the urgent alert on Saturday"
        waiting = await bot.db.fetchval("SELECT due_at FROM outbox WHERE dedupe_key = 'normal'")
        assert from_db(waiting) == datetime(2026, 11, 30, 8, 0, tzinfo=AMS), "Monday 08:00"
    finally:
        await bot.stop()


async def test_the_text_is_in_the_language_chosen_by_the_time_it_is_sent(
        limited_sandbox, limited_client, tmp_path, clock):
    users = await open_chats(limited_sandbox, limited_client, [78_000])
    bot = await started(limited_sandbox, tmp_path, clock)
    try:
        people = await linked_participants(World(bot.db, clock), {78_000: "nl"})
        clock.set(datetime(2026, 11, 23, 22, 0, tzinfo=AMS))
        await enqueue_many(bot.db, clock.now(), [
            {"message_key": PING, "params": {}, "person_id": people[78_000]}])
        await bot.services.outbox.drain()
        await bot.db.execute("UPDATE chat_languages SET language = 'ti', chosen_at = ?"
                             " WHERE chat_id = 78000", (to_db(clock.now()),))
        clock.set(datetime(2026, 11, 24, 8, 0, tzinfo=AMS))
        await bot.services.outbox.drain()
        assert "ናይ ፈተና መልእኽቲ" in (await users[78_000].wait_for_message()).text
    finally:
        await bot.stop()


async def test_a_message_of_9000_characters_arrives_in_parts_split_at_line_breaks(
        limited_sandbox, limited_client, tmp_path, clock):
    users = await open_chats(limited_sandbox, limited_client, [79_000])
    bot = await started(limited_sandbox, tmp_path, clock)
    try:
        people = await linked_participants(World(bot.db, clock), {79_000: "nl"})
        await enqueue_many(bot.db, clock.now(), [
            {"message_key": LONG, "params": {"lines": 96}, "person_id": people[79_000]}])
        await bot.services.outbox.drain(timeout=20)

        parts = await users[79_000].messages()
        assert len(parts) == 3
        assert all(len(part.text) <= 4096 for part in parts)
        lines = [line for part in parts for line in part.text.split("\n")]
        assert lines == [f"{i:04d} " + "lesrooster " * 8 for i in range(96)], "whole lines"
        assert [bool(part.buttons) for part in parts] == [False, False, True], "buttons last"
        ids = await bot.db.fetchval("SELECT telegram_message_ids FROM outbox")
        assert json.loads(ids) == [part.message_id for part in parts]
    finally:
        await bot.stop()


async def test_the_same_event_enqueued_twice_arrives_once(
        limited_sandbox, limited_client, tmp_path, clock):
    users = await open_chats(limited_sandbox, limited_client, [80_000])
    bot = await started(limited_sandbox, tmp_path, clock)
    try:
        people = await linked_participants(World(bot.db, clock), {80_000: "nl"})
        row = {"message_key": PING, "params": {}, "person_id": people[80_000],
               "dedupe_key": "rooster:lesson:17:cancelled"}
        first = await enqueue_many(bot.db, clock.now(), [row])
        again = await enqueue_many(bot.db, clock.now() + timedelta(minutes=5), [row])
        assert first[0] is not None and again == [None]
        await bot.services.outbox.drain()
        assert len(await users[80_000].messages()) == 1
    finally:
        await bot.stop()


def test_splitting_keeps_lines_whole_and_counts_like_telegram():
    arabic = "\u200f" + "\n".join("درس اليوم في الساعة التاسعة صباحًا 🙂" * 3 for _ in range(200))
    parts = split_message(arabic)
    assert len(parts) > 1
    assert all(utf16_len(part) <= MAX_MESSAGE for part in parts), "emoji count twice"
    assert all(part.startswith("\u200f") for part in parts), "each part reads right to left"
    assert "\n".join(part.lstrip("\u200f") for part in parts) == arabic.lstrip("\u200f")
    one_long_line = "woord " * 1500
    parts = split_message(one_long_line)
    assert all(len(part) <= MAX_MESSAGE and not part.startswith(" ") for part in parts)
    assert " ".join(parts).split() == one_long_line.split(), "cut between words"
    assert [len(part) for part in split_message("x" * 5000)] == [4096, 904]
    assert split_message("kort") == ["kort"]
