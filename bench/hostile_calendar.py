"""Hostile calendar benchmark (issue 12): while one school uploads a calendar that is slow to read
(the size budget full of meaningless properties), how fast do /health and a Telegram reply answer?

    python bench/hostile_calendar.py

The upload runs in a worker process (bot/rooster/ics_worker.py) and is refused after its time
budget; meanwhile /health is asked every 0.1 s and a user sends /help every 0.5 s. Printed (one
JSON object): the upload's status and seconds, and the max and median latency of both.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import httpx  # noqa: E402

from bot.app import BotApp  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.rooster import ics_worker  # noqa: E402
from bot.sandbox import SandboxClient, SandboxServer  # noqa: E402
from storage import orgs  # noqa: E402
from tests.test_hostile_calendar import hostile  # noqa: E402


async def main() -> dict:
    sandbox = SandboxServer()
    await sandbox.start()
    folder = tempfile.mkdtemp()
    settings = Settings.defaults(token=sandbox.token, api_url=sandbox.bot_api_url,
                                 file_api_url=sandbox.file_url, db_path=Path(folder) / "b.db",
                                 http=("127.0.0.1", 0), sweep_seconds=3600.0)
    app = BotApp(settings)
    await app.start()
    try:
        from datetime import UTC, datetime
        async with app.services.db.transaction() as tx:
            _, key = await orgs.add_school(tx, "Taalschool", datetime.now(UTC))
        headers = {"Authorization": f"Bearer {key}"}
        async with httpx.AsyncClient(base_url=app.url, headers=headers, timeout=120) as api, \
                SandboxClient(sandbox.url) as client:
            await api.put("/api/v1/groups/G1", json={"name": "Groep 1"})
            user = await client.user(900, "Someone", language_code="nl")
            await user.send("/help")
            await user.wait_for_message()
            started = time.perf_counter()
            upload = asyncio.create_task(api.post(
                "/api/v1/groups/G1/calendar", content=hostile(ics_worker.MAX_CALENDAR_BYTES),
                headers={"Content-Type": "text/calendar"}))
            health, replies, last_help = [], [], 0.0
            while not upload.done():
                t = time.perf_counter()
                await api.get("/health")
                health.append(time.perf_counter() - t)
                if t - last_help > 0.5:
                    last_help = t
                    count = len(await user.messages())
                    await user.send("/help")
                    while len(await user.messages()) == count:
                        await asyncio.sleep(0.01)
                    replies.append(time.perf_counter() - t)
                await asyncio.sleep(0.1)
            response = await upload
            return {"upload_status": response.status_code,
                    "upload_s": round(time.perf_counter() - started, 2),
                    "health_max_ms": round(max(health) * 1000), "health_median_ms":
                        round(statistics.median(health) * 1000),
                    "reply_max_ms": round(max(replies) * 1000), "reply_median_ms":
                        round(statistics.median(replies) * 1000), "samples": len(health)}
    finally:
        await app.stop()
        await sandbox.stop()


if __name__ == "__main__":
    print(json.dumps(asyncio.run(main())))
