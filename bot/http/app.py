"""The bot's HTTP server (issue 2, 3, 4): schools' API, /health, /verify.

The app is created before the runtime starts (uvicorn's lifespan starts and stops the bot, see
PTB-NOTES), so routes reach the services through ``request.app.state.runtime`` at request time.
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from typing import TYPE_CHECKING

from fastapi import FastAPI, Request

from bot.features import feature_modules
from bot.services import Services

if TYPE_CHECKING:
    from bot.runtime import BotRuntime


def services(request: Request) -> Services:
    """FastAPI dependency: the running bot's services."""
    return request.app.state.runtime.services


def create_http_app(runtime: "BotRuntime", manage_runtime: bool = False) -> FastAPI:
    """The FastAPI app; with ``manage_runtime`` its lifespan starts and stops the bot."""

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if manage_runtime:
            await runtime.start()
        try:
            yield
        finally:
            if manage_runtime:
                await runtime.stop()

    app = FastAPI(title="inburgerbot", version="0.1.0", lifespan=lifespan,
                  description="API for taalscholen and gemeenten; health and document verification.")
    app.state.runtime = runtime

    @app.get("/health", tags=["health"])
    async def health(request: Request) -> dict:
        """Liveness and delivery state."""
        svc = services(request)
        body: dict = {"status": "ok"}
        if svc.outbox is not None:
            body["outbox"] = await svc.outbox.stats()
        return body

    for module in feature_modules():
        router = getattr(module, "router", None)
        if router is not None:
            app.include_router(router)
    return app
