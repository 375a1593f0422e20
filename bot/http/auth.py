"""API-key authentication for schools and gemeenten (issue 4): ``Authorization: Bearer <key>``.

Keys are stored as SHA-256 hashes and compared in constant time (storage.orgs). A wrong or missing
key is a 401; a school then reaches only its own rows, which every query enforces by school_id.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from bot.http.app import services
from bot.services import Services
from storage import orgs

bearer = HTTPBearer(auto_error=False, description="The school's or gemeente's API key")


@dataclass(frozen=True)
class Caller:
    """Who is calling: a school or a gemeente, by id."""

    kind: str  # "school" | "gemeente"
    id: int


def _unauthorised() -> HTTPException:
    return HTTPException(status_code=401, detail="missing or wrong API key",
                         headers={"WWW-Authenticate": "Bearer"})


def _limit(svc: Services, who: Caller) -> Caller:
    wait = svc.api_limit.wait(who) if svc.api_limit is not None else 0.0
    if wait > 0:
        raise HTTPException(status_code=429, detail="too many requests for this API key; "
                                                    "retry after the Retry-After seconds",
                            headers={"Retry-After": str(max(1, math.ceil(wait)))})
    return who


async def caller(credentials: HTTPAuthorizationCredentials | None = Depends(bearer),
                 svc: Services = Depends(services)) -> Caller:
    """A school or a gemeente, from its key; 429 past the key's rate limit."""
    if credentials is None or not credentials.credentials:
        raise _unauthorised()
    key = credentials.credentials
    if key.startswith("sch_"):
        school_id = await orgs.school_for_key(svc.db, key)
        if school_id is not None:
            return _limit(svc, Caller("school", school_id))
    elif key.startswith("gem_"):
        gemeente_id = await orgs.gemeente_for_key(svc.db, key)
        if gemeente_id is not None:
            return _limit(svc, Caller("gemeente", gemeente_id))
    raise _unauthorised()


async def school(who: Caller = Depends(caller)) -> int:
    """The calling school's id; a gemeente key is refused here."""
    if who.kind != "school":
        raise HTTPException(status_code=403, detail="this endpoint takes a school's API key")
    return who.id


async def gemeente(who: Caller = Depends(caller)) -> int:
    """The calling gemeente's id; a school key is refused here."""
    if who.kind != "gemeente":
        raise HTTPException(status_code=403, detail="this endpoint takes a gemeente's API key")
    return who.id


__all__ = ["Caller", "caller", "school", "gemeente", "Request"]
