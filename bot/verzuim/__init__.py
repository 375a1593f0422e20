"""Verzuim and uitval alerts for klantmanagers (issue 6; C art. 12.4, 9.3; BoW 4.20).

The feature across the layers, with the attendance registration it is built on:

- handlers: ``conversations/verzuim.py`` (the "Seen", "Contacted" and "Mark all as seen"
  buttons, checked against the pressing klantmanager's own caseload),
  ``conversations/afmelden.py`` (/afmelden: the participant reports an absence in advance),
  ``conversations/afwezig.py`` (/afwezig: their own absences, a report withdrawn, issue 14) and
  ``conversations/caseload.py`` (/caseload: the klantmanager's participants and their alerts);
- routes: ``bot/api/attendance.py`` (the school registers attendance and reports a participant
  who left or dropped out, which alerts the klantmanager at once);
- rules: ``bot/rules/verzuim.py`` (absence episodes and when to alert or follow up);
- services, here: ``sweep`` (absence episodes -> first alert after a week, weekly follow-up,
  "back in class"), ``uitval`` (the school reports a participant left or dropped out: the
  klantmanager is alerted at once), ``digest`` (the daily overview of alerts not marked as
  seen), ``notices`` (how the alerts read, Dutch or English at send time, and their buttons) and
  ``afmelding`` (the lessons a participant can report absence for, filing the report, the
  staff's message);
- admin commands: none;
- queries: ``storage/attendance.py`` (registrations, absence reports, participant status),
  ``storage/verzuim.py`` (sweep candidates, alerts, digests) and ``storage/caseload.py``.

This module holds the feature's scheduler sweeps.
"""

from __future__ import annotations

from datetime import datetime

from bot.services import Services
from bot.verzuim import digest as digest_module
from bot.verzuim import sweep as sweep_module


async def run_sweep(services: Services, now: datetime) -> None:
    await sweep_module.sweep(services, now)


async def run_digest(services: Services, now: datetime) -> None:
    await digest_module.sweep(services, now)


SWEEPS = (("verzuim", run_sweep), ("verzuim_digest", run_digest))
