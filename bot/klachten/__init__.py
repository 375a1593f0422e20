"""Klachten (issue 5; Blik op Werk norm 1.5 and bijlage 9, convenant art. 13.4 to 13.6): a
participant files a klacht in their own language, an independent klachtbehandelaar of the school
handles it within the terms, and the gemeente sees the figures. This package holds the services
and the scheduler's sweep (``SWEEPS``); the feature across the layers:

- handlers: ``conversations/klacht.py`` (/klacht, filing; its steps and prompts in
  ``conversations/klacht_steps.py``), ``conversations/klacht_handling.py`` (the handler's buttons
  and /klachten), ``conversations/mijnklachten.py`` (/mijnklachten, satisfaction, answers);
- route: ``bot/api/klachten.py`` (``GET /klachten/report`` for a gemeente's own participants);
- rules: ``bot/rules/klacht_deadlines.py`` (the terms, reminders and the 1.5.8 figures);
- services: ``filing`` (storing a klacht with its notifications), ``limits``, ``routing`` (who
  gets it), ``notices`` (every message, rendered by the outbox), ``sweep`` (reminders and
  escalation), ``report`` (figures and register), ``topics``, ``contacts`` (the klachtenlijn),
  ``consent`` (the participant's name reaches the klantmanager only after they agreed);
- admin: ``bot/admin/klachten.py`` (``inburgerbot admin klachten-report``);
- queries: ``storage/klachten.py`` (drafts, the register, handling steps, questions, notices).

From the participant's message to the handler's reminder: /klacht collects a draft step by step
(kept in ``klacht_drafts``); "Send" hands it to ``filing.file_klacht``, which in one transaction
stores the klacht with its deadlines (``bot.rules.klacht_deadlines.deadlines``) and enqueues a
``klacht.new`` card for each eligible handler (``routing.deliver_to_handlers``); the outbox sends
the card rendered by ``notices``, whose buttons lead to ``conversations/klacht_handling.py``. The
scheduler runs ``sweep.sweep_klachten``, which enqueues ``klacht.reminder`` 7 and 2 days before
each open deadline and escalates once one has passed.
"""

from __future__ import annotations

from bot.klachten import consent, notices  # noqa: F401  (registers the outbox renderers)
from bot.klachten.digest import sweep_digest
from bot.klachten.sweep import sweep_klachten

SWEEPS = (("klachten", sweep_klachten), ("klachten_digest", sweep_digest))
