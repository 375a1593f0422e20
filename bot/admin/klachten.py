"""``inburgerbot admin klachten-report``, ``klachten-raised``: the klachten figures and register
per school and period (issue 5; Blik op Werk norms 1.5.6 to 1.5.9).

Per school: the number of klachten, the share handled within term against the 80% norm (1.5.8)
and the median days to decision and to closure; with ``--register`` the norm 1.5.6 register per
klacht instead. The figures come from ``bot.klachten.report``; a bad period is refused with
``bot.refusal.Refused``. ``klachten-raised`` lists for the regional coordination the signals
klantmanagers raised with their participant's consent (convenant art. 13.5; issue 11 point 13).
"""

from __future__ import annotations

import argparse
from datetime import date, time

from bot.admin import identifier
from bot.klachten import region
from bot.klachten import report as figures
from bot.refusal import Refused
from bot.rules.localtime import at_local


def _date(raw: str) -> date:
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(f"a date YYYY-MM-DD is needed, got {raw!r}") from None


async def klachten_report(args, ctx):
    """Per school: klachten, share handled within term against the 80% norm, median days."""
    tz = ctx.settings.tz
    today = ctx.clock.now().astimezone(tz).date()
    start = args.start or date(today.year, 1, 1)
    end = args.end or today
    if end < start:
        raise Refused("--to is before --from")
    if args.register:
        rows = await figures.register(ctx.db, start, end, tz, school_id=args.school,
                                      now=ctx.clock.now())
        return figures.to_csv(rows, figures.REGISTER_FIELDS).rstrip("\n") if args.csv else rows
    rows = await figures.school_reports(ctx.db, start, end, ctx.clock.now(), tz,
                                        school_id=args.school)
    return figures.to_csv(rows).rstrip("\n") if args.csv else rows


async def klachten_raised(args, ctx):
    """Signals raised to the regional coordination with the participant's consent (C 13.5)."""
    tz = ctx.settings.tz
    today = ctx.clock.now().astimezone(tz).date()
    start = args.start or date(today.year, 1, 1)
    return await region.raised_since(ctx.db, at_local(start, time(0), tz))


def add_admin_commands(sub) -> None:
    p = sub.add_parser("klachten-report",
                       help="klachten per school and period: within-term share against the 80%% "
                            "norm, median days to decision and closure (norms 1.5.6-1.5.9)")
    p.add_argument("--from", dest="start", type=_date, help="first day (default: 1 January)")
    p.add_argument("--to", dest="end", type=_date, help="last day (default: today)")
    p.add_argument("--school", type=identifier, help="one school only")
    p.add_argument("--csv", action="store_true", help="print CSV")
    p.add_argument("--register", action="store_true",
                   help="the register per klacht instead: receipt, acknowledgement, handler, "
                        "outcome, date handled (norm 1.5.6)")
    p.set_defaults(fn=klachten_report)
    p = sub.add_parser("klachten-raised",
                       help="signals klantmanagers raised to the regional coordination with the "
                            "participant's consent (convenant art. 13.5)")
    p.add_argument("--from", dest="start", type=_date, help="raised on or after (default: "
                                                           "1 January)")
    p.set_defaults(fn=klachten_raised)
