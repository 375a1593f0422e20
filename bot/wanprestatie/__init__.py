"""When a participant keeps not coming (issue 15; BoW "Wanprestatie door de Cursist").

The school records every attempt to reach the participant (a call, a message, a conversation, a
warning) with its date and outcome: that record is what the auditor asks for, the overview a
registered letter carries, and what the klantmanager sees in /caseload. A warning can go to the
participant through the bot: a standard text per kind, in their language, that states the
consequences for the course contract, with the school's own note added. The record and its
message are written in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bot.outbox import enqueue
from bot.services import Services
from bot.wanprestatie import notices  # noqa: F401  (registers the renderer)
from storage import contact_attempts as store
from storage.people import Person

KINDS = ("call", "message", "conversation", "warning")
OUTCOMES = ("reached", "not_reached", "promised_to_come", "refused", "sent")
WARNING_KINDS = ("absence", "agreements", "final")


@dataclass(frozen=True)
class Attempt:
    kind: str
    attempted_on: date
    outcome: str
    note: str | None = None
    warning_kind: str | None = None
    come_back_by: date | None = None
    send: bool = False


async def record(services: Services, *, school_id: int, person: Person,
                 attempt: Attempt) -> int:
    """Store one attempt; a warning to be sent is queued for the participant with it."""
    if attempt.kind not in KINDS or attempt.outcome not in OUTCOMES:
        raise ValueError("unknown kind or outcome")
    if (attempt.kind == "warning") != (attempt.warning_kind is not None):
        raise ValueError("a warning, and only a warning, has a warning kind")
    send = attempt.send and attempt.kind == "warning"
    now = services.now()
    async with services.db.transaction() as tx:
        attempt_id = await store.insert_attempt(
            tx, person_id=person.id, school_id=school_id, kind=attempt.kind,
            attempted_on=attempt.attempted_on, outcome=attempt.outcome, note=attempt.note,
            warning_kind=attempt.warning_kind, come_back_by=attempt.come_back_by, sent=send,
            now=now)
        if send:
            await enqueue(tx, message_key="wanprestatie.warning",
                          params={"attempt_id": attempt_id}, now=now, person_id=person.id,
                          dedupe_key=f"wanprestatie:{attempt_id}")
    return attempt_id
