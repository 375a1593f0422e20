"""``inburgerbot admin contact``: set or show the contact a school or a gemeente gives its
participants in /contact (issue 14), the same as ``PUT /api/v1/contact``; for a gemeente also
how much of the klantmanager its participants see."""

from __future__ import annotations

from bot.contact import invalid_fields
from bot.refusal import Refused
from storage import contacts as store
from storage import orgs


async def contact(args, ctx) -> dict:
    if (args.school is None) == (args.gemeente is None):
        raise Refused("contact: give exactly one of --school or --gemeente")
    if args.school is not None:
        kind, owner = "school", args.school
        if await orgs.get_school(ctx.db, owner) is None:
            raise Refused(f"school {owner} does not exist")
        if args.klantmanager is not None:
            raise Refused("contact: --klantmanager is for a gemeente")
    else:
        kind, owner = "gemeente", args.gemeente
        if await orgs.gemeente_name(ctx.db, owner) is None:
            raise Refused(f"gemeente {owner} does not exist")
    given = (args.phone, args.email, args.hours, args.address, args.klantmanager)
    if any(value is not None for value in given):
        wrong = invalid_fields(args.phone, args.email, args.hours, args.address)
        if wrong:
            raise Refused(f"contact: not valid: {', '.join(wrong)}")
        current = await store.get_contact(ctx.db, kind, owner) or store.Contact()
        new = store.Contact(
            args.phone if args.phone is not None else current.phone,
            args.email if args.email is not None else current.email,
            args.hours if args.hours is not None else current.hours,
            args.address if args.address is not None else current.address,
            args.klantmanager or current.klantmanager_shown)
        async with ctx.db.transaction() as tx:
            await store.set_contact(tx, kind, owner, new, ctx.clock.now())
    found = await store.get_contact(ctx.db, kind, owner) or store.Contact()
    shown = {"klantmanager": found.klantmanager_shown} if kind == "gemeente" else {}
    return {kind: owner, "phone": found.phone or "-", "email": found.email or "-",
            "hours": found.hours or "-", "address": found.address or "-", **shown}


def add_admin_commands(sub) -> None:
    p = sub.add_parser("contact", help="set or show the contact a school or gemeente gives its "
                                       "participants in /contact")
    p.add_argument("--school", type=int)
    p.add_argument("--gemeente", type=int)
    p.add_argument("--phone")
    p.add_argument("--email")
    p.add_argument("--hours", help="when someone answers, e.g. 'ma-vr 9-17'")
    p.add_argument("--address")
    p.add_argument("--klantmanager", choices=store.SHOWN,
                   help="a gemeente only: what participants see of their klantmanager")
    p.set_defaults(fn=contact)
