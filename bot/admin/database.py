"""``inburgerbot admin migrate-db --from FILE --to URL`` (issue 17): copy an SQLite database into
an empty PostgreSQL one, then compare every table's row count. The bot must be stopped while it
runs; afterwards set ``INBURGERBOT_DB`` to the URL."""

from __future__ import annotations

from pathlib import Path

from bot.refusal import Refused
from storage import copy
from storage.database import Database, DatabaseUnusable
from storage.engines import is_url


async def migrate_db(args, ctx) -> dict:
    if not Path(args.source).is_file():
        raise Refused(f"--from {args.source}: no such SQLite file")
    if not is_url(args.target):
        raise Refused("--to must be a postgresql:// URL")
    try:
        source = await Database.open(args.source)
    except DatabaseUnusable as exc:
        raise Refused(str(exc)) from None
    try:
        try:
            target = await Database.open(args.target)
        except DatabaseUnusable as exc:
            raise Refused(str(exc)) from None
        try:
            counts = await copy.copy_all(source, target)
        except ValueError as exc:
            raise Refused(str(exc)) from None
        finally:
            await target.close()
    finally:
        await source.close()
    wrong = {table: pair for table, pair in counts.items() if pair[0] != pair[1]}
    if wrong:
        raise Refused("row counts differ after the copy: " + ", ".join(
            f"{table} {have} in SQLite, {got} in PostgreSQL"
            for table, (have, got) in wrong.items()))
    return {"tables": len(counts), "rows": sum(have for have, _ in counts.values()),
            "counts": "equal in every table", "next": "set INBURGERBOT_DB to the URL"}


def add_admin_commands(sub) -> None:
    p = sub.add_parser("migrate-db", help="copy an SQLite database into an empty PostgreSQL "
                                          "database and check the row counts")
    p.add_argument("--from", dest="source", required=True, metavar="FILE",
                   help="the SQLite database file")
    p.add_argument("--to", dest="target", required=True, metavar="URL",
                   help="postgresql://user:password@host/name")
    p.set_defaults(fn=migrate_db, own_database=True)
