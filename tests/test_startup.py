"""Telegram unreachable (issue 17): `inburgerbot run` keeps trying the Bot API with back-off while
serving /health as "degraded", exits with status 3 after INBURGERBOT_START_TIMEOUT, and an outage
while polling is logged once when it starts and once when it ends, never a traceback per try."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from pathlib import Path

import httpx

from bot.sandbox import SandboxServer
from tests.support import free_port

ROOT = Path(__file__).resolve().parent.parent


async def start_run(tmp_path, api_port: int, **settings: str):
    http_port = free_port()
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": SandboxServer().token,
           "TELEGRAM_API_URL": f"http://127.0.0.1:{api_port}/bot",
           "INBURGERBOT_DB": str(tmp_path / "run.db"), "INBURGERBOT_HTTP": f"127.0.0.1:{http_port}",
           **settings}
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", env=env, cwd=ROOT,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    return process, f"http://127.0.0.1:{http_port}/health"


async def health_until(url: str, wanted, seconds: float = 30) -> dict:
    """Poll /health until ``wanted(body)``; the last body otherwise (asserted by the caller).
    The HTTP status is in the body as ``http`` (503 until the bot started)."""
    body: dict = {}
    deadline = time.monotonic() + seconds
    async with httpx.AsyncClient() as http:
        while time.monotonic() < deadline:
            try:
                reply = await http.get(url)
                body = {**reply.json(), "http": reply.status_code}
                if wanted(body):
                    return body
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.1)
    return body


async def test_run_serves_degraded_health_then_gives_up_with_status_3(tmp_path):
    process, health = await start_run(tmp_path, free_port(), INBURGERBOT_START_TIMEOUT="4")
    try:
        body = await health_until(health, lambda b: b.get("telegram") == "unreachable")
        assert body["status"] == "degraded" and body["telegram"] == "unreachable", body
        assert body["http"] == 503, body
        async with httpx.AsyncClient() as http:  # the API meanwhile: 503 to retry, never a 500
            early = await http.get(health.replace("/health", "/verify/ABCDEF"))
        assert early.status_code == 503 and early.headers["Retry-After"] == "5", early.text
        assert "ConnectError" in body["telegram_problem"] or body["telegram_problem"]
        started = time.monotonic()
        _, stderr = await asyncio.wait_for(process.communicate(), timeout=30)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    log = stderr.decode()
    assert process.returncode == 3, log[-2000:]
    assert time.monotonic() - started < 10
    assert "did not answer for 4 s" in log.splitlines()[-1]
    assert "Traceback" not in log and "Application startup failed" not in log, log[-2000:]
    assert log.count("Telegram Bot API unreachable") == 1, log  # several tries, one line
    assert SandboxServer().token not in log


async def test_run_waits_for_telegram_and_survives_an_outage_while_polling(tmp_path):
    api_port = free_port()
    process, health = await start_run(tmp_path, api_port, INBURGERBOT_START_TIMEOUT="60")
    sandbox = SandboxServer()
    try:
        body = await health_until(health, lambda b: b.get("telegram") == "unreachable")
        assert body["status"] == "degraded", body
        await sandbox.start(port=api_port)  # Telegram comes back: the bot starts
        body = await health_until(health, lambda b: b["status"] == "ok")
        assert body["telegram"] == "connected" and body["http"] == 200, body

        await sandbox.stop()  # an outage while polling: running, so 200 and degraded
        body = await health_until(health, lambda b: b.get("telegram") == "unreachable")
        assert body["status"] == "degraded" and body["http"] == 200, body
        await asyncio.sleep(4)  # several failed polls
        sandbox = SandboxServer()
        await sandbox.start(port=api_port)
        body = await health_until(health, lambda b: b["status"] == "ok", seconds=60)
        assert body["telegram"] == "connected", body

        process.terminate()
        _, stderr = await asyncio.wait_for(process.communicate(), timeout=30)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
        await sandbox.stop()
    log = stderr.decode()
    assert process.returncode in (0, -signal.SIGTERM), log[-2000:]  # uvicorn re-raises SIGTERM
    assert "Traceback" not in log, log[-3000:]
    assert log.count("Telegram Bot API unreachable") == 2, log  # at start, and the outage
    assert log.count("Telegram Bot API reachable again") == 2, log
