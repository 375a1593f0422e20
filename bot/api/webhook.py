"""The Telegram webhook (issue 17): ``POST <path of INBURGERBOT_WEBHOOK_URL>``.

Telegram sends each update as JSON with ``X-Telegram-Bot-Api-Secret-Token``, the secret_token
given to setWebhook at start. A wrong or missing token is answered 403 and nothing is processed.
A right one hands the update to the bot, which handles it before the answer: a 200 tells Telegram
the update was taken (handled and its effects committed); a bot not yet running answers 503 and
Telegram delivers the update again later.
"""

from __future__ import annotations

import hmac
import json
import logging

from fastapi import APIRouter, Request, Response

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


def webhook_router(path: str) -> APIRouter:
    router = APIRouter()

    @router.post(path, include_in_schema=False)
    async def telegram_update(request: Request) -> Response:
        bot = request.app.state.bot
        given = request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, bot.settings.webhook_token.encode()):
            log.warning("webhook request with a %s secret token refused",
                        "wrong" if given else "missing")
            return Response('{"detail":"wrong or missing secret token"}', status_code=403,
                            media_type="application/json")
        try:
            update = json.loads(await request.body())
        except ValueError:
            return Response('{"detail":"the body is not JSON"}', status_code=400,
                            media_type="application/json")
        if not isinstance(update, dict) or not isinstance(update.get("update_id"), int):
            return Response('{"detail":"not a Telegram update"}', status_code=400,
                            media_type="application/json")
        try:
            taken = await bot.receive_update(update)
        except ValueError:
            return Response('{"detail":"not a Telegram update"}', status_code=400,
                            media_type="application/json")
        if not taken:
            return Response('{"detail":"starting"}', status_code=503,
                            headers={"Retry-After": "5"}, media_type="application/json")
        return Response(status_code=200)

    return router
