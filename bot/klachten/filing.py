"""Filing a klacht (issue 5; Blik op Werk norm 1.5.2 and 1.5.6, convenant art. 13.4).

"Received means stored": one transaction stores the klacht with its attachments, the staff
involved in it (those the participant picked and those named by full name in the text: they may
not handle it, norm 1.5.2) and the deadlines of a formal klacht, and enqueues its notifications:
to the school's independent handlers, or as a signal to the participant's klantmanager. Only
then is the participant told it was received; the ontvangstbevestiging is recorded once it went
out, or sent through the outbox when the direct reply failed.

Takes plain data (``KlachtDraft``), so the /klacht conversation and an HTTP API file alike; the
caller has already checked the input against ``bot.klachten.limits`` and the topics.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.klachten import routing
from bot.klachten.limits import DAY, MAX_PER_DAY
from bot.refusal import Refused
from bot.rules.klacht_deadlines import deadlines
from storage import klachten as store
from storage.database import Database, Tx
from storage.klachten import Klacht
from storage.people import Person

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class KlachtDraft:
    """A klacht as the participant confirmed it.

    ``route`` is "school" (a formal klacht) or "klantmanager" (a signal); ``files`` are dicts with
    ``kind``, ``file_id`` and ``file_unique_id`` (Telegram file ids); ``involved`` are ids of the
    school's staff the participant said are part of it; ``language`` is the participant's.
    """

    participant: Person
    topic: str
    text: str
    route: str
    anonymous: bool
    language: str | None
    files: tuple[dict, ...] = ()
    involved: tuple[int, ...] = ()


@dataclass(frozen=True)
class Filed:
    """The stored klacht: what the participant is told (reference, the school's deadlines)."""

    klacht: Klacht
    caller: str | None = None  # who will call about a safety klacht (issue 14)

    @property
    def reference(self) -> str:
        return self.klacht.reference

    @property
    def decide_by(self) -> datetime | None:
        return self.klacht.decide_by

    @property
    def handle_by(self) -> datetime | None:
        return self.klacht.handle_by

    @property
    def ack_params(self) -> dict:
        """The parameters of the acknowledgement message (``bot.klachten.notices``)."""
        return routing.ack_params(self.klacht, self.caller)


class TooManyKlachten(Refused):
    """The participant already filed ``MAX_PER_DAY`` klachten in the last 24 hours."""


def named_in_text(text: str, staff) -> list[int]:
    """Staff whose full name the participant wrote in the klacht: they are involved."""
    folded = " ".join(text.casefold().split())
    return [p.id for p in staff
            if len(p.name) >= 4 and " ".join(p.name.casefold().split()) in folded]


async def at_daily_limit(db: Database | Tx, participant_id: int, now: datetime) -> bool:
    """True when the participant may file no more klachten now (``MAX_PER_DAY`` in 24 hours)."""
    return await store.count_filed_since(db, participant_id, now - DAY) >= MAX_PER_DAY


async def file_klacht(db: Database, draft: KlachtDraft, *, now: datetime, tz: ZoneInfo,
                      draft_chat_id: int | None = None) -> Filed:
    """Store the klacht and enqueue its notifications in one transaction.

    ``draft_chat_id``: the chat whose stored draft this was; it is deleted in the same
    transaction, so a klacht cannot be sent twice. Raises ``TooManyKlachten`` (nothing stored,
    the draft kept) when the participant is at the daily limit.
    """
    caller = None
    async with db.transaction() as tx:
        klacht = await file_in(tx, draft, now=now, tz=tz)
        if klacht is not None:
            if draft.route == "school" and routing.about_safety(klacht):
                caller = await routing.safety_caller(tx, klacht)
            if draft_chat_id is not None:
                await store.delete_draft(tx, draft_chat_id)
    if klacht is None:
        raise TooManyKlachten(f"at most {MAX_PER_DAY} klachten in 24 hours")
    log.info("klacht %s filed (route %s)", klacht.id, klacht.route)
    return Filed(klacht, caller)


async def file_in(tx: Tx, draft: KlachtDraft, *, now: datetime, tz: ZoneInfo) -> Klacht | None:
    """``file_klacht`` inside the caller's transaction (a feature that files a klacht together
    with its own change, such as a disputed invoice); None at the daily limit."""
    person = draft.participant
    if await at_daily_limit(tx, person.id, now):
        return None
    involved = [(pid, "participant") for pid in draft.involved]
    if draft.route == "school":
        staff = await store.school_staff(tx, person.school_id)
        involved += [(pid, "named_in_text") for pid in named_in_text(draft.text, staff)
                     if pid not in draft.involved]
    klacht = await store.file_klacht(
        tx, participant=person, route=draft.route, topic=draft.topic,
        description=draft.text, language=draft.language, anonymous=draft.anonymous,
        attachments=list(draft.files), involved=involved, now=now,
        deadlines=deadlines(now, tz).as_dict() if draft.route == "school" else None)
    if draft.route == "school":
        await routing.deliver_to_handlers(tx, klacht, now)
    else:
        await routing.deliver_signal(tx, klacht, now)
    return klacht


async def acknowledged(db: Database, filed: Filed, now: datetime) -> None:
    """The acknowledgement reached the participant directly: record it (norm 1.5.6)."""
    async with db.transaction() as tx:
        await store.mark_acknowledged(tx, filed.klacht.id, now)


async def acknowledge_later(db: Database, filed: Filed, now: datetime) -> None:
    """The direct acknowledgement did not go out: send it through the outbox instead. The
    register gets its date when Telegram accepts it (the klachten sweep), not now."""
    async with db.transaction() as tx:
        await routing.send_acknowledgement_later(tx, filed.klacht, now)
