"""Admin subcommands of the overstap feature (issue 7): ``school-status`` sets a school's two
standings, its part in the convenant (participating or excluded, art. 14, 15: the other schools
are told) and its keurmerk (valid, suspended or withdrawn, art. 4.4, 15: the klantmanagers get the
advice to switch, ready to send), and its keurmerk date; ``schools`` lists the schools with their
standing. What a change sets in motion is ``bot.overstap.standing``'s.
"""

from __future__ import annotations

import re
from datetime import date

from bot.overstap import standing
from bot.refusal import Refused, unknown
from storage import convenant

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


async def admin_school_status(args, ctx) -> dict:
    keurmerk = args.keurmerk_until
    if keurmerk is not None and keurmerk != "":
        if not DATE.match(keurmerk):
            raise Refused(f"--keurmerk-until must be a date YYYY-MM-DD, got {keurmerk!r}")
        try:
            date.fromisoformat(keurmerk)
        except ValueError:
            raise Refused(f"--keurmerk-until is not a real date: {keurmerk!r}") from None
    try:
        school_id = await standing.find_school(ctx.db, args.school)
    except standing.UnknownSchool:
        raise unknown("school", args.school) from None
    if args.status is None and args.keurmerk is None and keurmerk is None:
        raise Refused("give --status, --keurmerk and/or --keurmerk-until")
    return await standing.change_status(ctx.db, school_id, ctx.clock.now(),
                                        convenant_status=args.status, keurmerk=args.keurmerk,
                                        keurmerk_valid_until=keurmerk, tz=ctx.settings.tz)


async def admin_schools(args, ctx) -> list:
    return [{"id": row["id"], "name": row["name"], "status": row["status"],
             "keurmerk": row["keurmerk_status"],
             "keurmerk_until": row["keurmerk_valid_until"] or "-",
             "locations": row["locations"] or "-", "participants": row["participants"],
             "open_overstap": row["open_overstap"]}
            for row in await convenant.all_schools(ctx.db)]


def add_admin_commands(sub) -> None:
    p = sub.add_parser("school-status", help="set a school's standing: participating in or "
                       "excluded from the convenant, and its keurmerk valid, suspended or "
                       "withdrawn")
    p.add_argument("school", help="school id or exact name")
    p.add_argument("--status", choices=standing.STATUSES,
                   help="its part in the convenant (exclusion tells the other schools)")
    p.add_argument("--keurmerk", choices=standing.KEURMERK,
                   help="its keurmerk (suspended or withdrawn: the klantmanagers get the advice "
                        "to switch, ready to send)")
    p.add_argument("--keurmerk-until", metavar="YYYY-MM-DD",
                   help="the date the school's keurmerk is valid until ('' to forget it)")
    p.set_defaults(fn=admin_school_status)
    p = sub.add_parser("schools", help="list schools with their convenant status and keurmerk")
    p.set_defaults(fn=admin_schools)
