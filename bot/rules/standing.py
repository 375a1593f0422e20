"""A school's standing (convenant art. 4.4, 14 and 15): two separate things.

- Its part in the convenant, ``participating`` or ``excluded`` (art. 14: the Gemeente excludes
  a school that no longer offers the agreed quality). Art. 15: the Gemeente tells the other
  convenant partners, "ter voorbereiding op overname van Inburgeraars". Exclusion alone is no
  advice to the participants.
- Its Blik op Werk keurmerk, ``valid``, ``suspended`` (schorsing) or ``withdrawn``
  (intrekking). Art. 4.4 and 15: on a suspension or withdrawal "zal de klantmanager de
  Inburgeraar dringend adviseren van Aanbieder te veranderen": the klantmanager advises, so the
  bot hands them the advice, it does not send it by itself.

A school is offered to switch to only when participating with a valid keurmerk. No I/O.
"""

from __future__ import annotations

from dataclasses import dataclass

CONVENANT = ("participating", "excluded")
KEURMERK = ("valid", "suspended", "withdrawn")
STANDINGS = {"convenant": CONVENANT, "keurmerk": KEURMERK}


@dataclass(frozen=True)
class Consequences:
    partners_told: bool  # art. 15: the other convenant schools prepare to take over
    klantmanagers_advise: bool  # art. 4.4, 15: the klantmanager urgently advises to switch


NOTHING = Consequences(False, False)


def consequences(standing: str, old: str, new: str) -> Consequences:
    """What a change of one standing sets in motion. Only a step down does: exclusion tells the
    partners; a suspension, or a withdrawal (also after a suspension), has the klantmanagers
    advise. A return, or the same standing again, tells nobody."""
    values = STANDINGS[standing]
    if new not in values or old not in values:
        raise ValueError(f"{standing} standing must be one of {', '.join(values)}")
    if values.index(new) <= values.index(old):
        return NOTHING
    if standing == "convenant":
        return Consequences(partners_told=True, klantmanagers_advise=False)
    return Consequences(partners_told=False, klantmanagers_advise=True)


def in_good_standing(convenant: str, keurmerk: str) -> bool:
    """May participants switch to (or within) this school?"""
    return convenant == "participating" and keurmerk == "valid"
