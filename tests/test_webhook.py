"""Webhooks (issue 17): with INBURGERBOT_WEBHOOK_URL the bot sets its webhook at start (pending
updates kept) and takes updates on its own HTTP server; the sandbox delivers them as Telegram
does. Only requests with the right secret token are processed; a wrong or missing one gets 403
and the update waits at Telegram until a right one comes."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from tests.support import free_port, start_bot

SECRET = "right-secret_token-42"


@pytest.fixture
async def hooked(sandbox, tmp_path, clock):
    port = free_port()
    url = f"http://127.0.0.1:{port}/telegram/webhook"
    running = await start_bot(sandbox, tmp_path / "bot.db", clock, http=("127.0.0.1", port),
                              webhook_url=url, webhook_secret=SECRET)
    yield running
    await running.stop()


async def bot_api(sandbox, method: str, **params) -> httpx.Response:
    async with httpx.AsyncClient() as http:
        return await http.post(f"{sandbox.bot_api_url}{sandbox.token}/{method}", data=params)


async def set_secret(sandbox, bot, secret: str | None) -> None:
    """What a stranger (or a misconfigured proxy) would make Telegram send."""
    params = {"url": bot.settings.webhook_url}
    if secret is not None:
        params["secret_token"] = secret
    assert (await bot_api(sandbox, "setWebhook", **params)).status_code == 200


async def webhook_info(sandbox) -> dict:
    return (await bot_api(sandbox, "getWebhookInfo")).json()["result"]


async def test_the_bot_sets_its_webhook_and_answers_through_it(hooked, sandbox, client):
    info = await webhook_info(sandbox)
    assert info["url"] == hooked.settings.webhook_url
    assert sandbox.state.webhook_secret == SECRET
    conflict = await bot_api(sandbox, "getUpdates")
    assert conflict.status_code == 409 and "webhook is active" in conflict.json()["description"]
    assert sandbox.state.method_calls.get("getUpdates", 0) == 1  # only ours: the bot never polls

    user = await client.user(601, "Amira", language_code="nl")
    await user.send("/start")
    reply = await user.wait_for_message()
    assert reply.text
    for _ in range(100):  # the bot answers the webhook request after handling the update
        if sandbox.state.webhook_deliveries:
            break
        await asyncio.sleep(0.02)
    assert sandbox.state.webhook_deliveries == 1


@pytest.mark.parametrize("secret", ["wrong-secret", None], ids=["wrong", "missing"])
async def test_a_wrong_or_missing_secret_token_is_refused_and_nothing_is_processed(
        hooked, sandbox, client, secret):
    user = await client.user(602, "Amira", language_code="nl")
    await set_secret(sandbox, hooked, secret)
    await user.send("/start")
    for _ in range(200):
        info = await webhook_info(sandbox)
        if "last_error_message" in info:
            break
        await asyncio.sleep(0.02)
    assert "403" in info["last_error_message"]
    assert info["pending_update_count"] == 1
    await asyncio.sleep(0.3)  # several refused deliveries
    assert await user.messages() == []
    assert sandbox.state.webhook_deliveries == 0 and sandbox.state.webhook_failures >= 2

    # A request straight to the bot without the header is refused as well.
    async with httpx.AsyncClient() as http:
        direct = await http.post(hooked.settings.webhook_url, json={"update_id": 99})
    assert direct.status_code == 403
    async with httpx.AsyncClient(headers={"X-Telegram-Bot-Api-Secret-Token": SECRET}) as http:
        for body in ({"update_id": 5, "message": "not a message"}, [1, 2], {"x": 1}):
            odd = await http.post(hooked.settings.webhook_url, json=body)
            assert odd.status_code == 400, (body, odd.text)

    # With the right token again, the waiting update is delivered and answered once.
    await set_secret(sandbox, hooked, SECRET)
    assert (await user.wait_for_message()).text
    await asyncio.sleep(0.2)
    assert len(await user.messages()) == 1
    assert (await webhook_info(sandbox))["pending_update_count"] == 0
