"""``inburgerbot admin survey ...`` (issue 15; BoW 5.2): the survey bureau's delivery list of a
school, printed as a table or written as CSV (the same as ``GET /api/v1/survey/delivery``)."""

from __future__ import annotations

from pathlib import Path

from bot import survey
from bot.refusal import Refused
from storage import orgs


async def delivery(args, ctx) -> list | dict:
    if await orgs.get_school(ctx.db, args.school) is None:
        raise Refused(f"school {args.school} does not exist")
    today = ctx.clock.now().astimezone(ctx.settings.tz).date()
    rows = await survey.delivery_list(ctx.db, args.school, today)
    if args.out:
        out = Path(args.out)
        if not out.parent.is_dir():
            raise Refused(f"survey delivery: folder {out.parent} does not exist")
        out.write_text(survey.as_csv(rows), "utf-8")
        return {"school": args.school, "participants": len(rows), "csv": str(out)}
    return [{"participant": r.external_id, "name": r.name, "route": r.route or "-",
             "location": r.location or "-", "reason": r.reason} for r in rows]


def add_admin_commands(sub) -> None:
    p = sub.add_parser("survey", help="satisfaction survey: the delivery list (BoW 5.2)")
    inner = p.add_subparsers(dest="survey_command", required=True, parser_class=type(p))
    q = inner.add_parser("delivery", help="consented participants past 75%% of the course or "
                                          "ended early, with route and location")
    q.add_argument("school", type=int)
    q.add_argument("--out", help="write the list as CSV to this file")
    q.set_defaults(fn=delivery)
