"""The composition root: the whole bot built from settings and a clock.

``BotApp(settings, clock)`` composes every feature of ``FEATURES``, in that order, into the
python-telegram-bot Application (handlers, commands, menus), the HTTP app (routers), the scheduler
sweeps and the admin commands. ``inburgerbot run``, the demo, the tests and the benchmarks all
build the bot here, so there is one wiring.

Lifecycle (PTB-NOTES): ``run`` lets uvicorn's lifespan call ``start``/``stop`` (code after
``uvicorn.Server.serve()`` never runs on SIGTERM); the demo, tests and benchmarks call
``start()``, which also serves the HTTP app in the same loop, then ``stop()``.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import socket
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from telegram import Update
from telegram.ext import Application, ContextTypes, Defaults, TypeHandler

from bot import admin
from bot.api.metrics import router as metrics_router
from bot.api.webhook import webhook_router
from bot.clock import Clock
from bot.config import Settings
from bot.context import BotContext
from bot.errors import on_error
from bot.features import (
    ACTIVITIES,
    AFMELDEN,
    ATTENDANCE,
    CASELOAD,
    CONTACT,
    DOCUMENTS,
    GATE,
    HELP,
    INVOICES,
    KLACHTEN,
    LANGUAGE,
    ONBOARDING,
    OUTBOX,
    OVERSTAP,
    PRIVACY,
    ROOSTER,
    SURVEY,
    TRAJECTORY,
    UREN,
    VERZUIM,
    WANPRESTATIE,
    Feature,
    command_rank,
)
from bot.http.app import create_http_app
from bot.http.ratelimit import KeyRateLimit
from bot.i18n import I18n
from bot.menus import set_default_menus
from bot.metrics import MeasuredApplication, Metrics
from bot.outbox.dispatcher import Dispatcher
from bot.outbox.ratelimit import SharedRateLimiter
from bot.persistence import SqlitePersistence
from bot.reachability import Reachability, StartRetry, WatchedRequest, polling_error
from bot.secret_key import open_database
from bot.services import Services
from bot.serving import UvicornTask
from storage import backup, orgs

log = logging.getLogger(__name__)
# With several instances on PostgreSQL, the holder of this advisory lock polls Telegram.
POLLER_LOCK = "poller"

# How long a bot's heartbeat counts (at least): `admin restore` refuses within it, unless forced.
BEAT_SECONDS = 600

# Registration order: the gate first (it resolves the person and language of every update),
# the help fallbacks last (they answer whatever no feature took).
FEATURES: tuple[Feature, ...] = (
    GATE, ONBOARDING, LANGUAGE, PRIVACY, KLACHTEN, OVERSTAP, ATTENDANCE, VERZUIM, UREN, AFMELDEN,
    CASELOAD, OUTBOX, ROOSTER, ACTIVITIES, CONTACT, TRAJECTORY, SURVEY, INVOICES,
    WANPRESTATIE, DOCUMENTS, HELP,
)


def file_url_for(api_url: str) -> str:
    """python-telegram-bot's base_file_url for a base_url (``.../bot`` -> ``.../file/bot``)."""
    if api_url.endswith("/bot"):
        return api_url[: -len("/bot")] + "/file/bot"
    return api_url.rstrip("/") + "/file/bot"


async def persist_after_update(update: object, context: BotContext) -> None:
    """Write conversation state and chat data right after each update, not once a minute."""
    await context.application.update_persistence()


class BotApp:
    """Owns every long-lived resource of one bot; ``await start()`` then ``await stop()``."""

    def __init__(self, settings: Settings, clock: Clock | None = None,
                 features: tuple[Feature, ...] = FEATURES, extra_routers: tuple = ()):
        """``extra_routers``: routes beyond the features' own; only the demo passes its page."""
        self.settings = settings
        self.clock = clock or Clock()
        self.features = features
        self.sweeps = [sweep for feature in features for sweep in feature.sweeps]
        routes = [*(r for feature in features for r in feature.routes), *extra_routers,
                  metrics_router]
        self.metrics = Metrics()
        if settings.webhook_url:
            routes.append(webhook_router(urlsplit(settings.webhook_url).path or "/"))
        self.http = create_http_app(self, routes)
        self._updates_lock = asyncio.Lock()
        self._server: UvicornTask | None = None
        self.services: Services | None = None
        self.application: Application | None = None
        self._poller: asyncio.Task | None = None
        self._running = False
        self.telegram = Reachability(settings.token)
        self._beat_renew_at = 0.0
        self.failure: BaseException | None = None  # why a start in the background failed
        self.on_failure: Callable[[], None] = lambda: None

    @property
    def running(self) -> bool:
        """Started completely: polling or webhook set, sweeps scheduled."""
        return self._running

    @property
    def url(self) -> str:
        """The embedded HTTP server's address (after ``start``)."""
        return self._server.url if self._server else self.settings.base_public_url

    async def start(self, serve_http: bool = True) -> None:
        """Open the database, build and start the bot; with ``serve_http`` also serve the HTTP app
        on ``settings.http`` (bound first, so port 0 resolves before anything links to it)."""
        settings = self.settings
        if serve_http:
            self._server = UvicornTask(self.http, *settings.http)
            self._server.bind()
            if not settings.public_url:
                settings = self.settings = replace(settings, public_url=self._server.url)
        db = await open_database(settings)
        limiter = SharedRateLimiter(settings.outbox_global_rate, settings.outbox_chat_rate)
        app = (Application.builder()
               .application_class(MeasuredApplication)
               .token(settings.token)
               .base_url(settings.api_url)
               .base_file_url(settings.file_api_url or file_url_for(settings.api_url))
               .persistence(SqlitePersistence(db))
               .context_types(ContextTypes(context=BotContext))
               .defaults(Defaults(tzinfo=settings.tz))
               .rate_limiter(limiter)  # one limiter for replies and notifications alike
               .concurrent_updates(False)
               .get_updates_request(WatchedRequest(self.telegram, connection_pool_size=1))
               .build())
        i18n = I18n(settings.tz)
        services = Services(
            settings=settings, db=db, clock=self.clock, i18n=i18n, bot=app.bot,
            outbox=Dispatcher(db=db, bot=app.bot, i18n=i18n, settings=settings, clock=self.clock,
                              limiter=limiter),
            commands=tuple(sorted((c for f in self.features for c in f.commands),
                                  key=lambda command: command_rank(command.name))),
            menu_commands=frozenset(name for f in self.features for name in f.menu),
            api_limit=KeyRateLimit(settings.api_rate_per_minute))
        self.services, self.application = services, app
        app.update_seconds = self.metrics.update_seconds
        app.bot_data["services"] = services
        for feature in self.features:
            for register in feature.handlers:
                register(app, services)
        app.add_handler(TypeHandler(Update, persist_after_update), group=1000)
        app.add_error_handler(on_error)

        retry = StartRetry(self.telegram, settings.start_timeout, urlsplit(settings.api_url).netloc)
        shared = db.dialect != "sqlite"  # several instances may share a PostgreSQL database
        if shared:
            await retry(app.bot.initialize)  # the Application (and its persistence) when it polls
        else:
            await retry(app.initialize)
        await orgs.set_meta(db, "bot_username", app.bot.username)
        await self._beat()
        for feature in self.features:
            for startup in feature.startup:
                await startup(services)
        await retry(lambda: set_default_menus(services))
        await services.outbox.start()
        if shared:
            self._poller = asyncio.create_task(self._poll_when_elected(), name="poller")
        else:
            await self._take_updates(retry)
        self._running = True
        if self._server is not None:
            await self._server.start()
        log.info("bot started as @%s", services.bot_username)

    async def start_in_background(self, on_failure: Callable[[], None]) -> None:
        """``start(serve_http=False)`` for ``run``'s lifespan, which serves /health meanwhile;
        a failure is kept in ``failure`` and reported to ``on_failure`` (which ends the server)."""
        try:
            await self.start(serve_http=False)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            self.failure = exc
            on_failure()

    async def receive_update(self, data: dict) -> bool:
        """Handle one update from the webhook, one at a time as polling would; False while the
        bot is not running (Telegram then delivers it again)."""
        app = self.application
        if app is None or not self._running:
            return False
        try:
            update = Update.de_json(data, app.bot)
        except (TypeError, KeyError, ValueError, AttributeError):
            raise ValueError("not a Telegram update") from None
        async with self._updates_lock:
            await app.process_update(update)
        return True

    async def _take_updates(self, retry=None) -> None:
        app, settings = self.application, self.settings

        async def once(call):
            return await call()

        retry = retry or once
        if settings.webhook_url:
            # Updates Telegram holds while no instance answered are delivered, not dropped.
            await retry(lambda: app.bot.set_webhook(
                settings.webhook_url, secret_token=settings.webhook_token,
                allowed_updates=Update.ALL_TYPES, drop_pending_updates=False))
        else:
            await retry(lambda: app.updater.start_polling(
                allowed_updates=Update.ALL_TYPES, error_callback=polling_error(self.telegram)))
        self.telegram.reached()
        await app.start()
        app.job_queue.run_repeating(self._sweep_job, interval=self.settings.sweep_seconds,
                                    first=min(1.0, self.settings.sweep_seconds), name="sweep")

    async def _poll_when_elected(self) -> None:
        """Two pollers of one bot take each other's updates: with several instances, the one
        holding the ``poller`` lock polls (and runs the sweep job); the others serve the HTTP
        API and take over when it dies. Conversations are read from the database at takeover,
        so the new poller continues them where the old one left them."""
        while True:
            async with self.services.db.exclusive(POLLER_LOCK) as mine:
                if mine:
                    log.info("this instance takes the Telegram updates")
                    await self.application.initialize()
                    await self._take_updates()
                    await asyncio.Event().wait()  # until stopped
            await asyncio.sleep(1.0)

    async def _sweep_job(self, context: BotContext) -> None:
        await self._beat(renew=True)
        await self.sweep()

    async def _beat(self, renew: bool = False) -> None:
        """Tell `admin restore` a bot runs on this database: at start, then renewed by the sweep
        job when half its time is gone (one small write every few minutes at most)."""
        services = self.services
        lasts = max(3 * self.settings.sweep_seconds, BEAT_SECONDS)
        if renew and time.monotonic() < self._beat_renew_at:
            return
        try:
            await backup.beat(services.db, socket.gethostname(), os.getpid(),
                              services.now() + timedelta(seconds=lasts))
            self._beat_renew_at = time.monotonic() + lasts / 2
        except Exception:  # the database refuses a write now; the sweeps report it themselves
            log.warning("could not renew the running heartbeat")

    async def sweep(self, now: datetime | None = None) -> None:
        """Run every feature's sweeps once; each logs and survives its own failure."""
        services = self.services
        moment = now or services.now()
        for name, sweep in self.sweeps:
            with self.metrics.sweep_seconds.labels(name).time():
                try:
                    # Several instances on one database: one runs a sweep at a time, the others
                    # skip it this round.
                    async with services.db.exclusive(f"sweep:{name}") as mine:
                        if mine:
                            await sweep(services, moment)
                except Exception:  # one broken sweep must not stop the others
                    log.exception("sweep %s failed", name)

    async def stop(self) -> None:
        """Stop in reverse order; harmless when called twice or after a failed start."""
        if self._server is not None:
            await self._server.stop()
        app, services = self.application, self.services
        if app is not None:
            if self._running:
                try:
                    await backup.stopped(services.db)
                except Exception:  # a restore then asks for --force, nothing worse
                    log.warning("could not clear the running heartbeat")
                await services.outbox.stop()
                if app.updater.running:
                    await app.updater.stop()
                if app.running:
                    await app.stop()
            if self._poller is not None:  # after stopping: its lock goes with it
                self._poller.cancel()
                await asyncio.gather(self._poller, return_exceptions=True)
                self._poller = None
            await app.shutdown()
            await app.bot.shutdown()  # initialized apart when another instance polled
            self.application = None
        if services is not None:
            await services.db.close()
            self.services = None
        self._running = False


def admin_parser(features: tuple[Feature, ...] = FEATURES) -> argparse.ArgumentParser:
    """``inburgerbot admin``: the core subcommands and every feature's own."""
    return admin.build_parser([add for feature in features for add in feature.admin])


async def run_admin(argv: list[str], settings: Settings, clock: Clock | None = None):
    """Parse and run one admin command; returns what to print. Raises ``Refused``."""
    return await admin.run(admin_parser(), argv, settings, clock or Clock())
