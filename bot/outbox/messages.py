"""The outbox's own notifications (issue 3): a test message an administrator can send to check
delivery, and the klantmanager's alert that a participant can no longer be reached on Telegram."""

from __future__ import annotations

from datetime import datetime

from bot.i18n import Translator
from bot.outbox import renders

PING = "outbox.ping"
UNREACHABLE_ALERT = "outbox.participant_unreachable"


@renders(PING)
def ping(tr: Translator, params: dict) -> str:
    return tr._(
        "Test message from the bot: messages reach you here. You do not need to do anything.")


@renders(UNREACHABLE_ALERT)
def participant_unreachable(tr: Translator, params: dict) -> str:
    since = datetime.fromisoformat(params["since"])
    return tr.s_("{name} can no longer be reached on Telegram since {date}: they blocked the bot "
                 "or deleted their account. Please contact them in another way.",
                 name=params["name"], date=tr.datetime(since))
