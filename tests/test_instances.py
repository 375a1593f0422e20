"""Two bot processes on one PostgreSQL database (issue 17): 3,000 notifications, the sending
instance killed with SIGKILL halfway, and every notification still delivered exactly once (one
in flight at the kill may arrive twice, and is counted), with no 429 from Telegram's limits.
Meanwhile both instances run the sweeps every second: no sweep step runs twice, so each
participant of a group hears of each of its lessons once (the reminder an hour before), also of
the lesson added after the kill, when the other instance sweeps alone."""

from __future__ import annotations

import signal
from datetime import UTC, datetime, timedelta

import pytest

from bot.outbox import PRIORITY_BULK, Notice, enqueue_many
from bot.outbox.messages import PING
from bot.sandbox import SandboxClient, SandboxServer
from storage import orgs, people
from storage.database import Database, to_db
from tests import postgres_world
from tests.attendance_world import group, lesson
from tests.instances_world import open_chats, start_instance, wait_for

# Needs PostgreSQL itself, whichever engine the rest of the suite runs on: once is enough.
pytestmark = pytest.mark.skipif(postgres_world.wanted(), reason="run in the SQLite pass")
CHATS = 300
PER_CHAT = 10  # 3,000 notifications
FIRST_CHAT = 700_000
REMINDED = 20  # participants of one group, reminded of its lessons by a sweep
SOON = timedelta(hours=1, seconds=15)  # a lesson whose one-hour reminder is due in seconds
SENDS = "this instance sends the notifications"


@pytest.mark.timeout(900)
async def test_two_instances_deliver_3000_notifications_once_when_the_sender_is_killed(
        tmp_path):
    url = await postgres_world.database_url(tmp_path / "shared.db")
    sandbox = SandboxServer(limits=True)
    await sandbox.start()
    processes = []
    try:
        async with SandboxClient(sandbox.url) as client:
            ids = list(range(FIRST_CHAT, FIRST_CHAT + CHATS))
            reminded = list(range(FIRST_CHAT + CHATS, FIRST_CHAT + CHATS + REMINDED))
            users = await open_chats(sandbox, client, ids + reminded)
            db = await Database.open(url)
            now = datetime.now(UTC)
            async with db.transaction() as tx:
                school, _ = await orgs.add_school(tx, "Gedeelde school", now)
                person_of = {}
                for chat_id in ids + reminded:
                    person = await people.add_person(
                        tx, name=f"P{chat_id}", role="participant", school_id=school,
                        regime="wi2021", route="b1", now=now)
                    await tx.execute("INSERT INTO telegram_links(person_id, chat_id, linked_at)"
                                     " VALUES (?,?,?)", (person, chat_id, to_db(now)))
                    await tx.execute("INSERT INTO chat_languages(chat_id, language, chosen_at)"
                                     " VALUES (?,?,?)", (chat_id, "nl", to_db(now)))
                    person_of[chat_id] = person
                for chat_id in reminded:  # only the reminder an hour before
                    await tx.execute("INSERT INTO reminder_settings(person_id, evening, hour,"
                                     " updated_at) VALUES (?, 0, 1, ?)",
                                     (person_of[chat_id], to_db(now)))
            today = now.date()
            group_id = await group(db, school, [(person_of[chat_id], today - timedelta(days=7),
                                                 None) for chat_id in reminded])
            await lesson(db, school, group_id, datetime.now(UTC) + SOON)
            logs = [tmp_path / "a.log", tmp_path / "b.log"]
            processes = [start_instance(sandbox, url, log, INBURGERBOT_SWEEP_SECONDS="1")
                         for log in logs]

            async def sender() -> int | None:
                for index, log in enumerate(logs):
                    if SENDS in log.read_text("utf-8", errors="replace"):
                        return index + 1
                return None

            first = await wait_for(sender, 120, "an instance to become the sender") - 1
            before = await client.stats()
            async with db.transaction() as tx:
                await enqueue_many(tx, [
                    Notice(message_key=PING, params={}, person_id=person_of[chat_id],
                           priority=PRIORITY_BULK, dedupe_key=f"shared:{chat_id}:{n}")
                    for n in range(PER_CHAT) for chat_id in ids], now=now)

            async def delivered() -> int:
                stats = await client.stats()
                return sum(stats["chats"].get(str(chat_id), {"messages": 0})["messages"]
                           for chat_id in ids)

            async def halfway() -> bool:
                return await delivered() >= CHATS * PER_CHAT // 2

            await wait_for(halfway, 300, "half of the notifications")
            processes[first].send_signal(signal.SIGKILL)
            processes[first].wait(timeout=30)
            in_flight = await db.fetchval("SELECT count(*) FROM outbox WHERE state = 'sending'")
            await lesson(db, school, group_id, datetime.now(UTC) + SOON)  # swept by the other
            other = logs[1 - first]

            async def took_over() -> bool:
                return SENDS in other.read_text("utf-8", errors="replace")

            await wait_for(took_over, 60, "the other instance to take over sending")

            async def all_sent() -> bool:
                return await db.fetchval("SELECT count(*) FROM outbox WHERE state = 'sent'"
                                         ) == CHATS * PER_CHAT + 2 * REMINDED

            await wait_for(all_sent, 400, "every notification to be sent", every=1.0)
            after = await client.stats()
            counts = {chat_id: after["chats"][str(chat_id)]["messages"]
                      - before["chats"].get(str(chat_id), {"messages": 0})["messages"]
                      for chat_id in ids}
            states = {row["state"]: row["n"] for row in await db.fetchall(
                "SELECT state, count(*) AS n FROM outbox GROUP BY state")}
            heard = {chat_id: [m.text for m in await users[chat_id].messages()]
                     for chat_id in reminded}
            await db.close()
    finally:
        for process in processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                process.wait(timeout=60)
        await sandbox.stop()

    twice = sum(count - PER_CHAT for count in counts.values() if count > PER_CHAT)
    print(f"in flight at the kill: {in_flight}; delivered twice: {twice}")
    assert states == {"sent": CHATS * PER_CHAT + 2 * REMINDED}
    for texts in heard.values():  # no sweep step ran twice: one reminder of each lesson
        assert len(texts) == 2 and all(text.startswith("⏰") for text in texts), texts
    assert all(count >= PER_CHAT for count in counts.values()), "a notification was lost"
    # One row per chat is in flight at a time: only those can arrive twice, and only once more.
    assert all(count <= PER_CHAT + 1 for count in counts.values())
    assert twice <= in_flight
    assert after["too_many_requests"] - before["too_many_requests"] == 0
    for log in logs:
        text = log.read_text("utf-8", errors="replace")
        assert "failed unexpectedly" not in text and "step failed" not in text
        assert " failed\n" not in text  # no sweep failed
