"""``GET /metrics``: Prometheus' text format (issue 17).

Readable from the networks in ``INBURGERBOT_METRICS_ALLOW`` (by default this machine only), or
from anywhere with ``Authorization: Bearer <INBURGERBOT_METRICS_TOKEN>``; anyone else gets 403.
"""

from __future__ import annotations

import hmac
from ipaddress import ip_address

from fastapi import APIRouter, Request, Response

from bot.metrics import CONTENT_TYPE

router = APIRouter()


def allowed(request: Request, settings) -> bool:
    token = settings.metrics_token
    given = request.headers.get("authorization", "")
    if token and hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
        return True
    host = request.client.host if request.client else ""
    try:
        address = ip_address(host)
    except ValueError:
        return False
    return any(address in network for network in settings.metrics_allow)


@router.get("/metrics", include_in_schema=False)
async def metrics(request: Request) -> Response:
    bot = request.app.state.bot
    if not allowed(request, bot.settings):
        return Response('{"detail":"/metrics is open to the allowed networks or with the '
                        'metrics token only"}', status_code=403, media_type="application/json")
    return Response(await bot.metrics.render(bot.services), media_type=CONTENT_TYPE)
