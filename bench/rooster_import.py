"""Rooster import benchmark (issue 4): a school pushes, through the real HTTP API, a planning of
10,000 lessons for 200 groups and 3,000 participants (upsert, compare with what is stored, one
notification per affected participant into the outbox), then moves lessons one request at a time.

    python bench/rooster_import.py            # 10,000 lessons, 200 single changes
    python bench/rooster_import.py --quick    # 1,000 lessons, 50 single changes

The bot runs as in production (bot.app with its outbox dispatcher, uvicorn on a TCP port, the
sandbox as Telegram) in this process; the client is httpx over a keep-alive connection. Each group
has 15 participants and two lessons a week for 25 weeks from this week, so the first push notifies
every participant of the lessons of the coming eight weeks. Timings are wall-clock from sending
the request to having the response (JSON encoding of the planning done before):

- import_s: the first push (everything new);
- repush_s: the same planning again (everything compared, nothing written, nobody notified);
- single_change_p95_ms: 95th percentile of PUT /api/v1/lessons/{id} moving a lesson within the
  coming weeks, once the outbox has taken in the first push's 3,000 notifications. These changes
  go to the first 20 groups, whose 300 participants have linked Telegram (sandbox chats), so the
  dispatcher really sends each change's 15 messages at Telegram's pace meanwhile;
- single_change_p95_during_fanout_ms: the same right after the import, in all groups, while the
  dispatcher works through the first push's 3,000 rows for participants without Telegram (each
  one tried and rescheduled in its own transaction: a burst of database work);
- sent_meanwhile: messages the dispatcher delivered to the sandbox by the end of the changes.

With ``--stall`` it measures instead whether a school's very large planning stalls anyone else
(issue 12): another client (a thread, as a school's own system would be) pushes 50,000 lessons for
1,000 groups in one request, while /health and a Telegram reply (/help from a sandbox user) are
asked for every 100 ms; it reports the push's time and the slowest and 95th-percentile answers
of the others meanwhile (each asked again 100 ms after its answer, the two independently). The
bot has answered one /health, one API request and one /help before the push starts, so what its
first requests load once is not counted as the planning's stall.

    python bench/rooster_import.py --stall

The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import httpx  # noqa: E402

from bench.engine import BENCH_KEY, fresh_target  # noqa: E402
from bot.app import BotApp  # noqa: E402
from bot.clock import Clock  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.sandbox import SandboxClient, SandboxServer  # noqa: E402
from storage import orgs  # noqa: E402
from storage.database import to_db  # noqa: E402

AMS = ZoneInfo("Europe/Amsterdam")
LINKED_GROUPS = 20
CHAT_BASE = 500_000
START = datetime(2026, 11, 23, 8, 0, tzinfo=AMS)  # a Monday, before the first lesson


class RunningClock(Clock):
    """Monday 08:00 in Amsterdam, moving with real time (no quiet hours in the way)."""

    def __init__(self) -> None:
        self._real = time.time()

    def now(self) -> datetime:
        return START.astimezone(UTC) + timedelta(seconds=time.time() - self._real)


def planning(groups: int, per_group: int, weeks: int) -> dict:
    monday = START.date()
    participants, group_list, lessons = [], [], []
    for g in range(groups):
        members = []
        for m in range(per_group):
            external_id = f"P{g:03d}-{m:02d}"
            participants.append({"external_id": external_id, "name": f"Deelnemer {g}-{m}",
                                 "regime": "wi2021", "route": "b1"})
            members.append({"participant": external_id, "joined_on": "2026-09-01"})
        group_id = f"G{g:03d}"
        group_list.append({"external_id": group_id, "name": f"Groep {g}", "kind": "NT2",
                           "level": "A2", "members": members})
        first_day = g % 3  # Monday, Tuesday or Wednesday, and two days later
        hour = 9 if g % 2 else 13
        for week in range(weeks):
            for offset in (first_day, first_day + 2):
                day = monday + timedelta(weeks=week, days=offset)
                lessons.append({
                    "external_id": f"{group_id}-{day.isoformat()}", "group": group_id,
                    "kind": "KNM" if offset > 2 else "NT2", "level": "A2",
                    "start": f"{day.isoformat()}T{hour:02d}:00:00",
                    "end": f"{day.isoformat()}T{hour + 3:02d}:00:00",
                    "location": f"Enschede, lokaal {g % 12 + 1}", "mode": "classroom",
                    "teacher": f"Docent {g % 40}"})
    return {"participants": participants, "groups": group_list, "lessons": lessons}


def chat_of(group: int, member: int) -> int:
    return CHAT_BASE + group * 100 + member


async def open_chats(sandbox: SandboxServer, groups: int, per_group: int) -> None:
    """Telegram lets a bot write only to users who wrote first: before the bot starts, each
    participant of the first groups says hello once, and the greetings are taken off the queue."""
    async with SandboxClient(sandbox.url) as client:
        for group in range(groups):
            for member in range(per_group):
                user = await client.user(chat_of(group, member), f"Deelnemer {group}-{member}",
                                         language_code="nl")
                await user.send("hallo")
        pending = await client.pending_updates()
    async with httpx.AsyncClient() as http:
        await http.post(f"{sandbox.bot_api_url}{sandbox.token}/getUpdates",
                        data={"offset": pending[-1]["update_id"] + 1, "timeout": 0})


async def link_groups(db, groups: int, per_group: int) -> None:
    """Link those participants to their chats in Dutch, as /start with their code would."""
    rows = await db.fetchall("SELECT id, external_id FROM people WHERE role = 'participant'")
    person = {row["external_id"]: row["id"] for row in rows}
    links = [(person[f"P{g:03d}-{m:02d}"], chat_of(g, m))
             for g in range(groups) for m in range(per_group)]
    stamp = to_db(RunningClock().now())
    async with db.transaction() as tx:
        await tx.executemany(
            "INSERT INTO telegram_links(person_id, chat_id, linked_at) VALUES (?,?,?)",
            [(pid, chat, stamp) for pid, chat in links])
        await tx.executemany(
            "INSERT INTO chat_languages(chat_id, language, chosen_at) VALUES (?,?,?)",
            [(chat, "nl", stamp) for _, chat in links])


async def move_lessons(api: httpx.AsyncClient, numbers, groups: int, per_group: int
                       ) -> list[float]:
    """Move one lesson per request to the next day, a bit later each time it comes round again;
    milliseconds each."""
    latencies = []
    for n in numbers:
        group = n % groups
        day = START.date() + timedelta(weeks=1 + n % 6, days=group % 3)
        moved_to = day + timedelta(days=1)
        hour, minute = (9 if group % 2 else 13), 30 + (n // 60) % 6 * 5
        payload = {"group": f"G{group:03d}", "kind": "NT2", "level": "A2",
                   "start": f"{moved_to}T{hour:02d}:{minute:02d}:00",
                   "end": f"{moved_to}T{hour + 3:02d}:{minute:02d}:00",
                   "location": f"Enschede, lokaal {group % 12 + 1}", "mode": "classroom",
                   "teacher": f"Docent {group % 40}"}
        started = time.perf_counter()
        response = await api.put(f"/api/v1/lessons/G{group:03d}-{day}", json=payload)
        latencies.append((time.perf_counter() - started) * 1000)
        response.raise_for_status()
        assert response.json()["notified_participants"] == per_group, response.text
    return latencies


async def main(quick: bool, db_url: str | None = None) -> dict:
    groups, per_group, weeks = (20, 15, 25) if quick else (200, 15, 25)
    changes = 50 if quick else 200
    with tempfile.TemporaryDirectory() as folder:
        sandbox = SandboxServer()
        await sandbox.start()
        await open_chats(sandbox, LINKED_GROUPS, per_group)
        settings = Settings.defaults(token=sandbox.token, api_url=sandbox.bot_api_url,
                                     file_api_url=sandbox.file_url,
                                     db_path=await fresh_target(db_url, folder),
                                     secret_key=BENCH_KEY,
                                     http=("127.0.0.1", 0),
                                     sweep_seconds=3600.0)
        app = BotApp(settings, clock=RunningClock())
        await app.start()
        db, now = app.services.db, app.services.now()
        async with db.transaction() as tx:
            _, key = await orgs.add_school(tx, "Bench Taalschool", now)
        body = json.dumps(planning(groups, per_group, weeks)).encode()
        headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
        try:
            async with httpx.AsyncClient(base_url=app.url, headers=headers,
                                         timeout=120) as api:
                started = time.perf_counter()
                first = await api.post("/api/v1/planning", content=body)
                import_s = time.perf_counter() - started
                first.raise_for_status()
                started = time.perf_counter()
                again = await api.post("/api/v1/planning", content=body)
                repush_s = time.perf_counter() - started
                again.raise_for_status()
                assert again.json()["notified_participants"] == 0
                during = await move_lessons(api, range(0, changes // 2), groups, per_group)
                await app.services.outbox.drain(timeout=120)
                await link_groups(db, LINKED_GROUPS, per_group)
                latencies = await move_lessons(api, range(changes // 2, changes + changes // 2),
                                               LINKED_GROUPS, per_group)
                sent = await db.fetchval("SELECT count(*) FROM outbox WHERE state = 'sent'")
            enqueued = await db.fetchval(
                "SELECT count(*) FROM outbox WHERE message_key = 'rooster.changed'")
            lessons = await db.fetchval("SELECT count(*) FROM lessons")
            participants = await db.fetchval(
                "SELECT count(*) FROM people WHERE role = 'participant'")
        finally:
            await app.stop()
            await sandbox.stop()
    return {"lessons": lessons, "groups": groups, "participants": participants,
            "import_s": round(import_s, 3), "repush_s": round(repush_s, 3),
            "single_change_p95_ms": round(statistics.quantiles(latencies, n=20)[18], 1),
            "single_change_median_ms": round(statistics.median(latencies), 1),
            "single_change_p95_during_fanout_ms": round(statistics.quantiles(during, n=20)[18], 1),
            "notifications_enqueued": enqueued, "sent_meanwhile": sent,
            "first_push_notified": first.json()["notified_participants"]}


def big_planning(lessons: int = 50_000, groups: int = 1000) -> bytes:
    """A planning of ``lessons`` weekly lessons for ``groups`` groups, as compact as the API
    allows (the body must stay under 8 MB)."""
    first = START.date()
    per_group = lessons // groups
    items = []
    for n in range(lessons):
        group, week = divmod(n, per_group)
        day = first + timedelta(weeks=week, days=group % 5)
        items.append({"external_id": str(n), "group": f"G{group}", "kind": "NT2",
                      "level": "A2", "start": f"{day}T09:00", "end": f"{day}T12:00",
                      "location": "L", "mode": "classroom", "teacher": "D"})
    return json.dumps({"groups": [{"external_id": f"G{g}", "name": f"Groep {g}", "kind": "NT2",
                                   "level": "A2"} for g in range(groups)],
                       "lessons": items}, separators=(",", ":")).encode()


async def stall() -> dict:
    body = big_planning()
    with tempfile.TemporaryDirectory() as folder:
        sandbox = SandboxServer()
        await sandbox.start()
        settings = Settings.defaults(token=sandbox.token, api_url=sandbox.bot_api_url,
                                     file_api_url=sandbox.file_url,
                                     db_path=Path(folder) / "bench.db", http=("127.0.0.1", 0),
                                     sweep_seconds=3600.0)
        app = BotApp(settings, clock=RunningClock())
        await app.start()
        async with app.services.db.transaction() as tx:
            _, key = await orgs.add_school(tx, "Bench Taalschool", app.services.now())

        def push() -> tuple[int, float]:
            started = time.perf_counter()
            with httpx.Client(base_url=app.url, timeout=600, headers={
                    "Authorization": f"Bearer {key}", "Content-Type": "application/json"}) as api:
                status = api.post("/api/v1/planning", content=body).status_code
            return status, time.perf_counter() - started

        health, replies = [], []
        try:
            async with httpx.AsyncClient(base_url=app.url, timeout=60) as other, \
                    SandboxClient(sandbox.url) as client:
                user = await client.user(CHAT_BASE, "Iemand", language_code="nl")
                # A bot that has answered once: what its first requests load once (FastAPI
                # builds a router's routes on the first request to it) is not the planning's.
                assert (await other.get("/health")).status_code == 200
                assert (await other.get("/api/v1/groups", headers={
                    "Authorization": f"Bearer {key}"})).status_code == 200
                await user.send("/help")
                await user.wait_for_message()
                task = asyncio.create_task(asyncio.to_thread(push))

                async def probe(ask, into: list[float]) -> None:
                    while not task.done():
                        started = time.perf_counter()
                        await ask()
                        into.append(time.perf_counter() - started)
                        await asyncio.sleep(0.1)

                async def health_check() -> None:
                    assert (await other.get("/health")).status_code == 200

                async def reply() -> None:
                    await user.send("/help")
                    await user.wait_for_message()

                await asyncio.gather(probe(health_check, health), probe(reply, replies))
                status, push_s = await task
        finally:
            await app.stop()
            await sandbox.stop()

    def p95(values: list[float]) -> float:
        return round(1000 * (statistics.quantiles(values, n=20)[18] if len(values) >= 20
                             else max(values)), 1)

    return {"lessons": 50_000, "body_bytes": len(body), "push_status": status,
            "push_s": round(push_s, 2), "probes": len(health),
            "health_max_ms": round(1000 * max(health), 1), "health_p95_ms": p95(health),
            "reply_max_ms": round(1000 * max(replies), 1), "reply_p95_ms": p95(replies)}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of the size")
    parser.add_argument("--stall", action="store_true",
                        help="whether a 50,000-lesson planning stalls anyone else")
    parser.add_argument("--db", metavar="URL", help="a postgresql:// server (a fresh database "
                        "is made on it); default a fresh SQLite file")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    result = asyncio.run(stall() if args.stall else main(args.quick, args.db))
    print(json.dumps(result))
