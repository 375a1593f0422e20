"""The bot's HTTP server (issue 2, 3, 4): schools' API, /health, /verify.

bot/app.py creates it with every feature's routers before the bot starts (for ``run``, uvicorn's
lifespan starts and stops the bot, see PTB-NOTES), so routes reach the services through
``request.app.state.bot`` at request time.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import asynccontextmanager
from typing import Protocol

from fastapi import APIRouter, FastAPI, Request

from bot.http.docs import add_offline_docs
from bot.services import Services


class Lifecycle(Protocol):
    """What the HTTP app needs of the bot (bot.app.BotApp)."""

    services: Services | None

    async def start(self, serve_http: bool = True) -> None: ...

    async def stop(self) -> None: ...


def services(request: Request) -> Services:
    """FastAPI dependency: the running bot's services."""
    return request.app.state.bot.services


def create_http_app(bot: Lifecycle, routers: Iterable[APIRouter]) -> FastAPI:
    """The FastAPI app with every feature's routers. Its lifespan starts and stops the bot when
    uvicorn serves it with ``lifespan="on"`` (``inburgerbot run``); the embedded server used by
    the demo and the tests runs with the lifespan off, as the bot starts it."""

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        await bot.start(serve_http=False)
        try:
            yield
        finally:
            await bot.stop()

    app = FastAPI(title="inburgerbot", version="0.1.0", lifespan=lifespan,
                  docs_url=None, redoc_url=None,
                  description="API for taalscholen and gemeenten; health and document "
                              "verification.")
    app.state.bot = bot
    add_offline_docs(app)

    @app.get("/health", tags=["health"])
    async def health(request: Request) -> dict:
        """Liveness and delivery state. ``status`` is "ok", or "degraded" when the database
        cannot be written now (``database`` then says why: locked, full, read-only)."""
        svc = services(request)
        problem = await svc.db.write_check()
        body: dict = {"status": "ok" if problem is None else "degraded",
                      "database": "writable" if problem is None else problem}
        body["outbox"] = await svc.outbox.stats()
        return body

    for router in routers:
        app.include_router(router)
    return app
