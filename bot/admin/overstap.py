"""Admin subcommands of the overstap feature (issue 7): ``school-status`` marks a school
participating, suspended or excluded in the convenant and sets its keurmerk date (convenant art.
4.4, 14, 15: its participants are advised to switch), and ``schools`` lists the schools with their
standing. What a status change sets in motion is ``bot.overstap.standing``'s.
"""

from __future__ import annotations

import re
from datetime import date

from bot.overstap import standing
from bot.refusal import Refused, unknown
from storage import convenant, orgs

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
    if args.status is None and keurmerk is None:
        raise Refused("give --status and/or --keurmerk-until")
    status = args.status
    if status is None:
        status = (await orgs.get_school(ctx.db, school_id)).convenant_status
    return await standing.change_status(ctx.db, school_id, status, ctx.clock.now(),
                                        keurmerk_valid_until=keurmerk, tz=ctx.settings.tz)


async def admin_schools(args, ctx) -> list:
    return [{"id": row["id"], "name": row["name"], "status": row["status"],
             "keurmerk_until": row["keurmerk_valid_until"] or "-",
             "locations": row["locations"] or "-", "participants": row["participants"],
             "open_overstap": row["open_overstap"]}
            for row in await convenant.all_schools(ctx.db)]


def add_admin_commands(sub) -> None:
    p = sub.add_parser("school-status", help="mark a school participating, suspended or excluded "
                       "in the convenant (its participants are advised to switch)")
    p.add_argument("school", help="school id or exact name")
    p.add_argument("--status", choices=standing.STATUSES)
    p.add_argument("--keurmerk-until", metavar="YYYY-MM-DD",
                   help="the date the school's keurmerk is valid until ('' to forget it)")
    p.set_defaults(fn=admin_school_status)
    p = sub.add_parser("schools", help="list schools with their convenant status and keurmerk")
    p.set_defaults(fn=admin_schools)
