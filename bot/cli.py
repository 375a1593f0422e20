"""The `inburgerbot` command: run, demo, admin (issue 2)."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys

from telegram.error import InvalidToken

from bot.config import ConfigError, Settings
from bot.reachability import TelegramUnreachable
from storage.database import DatabaseBusy, DatabaseUnusable

COMMANDS = ("run", "demo", "admin")


def configure_logging(level: int = logging.INFO) -> None:
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # httpx logs every request URL at INFO, and the Bot API URL contains the token.
    for noisy in ("httpx", "httpcore", "apscheduler", "telegram.ext.Updater"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


async def serve(settings: Settings) -> None:
    """Bot, scheduler and HTTP server in one loop; uvicorn's lifespan starts and stops the bot."""
    import uvicorn

    from bot.app import BotApp
    from bot.secret_key import open_database

    # Check the database before serving: uvicorn would log a failed start-up and exit 0.
    await (await open_database(settings)).close()
    host, port = settings.http
    bot = BotApp(settings)
    config = uvicorn.Config(bot.http, host=host, port=port, lifespan="on", log_level="info",
                            access_log=False)
    server = uvicorn.Server(config)
    bot.on_failure = lambda: setattr(server, "should_exit", True)
    await server.serve()
    if bot.failure is not None:  # the bot gave up starting; the server stopped for it
        raise bot.failure


def run_help() -> str:
    """``inburgerbot run --help``: what run does and every setting it reads (no token needed)."""
    from bot.config import SETTINGS

    lines = ["usage: inburgerbot run", "",
             "Starts long polling, the scheduler and the HTTP server in one event loop; stops "
             "cleanly on SIGINT or SIGTERM.", "", "settings (environment variables):"]
    for setting in SETTINGS:
        default = "required" if setting.default is None else f"default {setting.default}"
        lines.append(f"  {setting.name} ({default})")
        lines.append(f"      {setting.help}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(prog="inburgerbot",
                                     description="Telegram bot for inburgering language courses")
    parser.add_argument("command", choices=COMMANDS,
                        help="run: start the bot; demo: offline sandbox with demo data; "
                             "admin: the gemeente's administration")
    if not argv or argv[0] in ("-h", "--help"):
        parser.print_help()
        return 0 if argv else 2
    command, rest = argv[0], argv[1:]
    if command == "run" and rest:
        if rest[0] in ("-h", "--help"):
            print(run_help())
            return 0
        print(f"inburgerbot run: takes no arguments (settings are environment variables), got "
              f"{rest[0]!r}", file=sys.stderr)
        return 2
    if command not in COMMANDS:
        print(f"inburgerbot: unknown command {command!r} (choose run, demo or admin)",
              file=sys.stderr)
        return 2
    try:
        if command == "admin":
            from bot.app import run_admin
            from bot.refusal import Refused

            settings = Settings.from_env(require_token=False)
            try:
                print(asyncio.run(run_admin(rest, settings)))
            except Refused as exc:
                print(f"error: {exc}", file=sys.stderr)
                return 2
            return 0
        # The demo's terminal is a chat: only warnings interrupt it.
        configure_logging(logging.INFO if command == "run" else logging.WARNING)
        if command == "run":
            try:
                asyncio.run(serve(Settings.from_env()))
            except TelegramUnreachable as exc:
                print(f"inburgerbot: {exc}", file=sys.stderr)
                return 3
            except InvalidToken:
                print("inburgerbot: the Bot API refused TELEGRAM_BOT_TOKEN", file=sys.stderr)
                return 2
            return 0
        from bot.demo import run_demo

        return asyncio.run(run_demo(rest))
    except (ConfigError, DatabaseUnusable, DatabaseBusy) as exc:
        print(f"inburgerbot: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
