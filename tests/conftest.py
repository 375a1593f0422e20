"""Fixtures: a sandbox Bot API server, a bot started against it, a world builder, a clock."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.sandbox import SandboxClient, SandboxServer
from tests.support import FakeClock, World, start_bot

AMS = ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def clock() -> FakeClock:
    # A Monday morning in term time.
    return FakeClock(datetime(2026, 11, 23, 9, 0, tzinfo=AMS))


@pytest.fixture
async def sandbox():
    server = SandboxServer()
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
async def client(sandbox):
    async with SandboxClient(sandbox.url) as driver:
        yield driver


@pytest.fixture
async def bot(sandbox, tmp_path, clock):
    running = await start_bot(sandbox, tmp_path / "bot.db", clock)
    yield running
    await running.stop()


@pytest.fixture
def world(bot, clock) -> World:
    return World(bot.db, clock)


@pytest.fixture
async def limited_sandbox():
    """The sandbox enforcing Telegram's limits: 30 messages/s overall, 1/s per chat, burst 3."""
    server = SandboxServer(limits=True)
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
async def limited_client(limited_sandbox):
    async with SandboxClient(limited_sandbox.url) as driver:
        yield driver
