"""`inburgerbot demo`: the embedded default (issue 2). No token, no network: our sandbox Bot API
server, the real bot pointed at it, a fresh SQLite file with demo data, and a terminal chat in
which you talk to the bot as one of the demo people.

In the chat: type text or /commands; a number presses that button of the last message with
buttons; `:people` lists the demo people, `:as N` switches person, `:link` sends the current
person's link code, `:help`, `:quit`.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from bot.app import BotApp
from bot.clock import Clock
from bot.config import ConfigError, Settings, _host_port
from bot.demo_data import DemoPerson, seed
from bot.sandbox import SandboxClient, SandboxServer, SandboxUser
from storage.database import Database

HELP = """Type a message or a /command and press Enter to send it as the current person.
  1, 2, ...   press that button of the last message that has buttons
  :people     list the demo people and their link codes
  :as N       talk as person N (their chat keeps its own history)
  :link       send /start with the current person's link code
  :help       this help
  :quit       stop the demo (Ctrl-D works too)"""


def show(message, out=sys.stdout) -> None:
    """Print one bot message with its numbered buttons."""
    prefix = "bot (edited)" if message.edited else "bot"
    text = message.text or ""
    print(f"\n{prefix}: " + text.replace("\n", "\n     "), file=out)
    if message.document:
        print(f"     [document: {message.document.get('file_name', 'file')}]", file=out)
    number = 1
    for row in message.buttons:
        labels = []
        for label, _data in row:
            labels.append(f"[{number}] {label}")
            number += 1
        print("     " + "   ".join(labels), file=out)


class Terminal:
    """The interactive chat: one sandbox user per demo person."""

    def __init__(self, client: SandboxClient, demo_people: list[DemoPerson]):
        self.client = client
        self.people = demo_people
        self.users: dict[int, SandboxUser] = {}
        self.current = 0
        self.last_with_buttons = None
        self._printer: asyncio.Task | None = None

    async def user(self, index: int) -> SandboxUser:
        person = self.people[index]
        if index not in self.users:
            first, _, last = person.name.partition(" ")
            self.users[index] = await self.client.user(person.user_id, first, last_name=last,
                                                       language_code=person.language)
        return self.users[index]

    def list_people(self) -> None:
        for index, person in enumerate(self.people, start=1):
            marker = "*" if index - 1 == self.current else " "
            print(f" {marker} {index}. {person.name:<20} {person.role:<12} "
                  f"app language {person.language:<3} link: /start {person.code}")

    async def _print_replies(self, user: SandboxUser) -> None:
        while True:
            try:
                message = await user.wait_for_message(timeout=30)
            except AssertionError:
                continue
            if message.buttons:
                self.last_with_buttons = message
            show(message)
            print("> ", end="", flush=True)

    async def switch(self, index: int) -> None:
        if self._printer:
            self._printer.cancel()
        self.current = index
        self.last_with_buttons = None
        user = await self.user(index)
        person = self.people[index]
        print(f"\nYou are now {person.name} ({person.role}). "
              f"To link this chat, send: /start {person.code}")
        self._printer = asyncio.create_task(self._print_replies(user))

    async def handle(self, line: str) -> bool:
        """One line typed by the person; False means quit."""
        line = line.strip()
        if not line:
            return True
        if line in (":quit", ":q", ":exit"):
            return False
        if line == ":help":
            print(HELP)
        elif line == ":people":
            self.list_people()
        elif line.startswith(":as"):
            arg = line[3:].strip()
            if not arg.isdigit() or not 1 <= int(arg) <= len(self.people):
                print(f"Choose a person from 1 to {len(self.people)} (see :people).")
            else:
                await self.switch(int(arg) - 1)
        elif line == ":link":
            user = await self.user(self.current)
            await user.send(f"/start {self.people[self.current].code}")
        elif line.isdigit() and self.last_with_buttons is not None:
            user = await self.user(self.current)
            index = int(line) - 1
            count = sum(len(row) for row in self.last_with_buttons.buttons)
            if not 0 <= index < count:
                print(f"That message has buttons 1 to {count}.")
            else:
                await user.press(index, self.last_with_buttons)
        else:
            user = await self.user(self.current)
            await user.send(line)
        return True

    async def run(self, lines) -> None:
        print(HELP)
        print()
        self.list_people()
        await self.switch(0)
        while True:
            print("> ", end="", flush=True)
            line = await lines()
            if line is None or not await self.handle(line):
                break
            await asyncio.sleep(0.3)  # let the reply print before the next prompt
        if self._printer:
            self._printer.cancel()


async def read_stdin() -> str | None:
    line = await asyncio.to_thread(sys.stdin.readline)
    return line if line else None


async def run_demo(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="inburgerbot demo", description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", default="inburgerbot-demo.db",
                        help="SQLite file for the demo (made fresh at every start)")
    parser.add_argument("--http", default="127.0.0.1:0",
                        help="host:port of the bot's HTTP server (port 0: any free port)")
    args = parser.parse_args(argv)
    try:
        host, port = _host_port("--http", args.http)
    except ConfigError as exc:
        print(f"inburgerbot demo: {exc}", file=sys.stderr)
        return 2
    db_path = Path(args.db)
    for suffix in ("", "-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)

    sandbox = SandboxServer()
    await sandbox.start()
    settings = Settings.defaults(token=sandbox.token, api_url=sandbox.bot_api_url,
                                 file_api_url=sandbox.file_url, db_path=db_path,
                                 http=(host, port), sweep_seconds=30.0)
    seeding_db = await Database.open(db_path)
    demo_people = await seed(seeding_db, Clock().now(), settings.tz)
    await seeding_db.close()
    app = BotApp(settings, clock=Clock())
    try:
        await app.start()
        print(f"inburgerbot demo: sandbox Telegram at {sandbox.url}, bot HTTP at {app.url}, "
              f"database {db_path}")
        async with SandboxClient(sandbox.url) as client:
            await Terminal(client, demo_people).run(read_stdin)
    finally:
        await app.stop()
        await sandbox.stop()
    print("demo stopped")
    return 0
