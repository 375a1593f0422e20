"""The demo page (issue 16), served by the bot's own HTTP server in the demo only: ``BotApp``
includes this router when ``bot/demo.py`` passes it, production never does.

``/demo/`` is plain HTML, CSS and JavaScript (``demo_static/``, no build, no CDN): a phone-like
chat per demo person, fed live by server-sent events relayed from the sandbox Bot API server's
control API (over HTTP: this module does not import the sandbox); a school console that calls the
real ``/api/v1`` with the demo school's key from the browser; a clock that jumps ahead and runs
the sweeps; a switch for working and quiet hours.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import FileResponse, JSONResponse, Response, StreamingResponse
from pydantic import BaseModel, Field

STATIC = Path(__file__).parent / "demo_static"
FILES = {"demo.css": "text/css", "demo.js": "text/javascript"}
POLL = 15.0  # seconds per long poll of the sandbox while a page listens


@dataclass
class DemoContext:
    """What the page needs of the running demo (filled in by ``bot/demo.py``)."""

    sandbox_url: str
    people: list[dict[str, Any]]
    school_key: str
    school_name: str
    jump: Callable[[timedelta], Awaitable[str]]  # moves the clock, runs the sweeps; new "now"
    set_hours: Callable[[bool], None]  # True: quiet and working hours apply
    suspend: Callable[[], Awaitable[str]]  # suspends the demo school; what admin printed
    now: Callable[[], str]  # the demo clock's time, ISO 8601
    hours_on: bool = False
    ready: bool = False  # every demo person has gone on from the privacy notice
    extra: dict[str, Any] = field(default_factory=dict)


class Text(BaseModel):
    text: str = Field(min_length=1, max_length=4096)


class Press(BaseModel):
    message_id: int
    callback_data: str


class Jump(BaseModel):
    days: int = Field(0, ge=0, le=31)
    hour: int | None = Field(None, ge=0, le=23, description="then on to the next such hour, "
                                                            "local time (23: tonight)")


class Hours(BaseModel):
    on: bool


def demo_router(ctx: DemoContext) -> APIRouter:
    router = APIRouter(prefix="/demo", include_in_schema=False)
    sandbox = httpx.AsyncClient(base_url=ctx.sandbox_url, timeout=POLL + 10)
    user_ids = {person["user_id"] for person in ctx.people}

    def person(user_id: int) -> int:
        if user_id not in user_ids:
            raise HTTPException(404, "no such demo person")
        return user_id

    async def control(method: str, path: str, **kw: Any) -> Any:
        response = await sandbox.request(method, f"/sandbox{path}", **kw)
        body = response.json()
        if not body.get("ok"):
            raise HTTPException(400 if response.status_code < 500 else 502,
                                body.get("description", "the sandbox refused"))
        return body["result"]

    @router.get("/")
    async def page() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    @router.get("/static/{name}")
    async def static(name: str) -> FileResponse:
        if name not in FILES:
            raise HTTPException(404, "no such file")
        return FileResponse(STATIC / name, media_type=FILES[name])

    @router.get("/state")
    async def state() -> dict:
        if not ctx.ready:
            raise HTTPException(503, "the demo is opening the chats")
        return {"people": ctx.people, "school_key": ctx.school_key, "now": ctx.now(),
                "school_name": ctx.school_name, "hours_on": ctx.hours_on, **ctx.extra}

    async def follow(user_id: int, queue: asyncio.Queue) -> None:
        """Put the chat as it is, then every send, edit and delete of the bot, on ``queue``."""
        messages = await control("GET", f"/chats/{user_id}/messages",
                                 params={"include_user": "true"})
        after = max((m["seq"] for m in messages), default=0)
        try:
            after = max(after, (await control("GET", f"/chats/{user_id}"))["last_seq"])
        except HTTPException:
            pass
        await queue.put({"kind": "snapshot", "chat_id": user_id, "messages": messages})
        while True:
            try:
                batch = await control("GET", f"/chats/{user_id}/events",
                                      params={"after": after, "timeout": POLL})
            except (httpx.HTTPError, HTTPException, ValueError):
                await asyncio.sleep(1.0)
                continue
            for event in batch:
                after = max(after, event["seq"])
                await queue.put(event)

    @router.get("/events")
    async def events(request: Request) -> StreamingResponse:
        """Server-sent events of every demo chat in one stream (a browser opens only a few
        connections per server: one stream per chat would starve the console's requests)."""

        async def stream():
            queue: asyncio.Queue = asyncio.Queue()
            tasks = [asyncio.create_task(follow(user_id, queue)) for user_id in sorted(user_ids)]
            try:
                while not await request.is_disconnected():
                    try:
                        event = await asyncio.wait_for(queue.get(), POLL)
                    except TimeoutError:
                        yield ": keep-alive\n\n"
                        continue
                    yield f"data: {json.dumps(event)}\n\n"
            finally:
                for task in tasks:
                    task.cancel()

        return StreamingResponse(stream(), media_type="text/event-stream",
                                 headers={"Cache-Control": "no-cache"})

    @router.post("/chats/{user_id}/send")
    async def send(user_id: int, body: Text) -> dict:
        return await control("POST", f"/users/{person(user_id)}/messages",
                             json={"text": body.text})

    @router.post("/chats/{user_id}/press")
    async def press(user_id: int, body: Press) -> dict:
        return await control("POST", f"/users/{person(user_id)}/press", json=body.model_dump())

    @router.post("/chats/{user_id}/voice")
    async def voice(user_id: int) -> dict:
        """A voice note: the bundled sample (a short silent Ogg file)."""
        return await control("POST", f"/users/{person(user_id)}/voice", json={"duration": 3})

    @router.post("/chats/{user_id}/photo")
    async def photo(user_id: int) -> dict:
        return await control("POST", f"/users/{person(user_id)}/photo",
                             json={"caption": "foto"})

    @router.get("/files/{file_id}")
    async def download(file_id: str, name: str = "document") -> Response:
        response = await sandbox.get(f"/sandbox/files/{file_id}")
        if response.status_code != 200:
            raise HTTPException(404, "no such file")
        safe = "".join(c for c in name if c.isalnum() or c in "._-") or "document"
        return Response(response.content,
                        media_type=response.headers.get("content-type", "application/octet-stream"),
                        headers={"Content-Disposition": f'attachment; filename="{safe}"'})

    @router.post("/clock")
    async def clock(body: Jump) -> dict:
        delta = timedelta(days=body.days)
        if body.hour is not None:
            local = (datetime.fromisoformat(ctx.now()) + delta).astimezone(
                ZoneInfo(ctx.extra.get("tz", "Europe/Amsterdam")))
            target = local.replace(hour=body.hour, minute=0, second=0, microsecond=0)
            delta += target - local if target > local else target + timedelta(days=1) - local
        if delta <= timedelta(0):
            raise HTTPException(422, "say how far: days, an hour of the day, or both")
        return {"now": await ctx.jump(delta)}

    @router.post("/hours")
    async def hours(body: Hours) -> dict:
        ctx.hours_on = body.on
        ctx.set_hours(body.on)
        return {"hours_on": ctx.hours_on}

    @router.post("/suspend")
    async def suspend() -> JSONResponse:
        return JSONResponse({"command": f"inburgerbot admin school-status "
                                        f"'{ctx.school_name}' --status suspended",
                             "output": await ctx.suspend()})

    return router
