"""The bot's own profile in the sandbox: getMe, logOut/close and the profile settings.

Settings (name, descriptions, menu button) are stored for inspection and have no other effect.
"""

from __future__ import annotations

from typing import Any

from ..params import Params
from ..state import SandboxState
from .registry import method


@method("getMe")
async def get_me(state: SandboxState, params: Params) -> dict[str, Any]:
    """The bot's own User object."""
    return state.get_me()


@method("logOut", "close")
async def log_out(state: SandboxState, params: Params) -> bool:
    """Accepted and ignored."""
    return True


@method("setMyDescription", "setMyShortDescription", "setMyName", "setChatMenuButton")
async def set_bot_setting(state: SandboxState, params: Params) -> bool:
    """Bot profile settings: stored for inspection, otherwise no effect."""
    for key in ("name", "description", "short_description", "menu_button"):
        if params.has(key):
            state.bot_settings[key] = params.raw(key)
    return True
