"""`inburgerbot admin backup FILE` and `admin restore FILE` (issue 17): a consistent copy of the
live SQLite database, and its checked return. PostgreSQL has its own tools (README)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from bot.refusal import Refused
from storage import backup as store
from storage.database import to_db


def _sqlite_only(settings) -> Path:
    path = Path(settings.db_path)
    if str(path).startswith("postgres"):
        raise Refused("backup and restore work on SQLite; for PostgreSQL use pg_dump and "
                      "pg_restore (see the README)")
    return path


async def make_backup(args, ctx) -> dict:
    """The live database (opened, so migrated and checked, by the admin runner) to FILE."""
    source = _sqlite_only(ctx.settings)
    target = Path(args.file)
    try:
        size = await asyncio.to_thread(store.backup, source, target)
        facts = await asyncio.to_thread(store.inspect, target)
    except store.BackupError as exc:
        raise Refused(str(exc)) from None
    return {"backup": str(target), "bytes": size, "integrity": facts.integrity,
            "migrations": len(facts.migrations),
            "note": "the secret key (INBURGERBOT_SECRET_KEY or its key file) is not in the "
                    "backup: keep it apart"}


async def restore(args, ctx) -> dict:
    """FILE over the configured database, after checking both."""
    target = _sqlite_only(ctx.settings)
    source = Path(args.file)
    try:
        facts = await asyncio.to_thread(store.inspect, source)
    except store.BackupError as exc:
        raise Refused(str(exc)) from None
    if facts.integrity != "ok":
        raise Refused(f"{source} fails SQLite's integrity check: {facts.integrity[:200]}")
    if facts.unknown_migrations:
        raise Refused(f"{source} was written by a newer inburgerbot (unknown migration "
                      f"{facts.unknown_migrations[-1]}); restore it with that version")
    if target.exists():
        try:
            current = await asyncio.to_thread(store.inspect, target)
        except store.BackupError:
            current = None
        if current is not None and not args.force:
            if store.runs_now(current, ctx.clock.now()):
                raise Refused(f"a bot is running on {target} (heartbeat of "
                              f"{current.running.get('host')}); stop it first, or --force")
            newer = sorted(current.migrations - facts.migrations)
            if newer:
                raise Refused(f"{target} is newer than the backup (migration {newer[-1]} is "
                              f"not in it); --force to restore anyway")
    stamp = to_db(ctx.clock.now()).replace(":", "").replace("-", "")[:15]
    keep_as = target.with_name(f"{target.name}.before-restore-{stamp}")
    try:
        await asyncio.to_thread(store.restore, source, target, keep_as)
    except store.BackupError as exc:
        raise Refused(str(exc)) from None
    return {"restored": str(target), "from": str(source), "migrations": len(facts.migrations),
            "previous database kept as": str(keep_as) if keep_as.exists() else "(none)"}


def add_admin_commands(sub) -> None:
    p = sub.add_parser("backup", help="copy the live SQLite database to FILE (consistent)")
    p.add_argument("file", help="the new backup file")
    p.set_defaults(fn=make_backup)
    p = sub.add_parser("restore", help="check FILE and restore it as the database")
    p.add_argument("file", help="a file made by `admin backup`")
    p.add_argument("--force", action="store_true",
                   help="restore even over a running or newer database")
    p.set_defaults(fn=restore, opens_db=False)
