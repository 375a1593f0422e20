"""Fan-out benchmark (issue 3): N notifications to N chats through the sandbox Bot API server with
Telegram's limits on (30 messages/s overall, 1/s per chat with bursts of 3, 429 + retry_after),
once through our outbox dispatcher and once through python-telegram-bot's plain AIORateLimiter.

    python bench/fanout.py                  # N = 3000
    python bench/fanout.py --quick          # N = 300
    python bench/fanout.py --interactive    # and a third run: direct replies during our fan-out

msgs_per_s is the number of messages that arrived divided by the time from the commit of the N
outbox rows (for PTB: from the first send call) to the moment the sandbox received the last one;
the sandbox lets 30 through at once and then 30 per second, so a perfect sender reaches about 30.
AIORateLimiter by default does not retry a 429: such a message is lost (ptb_lost). Both runs use
the same sandbox and chats, one after the other. With --interactive, a third run
(our dispatcher again) has 20 linked participants take turns sending /help every 0.5 s while the
fan-out runs; the delay is from just before the user's message reaches the sandbox to the moment
the sandbox receives the reply (interactive_*; that run's own rate is interactive_run_msgs_per_s,
lower because the replies use part of the same 30/s).
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
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import httpx  # noqa: E402
from telegram.error import RetryAfter  # noqa: E402
from telegram.ext import AIORateLimiter, ApplicationBuilder  # noqa: E402

from bench.engine import BENCH_KEY, fresh_target  # noqa: E402
from bot.app import BotApp  # noqa: E402
from bot.clock import Clock  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.outbox import PRIORITY_BULK, Notice, enqueue_many  # noqa: E402
from bot.outbox.messages import PING  # noqa: E402
from bot.sandbox import SandboxClient, SandboxServer  # noqa: E402
from storage import orgs, people  # noqa: E402
from storage.database import to_db  # noqa: E402

CEILING = 30
PROBES = 20
FIRST_CHAT = 100_000
PROBE_CHAT = 900_000


class WeekdayClock(Clock):
    """A Tuesday 10:00 in Amsterdam that moves with real time, so quiet hours never interfere."""

    def __init__(self) -> None:
        self._start = datetime(2026, 11, 24, 10, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
        self._real = time.time()

    def now(self) -> datetime:
        return (self._start.astimezone(UTC)
                + (datetime.fromtimestamp(time.time(), UTC)
                   - datetime.fromtimestamp(self._real, UTC)))


async def open_chats(sandbox: SandboxServer, client: SandboxClient, ids: list[int]) -> None:
    """Telegram lets a bot write only to users who wrote first: each user says hello once."""
    sem = asyncio.Semaphore(32)

    async def one(user_id: int) -> None:
        async with sem:
            for attempt in range(3):  # a loaded machine may drop a keep-alive connection
                try:
                    user = await client.user(user_id, f"User {user_id}", language_code="nl")
                    await user.send("hallo")
                    return
                except httpx.TransportError:
                    if attempt == 2:
                        raise

    await asyncio.gather(*(one(user_id) for user_id in ids))
    pending = await client.pending_updates()
    while pending:  # take the greetings off the queue, as a bot that ignores them would
        async with httpx.AsyncClient() as http:
            await http.post(f"{sandbox.bot_api_url}{sandbox.token}/getUpdates",
                            data={"offset": pending[-1]["update_id"] + 1, "timeout": 0})
        pending = await client.pending_updates()


def delivery(before: dict, after: dict, ids: list[int]) -> tuple[int, int, float | None]:
    """(lost, duplicates, last receive time) over the fan-out chats, between two stats."""
    lost = duplicates = 0
    last = None
    empty = {"messages": 0, "send_times": []}
    for chat_id in ids:
        old = before["chats"].get(str(chat_id), empty)
        chat = after["chats"].get(str(chat_id), empty)
        count = chat["messages"] - old["messages"]
        lost += count == 0
        duplicates += max(0, count - 1)
        if count > 0:
            last = max(last or 0.0, max(chat["send_times"]))
    return lost, duplicates, last


async def probe(client: SandboxClient, users: list, stop: asyncio.Event) -> list[float]:
    """Direct replies during the fan-out: /help from 20 participants in turn, every 0.5 s."""
    delays = []
    turn = 0
    while not stop.is_set():
        user = users[turn % len(users)]
        turn += 1
        info = await client.call("GET", f"/chats/{user.chat_id}")
        sent = time.time()
        await user.send("/help")
        events = await client.call("GET", f"/chats/{user.chat_id}/events",
                                   params={"after": info["last_seq"], "timeout": 20})
        if events:
            delays.append(events[0]["received_at"] - sent)
        await asyncio.sleep(0.5)
    return delays


async def run_outbox(sandbox: SandboxServer, client: SandboxClient, ids: list[int],
                     probe_ids: list[int], rate: float | None = None,
                     db_url: str | None = None) -> dict:
    n, interactive = len(ids), bool(probe_ids)
    with tempfile.TemporaryDirectory() as folder:
        clock = WeekdayClock()
        settings = Settings.defaults(token=sandbox.token, api_url=sandbox.bot_api_url,
                                     file_api_url=sandbox.file_url,
                                     db_path=await fresh_target(db_url, folder),
                                     secret_key=BENCH_KEY,
                                     http=("127.0.0.1", 0), sweep_seconds=3600.0)
        if rate is not None:  # INBURGERBOT_OUTBOX_GLOBAL_RATE
            settings = replace(settings, outbox_global_rate=rate)
        app = BotApp(settings, clock=clock)
        await app.start()
        try:
            db, now = app.services.db, clock.now()
            async with db.transaction() as tx:
                await orgs.add_gemeente(tx, "Bench", now)
                school, _ = await orgs.add_school(tx, "Bench school", now)
                person_of = {}
                for chat_id in ids + probe_ids:
                    person = await people.add_person(
                        tx, name=f"P{chat_id}", role="participant", school_id=school,
                        regime="wi2021", route="b1", now=now)
                    await tx.execute("INSERT INTO telegram_links(person_id, chat_id, linked_at)"
                                     " VALUES (?,?,?)", (person, chat_id, to_db(now)))
                    await tx.execute("INSERT INTO chat_languages(chat_id, language, chosen_at)"
                                     " VALUES (?,?,?)", (chat_id, "nl", to_db(now)))
                    person_of[chat_id] = person
            before = await client.stats()
            stop = asyncio.Event()
            probes = None
            if interactive:
                users = [await client.user(chat_id, f"User {chat_id}", language_code="nl")
                         for chat_id in probe_ids]
                probes = asyncio.create_task(probe(client, users, stop))
                await asyncio.sleep(2)  # replies measured while the fan-out runs
            async with db.transaction() as tx:  # as a school's push does: one transaction
                await enqueue_many(tx, [
                    Notice(message_key=PING, params={}, person_id=person_of[chat_id],
                           priority=PRIORITY_BULK, dedupe_key=f"bench:{chat_id}")
                    for chat_id in ids], now=clock.now())
            start = time.time()  # committed
            await app.services.outbox.drain(timeout=n / 20 + 60)
            stop.set()
            delays = await probes if probes else []
            after = await client.stats()
        finally:
            await app.stop()
    lost, duplicates, last = delivery(before, after, ids)
    elapsed = (last - start) if last else float("inf")
    result = {"msgs_per_s": round(n / elapsed, 2), "lost": lost, "duplicates": duplicates,
              "http_429": after["too_many_requests"] - before["too_many_requests"],
              "seconds": round(elapsed, 2)}
    if interactive:
        ordered = sorted(delays)
        result.update({
            "interactive_samples": len(ordered),
            "interactive_p50_s": round(statistics.median(ordered), 3) if ordered else None,
            "interactive_p95_s": round(ordered[int(0.95 * (len(ordered) - 1))], 3)
            if ordered else None,
            "interactive_max_s": round(ordered[-1], 3) if ordered else None})
    return result


async def run_ptb(sandbox: SandboxServer, client: SandboxClient, ids: list[int]) -> dict:
    """The same fan-out with python-telegram-bot's AIORateLimiter (defaults), all sends at once."""
    n = len(ids)
    await client.set_limits(True)  # fresh counters of the limits, same chats
    app = (ApplicationBuilder().token(sandbox.token).base_url(sandbox.bot_api_url)
           .rate_limiter(AIORateLimiter()).build())
    before = await client.stats()
    async with app:
        start = time.time()

        async def send(chat_id: int) -> None:
            try:
                await app.bot.send_message(chat_id, "Testbericht van de bot")
            except RetryAfter:
                pass  # AIORateLimiter's default: no retry, the message is lost

        await asyncio.gather(*(send(chat_id) for chat_id in ids))
    after = await client.stats()
    lost, duplicates, last = delivery(before, after, ids)
    elapsed = (last - start) if last else float("inf")
    # Messages that arrived, per second: a message refused with 429 and dropped does not count.
    return {"msgs_per_s": round((n - lost) / elapsed, 2), "lost": lost, "duplicates": duplicates,
            "http_429": after["too_many_requests"] - before["too_many_requests"],
            "seconds": round(elapsed, 2)}


async def main(argv: list[str]) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=3000, help="notifications = chats (3000)")
    parser.add_argument("--quick", action="store_true", help="N = 300")
    parser.add_argument("--interactive", action="store_true",
                        help="measure direct replies (/help) sent during our fan-out")
    parser.add_argument("--rate", type=float, default=None,
                        help="INBURGERBOT_OUTBOX_GLOBAL_RATE for our runs (default: the setting's "
                             "default, 29)")
    parser.add_argument("--no-ptb", action="store_true", help="skip the AIORateLimiter run")
    parser.add_argument("--db", metavar="URL", help="a postgresql:// server to run our outbox "
                        "on (a fresh database per run); default a fresh SQLite file")
    args = parser.parse_args(argv)
    n = 300 if args.quick else args.n
    ids = list(range(FIRST_CHAT, FIRST_CHAT + n))
    probe_ids = list(range(PROBE_CHAT, PROBE_CHAT + PROBES)) if args.interactive else []
    sandbox = SandboxServer(limits=True)
    await sandbox.start()
    try:
        async with SandboxClient(sandbox.url) as client:
            await open_chats(sandbox, client, ids + probe_ids)
            ours = await run_outbox(sandbox, client, ids, [], args.rate, args.db)
            ptb = None if args.no_ptb else await run_ptb(sandbox, client, ids)
            # Replies share the budget, so they are measured in a run of their own.
            mixed = (await run_outbox(sandbox, client, ids, probe_ids, args.rate, args.db)
                     if probe_ids else {})
    finally:
        await sandbox.stop()
    result = {"n": n, "msgs_per_s": ours["msgs_per_s"], "ceiling_msgs_per_s": CEILING,
              "ratio_to_ceiling": round(ours["msgs_per_s"] / CEILING, 3), "lost": ours["lost"],
              "duplicates": ours["duplicates"], "http_429": ours["http_429"],
              "ptb_ratelimiter_msgs_per_s": ptb["msgs_per_s"] if ptb else None,
              "outbox_global_rate": args.rate or Settings.defaults().outbox_global_rate,
              "seconds": ours["seconds"]}
    if ptb:
        result.update({"ptb_lost": ptb["lost"], "ptb_http_429": ptb["http_429"],
                       "ptb_seconds": ptb["seconds"]})
    if mixed:
        result.update({k: v for k, v in mixed.items() if k.startswith("interactive")})
        result["interactive_run_msgs_per_s"] = mixed["msgs_per_s"]
        result["interactive_run_http_429"] = mixed["http_429"]
        result["interactive_run_lost"] = mixed["lost"]
    return result


if __name__ == "__main__":
    logging.basicConfig(level=logging.ERROR)
    print(json.dumps(asyncio.run(main(sys.argv[1:]))))
