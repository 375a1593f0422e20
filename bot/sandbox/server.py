"""The sandbox Telegram Bot API server: a Starlette app and an embeddable uvicorn runner.

``POST|GET {url}/bot{token}/{method}`` speaks the Bot API as python-telegram-bot uses it,
``GET {url}/file/bot{token}/{file_path}`` serves files, ``{url}/sandbox/...`` is the control API
used by :mod:`bot.sandbox.driver`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
from collections.abc import Iterator
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from .botapi import canonical_name, find_method
from .control import control_routes
from .errors import NOT_FOUND, UNAUTHORIZED, ApiError
from .params import read_params
from .state import SandboxState

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


class _EmbeddedServer(uvicorn.Server):
    """uvicorn without signal handling (the hosting process owns its signals) that stops
    at once when asked, instead of at its next 0.1 s tick."""

    def __init__(self, config: uvicorn.Config) -> None:
        super().__init__(config)
        self._exit_requested = asyncio.Event()

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield

    def request_exit(self) -> None:
        """Ask the main loop to end now."""
        self.should_exit = True
        self._exit_requested.set()

    async def main_loop(self) -> None:
        counter = 0
        while not await self.on_tick(counter):
            counter = (counter + 1) % 864000
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._exit_requested.wait(), 0.1)


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
        self._server: _EmbeddedServer | None = None
        self._task: asyncio.Task[None] | None = None
        self._socket: socket.socket | None = None
        self._url: str | None = None

    @property
    def url(self) -> str:
        """Base URL, e.g. ``http://127.0.0.1:PORT``."""
        if self._url is None:
            raise RuntimeError("SandboxServer is not started")
        return self._url

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
        if self._task is not None:
            raise RuntimeError("SandboxServer already started")
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        # proto=IPPROTO_TCP lets asyncio set TCP_NODELAY on accepted connections
        # (with proto 0 it does not, and every response waits ~40 ms for a delayed ACK).
        sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind((host, port))
        except OSError:
            sock.close()
            raise
        self._socket = sock
        bound_port = sock.getsockname()[1]
        shown_host = f"[{host}]" if family == socket.AF_INET6 else host
        self._url = f"http://{shown_host}:{bound_port}"
        config = uvicorn.Config(
            self.app,
            log_level="warning",
            log_config=None,  # leave the host process's logging configuration alone
            lifespan="off",
            ws="none",
            access_log=False,
            timeout_graceful_shutdown=2,
        )
        self.state.closed = False
        self._server = _EmbeddedServer(config)
        self._task = asyncio.create_task(self._server.serve(sockets=[sock]))
        await self._wait_started()

    async def _wait_started(self) -> None:
        assert self._server is not None and self._task is not None
        while not self._server.started:
            if self._task.done():
                self._task.result()  # re-raise the start-up error
                raise RuntimeError("sandbox server stopped during start-up")
            await asyncio.sleep(0.005)

    async def stop(self) -> None:
        """End long polls, stop uvicorn and release the socket."""
        if self._task is None or self._server is None:
            return
        self.state.close()
        self._server.request_exit()
        try:
            await asyncio.wait_for(asyncio.shield(self._task), timeout=5)
        except TimeoutError:
            self._server.force_exit = True
            await self._task
        finally:
            if self._socket is not None:
                self._socket.close()
            self._task = self._server = self._socket = None

    async def __aenter__(self) -> SandboxServer:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: Any) -> None:
        await self.stop()
