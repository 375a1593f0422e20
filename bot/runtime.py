"""The bot's lifecycle in one event loop (issue 2): database, catalogs, the python-telegram-bot
Application with long polling, and the scheduler sweeps that later features register into.

``inburgerbot run`` starts this inside uvicorn's lifespan (see PTB-NOTES: code after
``uvicorn.Server.serve()`` never runs on SIGTERM); tests and the demo call ``start``/``stop``.
"""

from __future__ import annotations

import logging
from datetime import datetime

from telegram import Update
from telegram.ext import Application, ContextTypes, Defaults

from bot.clock import Clock
from bot.config import Settings
from bot.context import BotContext
from bot.errors import on_error
from bot.features import command_rank, feature_modules
from bot.i18n import I18n
from bot.menus import set_default_menus
from bot.persistence import SqlitePersistence
from bot.services import Services
from storage import orgs
from storage.database import Database

log = logging.getLogger(__name__)


def file_url_for(api_url: str) -> str:
    """python-telegram-bot's base_file_url for a given base_url (``.../bot`` -> ``.../file/bot``)."""
    if api_url.endswith("/bot"):
        return api_url[: -len("/bot")] + "/file/bot"
    return api_url.rstrip("/") + "/file/bot"


async def persist_after_update(update: object, context: BotContext) -> None:
    """Write conversation state and chat data right after each update, not once a minute."""
    await context.application.update_persistence()


class BotRuntime:
    """Owns every long-lived resource; ``start()`` then ``stop()``."""

    def __init__(self, settings: Settings, clock: Clock | None = None):
        self.settings = settings
        self.clock = clock or Clock()
        self.services: Services | None = None
        self.application: Application | None = None
        self._running = False

    async def start(self) -> None:
        settings = self.settings
        db = await Database.open(settings.db_path)
        services = Services(settings=settings, db=db, clock=self.clock, i18n=I18n(settings.tz))
        self.services = services
        modules = feature_modules()
        menu: set[str] = set()
        for module in modules:
            services.commands.extend(getattr(module, "COMMANDS", ()))
            services.sweeps.extend(getattr(module, "SWEEPS", ()))
            menu.update(getattr(module, "MENU", ()))
        services.extras["menu_commands"] = menu
        services.commands.sort(key=lambda command: command_rank(command.name))

        builder = (Application.builder()
                   .token(settings.token)
                   .base_url(settings.api_url)
                   .base_file_url(settings.file_api_url or file_url_for(settings.api_url))
                   .persistence(SqlitePersistence(db))
                   .context_types(ContextTypes(context=BotContext))
                   .defaults(Defaults(tzinfo=settings.tz))
                   .concurrent_updates(False))
        for module in modules:
            configure = getattr(module, "configure_builder", None)
            if configure is not None:
                configure(builder, services)
        app = builder.build()
        app.bot_data["services"] = services
        for module in modules:
            register = getattr(module, "register", None)
            if register is not None:
                register(app, services)
        from telegram.ext import TypeHandler

        app.add_handler(TypeHandler(Update, persist_after_update), group=1000)
        app.add_error_handler(on_error)
        self.application = app

        await app.initialize()
        services.bot = app.bot
        services.bot_username = app.bot.username
        await orgs.set_meta(db, "bot_username", app.bot.username)
        for module in modules:
            startup = getattr(module, "startup", None)
            if startup is not None:
                await startup(services)
        await set_default_menus(services)
        await app.updater.start_polling(allowed_updates=Update.ALL_TYPES)
        await app.start()
        app.job_queue.run_repeating(self._sweep_job, interval=settings.sweep_seconds,
                                    first=min(1.0, settings.sweep_seconds), name="sweep")
        self._running = True
        log.info("bot started as @%s", services.bot_username)

    async def _sweep_job(self, context: BotContext) -> None:
        await self.sweep()

    async def sweep(self, now: datetime | None = None) -> None:
        """Run every registered sweep once; each logs and survives its own failure."""
        services = self.services
        moment = now or services.now()
        for name, sweep in services.sweeps:
            try:
                await sweep(services, moment)
            except Exception:  # one broken sweep must not stop the others
                log.exception("sweep %s failed", name)

    async def stop(self) -> None:
        app, services = self.application, self.services
        if app is not None:
            if self._running:
                for module in reversed(feature_modules()):
                    shutdown = getattr(module, "shutdown", None)
                    if shutdown is not None:
                        await shutdown(services)
                if app.updater.running:
                    await app.updater.stop()
                if app.running:
                    await app.stop()
            await app.shutdown()
        if services is not None:
            await services.db.close()
        self._running = False
