"""`inburgerbot admin ...`: the gemeente's administration (issue 2). Every subcommand prints a
short table, or JSON with ``--json``; bad arguments are rejected with one clear line.

Features add subcommands with ``add_admin_commands(subparsers)`` in their module; each command is
``async fn(args, ctx) -> dict | list``.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from typing import Any, Awaitable, Callable

import httpx

from bot.clock import Clock
from bot.config import Settings
from bot.features import feature_modules
from bot.refusal import Refused
from storage import orgs, people
from storage.database import Database


# Admin commands refuse with the feature layer's error type (services raise it too).
AdminError = Refused


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


def _id(raw: str) -> int:
    if not raw.isdigit():
        raise argparse.ArgumentTypeError(f"an id must be a whole number, got {raw!r}")
    return int(raw)


async def _require(db: Database, sql: str, value: int, what: str) -> None:
    if not await db.fetchval(sql, (value,)):
        raise AdminError(f"{what} {value} does not exist")


async def add_gemeente(args, ctx: AdminContext) -> dict:
    if await ctx.db.fetchval("SELECT 1 FROM gemeenten WHERE name = ?", (args.name,)):
        raise AdminError(f"a gemeente named {args.name!r} already exists")
    async with ctx.db.transaction() as tx:
        gemeente_id, key = await orgs.add_gemeente(tx, args.name, ctx.clock.now())
    return {"id": gemeente_id, "name": args.name, "api_key": key,
            "note": "the API key is shown only once"}


async def add_school(args, ctx: AdminContext) -> dict:
    if await ctx.db.fetchval("SELECT 1 FROM schools WHERE name = ?", (args.name,)):
        raise AdminError(f"a school named {args.name!r} already exists")
    async with ctx.db.transaction() as tx:
        school_id, key = await orgs.add_school(tx, args.name, ctx.clock.now(),
                                               locations=args.locations or "")
    return {"id": school_id, "name": args.name, "api_key": key,
            "note": "the API key is shown only once"}


async def add_klantmanager(args, ctx: AdminContext) -> dict:
    await _require(ctx.db, "SELECT 1 FROM gemeenten WHERE id = ?", args.gemeente, "gemeente")
    async with ctx.db.transaction() as tx:
        person_id = await people.add_person(tx, name=args.name, role="klantmanager",
                                            gemeente_id=args.gemeente, now=ctx.clock.now())
    return {"id": person_id, "name": args.name, "role": "klantmanager"}


async def add_staff(args, ctx: AdminContext) -> dict:
    await _require(ctx.db, "SELECT 1 FROM schools WHERE id = ?", args.school, "school")
    async with ctx.db.transaction() as tx:
        person_id = await people.add_person(tx, name=args.name, role="staff", school_id=args.school,
                                            staff_role=args.role, now=ctx.clock.now())
    return {"id": person_id, "name": args.name, "role": "staff", "staff_role": args.role}


async def add_participant(args, ctx: AdminContext) -> dict:
    await _require(ctx.db, "SELECT 1 FROM schools WHERE id = ?", args.school, "school")
    await _require(ctx.db, "SELECT 1 FROM people WHERE id = ? AND role = 'klantmanager'",
                   args.klantmanager, "klantmanager")
    if args.regime == "wi2021" and args.route is None:
        raise AdminError("--route is required for Wi2021 (b1, z or onderwijs)")
    if args.regime == "wi2013" and args.route is not None:
        raise AdminError("--route applies only to Wi2021; leave it out for Wi2013")
    async with ctx.db.transaction() as tx:
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
        raise AdminError("bot username unknown: start the bot once, or set TELEGRAM_BOT_TOKEN")
    try:
        async with httpx.AsyncClient(timeout=10) as client:
            reply = await client.post(f"{ctx.settings.api_url}{ctx.settings.token}/getMe")
        return reply.json()["result"]["username"]
    except (httpx.HTTPError, KeyError, ValueError):
        raise AdminError("bot username unknown: the Bot API did not answer getMe") from None


async def invite(args, ctx: AdminContext) -> dict:
    person = await people.get_person(ctx.db, args.person)
    if person is None:
        raise AdminError(f"person {args.person} does not exist")
    username = await bot_username(ctx)
    async with ctx.db.transaction() as tx:
        code = await people.issue_link_code(tx, person.id, ctx.clock.now(),
                                            ctx.settings.link_code_days)
    return {"person": person.id, "name": person.name, "role": person.role, "code": code,
            "link": f"https://t.me/{username}?start={code}",
            "valid_days": ctx.settings.link_code_days}


async def list_people(args, ctx: AdminContext) -> list:
    rows = await ctx.db.fetchall(
        "SELECT p.id, p.name, p.role, p.school_id, p.klantmanager_id, p.regime, p.route,"
        " l.chat_id IS NOT NULL AS linked FROM people p"
        " LEFT JOIN telegram_links l ON l.person_id = p.id ORDER BY p.id")
    return [dict(row) for row in rows]


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
    p = sub.add_parser("add-staff", help="add a school staff member (klachtbehandelaar)")
    p.add_argument("name", type=_name)
    p.add_argument("--school", type=_id, required=True)
    p.add_argument("--role", choices=("klachtbehandelaar", "coordinator"), default="klachtbehandelaar")
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


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one clear line instead of usage + error
        raise AdminError(f"{self.prog}: {message}")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="inburgerbot admin", description="the gemeente's administration")
    parser.add_argument("--json", action="store_true", help="print JSON")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    add_core_commands(sub)
    for module in feature_modules():
        extra = getattr(module, "add_admin_commands", None)
        if extra is not None:
            extra(sub)
    return parser


def render(result: Any, as_json: bool) -> str:
    if as_json:
        return json.dumps(result, ensure_ascii=False, indent=2, default=str)
    if isinstance(result, dict):
        width = max((len(str(key)) for key in result), default=0)
        return "\n".join(f"{key:<{width}}  {value}" for key, value in result.items())
    if isinstance(result, list):
        if not result:
            return "(none)"
        keys = list(result[0].keys())
        widths = {k: max(len(k), *(len(str(row.get(k, ""))) for row in result)) for k in keys}
        lines = ["  ".join(f"{k:<{widths[k]}}" for k in keys)]
        lines += ["  ".join(f"{str(row.get(k, '')):<{widths[k]}}" for k in keys) for row in result]
        return "\n".join(lines)
    return str(result)


async def run_admin(argv: list[str], settings: Settings, clock: Clock | None = None) -> str:
    """Parse and run one admin command; returns what to print. Raises AdminError."""
    parser = build_parser()
    # --json may come after the subcommand too
    as_json = "--json" in argv
    args = parser.parse_args([a for a in argv if a != "--json"])
    db = await Database.open(settings.db_path)
    try:
        result = await args.fn(args, AdminContext(settings, db, clock or Clock()))
    finally:
        await db.close()
    return render(result, as_json)
