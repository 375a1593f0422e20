"""The contact API (issue 14): a school or a gemeente sets how its participants reach it (phone,
e-mail, opening hours, address), shown by /contact; a gemeente also says how much of the
klantmanager its participants see and sets its klantmanagers' own phone and e-mail."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import Depends, Path
from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from bot.api import api_router, field_error
from bot.api.rooster_models import TEXT_PATTERN
from bot.contact import EMAIL_PATTERN, MAX_LINE, PHONE_PATTERN
from bot.http.app import services
from bot.http.auth import Caller, caller, gemeente
from bot.services import Services
from storage import contacts as store

router = api_router(prefix="/api/v1", tags=["contact"])

Line = Annotated[str, StringConstraints(pattern=TEXT_PATTERN, min_length=1, max_length=MAX_LINE)]
Phone = Annotated[str, StringConstraints(pattern=PHONE_PATTERN)]
Email = Annotated[str, StringConstraints(pattern=EMAIL_PATTERN, max_length=MAX_LINE)]
Shown = Literal["none", "name", "name_and_contact"]


class ContactIn(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid")

    phone: Phone | None = None
    email: Email | None = None
    hours: Line | None = Field(None, description="When someone answers, e.g. 'ma-vr 9-17'")
    address: Line | None = None
    klantmanager_shown: Shown | None = Field(
        None, description="A gemeente only: what its participants see of their klantmanager "
                          "(none, name, or name_and_contact); default name")


class ContactOut(BaseModel):
    phone: str | None
    email: str | None
    hours: str | None
    address: str | None
    klantmanager_shown: Shown | None


class KlantmanagerContactIn(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid")

    phone: Phone | None = None
    email: Email | None = None


def _out(who: Caller, contact: store.Contact) -> ContactOut:
    return ContactOut(phone=contact.phone, email=contact.email, hours=contact.hours,
                      address=contact.address,
                      klantmanager_shown=contact.klantmanager_shown
                      if who.kind == "gemeente" else None)


@router.put("/contact", response_model=ContactOut)
async def put_contact(body: ContactIn, who: Caller = Depends(caller),
                      svc: Services = Depends(services)) -> ContactOut:
    """Set the contact participants see in /contact (replaces the whole contact)."""
    if who.kind != "gemeente" and body.klantmanager_shown is not None:
        raise field_error(["body", "klantmanager_shown"], "only a gemeente decides this")
    contact = store.Contact(body.phone, body.email, body.hours, body.address,
                            body.klantmanager_shown or "name")
    async with svc.db.transaction() as tx:
        await store.set_contact(tx, who.kind, who.id, contact, svc.now())
    return _out(who, contact)


@router.get("/contact", response_model=ContactOut)
async def get_contact(who: Caller = Depends(caller),
                      svc: Services = Depends(services)) -> ContactOut:
    return _out(who, await store.get_contact(svc.db, who.kind, who.id) or store.Contact())


@router.put("/klantmanagers/{person_id}/contact", response_model=KlantmanagerContactIn)
async def put_klantmanager_contact(body: KlantmanagerContactIn,
                                   person_id: int = Path(ge=1, le=2 ** 53),
                                   gemeente_id: int = Depends(gemeente),
                                   svc: Services = Depends(services)) -> KlantmanagerContactIn:
    """A klantmanager's own phone and e-mail, shown to their participants when the gemeente's
    contact says name_and_contact."""
    if not await store.klantmanager_of_gemeente(svc.db, person_id, gemeente_id):
        raise field_error(["path", "person_id"], "no such klantmanager for this key",
                          "not_found", 404)
    async with svc.db.transaction() as tx:
        await store.set_klantmanager_contact(tx, person_id, body.phone, body.email, svc.now())
    return body
