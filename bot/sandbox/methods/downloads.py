"""File info in the sandbox: getFile, the path a file is downloaded from.

Files over Telegram's 20 MB download limit are refused ("file is too big"), as the Bot API does.
"""

from __future__ import annotations

from typing import Any

from .. import errors as E
from ..errors import ApiError, bad_request
from ..params import Params
from ..state import SandboxState
from .registry import method

MAX_DOWNLOAD = 20 * 1024 * 1024


@method("getFile")
async def get_file(state: SandboxState, params: Params) -> dict[str, Any]:
    """File info with the file_path to download it from /file/bot<token>/<file_path>."""
    file_id = params.string("file_id", required=True)
    stored = state.files.get(str(file_id))
    if stored is None:
        raise ApiError(400, E.INVALID_FILE_ID)
    if len(stored.data) > MAX_DOWNLOAD:
        raise bad_request("file is too big")
    return stored.as_file()
