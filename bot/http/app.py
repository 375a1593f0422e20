"""The bot's HTTP server (issue 2, 3, 4): schools' API, /health, /verify.

bot/app.py creates it with every feature's routers before the bot starts (for ``run``, uvicorn's
lifespan starts and stops the bot, see PTB-NOTES), so routes reach the services through
``request.app.state.bot`` at request time.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Iterable
from contextlib import asynccontextmanager
from typing import Protocol

from fastapi import APIRouter, FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse

from bot.http.docs import add_offline_docs
from bot.reachability import Reachability
from bot.services import Services


class Lifecycle(Protocol):
    """What the HTTP app needs of the bot (bot.app.BotApp)."""

    services: Services | None
    telegram: Reachability
    running: bool
    on_failure: Callable[[], None]

    async def start_in_background(self, on_failure: Callable[[], None]) -> None: ...

    async def stop(self) -> None: ...


def services(request: Request) -> Services:
    """FastAPI dependency: the running bot's services; 503 with Retry-After while it starts
    (``run`` serves HTTP before the Bot API was reached)."""
    bot = request.app.state.bot
    if not bot.running:
        raise HTTPException(status_code=503, detail="the bot is starting; retry later",
                            headers={"Retry-After": "5"})
    return bot.services


def create_http_app(bot: Lifecycle, routers: Iterable[APIRouter]) -> FastAPI:
    """The FastAPI app with every feature's routers. Its lifespan starts and stops the bot when
    uvicorn serves it with ``lifespan="on"`` (``inburgerbot run``); the embedded server used by
    the demo and the tests runs with the lifespan off, as the bot starts it."""

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        # Start in the background, so /health answers while the Bot API is still unreachable.
        starting = asyncio.create_task(bot.start_in_background(bot.on_failure))
        try:
            yield
        finally:
            starting.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await starting
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
        cannot be written now (``database`` then says why: locked, full, read-only) or the
        Telegram Bot API is not reached (``telegram``: "starting", "unreachable"); while the
        bot has not started yet the answer is 503."""
        bot = request.app.state.bot
        status = bot.telegram.status
        if status == "connected" and not bot.running:
            status = "starting"
        telegram = {"telegram": status}
        if bot.telegram.problem:
            telegram["telegram_problem"] = bot.telegram.problem
        svc = bot.services
        if not bot.running:  # 503: a balancer sends no traffic, an orchestrator waits
            database = "starting" if svc is None else "open"
            return JSONResponse({"status": "degraded", "database": database, **telegram},
                                status_code=503)
        problem = await svc.db.write_check()
        ok = problem is None and status == "connected"
        body: dict = {"status": "ok" if ok else "degraded",
                      "database": "writable" if problem is None else problem, **telegram}
        body["outbox"] = await svc.outbox.stats()
        return body

    for router in routers:
        app.include_router(router)
    return app
