"""Run an ASGI app with uvicorn as a task in the current event loop, on a pre-bound socket, so
the demo, the sandbox and tests can use port 0 and learn the real port.

The embedded server leaves signals to the hosting process (uvicorn would otherwise capture
SIGINT/SIGTERM for itself and re-raise them later) and stops at once when asked.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import Iterator

import uvicorn


class EmbeddedServer(uvicorn.Server):
    """uvicorn without signal handling that stops at once, not at its next 0.1 s tick."""

    def __init__(self, config: uvicorn.Config) -> None:
        super().__init__(config)
        self._exit_requested = asyncio.Event()

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield

    def request_exit(self) -> None:
        self.should_exit = True
        self._exit_requested.set()

    async def main_loop(self) -> None:
        counter = 0
        while not await self.on_tick(counter):
            counter = (counter + 1) % 864000
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._exit_requested.wait(), 0.1)


class UvicornTask:
    """``await start()`` serves ``app`` in a background task; ``await stop()`` ends it."""

    def __init__(self, app, host: str = "127.0.0.1", port: int = 0):
        self.app, self.host, self.port = app, host, port
        self._server: EmbeddedServer | None = None
        self._task: asyncio.Task | None = None
        self._socket: socket.socket | None = None

    def bind(self) -> None:
        """Bind the listening socket now, so the real port is known before serving."""
        if self._socket is not None:
            return
        family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
        # proto=IPPROTO_TCP: asyncio sets TCP_NODELAY on accepted connections only when the
        # listening socket says TCP; without it every keep-alive response waits ~40 ms (Nagle
        # against delayed ACKs), as uvicorn writes headers and body separately.
        sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind((self.host, self.port))
        except OSError:
            sock.close()
            raise
        self._socket = sock
        self.port = sock.getsockname()[1]

    async def start(self) -> None:
        if self._task is not None:
            raise RuntimeError("already started")
        self.bind()
        sock = self._socket
        config = uvicorn.Config(self.app, log_level="warning", log_config=None, lifespan="off",
                                ws="none", access_log=False, timeout_graceful_shutdown=2)
        self._server = EmbeddedServer(config)
        self._task = asyncio.create_task(self._server.serve(sockets=[sock]))
        while not self._server.started:
            if self._task.done():
                self._task.result()  # re-raise the start-up error
                raise RuntimeError("server stopped during start-up")
            await asyncio.sleep(0.005)

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    async def stop(self) -> None:
        if self._task is None or self._server is None:
            if self._socket is not None:  # bound, never served
                self._socket.close()
                self._socket = None
            return
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
