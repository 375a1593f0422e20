"""The holiday arrangement repeated a week before each holiday (issue 15; convenant art. 10.6).

A sweep finds the holidays that start within the coming week and tells each participant they
are for (the whole school's, or the group's members) in their own language, once per holiday and
start day: the reminder is recorded in the same transaction as the messages it queues.
"""

from __future__ import annotations

from datetime import date, datetime

from bot.i18n import Translator
from bot.outbox import Notice, enqueue_many, renders
from bot.rules import holiday_reminder as rules
from bot.services import Services
from storage import holidays as store

MESSAGE = "rooster.holiday_week"


async def sweep(services: Services, now: datetime) -> int:
    """Queue the reminders due now; returns how many participants were told."""
    tz = services.settings.tz
    today = now.astimezone(tz).date()
    told = 0
    for holiday, announced in await store.holidays_to_remind(services.db, *rules.window(today)):
        due = rules.due(today, holiday.starts_on, announced.astimezone(tz).date())
        audience = await store.holiday_audience(services.db, holiday.id) if due else []
        params = {"name": holiday.name, "from": holiday.starts_on.isoformat(),
                  "to": holiday.ends_on.isoformat()}
        async with services.db.transaction() as tx:
            # Announced within the week: marked with no one told, so it is not looked at again.
            if not await store.mark_reminded(tx, holiday, len(audience), now):
                continue
            told += await enqueue_many(tx, [Notice(
                MESSAGE, params, person_id=person_id,
                dedupe_key=f"holiday_week:{holiday.id}:{holiday.starts_on}:{person_id}")
                for person_id in audience], now)
    return told


@renders(MESSAGE)
def _render(tr: Translator, params: dict) -> str:
    first, last = date.fromisoformat(params["from"]), date.fromisoformat(params["to"])
    return tr.lines([
        "🏖 " + tr.f_("Reminder: the holiday {name} is from {first} to {last}. There are no "
                     "lessons then.", name=params.get("name", ""),
                     first=tr.weekday_date(first), last=tr.weekday_date(last)),
        tr._("Your lessons start again after the holiday. Send /rooster to see them."),
    ])


SWEEPS = (("holiday_reminder", sweep),)
