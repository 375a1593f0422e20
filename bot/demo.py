"""`inburgerbot demo`: the embedded default (issue 2, 16). No token, no network: our sandbox Bot API
server, the real bot pointed at it, a SQLite file with demo data (kept between starts unless
--fresh), and the demo page, or with --terminal a chat in which you talk to the bot as one of the
demo people.

In the chat: type text or /commands; a number presses that button of the last message with
buttons; `:people` lists the demo people, `:as N` switches person, `:link` sends the current
person's link code, `:help`, `:quit`.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import webbrowser
from collections.abc import Mapping
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from bot.app import BotApp, run_admin
from bot.clock import MovableClock
from bot.config import ConfigError, Settings, _host_port
from bot.demo_data import SCHOOL_NAME, DemoPerson, link_all, open_world, school_key
from bot.http.demo_page import DemoContext, demo_router
from bot.refusal import Refused
from bot.sandbox import SandboxClient, SandboxError, SandboxServer, SandboxUser
from conversations.onboarding import PRIVACY_PREFIX
from storage import privacy
from storage.database import Database

HELP = """Type a message or a /command and press Enter to send it as the current person.
  1, 2, ...   press that button of the last message that has buttons
  :people     list the demo people and their link codes
  :as N       talk as person N (their chat keeps its own history)
  :link       send /start with the current person's link code
  :help       this help
  :quit       stop the demo (Ctrl-D works too)"""


def show(message, out=None) -> None:
    """Print one bot message with its numbered buttons."""
    out = out or sys.stdout
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
        """One line typed by the person; False means quit. Never raises on bad input: a line
        the demo cannot use gets a one-line answer saying why."""
        line = line.strip()
        if not line:
            print("(empty line: type a message, a /command, a button number or :help)")
            return True
        try:
            return await self._handle(line)
        except SandboxError as exc:
            print(f"That did not work: {exc.description or exc}. The chat goes on.")
        return True

    async def _handle(self, line: str) -> bool:
        if line.startswith(":"):
            word, _, arg = line.partition(" ")
            if word in (":quit", ":q", ":exit"):
                return False
            if word == ":help":
                print(HELP)
            elif word == ":people":
                self.list_people()
            elif word == ":as":
                arg = arg.strip()
                if not arg.isdigit() or not 1 <= int(arg) <= len(self.people):
                    print(f"Choose a person from 1 to {len(self.people)} (see :people).")
                else:
                    await self.switch(int(arg) - 1)
            elif word == ":link":
                user = await self.user(self.current)
                await user.send(f"/start {self.people[self.current].code}")
            else:
                print(f"Unknown command {word}: type :help for the list.")
        elif line.isdigit() and self.last_with_buttons is not None:
            await self._press(int(line) - 1)
        else:
            user = await self.user(self.current)
            await user.send(line)
        return True

    async def _press(self, index: int) -> None:
        user = await self.user(self.current)
        count = sum(len(row) for row in self.last_with_buttons.buttons)
        if not 0 <= index < count:
            print(f"That message has buttons 1 to {count}.")
            return
        try:
            await user.press(index, self.last_with_buttons)
        except SandboxError:
            print("That button is gone (the message changed): use the buttons of the latest "
                  "message.")

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
        self.close()

    def close(self) -> None:
        """Stop printing the bot's messages."""
        if self._printer:
            self._printer.cancel()


async def read_stdin() -> str | None:
    line = await asyncio.to_thread(sys.stdin.readline)
    return line if line else None


def demo_settings(args: argparse.Namespace, sandbox: SandboxServer,
                  env: Mapping[str, str]) -> Settings:
    """The demo's settings: every ``INBURGERBOT_*`` variable honoured, the sandbox as Telegram;
    without ``INBURGERBOT_DB``/``INBURGERBOT_HTTP`` its own file and any free port."""
    settings = Settings.from_env(env, require_token=False)
    http = args.http or env.get("INBURGERBOT_HTTP") or "127.0.0.1:0"
    return replace(
        settings, token=sandbox.token, api_url=sandbox.bot_api_url,
        file_api_url=sandbox.file_url,
        db_path=Path(args.db or env.get("INBURGERBOT_DB") or "inburgerbot-demo.db"),
        http=_host_port("--http" if args.http else "INBURGERBOT_HTTP", http),
        sweep_seconds=settings.sweep_seconds if env.get("INBURGERBOT_SWEEP_SECONDS") else 30.0)


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="inburgerbot demo", description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", help="SQLite file for the demo (default INBURGERBOT_DB, else "
                                     "inburgerbot-demo.db; kept between starts)")
    parser.add_argument("--fresh", action="store_true",
                        help="start over: delete the demo database and seed it again")
    parser.add_argument("--http", help="host:port of the bot's HTTP server (default "
                                       "INBURGERBOT_HTTP, else 127.0.0.1:0: any free port)")
    parser.add_argument("--no-browser", action="store_true", help="do not open the page")
    parser.add_argument("--terminal", action="store_true",
                        help="chat in this terminal instead of (only) the page")
    return parser.parse_args(argv)


async def run_demo(argv: list[str], env: Mapping[str, str] | None = None) -> int:
    args = parse_args(argv)
    env = os.environ if env is None else env
    sandbox = SandboxServer()
    await sandbox.start()
    try:
        settings = demo_settings(args, sandbox, env)
    except ConfigError as exc:
        await sandbox.stop()
        print(f"inburgerbot demo: {exc}", file=sys.stderr)
        return 2
    db_path = settings.db_path
    if args.fresh:
        for suffix in ("", "-wal", "-shm"):
            Path(str(db_path) + suffix).unlink(missing_ok=True)
    clock = MovableClock()
    settings = replace(settings, ignore_hours=True)  # the page switches them on
    seeding_db = await Database.open(db_path)
    try:
        demo_people = await open_world(seeding_db, clock.now(), settings.tz,
                                       settings.link_code_days)
        if not args.terminal:
            await link_all(seeding_db, demo_people, clock.now())
        key = await school_key(seeding_db)
    finally:
        await seeding_db.close()
    holder: list[BotApp] = []
    context = page_context(sandbox.url, demo_people, key, clock, holder, str(settings.tz))
    app = BotApp(settings, clock=clock, extra_routers=(demo_router(context),))
    holder.append(app)
    try:
        async with SandboxClient(sandbox.url) as client:
            users = []
            for person in demo_people:
                first, _, last = person.name.partition(" ")
                user = await client.user(person.user_id, first, last_name=last,
                                         language_code=person.language)
                users.append(user)
                if not args.terminal:  # linked already: /start opens the chat with the privacy
                    await user.send("/start")  # notice, before the bot's first notification
            await app.start()
            if not args.terminal:
                await asyncio.gather(*(read_notice(app.services.db, person, user)
                                       for person, user in zip(demo_people, users, strict=True)))
            context.ready = True
            print(f"inburgerbot demo: sandbox Telegram at {sandbox.url}, bot HTTP at {app.url}, "
                  f"database {db_path}")
            print(f"The demo school's API key: {key}")
            if args.terminal:
                await Terminal(client, demo_people).run(read_stdin)
            else:
                await wait_for_page(app.url + "/demo/", args.no_browser)
    finally:
        await app.stop()
        await sandbox.stop()
    print("demo stopped")
    return 0


async def read_notice(db: Database, person: DemoPerson, user: SandboxUser,
                      timeout: float = 30.0) -> None:
    """Go on from the privacy notice as the person would: press "Go on" under it in their chat,
    then wait for the greeting with the menu. Recording the notice as read in the demo data
    instead would claim a reading nobody did; a person who read it in an earlier demo run (the
    database is kept) is not asked again, and the chat just shows the greeting."""
    deadline = asyncio.get_running_loop().time() + timeout
    pressed_at = None
    while asyncio.get_running_loop().time() < deadline:
        messages = await user.messages()
        if pressed_at is not None:
            if len(messages) > pressed_at:  # the greeting came after the notice
                return
        elif await privacy.acknowledged(db, person.person_id) is not None:
            return
        else:
            for index, message in enumerate(messages):
                go_on = [label for row in message.buttons for label, data in row
                         if data == PRIVACY_PREFIX + "ok"]
                if go_on:
                    await user.press(go_on[0], message)
                    pressed_at = index + 1
                    break
        await asyncio.sleep(0.1)
    raise RuntimeError(f"the demo could not open the chat of {person.name}")


def page_context(sandbox_url: str, demo_people: list[DemoPerson], key: str | None,
                 clock: MovableClock, holder: list[BotApp], tz: str) -> DemoContext:
    """What the page may do to the running demo (``holder`` gets the BotApp once built)."""

    async def jump(delta: timedelta) -> str:
        now = clock.jump(delta)
        app = holder[0]
        await app.sweep(now)
        app.services.outbox.kick()
        return now.isoformat()

    def set_hours(on: bool) -> None:
        outbox = holder[0].services.outbox
        outbox.settings = replace(outbox.settings, ignore_hours=not on)

    async def suspend() -> str:
        app = holder[0]
        try:
            return str(await run_admin(["school-status", SCHOOL_NAME, "--keurmerk", "suspended"],
                                       app.settings, clock))
        except Refused as exc:
            return f"error: {exc}"

    return DemoContext(sandbox_url=sandbox_url, people=[p.as_dict() for p in demo_people],
                       school_key=key or "", school_name=SCHOOL_NAME, jump=jump,
                       set_hours=set_hours, suspend=suspend, now=lambda: clock.now().isoformat(),
                       extra={"tz": tz})


async def wait_for_page(url: str, no_browser: bool) -> None:
    """Show the page's address (and open it) and serve until Ctrl-C or end of input."""
    print(f"Open {url} in your browser. Stop with Ctrl-C.")
    if not no_browser:
        await asyncio.to_thread(webbrowser.open, url)
    await asyncio.Event().wait()
