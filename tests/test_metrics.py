"""/metrics (issue 17): Prometheus' text format with the outbox's depth by state, sends by result,
429s, update handling time, sweep durations and klachten past a deadline; open to the allowed
networks or with the metrics token, 403 for anyone else."""

from __future__ import annotations

import httpx
from prometheus_client.parser import text_string_to_metric_families

from tests.klacht_world import file_klacht, linked, new_message, school_with_handlers
from tests.outbox_world import NUMBERED, enqueue_many, linked_participants, open_chats, started
from tests.support import World, start_bot


async def scrape(bot, **headers) -> dict[tuple[str, tuple], float]:
    async with httpx.AsyncClient(base_url=bot.url, headers=headers) as http:
        reply = await http.get("/metrics")
    assert reply.status_code == 200, reply.text
    assert reply.headers["content-type"].startswith("text/plain")
    return {(sample.name, tuple(sorted(sample.labels.items()))): sample.value
            for family in text_string_to_metric_families(reply.text)
            for sample in family.samples}


def value(samples, name: str, **labels) -> float:
    return samples[(name, tuple(sorted(labels.items())))]


async def test_metrics_show_updates_sweeps_deliveries_and_overdue_klachten(bot, world, client,
                                                                        clock):
    ids = await school_with_handlers(world)
    before = await scrape(bot)
    assert value(before, "inburgerbot_update_handling_seconds_count") == 0
    assert value(before, "inburgerbot_klachten_past_deadline", deadline="decision") == 0
    assert value(before, "inburgerbot_telegram_too_many_requests_total") == 0

    anna = await linked(world, client, ids, "anna", 701, "nl")
    senait = await linked(world, client, ids, "senait", 702, "ti")
    await file_klacht(bot, senait, "ti", topic="The teacher", text="Het lokaal was dicht")
    await new_message(anna)  # the handlers' card, sent by the outbox
    await bot.sweep()
    clock.advance(days=60)  # past every deadline of norm 1.5.2, nobody acted
    after = await scrape(bot)

    assert value(after, "inburgerbot_update_handling_seconds_count") >= 10
    assert value(after, "inburgerbot_update_handling_seconds_sum") > 0
    assert value(after, "inburgerbot_outbox_sends_total", result="sent") >= 1
    assert value(after, "inburgerbot_outbox_notifications", state="sent") >= 1
    assert ("inburgerbot_outbox_notifications", (("state", "pending"),)) in after
    sweeps = [labels for (name, labels) in after if name == "inburgerbot_sweep_seconds_count"]
    assert sweeps and all(value(after, "inburgerbot_sweep_seconds_count", **dict(labels)) >= 1
                          for labels in sweeps)
    assert value(after, "inburgerbot_klachten_past_deadline", deadline="decision") == 1
    assert value(after, "inburgerbot_klachten_past_deadline", deadline="handling") == 1
    assert value(after, "inburgerbot_telegram_too_many_requests_total") == 0


async def test_metrics_need_an_allowed_network_or_the_token(sandbox, tmp_path, clock):
    bot = await start_bot(sandbox, tmp_path / "bot.db", clock, metrics_allow=(),
                          metrics_token="scrape-me-0123456789")
    try:
        async with httpx.AsyncClient(base_url=bot.url) as http:
            assert (await http.get("/metrics")).status_code == 403
            wrong = await http.get("/metrics", headers={"Authorization": "Bearer guess"})
            assert wrong.status_code == 403 and "inburgerbot_" not in wrong.text
        samples = await scrape(bot, Authorization="Bearer scrape-me-0123456789")
        assert ("inburgerbot_update_handling_seconds_count", ()) in samples
    finally:
        await bot.stop()


async def test_metrics_are_open_to_this_machine_by_default_and_not_to_others(
        sandbox, tmp_path, clock):
    from ipaddress import ip_network

    open_bot = await start_bot(sandbox, tmp_path / "open.db", clock)
    try:
        await scrape(open_bot)  # 127.0.0.1 is in the default allow-list
    finally:
        await open_bot.stop()
    closed = await start_bot(sandbox, tmp_path / "closed.db", clock,
                             metrics_allow=(ip_network("10.0.0.0/8"),))
    try:
        async with httpx.AsyncClient(base_url=closed.url) as http:
            assert (await http.get("/metrics")).status_code == 403
    finally:
        await closed.stop()


async def test_metrics_count_the_429s_telegram_answered(limited_sandbox, limited_client, tmp_path,
                                                       clock):
    users = await open_chats(limited_sandbox, limited_client, [72_000])
    # Faster per chat than Telegram allows: the sandbox answers some sends with 429.
    bot = await started(limited_sandbox, tmp_path, clock, outbox_chat_rate=20.0)
    try:
        people = await linked_participants(World(bot.db, clock), {72_000: "nl"})
        await enqueue_many(bot.db, clock.now(), [
            {"message_key": NUMBERED, "params": {"n": n}, "person_id": people[72_000]}
            for n in range(1, 9)])
        await bot.services.outbox.drain(timeout=40)
        assert len(await users[72_000].messages()) == 8
        refused = (await limited_client.stats())["too_many_requests"]
        assert refused > 0
        samples = await scrape(bot)
        assert value(samples, "inburgerbot_telegram_too_many_requests_total") == refused
        assert value(samples, "inburgerbot_outbox_sends_total", result="sent") == 8
    finally:
        await bot.stop()
