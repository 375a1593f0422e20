"""The user side of the sandbox: simulated Telegram users talking to a bot over HTTP.

Only the sandbox's ``/sandbox/...`` control endpoints are used, so the bot under test may run
in this process or in another one.

    async with SandboxClient(server.url) as client:
        anna = await client.user(101, "Anna", language_code="nl")
        await anna.send("/start")
        welcome = await anna.wait_for_message("Welkom")
        await anna.press("Nederlands", welcome)
"""

from __future__ import annotations

import base64
import functools
import ssl
import time
from dataclasses import dataclass, field
from typing import Any

import httpx

POLL_SLICE = 5.0  # seconds per long-poll request while waiting for a message


class SandboxError(Exception):
    """The sandbox refused a control request (status and description as sent)."""

    def __init__(self, status: int, description: str) -> None:
        super().__init__(f"{status}: {description}")
        self.status = status
        self.description = description


@dataclass
class SentMessage:
    """A bot message as the user sees it (at the moment of one event)."""

    message_id: int
    text: str
    buttons: list[list[tuple[str, str]]]
    document: dict[str, Any] | None
    edited: bool
    seq: int
    chat_id: int = 0
    kind: str = "message"
    photo: list[dict[str, Any]] | None = None
    raw: dict[str, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def from_event(cls, event: dict[str, Any]) -> SentMessage:
        """Build from a control API event or message entry."""
        message = event["message"]
        rows = (message.get("reply_markup") or {}).get("inline_keyboard") or []
        buttons = [[(b["text"], b.get("callback_data", "")) for b in row] for row in rows]
        return cls(
            message_id=message["message_id"],
            text=message.get("text") or message.get("caption") or "",
            buttons=buttons,
            document=message.get("document"),
            edited=event.get("kind") == "edit" or bool(event.get("edited")),
            seq=event.get("seq", 0),
            chat_id=message["chat"]["id"],
            kind=event.get("kind", "message"),
            photo=message.get("photo"),
            raw=message,
        )

    @property
    def commands(self) -> list[str]:
        """The tappable /commands of the text, as Telegram marks them (bot_command entities)."""
        text = self.text.encode("utf-16-le")
        entities = self.raw.get("entities") or self.raw.get("caption_entities") or []
        return [
            text[2 * e["offset"]:2 * (e["offset"] + e["length"])].decode("utf-16-le")
            for e in entities if e["type"] == "bot_command"
        ]

    @property
    def button_texts(self) -> list[str]:
        """All button labels, row by row."""
        return [text for row in self.buttons for text, _ in row]

    def find_button(self, button: str | int) -> tuple[str, str]:
        """(text, callback_data) by exact text, then substring, or by 0-based flat index."""
        flat = [b for row in self.buttons for b in row]
        if isinstance(button, int):
            if 0 <= button < len(flat):
                return flat[button]
        else:
            exact = [b for b in flat if b[0] == button]
            partial = [b for b in flat if button in b[0]]
            if exact or partial:
                return (exact or partial)[0]
        raise AssertionError(
            f"no button {button!r} on message {self.message_id}; buttons: {self.button_texts}"
        )


class SandboxClient:
    """HTTP client of the sandbox control API."""

    def __init__(self, url: str) -> None:
        self.url = url.rstrip("/")
        self._http = httpx.AsyncClient(
            base_url=self.url, timeout=POLL_SLICE + 10, verify=_ssl_context()
        )

    async def __aenter__(self) -> SandboxClient:
        return self

    async def __aexit__(self, *exc_info: Any) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the HTTP connections."""
        await self._http.aclose()

    async def call(self, method: str, path: str, **kwargs: Any) -> Any:
        """One control request; returns ``result`` or raises SandboxError."""
        response = await self._http.request(method, f"/sandbox{path}", **kwargs)
        try:
            body = response.json()
        except ValueError:
            raise SandboxError(response.status_code, response.text) from None
        if response.status_code >= 400 or not body.get("ok"):
            raise SandboxError(response.status_code, body.get("description", ""))
        return body["result"]

    async def download_file(self, file_id: str) -> bytes:
        """The bytes of any file the sandbox knows."""
        response = await self._http.get(f"/sandbox/files/{file_id}")
        if response.status_code != 200:
            raise SandboxError(response.status_code, response.text)
        return response.content

    async def user(
        self, user_id: int, first_name: str, language_code: str | None = None, **kw: Any
    ) -> SandboxUser:
        """Create (or update) a user; extra fields: last_name, username, is_premium."""
        payload = {"id": user_id, "first_name": first_name, "language_code": language_code, **kw}
        result = await self.call("POST", "/users", json=payload)
        return SandboxUser(self, user_id, last_seq=result["last_seq"])

    async def stats(self) -> dict[str, Any]:
        """Server counters: messages per chat, 429s, send timestamps, pending updates..."""
        return await self.call("GET", "/stats")

    async def set_limits(self, on: bool, **limits: Any) -> None:
        """Switch rate limits on/off; optional global_limit, chat_rate, chat_burst."""
        await self.call("POST", "/limits", json={"on": on, **limits})

    async def pending_updates(self) -> list[dict[str, Any]]:
        """Updates the bot has not confirmed yet."""
        return await self.call("GET", "/updates")

    async def reset(self) -> None:
        """Forget all users, chats, updates, files, commands and counters."""
        await self.call("POST", "/reset")


class SandboxUser:
    """One Telegram user in a private chat with the bot."""

    def __init__(self, client: SandboxClient, user_id: int, last_seq: int = 0) -> None:
        self.client = client
        self.user_id = user_id
        self.chat_id = user_id
        self._seen_seq = last_seq

    def __repr__(self) -> str:
        return f"SandboxUser({self.user_id})"

    async def _post(self, action: str, payload: dict[str, Any] | None = None) -> Any:
        return await self.client.call("POST", f"/users/{self.user_id}/{action}", json=payload or {})

    async def _chat(self, what: str, **params: Any) -> Any:
        return await self.client.call("GET", f"/chats/{self.chat_id}/{what}", params=params)

    async def send(self, text: str) -> int:
        """Write a text message (``/cmd args`` carries a bot_command entity); returns its id."""
        result = await self._post("messages", {"text": text})
        return result["message_id"]

    async def send_voice(self, duration: int = 5, content: bytes | None = None) -> int:
        """Send a voice message."""
        return (await self._post("voice", {"duration": duration, **_b64(content)}))["message_id"]

    async def send_photo(self, content: bytes | None = None, caption: str | None = None) -> int:
        """Send a photo (a tiny PNG unless `content` is given)."""
        payload = {"caption": caption, **_b64(content)}
        return (await self._post("photo", payload))["message_id"]

    async def send_document(
        self, filename: str, content: bytes, mime: str | None = None, caption: str | None = None
    ) -> int:
        """Send a file as a document."""
        payload = {"file_name": filename, "mime_type": mime, "caption": caption, **_b64(content)}
        return (await self._post("document", payload))["message_id"]

    async def press(self, button: str | int, message: SentMessage | None = None) -> str:
        """Press an inline button of `message` (default: the latest bot message with buttons).

        `button` is the exact text, else a substring of it, or a 0-based row-major index.
        Returns the callback query id.
        """
        if message is None:
            message = await self._latest_with_buttons()
        _, data = message.find_button(button)
        payload = {"message_id": message.message_id, "callback_data": data}
        return (await self._post("press", payload))["callback_query_id"]

    async def _latest_with_buttons(self) -> SentMessage:
        with_buttons = [m for m in await self.messages() if m.buttons]
        if not with_buttons:
            raise AssertionError(f"no bot message with inline buttons in chat {self.chat_id}")
        return with_buttons[-1]

    async def wait_for_message(
        self, contains: str | None = None, timeout: float = 10.0
    ) -> SentMessage:
        """The next bot message or edit after the last one consumed by this user.

        With `contains`, events whose text does not contain it are skipped (and consumed).
        Raises AssertionError listing what was seen when nothing matches within `timeout`.
        """
        deadline = time.monotonic() + timeout
        seen: list[str] = []
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                await self._timed_out(contains, timeout, seen)
            wait = min(remaining, POLL_SLICE)
            events = await self._chat("events", after=self._seen_seq, timeout=round(wait, 3))
            for event in events:
                self._seen_seq = max(self._seen_seq, event["seq"])
                if event["kind"] == "delete":
                    continue
                message = SentMessage.from_event(event)
                if contains is None or contains in message.text:
                    return message
                seen.append(message.text)

    async def _timed_out(self, contains: str | None, timeout: float, seen: list[str]) -> None:
        latest = [m.text for m in await self.messages()][-5:]
        wanted = f" containing {contains!r}" if contains else ""
        raise AssertionError(
            f"no bot message{wanted} within {timeout}s in chat {self.chat_id}; "
            f"seen while waiting: {seen}; latest messages in chat: {latest}"
        )

    async def messages(self) -> list[SentMessage]:
        """All live bot messages in this chat, in their current state, oldest first."""
        return [SentMessage.from_event(m) for m in await self._chat("messages")]

    async def commands(self) -> list[tuple[str, str]]:
        """The command menu visible in this chat, for this user's language."""
        result = await self._chat("commands")
        return [(c["command"], c["description"]) for c in result["commands"]]

    async def block(self) -> None:
        """Block the bot (the bot gets a my_chat_member update; sends then fail with 403)."""
        await self._post("block")

    async def unblock(self) -> None:
        """Unblock the bot."""
        await self._post("unblock")

    async def download(self, msg: SentMessage) -> bytes:
        """The bytes of a document (or the largest photo) in a bot message."""
        if msg.document:
            return await self.client.download_file(msg.document["file_id"])
        if msg.photo:
            return await self.client.download_file(msg.photo[-1]["file_id"])
        raise AssertionError(f"message {msg.message_id} has no document or photo")

    async def callback_answers(self) -> list[dict[str, Any]]:
        """The bot's answers to this user's button presses, oldest first."""
        return await self._chat("callback_answers")

    async def chat_info(self) -> dict[str, Any]:
        """Blocked flag, current reply keyboard, chat actions, last event seq."""
        return await self.client.call("GET", f"/chats/{self.chat_id}")


@functools.lru_cache(maxsize=1)
def _ssl_context() -> ssl.SSLContext:
    """One shared TLS context: building one per client costs ~70 ms (CA bundle loading)."""
    return ssl.create_default_context()


def _b64(content: bytes | None) -> dict[str, str]:
    if content is None:
        return {}
    return {"content_b64": base64.b64encode(content).decode("ascii")}
