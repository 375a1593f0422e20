"""Objects an API path names, resolved for the caller only: another school's look absent (404)."""

from __future__ import annotations

from bot.api import field_error
from bot.services import Services
from storage import participants as participant_store
from storage import people


async def school_participant(svc: Services, school_id: int, external_id: str) -> people.Person:
    """The school's participant with this external id, or a 404 naming the path."""
    known = await participant_store.participants_by_external(svc.db, school_id, [external_id])
    row = known.get(external_id)
    if row is None:
        raise field_error(["path", "external_id"], "no such participant for this key",
                          "not_found", 404)
    return await people.get_person(svc.db, row.id)
