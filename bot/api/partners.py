"""Which schools a gemeente works with (issue 12), set by the gemeente's key: a school may attach
its participants only to klantmanagers of gemeenten that work with it (``storage/partners.py``
enforces it in the query that resolves a klantmanager for a school).

- ``GET /api/v1/partner-schools``: the schools the calling gemeente works with;
- ``PUT /api/v1/partner-schools/{school_id}``: from now on it works with that school;
- ``DELETE /api/v1/partner-schools/{school_id}``: no longer (participants already attached stay
  with their klantmanager; the school can attach no new ones to this gemeente's).
"""

from __future__ import annotations

from datetime import datetime

from fastapi import Depends, HTTPException, Path, Response
from pydantic import BaseModel

from bot.api import api_router
from bot.http import auth
from bot.http.app import services
from bot.services import Services
from storage import orgs, partners

router = api_router(prefix="/api/v1/partner-schools", tags=["partner schools"])
SchoolPath = Path(ge=1, le=2 ** 53, description="The school's id (from the administrator)")


class PartnerSchool(BaseModel):
    school_id: int
    name: str
    since: datetime


async def _school(svc: Services, school_id: int) -> None:
    if await orgs.get_school(svc.db, school_id) is None:
        raise HTTPException(status_code=404, detail=f"there is no school {school_id}")


@router.get("", response_model=list[PartnerSchool])
async def list_partners(gemeente_id: int = Depends(auth.gemeente),
                        svc: Services = Depends(services)) -> list[PartnerSchool]:
    """The schools the calling gemeente works with."""
    return [PartnerSchool(school_id=p.school_id, name=p.school, since=p.since)
            for p in await partners.schools_of(svc.db, gemeente_id)]


@router.put("/{school_id}", response_model=PartnerSchool,
            responses={201: {"description": "The gemeente works with the school from now on"}})
async def add_partner(response: Response, school_id: int = SchoolPath,
                      gemeente_id: int = Depends(auth.gemeente),
                      svc: Services = Depends(services)) -> PartnerSchool:
    """The calling gemeente works with this school: the school may attach participants to its
    klantmanagers (201 when new, 200 when it already did)."""
    await _school(svc, school_id)
    if await partners.add(svc.db, gemeente_id, school_id, svc.now()):
        response.status_code = 201
    return next(PartnerSchool(school_id=p.school_id, name=p.school, since=p.since)
                for p in await partners.schools_of(svc.db, gemeente_id)
                if p.school_id == school_id)


@router.delete("/{school_id}", status_code=204)
async def remove_partner(school_id: int = SchoolPath, gemeente_id: int = Depends(auth.gemeente),
                         svc: Services = Depends(services)) -> Response:
    """The calling gemeente no longer works with this school (404 if it did not)."""
    if not await partners.remove(svc.db, gemeente_id, school_id):
        raise HTTPException(status_code=404,
                            detail=f"you do not work with a school {school_id}")
    return Response(status_code=204)
