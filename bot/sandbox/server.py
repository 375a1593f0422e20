"""The sandbox Telegram Bot API server: a Starlette app and an embeddable uvicorn runner.

``POST|GET {url}/bot{token}/{method}`` speaks the Bot API as python-telegram-bot uses it,
``GET {url}/file/bot{token}/{file_path}`` serves files, ``{url}/sandbox/...`` is the control API
used by :mod:`bot.sandbox.driver`.
"""

from __future__ import annotations

import logging
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from bot.serving import UvicornTask

from .botapi import canonical_name, find_method
from .control import control_routes
from .errors import NOT_FOUND, UNAUTHORIZED, ApiError
from .params import read_params
from .state import SandboxState
from .webhook import WebhookDelivery

__all__ = ["SandboxServer", "SandboxState", "create_app"]

logger = logging.getLogger(__name__)


def _error(error: ApiError) -> JSONResponse:
    return JSONResponse(error.payload(), status_code=error.code)


async def bot_api(request: Request) -> Response:
    """One Bot API call: check the token, find the method, run it, answer like Telegram."""
    state: SandboxState = request.app.state.sandbox
    if request.path_params["token"] != state.token:
        return _error(ApiError(401, UNAUTHORIZED))
    name = request.path_params["method"]
    handler = find_method(name)
    if handler is None:
        return _error(ApiError(404, NOT_FOUND))
    state.count_call(canonical_name(name))
    try:
        params = await read_params(request)
        result = await handler(state, params)
    except ApiError as error:
        logger.debug("bot api %s -> %s", canonical_name(name), error.code)
        return _error(error)
    except Exception:
        logger.exception("sandbox: internal error in %s", canonical_name(name))
        return _error(ApiError(500, "Internal Server Error"))
    return JSONResponse({"ok": True, "result": result})


async def download_file(request: Request) -> Response:
    """File download for PTB's File.download_*()."""
    state: SandboxState = request.app.state.sandbox
    if request.path_params["token"] != state.token:
        return _error(ApiError(401, UNAUTHORIZED))
    stored = state.file_by_path(request.path_params["file_path"])
    if stored is None:
        return _error(ApiError(404, NOT_FOUND))
    return Response(stored.data, media_type=stored.mime_type or "application/octet-stream")


async def _api_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    return _error(exc)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    description = NOT_FOUND if exc.status_code == 404 else exc.detail
    return _error(ApiError(exc.status_code, description))


def create_app(state: SandboxState) -> Starlette:
    """The ASGI app serving the Bot API, file downloads and the /sandbox control API."""
    routes = [
        Route("/bot{token}/{method}", bot_api, methods=["GET", "POST"]),
        Route("/file/bot{token}/{file_path:path}", download_file, methods=["GET"]),
        *control_routes(),
    ]
    app = Starlette(
        routes=routes,
        exception_handlers={ApiError: _api_error, HTTPException: _http_error},
    )
    app.state.sandbox = state
    return app


class SandboxServer:
    """Runs the sandbox in the current event loop on a pre-bound local socket."""

    def __init__(
        self,
        token: str = "1000001:sandbox-token",
        bot_username: str = "inburger_sandbox_bot",
        limits: bool = False,
        global_limit: int = 30,
        chat_rate: float = 1.0,
        chat_burst: int = 3,
    ) -> None:
        self.token = token
        self.state = SandboxState(
            token=token,
            bot_username=bot_username,
            limits=limits,
            global_limit=global_limit,
            chat_rate=chat_rate,
            chat_burst=chat_burst,
        )
        self.app = create_app(self.state)
        self._http: UvicornTask | None = None
        self._webhook = WebhookDelivery(self.state)

    @property
    def url(self) -> str:
        """Base URL, e.g. ``http://127.0.0.1:PORT``."""
        if self._http is None:
            raise RuntimeError("SandboxServer is not started")
        return self._http.url

    @property
    def bot_api_url(self) -> str:
        """For ``ApplicationBuilder().base_url(...)``."""
        return f"{self.url}/bot"

    @property
    def file_url(self) -> str:
        """For ``ApplicationBuilder().base_file_url(...)``."""
        return f"{self.url}/file/bot"

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> None:
        """Bind the socket and serve in a background task of the running loop."""
        if self._http is not None:
            raise RuntimeError("SandboxServer already started")
        self.state.closed = False
        http = UvicornTask(self.app, host, port)
        await http.start()
        self._http = http
        self._webhook.start()

    async def stop(self) -> None:
        """End long polls, stop uvicorn and release the socket."""
        if self._http is None:
            return
        self.state.close()
        http, self._http = self._http, None
        await http.stop()
        await self._webhook.stop()

    async def __aenter__(self) -> SandboxServer:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: Any) -> None:
        await self.stop()
