"""Urgent before bulk (issue 18): a school moves next week's lessons of 3,000 participants by an
hour, and one second later cancels a lesson that starts in three hours for a group of 30. Both go
through the real HTTP API into the outbox and out through the sandbox with Telegram's limits on
(30 messages/s overall, 1/s per chat with bursts of 3, 429 + retry_after).

    python bench/urgent.py            # 3,000 bulk (100 groups of 30) + 30 urgent
    python bench/urgent.py --quick    # 300 bulk + 30 urgent

Every participant has a sandbox chat, linked in Dutch. The planning is pushed once beforehand
(its "new lesson" notifications are taken off the queue unsent, as if long delivered). Figures:

- urgent_all_s: from sending the request that cancels the lesson until the sandbox received the
  cancellation in the last of the group's 30 chats;
- bulk_all_s: from the response to the bulk push (its rows committed) until the sandbox received
  the last bulk message; bulk_msgs_per_s = bulk / bulk_all_s, and ratio_to_ceiling is everything
  delivered in that time (bulk and urgent) per second, over Telegram's 30/s;
- bulk_push_s: the bulk push request itself; lost / duplicates: chats that got no message or more
  than one; http_429: answers "Too Many Requests" from the sandbox.
The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import httpx  # noqa: E402

from bench.fanout import open_chats  # noqa: E402
from bot.app import BotApp  # noqa: E402
from bot.clock import Clock  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.sandbox import SandboxClient, SandboxServer  # noqa: E402
from storage import orgs  # noqa: E402
from storage.database import to_db  # noqa: E402

AMS = ZoneInfo("Europe/Amsterdam")
START = datetime(2026, 11, 23, 8, 0, tzinfo=AMS)  # a Monday morning
PER_GROUP = 30
CEILING = 30
CHAT_BASE = 300_000
URGENT_GROUP = "URGENT"


class RunningClock(Clock):
    """Monday 08:00 in Amsterdam, moving with real time (no quiet hours in the way)."""

    def __init__(self) -> None:
        self._real = time.time()

    def now(self) -> datetime:
        return START.astimezone(UTC) + timedelta(seconds=time.time() - self._real)


def group_names(bulk_groups: int) -> list[str]:
    return [URGENT_GROUP] + [f"G{g:03d}" for g in range(bulk_groups)]


def chat_of(index: int, member: int) -> int:
    return CHAT_BASE + index * 100 + member


def lesson(group: str, start: datetime) -> dict:
    return {"external_id": f"{group}-L", "group": group, "kind": "NT2", "level": "A2",
            "start": start.isoformat(), "end": (start + timedelta(hours=3)).isoformat(),
            "location": "Enschede, Marktstraat 1", "mode": "classroom", "teacher": "Docent"}


NEXT_WEEK = START.replace(hour=9) + timedelta(days=8)  # Tuesday next week, 09:00
TODAY = START.replace(hour=11)  # three hours from the start


def planning(bulk_groups: int) -> dict:
    participants, groups, lessons = [], [], []
    for name in group_names(bulk_groups):
        members = []
        for m in range(PER_GROUP):
            external_id = f"{name}-{m:02d}"
            participants.append({"external_id": external_id, "name": f"Deelnemer {external_id}",
                                 "regime": "wi2021", "route": "b1"})
            members.append({"participant": external_id, "joined_on": "2026-09-01"})
        groups.append({"external_id": name, "name": f"Groep {name}", "kind": "NT2",
                       "level": "A2", "members": members})
        lessons.append(lesson(name, TODAY if name == URGENT_GROUP else NEXT_WEEK))
    return {"participants": participants, "groups": groups, "lessons": lessons}


async def link_all(db, bulk_groups: int) -> dict[str, list[int]]:
    """Every participant linked to their chat in Dutch; returns the chats per group."""
    rows = await db.fetchall("SELECT id, external_id FROM people WHERE role = 'participant'")
    person = {row["external_id"]: row["id"] for row in rows}
    chats: dict[str, list[int]] = {}
    links = []
    for index, name in enumerate(group_names(bulk_groups)):
        chats[name] = [chat_of(index, m) for m in range(PER_GROUP)]
        links += [(person[f"{name}-{m:02d}"], chat_of(index, m)) for m in range(PER_GROUP)]
    stamp = to_db(RunningClock().now())
    async with db.transaction() as tx:
        await tx.executemany("INSERT INTO telegram_links(person_id, chat_id, linked_at)"
                             " VALUES (?,?,?)", [(pid, chat, stamp) for pid, chat in links])
        await tx.executemany("INSERT INTO chat_languages(chat_id, language, chosen_at)"
                             " VALUES (?,?,?)", [(chat, "nl", stamp) for _, chat in links])
    return chats


def received(before: dict, after: dict, chats: list[int]) -> tuple[int, int, float | None]:
    """(lost, duplicates, last receive time) over these chats, between two sandbox stats."""
    lost = duplicates = 0
    last = None
    empty = {"messages": 0, "send_times": []}
    for chat_id in chats:
        old = before["chats"].get(str(chat_id), empty)
        new = after["chats"].get(str(chat_id), empty)
        count = new["messages"] - old["messages"]
        lost += count == 0
        duplicates += max(0, count - 1)
        if count:
            last = max(last or 0.0, max(new["send_times"]))
    return lost, duplicates, last


async def main(argv: list[str]) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="300 bulk instead of 3,000")
    args = parser.parse_args(argv)
    bulk_groups = 10 if args.quick else 100
    names = group_names(bulk_groups)
    sandbox = SandboxServer(limits=True)
    await sandbox.start()
    try:
        async with SandboxClient(sandbox.url) as client:
            await open_chats(sandbox, client, [chat_of(i, m) for i in range(len(names))
                                               for m in range(PER_GROUP)])
            with tempfile.TemporaryDirectory() as folder:
                return await run(sandbox, client, Path(folder), bulk_groups)
    finally:
        await sandbox.stop()


async def run(sandbox: SandboxServer, client: SandboxClient, folder: Path,
              bulk_groups: int) -> dict:
    settings = Settings.defaults(token=sandbox.token, api_url=sandbox.bot_api_url,
                                 file_api_url=sandbox.file_url, db_path=folder / "bench.db",
                                 http=("127.0.0.1", 0), sweep_seconds=3600.0)
    app = BotApp(settings, clock=RunningClock())
    await app.start()
    try:
        db = app.services.db
        async with db.transaction() as tx:
            _, key = await orgs.add_school(tx, "Bench Taalschool", app.services.now())
        headers = {"Authorization": f"Bearer {key}"}
        async with httpx.AsyncClient(base_url=app.url, headers=headers, timeout=300) as api:
            (await api.post("/api/v1/planning", json=planning(bulk_groups))).raise_for_status()
            # The planning's own notifications count as delivered long ago.
            await app.services.outbox.drain(timeout=120)
            await db.execute("UPDATE outbox SET state = 'sent' WHERE state = 'pending'")
            chats = await link_all(db, bulk_groups)
            bulk_chats = [c for name, group in chats.items() if name != URGENT_GROUP
                          for c in group]
            await client.set_limits(True)  # fresh counters of the limits
            before = await client.stats()

            moved = [lesson(name, NEXT_WEEK + timedelta(hours=1)) for name in chats
                     if name != URGENT_GROUP]
            started = time.time()
            response = await api.post("/api/v1/planning", json={"lessons": moved})
            bulk_committed = time.time()
            response.raise_for_status()
            bulk_notified = response.json()["notified_participants"]
            await asyncio.sleep(1.0)
            cancel_sent = time.time()
            response = await api.post(f"/api/v1/lessons/{URGENT_GROUP}-L/cancel")
            response.raise_for_status()
            urgent_notified = response.json()["notified_participants"]
            await app.services.outbox.drain(timeout=len(bulk_chats) / 10 + 120)
            after = await client.stats()
            health = (await api.get("/health")).json()["outbox"]
    finally:
        await app.stop()
    bulk_lost, bulk_dup, bulk_last = received(before, after, bulk_chats)
    urgent_lost, urgent_dup, urgent_last = received(before, after, chats[URGENT_GROUP])
    bulk_all = (bulk_last - bulk_committed) if bulk_last else float("inf")
    delivered = len(bulk_chats) - bulk_lost + PER_GROUP - urgent_lost
    return {
        "bulk": bulk_notified, "urgent": urgent_notified,
        "urgent_all_s": round(urgent_last - cancel_sent, 2) if urgent_last else None,
        "bulk_all_s": round(bulk_all, 2),
        "bulk_msgs_per_s": round(len(bulk_chats) / bulk_all, 2),
        "ratio_to_ceiling": round(delivered / bulk_all / CEILING, 3),
        "bulk_push_s": round(bulk_committed - started, 2),
        "lost": bulk_lost + urgent_lost, "duplicates": bulk_dup + urgent_dup,
        "http_429": after["too_many_requests"] - before["too_many_requests"],
        "limiter_retry_after": health["rate_limiter"]["retry_after"]
        if "rate_limiter" in health else None,
    }


if __name__ == "__main__":
    logging.basicConfig(level=logging.ERROR)
    print(json.dumps(asyncio.run(main(sys.argv[1:]))))
