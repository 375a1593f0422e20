"""A klacht the school received by mail, phone or on paper (issue 11 point 11; Blik op Werk norm
1.5.6: the register holds every klacht with its date of receipt; 1.5.8: 80% handled in term).

Staff register it in the bot (``/klachtinvoeren``, ``conversations/klacht_intake.py``) or the
school's system sends it (``POST /api/v1/klachten``). It is stored as a formal klacht with its
*real* date of receipt: the deadlines (``bot.rules.klacht_deadlines``) run from that date, so a
klacht that lay on a desk for three weeks gets its reminder at once, and it counts in the report
and the 80% figure like any other. The school's independent handlers get its card; the
participant gets the acknowledgement through the bot (recorded when Telegram accepted it), unless
the school already acknowledged it in writing and says when.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from bot.klachten import routing
from bot.klachten.filing import Filed
from bot.klachten.limits import MAX_TEXT, has_words
from bot.klachten.topics import DUO_TOPICS, GEMEENTE_TOPICS, TOPICS
from bot.refusal import Refused
from bot.rules.klacht_deadlines import deadlines
from bot.rules.localtime import at_local, local_date
from storage import klacht_routes, people
from storage import klachten as store
from storage.database import Database
from storage.people import Person

log = logging.getLogger(__name__)

CHANNELS = ("mail", "phone", "paper")
# Topics a school's own procedure handles (the gemeente's and DUO's are not the school's).
SCHOOL_TOPICS = tuple(code for code in TOPICS if code not in GEMEENTE_TOPICS | DUO_TOPICS)
EARLIEST = date(2000, 1, 1)


class BadIntake(Refused):
    """The registration cannot be stored as given; ``field`` names what is wrong."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


@dataclass(frozen=True)
class Intake:
    """A klacht as staff registered it."""

    participant: Person
    topic: str
    text: str
    channel: str
    received_on: date
    acknowledged_on: date | None = None
    anonymous: bool = False


def check(intake: Intake, today: date) -> None:
    """Raise ``BadIntake`` for what cannot be stored."""
    if intake.channel not in CHANNELS:
        raise BadIntake("channel", f"one of {', '.join(CHANNELS)}")
    if intake.topic not in SCHOOL_TOPICS:
        raise BadIntake("topic", f"one of {', '.join(SCHOOL_TOPICS)}")
    if not has_words(intake.text) or len(intake.text) > MAX_TEXT:
        raise BadIntake("description", f"a text with words, at most {MAX_TEXT} characters")
    if not EARLIEST <= intake.received_on <= today:
        raise BadIntake("received_on", "a date of receipt not in the future")
    ack = intake.acknowledged_on
    if ack is not None and not intake.received_on <= ack <= today:
        raise BadIntake("acknowledged_on", "between the date of receipt and today")


def received_moment(day: date, now: datetime, tz: ZoneInfo) -> datetime:
    """When it came in: now if today, else midday of that day (only its date is registered)."""
    return now if day == local_date(now, tz) else at_local(day, time(12), tz)


async def register(db: Database, intake: Intake, *, registered_by: Person | None,
                   now: datetime, tz: ZoneInfo) -> Filed:
    """Store the klacht with its deadlines from the date of receipt and enqueue the handlers'
    cards and the acknowledgement, in one transaction."""
    check(intake, local_date(now, tz))
    received_at = received_moment(intake.received_on, now, tz)
    async with db.transaction() as tx:
        klacht = await store.file_klacht(
            tx, participant=intake.participant, route="school", topic=intake.topic,
            description=intake.text,
            language=await people.person_language(tx, intake.participant.id),
            anonymous=intake.anonymous, attachments=[], involved=[], now=received_at,
            deadlines=deadlines(received_at, tz).as_dict())
        await klacht_routes.set_channel(tx, klacht.id, intake.channel,
                                        registered_by.id if registered_by else None, now)
        if intake.acknowledged_on is not None:
            await store.mark_acknowledged(
                tx, klacht.id, received_moment(intake.acknowledged_on, now, tz))
        else:
            await routing.send_acknowledgement_later(tx, klacht, now)
        await routing.deliver_to_handlers(tx, klacht, now)
        klacht = await store.get_klacht(tx, klacht.id)
    log.info("klacht %s registered (channel %s)", klacht.id, intake.channel)
    return Filed(klacht)
