"""The HTTP API for schools and gemeenten (issue 4, shared by the attendance, klachten and overstap
routers that live beside this file as separate modules).

Every router here is made with ``api_router(...)`` so all of them answer errors the same way:

- 400 for a body that cannot be read at all (not UTF-8); 401 for a missing or wrong key, 403 for
  the wrong kind of key (bot.http.auth);
- 404 for anything that does not exist *for the caller*: another school's objects look absent;
- 422 with ``{"detail": [{"loc": [...], "msg": "...", "type": "..."}]}`` naming the field and why
  (FastAPI's own validation errors have the same shape; ``field_error`` builds ours);
- 413 for a body larger than ``MAX_BODY_BYTES``, checked on the declared length and while reading;
- 409 when the database refuses a write as conflicting;
- 429 with ``Retry-After`` past the key's rate limit (``INBURGERBOT_API_RATE``, bot.http.auth);
- 503 with ``Retry-After`` when the database cannot be written now (locked by another process,
  disk full, read-only): nothing was stored, the same request may be sent again later;
- never a bare 500: anything unexpected is logged by type and code path only (the exception
  message may quote personal data) and answered with a JSON body.

Each module here exposes ``router``; its Feature in bot/features.py names it, and bot/app.py
includes it.
"""

from __future__ import annotations

import json
import logging
import traceback
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import APIRouter, HTTPException, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from pydantic import BaseModel, ConfigDict
from starlette.exceptions import HTTPException as StarletteHTTPException

from storage.database import integrity_errors, transient_reason

log = logging.getLogger("inburgerbot.api")

# A whole planning of 10,000 lessons with 3,000 participants is about 3 MB of JSON.
MAX_BODY_BYTES = 8 * 1024 * 1024


class ErrorItem(BaseModel):
    """One reason a request was refused: where (``loc``) and why (``msg``)."""

    model_config = ConfigDict(extra="allow")
    loc: list[str | int]
    msg: str
    type: str


class ErrorBody(BaseModel):
    """Every error answer: a sentence, or the list of fields that are wrong."""

    detail: str | list[ErrorItem]


def _response(description: str) -> dict[str, Any]:
    return {"model": ErrorBody, "description": description}


COMMON_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: _response("The body could not be read (not UTF-8 text)"),
    401: _response("Missing or wrong API key"),
    403: _response("This endpoint takes the other kind of API key (school or gemeente)"),
    404: _response("Not found for this key: it does not exist or belongs to someone else"),
    409: _response("The write conflicts with stored data"),
    503: _response("The database cannot be written now; nothing was stored, retry after "
                   "the `Retry-After` seconds"),
    413: _response(f"The body is larger than {MAX_BODY_BYTES} bytes"),
    422: _response("A field is missing or wrong; `detail` names it (`loc`) and says why (`msg`)"),
    429: _response("Too many requests for this API key; retry after the `Retry-After` seconds"),
    500: _response("Unexpected error; logged without personal data"),
}


class BodyTooLarge(HTTPException):
    def __init__(self) -> None:
        super().__init__(status_code=413, detail=f"the body is larger than {MAX_BODY_BYTES} bytes")


def field_error(loc: list[str | int], msg: str, type: str = "value_error",
                status_code: int = 422) -> HTTPException:
    """An error naming one field, in the same shape as FastAPI's validation errors."""
    return HTTPException(status_code=status_code, detail=[{"loc": loc, "msg": msg, "type": type}])


def field_errors(items: list[tuple[list[str | int], str]], status_code: int = 422) -> HTTPException:
    return HTTPException(status_code=status_code,
                         detail=[{"loc": loc, "msg": msg, "type": "value_error"}
                                 for loc, msg in items])


def _limited(receive: Callable[[], Awaitable[dict]], limit: int) -> Callable[[], Awaitable[dict]]:
    """Count the bytes of a streamed body and stop at ``limit`` (chunked uploads have no length)."""
    seen = 0

    async def receive_limited() -> dict:
        nonlocal seen
        message = await receive()
        if message.get("type") == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise BodyTooLarge()
        return message

    return receive_limited


def json_response(body: Any, status_code: int) -> Response:
    """JSON with ASCII escapes, so text the client sent (even a lone surrogate) cannot break it."""
    return Response(json.dumps(body, ensure_ascii=True, default=str), status_code=status_code,
                    media_type="application/json")


def validation_response(exc: RequestValidationError) -> Response:
    """422 naming each wrong field and why; the offending values are not echoed back."""
    items = [{"loc": [part if isinstance(part, (int, str)) else str(part)
                      for part in error.get("loc", ())],
              "msg": str(error.get("msg", "")), "type": str(error.get("type", "value_error"))}
             for error in exc.errors()]
    return json_response({"detail": items}, 422)


class ApiRoute(APIRoute):
    """A route that limits the body size, answers validation errors as ``ErrorBody`` (without
    echoing the values sent), lets HTTP errors through to FastAPI's handler, and never lets an
    unexpected exception become a bare 500 page."""

    def get_route_handler(self) -> Callable[[Request], Awaitable[Response]]:
        handler = super().get_route_handler()
        route_name = self.name

        async def guarded(request: Request) -> Response:
            declared = request.headers.get("content-length")
            if declared is not None and declared.isdigit() and int(declared) > MAX_BODY_BYTES:
                return json_response({"detail": BodyTooLarge().detail}, 413)
            limited = Request(request.scope, _limited(request.receive, MAX_BODY_BYTES))
            try:
                return await handler(limited)
            except RequestValidationError as exc:
                return validation_response(exc)
            except StarletteHTTPException:
                raise
            except integrity_errors() as exc:
                # The constraint name is safe to log; the values are not.
                log.warning("api %s: integrity error %s", route_name,
                            str(exc).split(":")[0][:80])
                return json_response({"detail": "the write conflicts with stored data"}, 409)
            except Exception as exc:
                reason = transient_reason(exc)
                if reason is None:
                    return unexpected(route_name, exc)
                log.warning("api %s: database cannot be written (%s)", route_name, reason)
                return unavailable(f"the database cannot be written now ({reason}); nothing "
                                   "was stored, try again later")

        return guarded


RETRY_AFTER_SECONDS = 5


def unavailable(detail: str, retry_after: int = RETRY_AFTER_SECONDS) -> Response:
    response = json_response({"detail": detail}, 503)
    response.headers["Retry-After"] = str(retry_after)
    return response


def unexpected(route_name: str, exc: Exception) -> Response:
    """The last resort: logged without its message (it may hold data)."""
    frames = "".join(traceback.format_tb(exc.__traceback__))
    log.error("api %s: unhandled %s\n%s", route_name, type(exc).__name__, frames)
    return json_response({"detail": "unexpected error; it was logged"}, 500)


def api_router(**kwargs: Any) -> APIRouter:
    """An APIRouter with the shared error handling and the documented error answers."""
    responses = dict(COMMON_RESPONSES)
    responses.update(kwargs.pop("responses", {}) or {})
    return APIRouter(route_class=ApiRoute, responses=responses, **kwargs)


__all__ = ["ApiRoute", "ErrorBody", "ErrorItem", "COMMON_RESPONSES", "MAX_BODY_BYTES",
           "api_router", "field_error", "field_errors", "BodyTooLarge"]
