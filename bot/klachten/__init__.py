"""Klachten (issue 5): the scheduler sweep of their deadlines and the admin report.

Blik op Werk norm 1.5 and bijlage 9, convenant art. 13.4 to 13.6. The conversations live in
``conversations/klacht.py`` (filing), ``conversations/klacht_handling.py`` (the school's
klachtbehandelaar) and ``conversations/mijnklachten.py`` (the participant afterwards); the
gemeente's report endpoint in ``bot/api/klachten.py``; storage in ``storage/klachten.py``.
"""

from __future__ import annotations

from bot.klachten import notices  # noqa: F401  (registers the outbox renderers)
from bot.klachten.sweep import sweep_klachten

SWEEPS = (("klachten", sweep_klachten),)
