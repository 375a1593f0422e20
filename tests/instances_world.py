"""Helpers for the several-instances test: bot processes (``inburgerbot run``) against the
sandbox and one PostgreSQL database, and sandbox chats opened the way Telegram requires."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx

from bot.sandbox import SandboxClient, SandboxServer, SandboxUser

ROOT = Path(__file__).resolve().parent.parent
AMS = ZoneInfo("Europe/Amsterdam")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def quiet_hours_away_from_now() -> str:
    """Quiet hours that start 6 hours from now: the test may run at night."""
    start = datetime.now(AMS) + timedelta(hours=6)
    end = start + timedelta(hours=1)
    return f"{start:%H:00}-{end:%H:00}"


def start_instance(sandbox: SandboxServer, url: str, log: Path, **env: str) -> subprocess.Popen:
    full = {**os.environ, "TELEGRAM_BOT_TOKEN": sandbox.token,
            "TELEGRAM_API_URL": sandbox.bot_api_url, "INBURGERBOT_DB": url,
            "INBURGERBOT_SECRET_KEY": "s" * 48, "INBURGERBOT_HTTP": f"127.0.0.1:{free_port()}",
            "INBURGERBOT_QUIET_HOURS": quiet_hours_away_from_now(), **env}
    with log.open("w") as out:  # the child keeps its own copy of the file
        return subprocess.Popen([sys.executable, "-m", "bot", "run"], cwd=ROOT, env=full,
                                stdout=out, stderr=subprocess.STDOUT)


async def open_chats(sandbox: SandboxServer, client: SandboxClient, ids: list[int]
                     ) -> dict[int, SandboxUser]:
    """Telegram lets a bot write only to users who wrote first: each says hello once, and the
    greetings are taken off the queue before any bot polls."""
    users = {}
    for user_id in ids:
        users[user_id] = user = await client.user(user_id, f"User {user_id}", language_code="nl")
        await user.send("hallo")
    pending = await client.pending_updates()
    while pending:
        async with httpx.AsyncClient() as http:
            await http.post(f"{sandbox.bot_api_url}{sandbox.token}/getUpdates",
                            data={"offset": pending[-1]["update_id"] + 1, "timeout": 0})
        pending = await client.pending_updates()
    return users


async def wait_for(predicate, timeout: float, what: str, every: float = 0.5):
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        value = await predicate()
        if value:
            return value
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(every)
