"""Privacy (issue 13; BoW 1.4.1-1.4.6: a privacy regulation that says what is processed, why, how
long, to whom, who has access and the participant's rights, and that people are told of it;
convenant art. 12.3 and 12.7: the participant is told what is exchanged, with whom and why, under
the AVG). This package holds the services; the feature across the layers:

- handlers: ``conversations/privacy_notice.py`` (the notice at first contact and after a change,
  shown by the gate and by onboarding before the menu);
- rules: ``bot/rules/retention.py`` (which row is past its retention, the one-month deadline);
- handlers: ``conversations/mijngegevens.py`` (/mijngegevens, and the correction and erasure
  requests from its buttons);
- services: ``export`` (the PDF and JSON of everything about a person), ``requests``
  (correction and erasure with their one-month deadline), ``notice`` (the text a person must
  read: school's or gemeente's own, else the default in their language), ``retention`` (the
  sweep and its report), ``audit`` (who read whose data);
- admin: ``bot/admin/privacy.py`` (``inburgerbot admin privacy ...``);
- queries: ``storage/privacy.py``, ``storage/privacy_export.py``, ``storage/privacy_requests.py``.
"""

from __future__ import annotations

from bot.privacy.requests import sweep_reminders
from bot.privacy.retention import sweep_retention

SWEEPS = (("privacy-retention", sweep_retention), ("privacy-requests", sweep_reminders))
