"""The HTTP route of a participant's private calendar feed (issue 4, convenant art. 10.4: a clear
lesrooster): ``/rooster/<token>.ics``, the address the participant gets in the bot with /rooster.
No API key: the unguessable address is the secret, and an unknown or renewed one is a 404. The
iCalendar document itself is built by ``bot.rooster.feed``.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Path, Response

from bot.api import ApiRoute, ErrorBody
from bot.http.app import services
from bot.rooster.feed import feed_document
from bot.services import Services
from storage import feed_tokens

TOKEN_PATTERN = r"^[A-Za-z0-9_-]{20,64}$"


router = APIRouter(tags=["calendar feed"], route_class=ApiRoute)


@router.get(
    "/rooster/{token}.ics", response_class=Response,
    summary="A participant's private calendar feed",
    responses={200: {"content": {"text/calendar": {"schema": {"type": "string"}}},
                     "description": "The lessons as iCalendar (RFC 5545)"},
               404: {"model": ErrorBody, "description": "Unknown or renewed link"},
               422: {"model": ErrorBody, "description": "Not a feed token"}})
async def calendar_feed(token: str = Path(pattern=TOKEN_PATTERN, description="from the bot"),
                        svc: Services = Depends(services)) -> Response:
    """Subscribe to this address in a calendar app; the participant gets it in the bot with
    /rooster. No API key: the address itself is the secret."""
    person_id = await feed_tokens.person_for_feed_token(svc.db, token)
    if person_id is None:
        return Response('{"detail":"unknown calendar link"}', status_code=404,
                        media_type="application/json")
    return Response(await feed_document(svc, person_id), media_type="text/calendar",
                    headers={"Cache-Control": "private, max-age=300"})
