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
from dataclasses import replace
from datetime import datetime

from telegram import Update
from telegram.ext import Application, ContextTypes, Defaults, TypeHandler

from bot import admin
from bot.clock import Clock
from bot.config import Settings
from bot.context import BotContext
from bot.errors import on_error
from bot.features import (
    ACTIVITIES,
    AFMELDEN,
    ATTENDANCE,
    CASELOAD,
    GATE,
    HELP,
    KLACHTEN,
    LANGUAGE,
    ONBOARDING,
    OUTBOX,
    OVERSTAP,
    PRIVACY,
    ROOSTER,
    UREN,
    VERZUIM,
    Feature,
    command_rank,
)
from bot.http.app import create_http_app
from bot.http.ratelimit import KeyRateLimit
from bot.i18n import I18n
from bot.menus import set_default_menus
from bot.outbox.dispatcher import Dispatcher
from bot.outbox.ratelimit import SharedRateLimiter
from bot.persistence import SqlitePersistence
from bot.secret_key import open_database
from bot.services import Services
from bot.serving import UvicornTask
from storage import orgs

log = logging.getLogger(__name__)
# With several instances on PostgreSQL, the holder of this advisory lock polls Telegram.
POLLER_LOCK = "poller"

# Registration order: the gate first (it resolves the person and language of every update),
# the help fallbacks last (they answer whatever no feature took).
FEATURES: tuple[Feature, ...] = (
    GATE, ONBOARDING, LANGUAGE, PRIVACY, KLACHTEN, OVERSTAP, ATTENDANCE, VERZUIM, UREN, AFMELDEN,
    CASELOAD, OUTBOX, ROOSTER, ACTIVITIES, HELP,
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
                 features: tuple[Feature, ...] = FEATURES):
        self.settings = settings
        self.clock = clock or Clock()
        self.features = features
        self.sweeps = [sweep for feature in features for sweep in feature.sweeps]
        self.http = create_http_app(self, [r for feature in features for r in feature.routes])
        self._server: UvicornTask | None = None
        self.services: Services | None = None
        self.application: Application | None = None
        self._poller: asyncio.Task | None = None
        self._running = False

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
               .token(settings.token)
               .base_url(settings.api_url)
               .base_file_url(settings.file_api_url or file_url_for(settings.api_url))
               .persistence(SqlitePersistence(db))
               .context_types(ContextTypes(context=BotContext))
               .defaults(Defaults(tzinfo=settings.tz))
               .rate_limiter(limiter)  # one limiter for replies and notifications alike
               .concurrent_updates(False)
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
        app.bot_data["services"] = services
        for feature in self.features:
            for register in feature.handlers:
                register(app, services)
        app.add_handler(TypeHandler(Update, persist_after_update), group=1000)
        app.add_error_handler(on_error)

        shared = db.dialect != "sqlite"  # several instances may share a PostgreSQL database
        if shared:
            await app.bot.initialize()  # the Application (and its persistence) when it polls
        else:
            await app.initialize()
        await orgs.set_meta(db, "bot_username", app.bot.username)
        for feature in self.features:
            for startup in feature.startup:
                await startup(services)
        await set_default_menus(services)
        await services.outbox.start()
        if shared:
            self._poller = asyncio.create_task(self._poll_when_elected(), name="poller")
        else:
            await self._take_updates()
        self._running = True
        if self._server is not None:
            await self._server.start()
        log.info("bot started as @%s", services.bot_username)

    async def _take_updates(self) -> None:
        app = self.application
        await app.updater.start_polling(allowed_updates=Update.ALL_TYPES)
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
        await self.sweep()

    async def sweep(self, now: datetime | None = None) -> None:
        """Run every feature's sweeps once; each logs and survives its own failure."""
        services = self.services
        moment = now or services.now()
        for name, sweep in self.sweeps:
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
