"""Reading Bot API parameters from query strings, forms, JSON bodies and multipart uploads.

Form and query values are strings; PTB JSON-encodes every non-string value (numbers, booleans,
``reply_markup``, ``commands``, ``scope``...). A JSON body carries typed values. Every accessor
accepts both and turns malformed input into a 400 :class:`ApiError`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from starlette.datastructures import UploadFile
from starlette.requests import Request

from .errors import CHAT_NOT_FOUND, ApiError, bad_request

MAX_FORM_PART = 64 * 1024 * 1024
ATTACH_PREFIX = "attach://"
_TRUE = {"true", "1", "yes", "on"}
_FALSE = {"false", "0", "no", "off"}


@dataclass(frozen=True)
class Upload:
    """A file part of a multipart request."""

    filename: str | None
    content_type: str | None
    data: bytes


class Params:
    """Typed, validating access to the parameters of one Bot API call."""

    def __init__(self, values: Mapping[str, Any], uploads: Mapping[str, Upload] | None = None):
        self._values = dict(values)
        self._uploads = dict(uploads or {})

    def raw(self, name: str) -> Any:
        """The value as received, or None when absent or an empty string."""
        value = self._values.get(name)
        return None if value == "" else value

    def has(self, name: str) -> bool:
        """True when the parameter (or a file part of that name) was sent."""
        return self.raw(name) is not None or name in self._uploads

    def string(self, name: str, *, required: bool = False, empty: str | None = None) -> str | None:
        """A string parameter; numbers given in a JSON body are accepted as their text."""
        value = self.raw(name)
        if value is None:
            if required:
                raise bad_request(empty or f"{name} is empty")
            return None
        if isinstance(value, (bool, dict, list)):
            raise bad_request(f"invalid {name} specified")
        return str(value)

    def integer(self, name: str, *, required: bool = False, empty: str | None = None) -> int | None:
        """An integer parameter."""
        value = self.raw(name)
        if value is None:
            if required:
                raise bad_request(empty or f"{name} is empty")
            return None
        if isinstance(value, bool):
            raise bad_request(f"invalid {name} specified")
        if isinstance(value, int):
            return value
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, str):
            try:
                return int(value.strip())
            except ValueError:
                pass
        raise bad_request(f"invalid {name} specified")

    def boolean(self, name: str, default: bool = False) -> bool:
        """A boolean parameter ("true"/"false", "1"/"0" or a JSON boolean)."""
        value = self.raw(name)
        if value is None:
            return default
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise bad_request(f"invalid {name} specified")

    def json(self, name: str, *, error: str | None = None) -> Any:
        """A structured parameter: a JSON-encoded string, or the value itself in a JSON body."""
        value = self.raw(name)
        if not isinstance(value, str):
            return value
        try:
            return json.loads(value)
        except ValueError:
            raise bad_request(error or f"can't parse {name} JSON object") from None

    def chat_id(self) -> int:
        """The ``chat_id`` parameter; usernames cannot address private chats."""
        value = self.raw("chat_id")
        if value is None:
            raise bad_request("chat_id is empty")
        if isinstance(value, (bool, dict, list, float)):
            raise bad_request("invalid chat_id specified")
        try:
            return int(str(value).strip())
        except ValueError:
            raise ApiError(400, CHAT_NOT_FOUND) from None

    def file(self, name: str) -> Upload | str | None:
        """A file parameter: an uploaded part, or a string (file_id or URL)."""
        if name in self._uploads:
            return self._uploads[name]
        value = self.string(name)
        if value is not None and value.startswith(ATTACH_PREFIX):
            part = self._uploads.get(value[len(ATTACH_PREFIX) :])
            if part is None:
                raise bad_request(f"{name} is empty")
            return part
        return value


async def read_params(request: Request) -> Params:
    """Collect the parameters of a Bot API request, whatever way they were sent."""
    values: dict[str, Any] = dict(request.query_params)
    uploads: dict[str, Upload] = {}
    content_type = request.headers.get("content-type", "").lower()
    try:
        if content_type.startswith("application/json"):
            values.update(await _read_json_body(request))
        elif content_type.startswith(("multipart/form-data", "application/x-www-form-urlencoded")):
            await _read_form(request, values, uploads)
    except ApiError:
        raise
    except Exception:  # malformed bodies of every kind (multipart, encoding, JSON)
        raise bad_request("can't parse request body") from None
    return Params(values, uploads)


async def _read_json_body(request: Request) -> dict[str, Any]:
    body = await request.body()
    if not body.strip():
        return {}
    data = json.loads(body)
    if not isinstance(data, dict):
        raise bad_request("can't parse request body")
    return data


async def _read_form(request: Request, values: dict[str, Any], uploads: dict[str, Upload]) -> None:
    async with request.form(max_part_size=MAX_FORM_PART) as form:
        for key, value in form.multi_items():
            if isinstance(value, UploadFile):
                data = await value.read()
                uploads[key] = Upload(value.filename, value.content_type, data)
            else:
                values[key] = value
