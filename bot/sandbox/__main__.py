"""Run the sandbox Bot API server on its own: ``python -m bot.sandbox --port 8081``.

Point the bot at ``http://HOST:PORT/bot`` (base_url) and ``http://HOST:PORT/file/bot``
(base_file_url); drive users with :class:`bot.sandbox.SandboxClient` from another process.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal

from .server import SandboxServer

logger = logging.getLogger("bot.sandbox")


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bot.sandbox", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8081)
    parser.add_argument("--token", default="1000001:sandbox-token")
    parser.add_argument("--bot-username", default="inburger_sandbox_bot")
    parser.add_argument("--limits", action="store_true", help="enforce Telegram-like rate limits")
    return parser.parse_args()


async def _serve(args: argparse.Namespace) -> None:
    server = SandboxServer(token=args.token, bot_username=args.bot_username, limits=args.limits)
    await server.start(args.host, args.port)
    logger.info("sandbox listening at %s (bot API base url %s)", server.url, server.bot_api_url)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    try:
        await stop.wait()
    finally:
        await server.stop()


def main() -> None:
    """Entry point."""
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    asyncio.run(_serve(_arguments()))


if __name__ == "__main__":
    main()
