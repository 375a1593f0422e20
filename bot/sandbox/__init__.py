"""Sandbox Telegram Bot API server and user-side driver for tests and the offline demo.

Production never imports it. The server (:mod:`.server`) answers Bot API calls with the handlers
of :mod:`.methods` (looked up in :mod:`.botapi`) over the in-memory :mod:`.state`, and offers the
user side of the chats under /sandbox (:mod:`.control`), which :mod:`.driver` speaks.
"""

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
