"""Durable notification delivery as a feature of the bot (issue 3): installs the shared rate
limiter, runs the dispatcher, prunes old rows, follows blocked/unblocked chats, and adds
``inburgerbot admin outbox``.

Telegram tells the bot when a user blocks it (a ``my_chat_member`` update with status "kicked"):
the chat is marked unreachable at once, before any message bounces, and nothing else handles that
update (the gate would otherwise greet a chat that just left). Unblocking clears the mark.
"""

from __future__ import annotations

from datetime import timedelta

from telegram import ChatMember, Update
from telegram.ext import Application, ApplicationHandlerStop, ChatMemberHandler

from bot import outbox
from bot.context import BotContext
from bot.outbox import messages
from bot.outbox.dispatcher import Dispatcher
from bot.outbox.ratelimit import SharedRateLimiter
from bot.services import Services
from storage import outbox as store
from storage import people

# Before the gate (group -100), which would answer a chat without a language with the picker.
CHAT_MEMBER_GROUP = -150
LIMITER = "outbox.rate_limiter"


def configure_builder(builder, services: Services) -> None:
    """One rate limiter for replies and notifications alike."""
    settings = services.settings
    limiter = SharedRateLimiter(settings.outbox_global_rate, settings.outbox_chat_rate)
    services.extras[LIMITER] = limiter
    builder.rate_limiter(limiter)


async def startup(services: Services) -> None:
    services.outbox = Dispatcher(services, services.extras.get(LIMITER))
    await services.outbox.start()


async def shutdown(services: Services) -> None:
    if isinstance(services.outbox, Dispatcher):
        await services.outbox.stop()


async def prune_and_deliver(services: Services, now) -> None:
    """Prune rows past the retention, give up stale ones, and look for due rows now."""
    settings = services.settings
    await store.prune(services.db, now, timedelta(days=settings.outbox_retention_days))
    if isinstance(services.outbox, Dispatcher):
        await services.outbox.housekeeping(now)
        services.outbox.kick()


SWEEPS = (("outbox", prune_and_deliver),)


async def chat_member_changed(update: Update, context: BotContext) -> None:
    """The user blocked (or unblocked) the bot."""
    change = update.my_chat_member
    if change is None or change.chat.type != "private":
        return
    services = context.services
    status = change.new_chat_member.status
    if status in (ChatMember.BANNED, ChatMember.LEFT):
        if isinstance(services.outbox, Dispatcher):
            await services.outbox.note_unreachable(change.chat.id, "Forbidden: bot was blocked "
                                                   "by the user")
        else:
            await store.mark_chat_unreachable(services.db, change.chat.id, services.now(),
                                              "Forbidden: bot was blocked by the user")
        raise ApplicationHandlerStop
    if status == ChatMember.MEMBER:
        await store.clear_unreachable(services.db, change.chat.id)


def register(app: Application, services: Services) -> None:
    app.add_handler(ChatMemberHandler(chat_member_changed, ChatMemberHandler.MY_CHAT_MEMBER),
                    group=CHAT_MEMBER_GROUP)


# -- inburgerbot admin outbox -------------------------------------------------------------------


async def admin_outbox(args, ctx) -> dict | list:
    from bot.refusal import Refused as AdminError

    now = ctx.clock.now()
    if args.ping is not None:
        person = await people.get_person(ctx.db, args.ping)
        if person is None:
            raise AdminError(f"person {args.ping} does not exist")
        async with ctx.db.transaction() as tx:
            row_id = await outbox.enqueue(
                tx, message_key=messages.PING, params={}, now=now, person_id=person.id,
                audience="participant" if person.role == "participant" else "staff", urgent=True,
                priority=outbox.PRIORITY_HIGH)
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
    summary["unreachable chats"] = data["unreachable_chats"]
    for reason, count in data["failure_reasons"].items():
        summary[f"failed: {reason[:80]}"] = count
    return summary


def add_admin_commands(sub) -> None:
    p = sub.add_parser("outbox", help="notification delivery: counts per state, oldest due "
                                      "age, failures with reasons")
    p.add_argument("--failures", type=int, nargs="?", const=20, default=0, metavar="N",
                   help="list the N most recent failed or unreachable notifications")
    p.add_argument("--ping", type=int, metavar="PERSON",
                   help="send a test message to a person (checks delivery)")
    p.set_defaults(fn=admin_outbox)
