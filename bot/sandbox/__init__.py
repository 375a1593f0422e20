"""Sandbox Telegram Bot API server and user-side driver for tests and the offline demo."""

from .driver import SandboxClient, SandboxError, SandboxUser, SentMessage
from .server import SandboxServer, SandboxState, create_app

__all__ = [
    "SandboxClient",
    "SandboxError",
    "SandboxServer",
    "SandboxState",
    "SandboxUser",
    "SentMessage",
    "create_app",
]
