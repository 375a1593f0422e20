"""`inburgerbot admin ...`: the gemeente's administration (issue 2). Every subcommand prints a
short table, or JSON with ``--json``; bad arguments are rejected with one clear line.

This module holds the core subcommands (gemeenten, schools, people, link codes); each feature's
own live beside it (``bot/admin/<feature>.py``, ``add_admin_commands(subparsers)``) and
``bot/app.py`` composes them. Each command is ``async fn(args, ctx) -> dict | list`` and refuses
with ``bot.refusal.Refused``.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import Any

import httpx

from bot.admin import backup as backup_commands
from bot.admin import database as database_admin
from bot.clock import Clock
from bot.config import Settings
from bot.refusal import Refused, unknown
from bot.secret_key import open_database
from storage import orgs, partners, people
from storage.database import Database


@dataclass
class AdminContext:
    settings: Settings
    db: Database
    clock: Clock


AdminFn = Callable[[argparse.Namespace, AdminContext], Awaitable[Any]]


def _name(raw: str) -> str:
    name = raw.strip()
    if not name or len(name) > 200:
        raise argparse.ArgumentTypeError("a name of 1 to 200 characters is needed")
    return name


def identifier(raw: str) -> int:
    """An id: a whole number (ASCII digits), as every subcommand takes it."""
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 18:
        raise argparse.ArgumentTypeError(f"an id must be a whole number, got {raw!r}")
    return int(raw)


def count(raw: str) -> int:
    """A number of rows to show: 1 or more."""
    if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= 100_000:
        raise argparse.ArgumentTypeError(f"a number from 1 to 100000 is needed, got {raw!r}")
    return int(raw)


_id = identifier


def _require(exists: bool, value: int, what: str) -> None:
    if not exists:
        raise unknown(what, value)


async def add_gemeente(args, ctx: AdminContext) -> dict:
    if await orgs.gemeente_named(ctx.db, args.name) is not None:
        raise Refused(f"a gemeente named {args.name!r} already exists")
    async with ctx.db.transaction() as tx:
        gemeente_id, key = await orgs.add_gemeente(tx, args.name, ctx.clock.now())
    return {"id": gemeente_id, "name": args.name, "api_key": key,
            "note": "the API key is shown only once"}


async def add_school(args, ctx: AdminContext) -> dict:
    if await orgs.school_named(ctx.db, args.name) is not None:
        raise Refused(f"a school named {args.name!r} already exists")
    async with ctx.db.transaction() as tx:
        school_id, key = await orgs.add_school(tx, args.name, ctx.clock.now(),
                                               locations=args.locations or "")
    return {"id": school_id, "name": args.name, "api_key": key,
            "note": "the API key is shown only once"}


async def add_klantmanager(args, ctx: AdminContext) -> dict:
    _require(await orgs.gemeente_name(ctx.db, args.gemeente) is not None,
                   args.gemeente, "gemeente")
    async with ctx.db.transaction() as tx:
        person_id = await people.add_person(tx, name=args.name, role="klantmanager",
                                            gemeente_id=args.gemeente, now=ctx.clock.now())
    return {"id": person_id, "name": args.name, "role": "klantmanager"}


async def gemeente_schools(args, ctx: AdminContext) -> list:
    """The schools a gemeente works with (whose participants its klantmanagers may get), after
    adding or removing the ones given."""
    _require(await orgs.gemeente_name(ctx.db, args.gemeente) is not None, args.gemeente,
             "gemeente")
    for school_id in args.add + args.remove:
        _require(await orgs.get_school(ctx.db, school_id) is not None, school_id, "school")
    for school_id in args.add:
        await partners.add(ctx.db, args.gemeente, school_id, ctx.clock.now())
    for school_id in args.remove:
        await partners.remove(ctx.db, args.gemeente, school_id)
    return [{"school": p.school_id, "name": p.school, "since": p.since.date().isoformat()}
            for p in await partners.schools_of(ctx.db, args.gemeente)]


async def add_staff(args, ctx: AdminContext) -> dict:
    _require(await orgs.get_school(ctx.db, args.school) is not None, args.school,
                   "school")
    async with ctx.db.transaction() as tx:
        person_id = await people.add_person(tx, name=args.name, role="staff", school_id=args.school,
                                            staff_role=args.role, now=ctx.clock.now())
    return {"id": person_id, "name": args.name, "role": "staff", "staff_role": args.role}


async def add_participant(args, ctx: AdminContext) -> dict:
    _require(await orgs.get_school(ctx.db, args.school) is not None, args.school,
                   "school")
    klantmanager = await people.get_person(ctx.db, args.klantmanager)
    _require(klantmanager is not None and klantmanager.role == "klantmanager",
                   args.klantmanager, "klantmanager")
    if args.regime == "wi2021" and args.route is None:
        raise Refused("--route is required for Wi2021 (b1, z or onderwijs)")
    if args.regime == "wi2013" and args.route is not None:
        raise Refused("--route applies only to Wi2021; leave it out for Wi2013")
    async with ctx.db.transaction() as tx:
        # The administration acts for the gemeente: placing its participant at a school means
        # the gemeente works with that school.
        if klantmanager.gemeente_id is not None:
            await partners.add_in(tx, klantmanager.gemeente_id, args.school, ctx.clock.now())
        person_id = await people.add_person(
            tx, name=args.name, role="participant", school_id=args.school,
            klantmanager_id=args.klantmanager, regime=args.regime, route=args.route,
            external_id=args.external_id, now=ctx.clock.now())
    return {"id": person_id, "name": args.name, "role": "participant", "regime": args.regime,
            "route": args.route}


async def bot_username(ctx: AdminContext) -> str:
    """The bot's username, as recorded at its last start, or asked from the Bot API."""
    known = await orgs.get_meta(ctx.db, "bot_username")
    if known:
        return known
    if not ctx.settings.token:
        raise Refused("bot username unknown: start the bot once, or set TELEGRAM_BOT_TOKEN")
    try:
        async with httpx.AsyncClient(timeout=10) as client:
            reply = await client.post(f"{ctx.settings.api_url}{ctx.settings.token}/getMe")
        return reply.json()["result"]["username"]
    except (httpx.HTTPError, KeyError, ValueError):
        raise Refused("bot username unknown: the Bot API did not answer getMe") from None


async def invite(args, ctx: AdminContext) -> dict:
    person = await people.get_person(ctx.db, args.person)
    if person is None:
        raise unknown("person", args.person)
    username = await bot_username(ctx)
    async with ctx.db.transaction() as tx:
        code = await people.issue_link_code(tx, person.id, ctx.clock.now(),
                                            ctx.settings.link_code_days)
    return {"person": person.id, "name": person.name, "role": person.role, "code": code,
            "link": f"https://t.me/{username}?start={code}",
            "valid_days": ctx.settings.link_code_days}


async def list_people(args, ctx: AdminContext) -> list:
    return await people.list_people(ctx.db)


def add_core_commands(sub) -> None:
    p = sub.add_parser("add-gemeente", help="add a gemeente (prints its API key once)")
    p.add_argument("name", type=_name)
    p.set_defaults(fn=add_gemeente)
    p = sub.add_parser("add-school", help="add a school/provider (prints its API key once)")
    p.add_argument("name", type=_name)
    p.add_argument("--locations", default="", help="comma-separated locations")
    p.set_defaults(fn=add_school)
    p = sub.add_parser("add-klantmanager", help="add a klantmanager of a gemeente")
    p.add_argument("name", type=_name)
    p.add_argument("--gemeente", type=_id, required=True)
    p.set_defaults(fn=add_klantmanager)
    p = sub.add_parser("gemeente-schools", help="the schools a gemeente works with: only they "
                       "may attach participants to its klantmanagers")
    p.add_argument("gemeente", type=_id)
    p.add_argument("--add", type=_id, action="append", default=[], metavar="SCHOOL")
    p.add_argument("--remove", type=_id, action="append", default=[], metavar="SCHOOL")
    p.set_defaults(fn=gemeente_schools)
    p = sub.add_parser("add-staff", help="add a school staff member (klachtbehandelaar)")
    p.add_argument("name", type=_name)
    p.add_argument("--school", type=_id, required=True)
    p.add_argument("--role", choices=("klachtbehandelaar", "coordinator"),
                   default="klachtbehandelaar")
    p.set_defaults(fn=add_staff)
    p = sub.add_parser("add-participant", help="add a participant (inburgeraar)")
    p.add_argument("name", type=_name)
    p.add_argument("--school", type=_id, required=True)
    p.add_argument("--klantmanager", type=_id, required=True)
    p.add_argument("--regime", choices=("wi2013", "wi2021"), required=True)
    p.add_argument("--route", choices=("b1", "z", "onderwijs"))
    p.add_argument("--external-id", help="the school's own id for this participant")
    p.set_defaults(fn=add_participant)
    p = sub.add_parser("invite", help="print a one-time link code and t.me link for a person")
    p.add_argument("person", type=_id, help="person id")
    p.set_defaults(fn=invite)
    p = sub.add_parser("people", help="list people and whether they are linked")
    p.set_defaults(fn=list_people)
    backup_commands.add_admin_commands(sub)
    database_admin.add_admin_commands(sub)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one clear line instead of usage + error
        raise Refused(f"{self.prog}: {message}")


def add_json_everywhere(parser: argparse.ArgumentParser) -> None:
    """``--json`` also after a subcommand (at any depth). SUPPRESS keeps a subcommand's parser
    from resetting a ``--json`` given before it."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for subparser in action.choices.values():
                if not any("--json" in a.option_strings for a in subparser._actions):
                    subparser.add_argument("--json", action="store_true",
                                           default=argparse.SUPPRESS, help="print JSON")
                add_json_everywhere(subparser)


def build_parser(feature_commands: Iterable[Callable[[Any], None]] = ()) -> argparse.ArgumentParser:
    """The core subcommands, then each feature's (``add_admin_commands(subparsers)``)."""
    parser = _Parser(prog="inburgerbot admin", description="the gemeente's administration")
    parser.add_argument("--json", action="store_true", help="print JSON")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    add_core_commands(sub)
    for add_commands in feature_commands:
        add_commands(sub)
    add_json_everywhere(parser)
    return parser


def cell(value: Any) -> str:
    """A value in a table: nothing known is "-", never "None"."""
    return "-" if value is None or value == "" else str(value)


def render(result: Any, as_json: bool) -> str:
    if as_json:
        return json.dumps(result, ensure_ascii=False, indent=2, default=str)
    if isinstance(result, dict):
        width = max((len(str(key)) for key in result), default=0)
        return "\n".join(f"{key:<{width}}  {cell(value)}" for key, value in result.items())
    if isinstance(result, list):
        if not result:
            return "(none)"
        keys = list(result[0].keys())
        widths = {k: max(len(k), *(len(cell(row.get(k))) for row in result)) for k in keys}
        lines = ["  ".join(f"{k:<{widths[k]}}" for k in keys)]
        lines += ["  ".join(f"{cell(row.get(k)):<{widths[k]}}" for k in keys) for row in result]
        return "\n".join(line.rstrip() for line in lines)
    return str(result)


async def run(parser: argparse.ArgumentParser, argv: list[str], settings: Settings,
              clock: Clock) -> str:
    """Parse and run one admin command; returns what to print. Raises ``Refused``."""
    args = parser.parse_args(argv)
    as_json = bool(getattr(args, "json", False))
    if as_json and getattr(args, "csv", False):
        raise Refused("--csv and --json cannot be used together: choose one")
    # migrate-db opens the databases it names itself; restore keeps the file it replaces shut.
    if getattr(args, "own_database", False) or not getattr(args, "opens_db", True):
        return render(await args.fn(args, AdminContext(settings, None, clock)), as_json)
    db = await open_database(settings)
    try:
        result = await args.fn(args, AdminContext(settings, db, clock))
    finally:
        await db.close()
    return render(result, as_json)
