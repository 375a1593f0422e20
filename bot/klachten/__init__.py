"""Klachten (issue 5): the scheduler sweep of their deadlines and the admin report.

Blik op Werk norm 1.5 and bijlage 9, convenant art. 13.4 to 13.6. The conversations live in
``conversations/klacht.py`` (filing), ``conversations/klacht_handling.py`` (the school's
klachtbehandelaar) and ``conversations/mijnklachten.py`` (the participant afterwards); the
gemeente's report endpoint in ``bot/api/klachten.py``; storage in ``storage/klachten.py``.
"""

from __future__ import annotations

import argparse
from datetime import date

from bot.klachten import notices  # noqa: F401  (registers the outbox renderers)
from bot.klachten import report as figures
from bot.klachten.sweep import sweep_klachten

SWEEPS = (("klachten", sweep_klachten),)


def _date(raw: str) -> date:
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(f"a date YYYY-MM-DD is needed, got {raw!r}") from None


def _id(raw: str) -> int:
    if not raw.isdigit():
        raise argparse.ArgumentTypeError(f"an id must be a whole number, got {raw!r}")
    return int(raw)


async def klachten_report(args, ctx):
    """Per school: klachten, share handled within term against the 80% norm, median days."""
    from bot.refusal import Refused as AdminError

    tz = ctx.settings.tz
    today = ctx.clock.now().astimezone(tz).date()
    start = args.start or date(today.year, 1, 1)
    end = args.end or today
    if end < start:
        raise AdminError("--to is before --from")
    if args.register:
        rows = await figures.register(ctx.db, start, end, tz, school_id=args.school)
        return figures.to_csv(rows, figures.REGISTER_FIELDS).rstrip("\n") if args.csv else rows
    rows = await figures.school_reports(ctx.db, start, end, ctx.clock.now(), tz,
                                        school_id=args.school)
    return figures.to_csv(rows).rstrip("\n") if args.csv else rows


def add_admin_commands(sub) -> None:
    p = sub.add_parser("klachten-report",
                       help="klachten per school and period: within-term share against the 80%% "
                            "norm, median days to decision and closure (norms 1.5.6-1.5.9)")
    p.add_argument("--from", dest="start", type=_date, help="first day (default: 1 January)")
    p.add_argument("--to", dest="end", type=_date, help="last day (default: today)")
    p.add_argument("--school", type=_id, help="one school only")
    p.add_argument("--csv", action="store_true", help="print CSV")
    p.add_argument("--register", action="store_true",
                   help="the register per klacht instead: receipt, acknowledgement, handler, "
                        "outcome, date handled (norm 1.5.6)")
    p.set_defaults(fn=klachten_report)
