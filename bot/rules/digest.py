"""When the daily digests are due (issue 6: the klantmanager's unseen alerts; issue 14: the
klachtbehandelaar's waiting klachten and the urenverklaring requests not yet issued): on working
days, once the digest time (``INBURGERBOT_DIGEST_TIME``, 08:30 unless set) has passed."""

from __future__ import annotations

from datetime import date, datetime, time, tzinfo

from bot.rules.localtime import at_local
from bot.rules.working_days import is_working_day

DEFAULT_TIME = time(8, 30)


def digest_day(now: datetime, digest_time: time | None, tz: tzinfo) -> date | None:
    """The local day whose digest is due at ``now``; None on a non-working day or before the
    digest time."""
    day = now.astimezone(tz).date()
    if not is_working_day(day) or now < at_local(day, digest_time or DEFAULT_TIME, tz):
        return None
    return day
