"""Run an ASGI app with uvicorn as a task in the current event loop, on a pre-bound socket, so
tests and the demo can use port 0 and learn the real port."""

from __future__ import annotations

import asyncio
import socket

import uvicorn


class UvicornTask:
    def __init__(self, app, host: str = "127.0.0.1", port: int = 0):
        self.app, self.host, self.port = app, host, port
        self._server: uvicorn.Server | None = None
        self._task: asyncio.Task | None = None

    async def start(self) -> None:
        # proto=IPPROTO_TCP: asyncio sets TCP_NODELAY on accepted connections only when the
        # listening socket says TCP; without it every keep-alive response waits ~40 ms (Nagle
        # against delayed ACKs), as uvicorn writes headers and body separately.
        sock = socket.socket(socket.AF_INET6 if ":" in self.host else socket.AF_INET,
                             socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self.host, self.port))
        self.port = sock.getsockname()[1]
        config = uvicorn.Config(self.app, log_level="warning", lifespan="off", access_log=False)
        self._server = uvicorn.Server(config)
        self._task = asyncio.create_task(self._server.serve(sockets=[sock]))
        while not self._server.started:
            if self._task.done():
                self._task.result()
            await asyncio.sleep(0.01)

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    async def stop(self) -> None:
        if self._server is not None and self._task is not None:
            self._server.should_exit = True
            await self._task
