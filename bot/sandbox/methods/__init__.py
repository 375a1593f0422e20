"""The Bot API methods of the sandbox as python-telegram-bot 22.8 calls them, by family.

Importing this package registers every method: the bot's profile (:mod:`.profile`), getUpdates and
webhooks (:mod:`.polling`), sending (:mod:`.sending`), editing and deleting (:mod:`.editing`),
callback answers (:mod:`.callbacks`), file info (:mod:`.downloads`) and command menus
(:mod:`.commands`). What sent and edited messages carry (text, captions, keyboards) is checked in
:mod:`.content`, the same way for both.
"""

# Imported for the handlers they register.
from . import callbacks, commands, downloads, editing, polling, profile, sending  # noqa: F401
from .registry import CANONICAL, METHODS, Handler

__all__ = ["CANONICAL", "METHODS", "Handler"]
