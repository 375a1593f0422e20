"""Prometheus metrics of one bot (issue 17), served at /metrics (bot/api/metrics.py).

Each ``BotApp`` has its own registry (several bots may run in one process: tests, benchmarks).
Timings are observed where they happen: the handling of each update (``MeasuredApplication``,
polling and webhook alike) and each sweep (``BotApp.sweep``). The rest is read at scrape time:
the outbox's depth by state and the dispatcher's and rate limiter's counters from
``outbox.stats()`` (counters of this process, as Prometheus expects), and the open klachten past
each deadline from the database.
"""

from __future__ import annotations

import time

from prometheus_client import CollectorRegistry, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily
from telegram.ext import Application

from bot.services import Services
from storage import klachten

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
SEND_RESULTS = ("sent", "failed", "unreachable", "rescheduled", "recovered")


class _Snapshot:
    """The values read at scrape time, as metric families."""

    def __init__(self) -> None:
        self.stats: dict = {}
        self.overdue: dict[str, int] = {}

    def collect(self):
        states = self.stats.get("states", {})
        depth = GaugeMetricFamily("inburgerbot_outbox_notifications",
                                  "Notifications in the outbox by state", labels=["state"])
        for state, count in sorted(states.items()):
            depth.add_metric([state], count)
        yield depth
        dispatcher = self.stats.get("dispatcher", {})
        sends = CounterMetricFamily("inburgerbot_outbox_sends",
                                    "Send attempts of the outbox by result, since start",
                                    labels=["result"])
        for result in SEND_RESULTS:
            sends.add_metric([result], dispatcher.get(result, 0))
        yield sends
        limiter = self.stats.get("rate_limiter", {})
        yield CounterMetricFamily("inburgerbot_telegram_too_many_requests",
                                  "429 answers (flood control) from the Bot API, since start",
                                  value=limiter.get("retry_after", 0))
        yield GaugeMetricFamily("inburgerbot_outbox_oldest_due_age_seconds",
                                "Age of the oldest notification due and not yet sent",
                                value=self.stats.get("oldest_pending_age_s", 0.0))
        overdue = GaugeMetricFamily("inburgerbot_klachten_past_deadline",
                                    "Open formal klachten past a deadline (norm 1.5.2)",
                                    labels=["deadline"])
        for deadline, count in sorted(self.overdue.items()):
            overdue.add_metric([deadline], count)
        yield overdue


class Metrics:
    """The registry and the instruments of one bot."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.update_seconds = Histogram(
            "inburgerbot_update_handling_seconds", "Time to handle one Telegram update",
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
            registry=self.registry)
        self.sweep_seconds = Histogram(
            "inburgerbot_sweep_seconds", "Duration of one run of a sweep", ["sweep"],
            buckets=(0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60), registry=self.registry)
        self._snapshot = _Snapshot()
        self.registry.register(self._snapshot)

    async def render(self, services: Services | None) -> bytes:
        """The text exposition, with the database's values read now."""
        if services is not None:
            self._snapshot.stats = await services.outbox.stats()
            self._snapshot.overdue = await klachten.past_deadline(services.db, services.now())
        return generate_latest(self.registry)


class MeasuredApplication(Application):
    """python-telegram-bot's Application timing each update it processes."""

    update_seconds: Histogram | None = None

    async def process_update(self, update: object) -> None:
        started = time.perf_counter()
        try:
            await super().process_update(update)
        finally:
            if self.update_seconds is not None:
                self.update_seconds.observe(time.perf_counter() - started)
