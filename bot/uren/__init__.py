"""The urenverklaring (issue 6; C art. 10.7; BoW 2.5, 2.9.4) and its public check.

The feature across the layers:

- handlers: ``conversations/uren.py`` (/uren for the participant, the staff's confirm button
  (no refusal, BoW 2.9.4), the PDF button, and the klantmanager's request from
  ``conversations/caseload.py``) and ``conversations/uren_note.py`` (the school's note);
- routes: ``bot/api/verify.py`` (``GET /verify/{code}``: genuine or not, and the signed figures,
  without the participant's name or any other personal data);
- rules: ``bot/rules/hours.py`` (which attended hours count, per law and route);
- services, here: ``statement`` (which lessons and hours a statement holds), ``issue`` (request,
  confirmation by the school, signing and storing), ``signing`` (the school's Ed25519 key and the
  verification code), ``pdf`` (the Dutch PDF), ``labels`` (lesson kinds and regimes in words) and
  ``notices`` (the messages), ``ending`` (the final statement when a participant leaves or drops
  out, C art. 10.7); the overstap feature issues one on leaving (``bot/overstap``);
- admin commands: none;
- queries: ``storage/uren.py`` (registrations as the statement reads them, requests, statements,
  signing keys) and ``storage/contract_ends.py`` (contracts ended, their final statement).

This module holds the feature's start-up hook and its sweeps (``sweep``: a request not issued
after 5 working days reminds the school, after 10 tells the klantmanager; ``digest``: the staff's
daily digest of the requests still waiting, issue 14).
"""

from __future__ import annotations

import asyncio

from bot.services import Services
from bot.uren import digest, pdf
from bot.uren import sweep as sweep_module


async def startup(services: Services) -> None:
    """Prepare the PDF font now, so the first statement is as fast as the others."""
    await asyncio.to_thread(pdf.unicode_font)


SWEEPS = (*sweep_module.SWEEPS, ("uren_digest", digest.sweep_digest))
