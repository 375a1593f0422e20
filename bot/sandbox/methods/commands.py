"""Command menus in the sandbox: setMyCommands, getMyCommands and deleteMyCommands.

A command list belongs to a scope and a language code, validated like Telegram (at most 100
commands, names of 1..32 lowercase letters, digits and underscores, descriptions of 1..256
characters, two-letter language codes, scopes naming a chat the bot can see).
"""

from __future__ import annotations

import re
from typing import Any

from .. import errors as E
from ..errors import ApiError, bad_request
from ..params import Params
from ..state import SandboxState
from .registry import method

MAX_COMMANDS = 100
_COMMAND_NAME = re.compile(r"[a-z0-9_]{1,32}")
_LANGUAGE = re.compile(r"[a-zA-Z]{2}")
_SCOPE_TYPES = {
    "default",
    "all_private_chats",
    "all_group_chats",
    "all_chat_administrators",
    "chat",
    "chat_administrators",
    "chat_member",
}


@method("setMyCommands")
async def set_my_commands(state: SandboxState, params: Params) -> bool:
    """Set the command list of a scope and language (an empty list deletes it)."""
    commands = _commands(params)
    key = (_scope(state, params), _language(params))
    if commands:
        state.commands[key] = commands
    else:
        state.commands.pop(key, None)
    return True


@method("getMyCommands")
async def get_my_commands(state: SandboxState, params: Params) -> list[dict[str, str]]:
    """The command list stored for exactly this scope and language."""
    key = (_scope(state, params), _language(params))
    return list(state.commands.get(key, []))


@method("deleteMyCommands")
async def delete_my_commands(state: SandboxState, params: Params) -> bool:
    """Delete the command list of a scope and language."""
    state.commands.pop((_scope(state, params), _language(params)), None)
    return True


def _commands(params: Params) -> list[dict[str, str]]:
    raw = params.json("commands")
    if raw is None:
        raise bad_request("commands is empty")
    if not isinstance(raw, list) or not all(isinstance(c, dict) for c in raw):
        raise bad_request("can't parse commands JSON object")
    if len(raw) > MAX_COMMANDS:
        raise ApiError(400, E.BOT_COMMANDS_TOO_MUCH)
    commands = []
    for item in raw:
        name, description = item.get("command"), item.get("description")
        if not isinstance(name, str) or not _COMMAND_NAME.fullmatch(name):
            raise ApiError(400, E.BOT_COMMAND_INVALID)
        if not isinstance(description, str) or not description.strip() or len(description) > 256:
            raise ApiError(400, E.BOT_COMMAND_DESCRIPTION_INVALID)
        commands.append({"command": name, "description": description})
    return commands


def _scope(state: SandboxState, params: Params) -> tuple[Any, ...]:
    scope = params.json("scope", error=E.SCOPE_INVALID)
    if scope is None:
        return ("default",)
    if not isinstance(scope, dict) or scope.get("type") not in _SCOPE_TYPES:
        raise ApiError(400, E.SCOPE_INVALID)
    kind = scope["type"]
    if kind not in ("chat", "chat_administrators", "chat_member"):
        return (kind,)
    chat_id = Params(scope).chat_id()
    state.require_chat(chat_id)
    if kind == "chat_member":
        user_id = Params(scope).integer("user_id", required=True, empty="user not found")
        return (kind, chat_id, user_id)
    return (kind, chat_id)


def _language(params: Params) -> str:
    code = params.string("language_code") or ""
    if code and not _LANGUAGE.fullmatch(code):
        raise ApiError(400, E.LANGUAGE_CODE_INVALID)
    return code.lower()
