"""A person to ask (issue 14): whom a participant can reach, and how.

The feature across the layers: ``conversations/contact.py`` (/contact), ``bot/api/contact.py``
(a school or gemeente sets its contact; a gemeente sets its klantmanagers' phone and e-mail and
how much of the klantmanager its participants see), ``bot/admin/contact.py`` (the same from the
admin CLI), ``storage/contacts.py`` (the rows). This module gathers what one participant sees.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.services import Services
from storage import contacts as store
from storage import orgs, people
from storage.people import Person

PHONE_PATTERN = r"^\+?[0-9][0-9 ()-]{4,24}$"
EMAIL_PATTERN = r"^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$"
# One line of text: no control characters, not only spaces.
LINE_PATTERN = r"^[^\x00-\x1f\x7f]*[^\s\x00-\x1f\x7f][^\x00-\x1f\x7f]*$"
MAX_LINE = 200


def invalid_fields(phone: str | None, email: str | None, *lines: str | None) -> list[str]:
    """Which of the given contact values are malformed (empty ones are fine: not given)."""
    wrong = []
    if phone and not re.match(PHONE_PATTERN, phone):
        wrong.append("phone")
    if email and (len(email) > MAX_LINE or not re.match(EMAIL_PATTERN, email)):
        wrong.append("email")
    if any(line and (len(line) > MAX_LINE or not re.match(LINE_PATTERN, line))
           for line in lines):
        wrong.append("text")
    return wrong


@dataclass(frozen=True)
class Reachable:
    """Who a participant can ask: their school with its contact, and their klantmanager as far
    as the gemeente allows (name, then phone and e-mail), with the gemeente's own contact."""

    school: str | None
    school_contact: store.Contact | None
    klantmanager: str | None
    klantmanager_phone: str | None
    klantmanager_email: str | None
    gemeente: str | None
    gemeente_contact: store.Contact | None


async def reachable(services: Services, person: Person) -> Reachable:
    db = services.db
    school = await orgs.get_school(db, person.school_id) if person.school_id else None
    school_contact = (await store.get_contact(db, "school", person.school_id)
                      if person.school_id else None)
    km = await people.get_person(db, person.klantmanager_id) if person.klantmanager_id else None
    gemeente_id = km.gemeente_id if km is not None else person.gemeente_id
    gemeente_contact = (await store.get_contact(db, "gemeente", gemeente_id)
                        if gemeente_id else None)
    shown = gemeente_contact.klantmanager_shown if gemeente_contact else "name"
    km_name = km.name if km is not None and shown != "none" else None
    phone = email = None
    if km is not None and shown == "name_and_contact":
        phone, email = await store.get_klantmanager_contact(db, km.id)
    gemeente = await orgs.gemeente_name(db, gemeente_id) if gemeente_id else None
    return Reachable(school.name if school else None, school_contact, km_name, phone, email,
                     gemeente, gemeente_contact)
