"""``inburgerbot admin outbox`` (issue 3): delivery counts, the oldest due row and the oldest due
urgent row (issue 18), failures with their reasons, and a test message to one person (urgent, so
it does not wait behind a backlog)."""

from __future__ import annotations

from bot import outbox
from bot.admin import count, identifier
from bot.outbox import messages
from bot.refusal import unknown
from bot.rules.urgency import URGENT
from storage import outbox as store
from storage import people


async def admin_outbox(args, ctx) -> dict | list:
    now = ctx.clock.now()
    if args.ping is not None:
        person = await people.get_person(ctx.db, args.ping)
        if person is None:
            raise unknown("person", args.ping)
        async with ctx.db.transaction() as tx:
            row_id = await outbox.enqueue(
                tx, message_key=messages.PING, params={}, now=now, person_id=person.id,
                audience="participant" if person.role == "participant" else "staff", urgent=True,
                priority=outbox.PRIORITY_HIGH, urgency=URGENT)
        linked = await people.chat_for_person(ctx.db, person.id) is not None
        return {"queued": row_id, "person": person.id, "linked": linked,
                "note": "the running bot sends it (to participants not in quiet hours)" if linked
                else "not linked to Telegram yet: it waits until the person links"}
    data = await store.stats(ctx.db, now, failures=args.failures or 10)
    if args.failures:
        return data["recent_failures"]
    summary: dict = dict(data["states"])
    summary["waiting for quiet/working hours"] = data["waiting_for_window"]
    summary["oldest due, seconds"] = data["oldest_pending_age_s"]
    summary["urgent due"] = data["urgent_due"]
    summary["oldest due urgent, seconds"] = data["oldest_urgent_age_s"]
    summary["unreachable chats"] = data["unreachable_chats"]
    for reason, failures in data["failure_reasons"].items():
        summary[f"failed: {reason[:80]}"] = failures
    return summary


def add_admin_commands(sub) -> None:
    p = sub.add_parser("outbox", help="notification delivery: counts per state, oldest due "
                                      "age (all and urgent), failures with reasons")
    p.add_argument("--failures", type=count, nargs="?", const=20, default=0, metavar="N",
                   help="list the N most recent failed or unreachable notifications")
    p.add_argument("--ping", type=identifier, metavar="PERSON",
                   help="send a test message to a person (checks delivery)")
    p.set_defaults(fn=admin_outbox)
