"""What left the participant's school about them, recorded where it happens (convenant art. 12.3:
the participant is told which information is exchanged and why; AVG art. 5(2)).

Every message that carries a participant's personal information to someone outside their school
writes one ``sharing_log`` row in the same transaction as the message: a verzuim or uitval alert
to the klantmanager (art. 12.4), a klacht that reaches the klantmanager or the regional
coordination (art. 13.4, 13.5), and the overstap's passing of data to the new school
(``bot.overstap.flow``, art. 12.5). What a klantmanager reads in /caseload is in the audit trail
(``bot.privacy.audit``). /gedeeld shows both, in the participant's language.
"""

from __future__ import annotations

from datetime import datetime

from bot.i18n import N_
from storage import sharing
from storage.database import Tx

VERZUIM = "verzuim_alert"
UITVAL = "uitval_alert"
KLACHT_KM = "klacht_klantmanager"
KLACHT_REGION = "klacht_projectgroep"
REGION = "projectgroep"  # the recipient code of the regional coordination

PURPOSES: dict[str, str] = {
    VERZUIM: N_("you missed lessons for more than a week: the school must tell your "
                "klantmanager (convenant art. 12.4)"),
    UITVAL: N_("you left the course or stopped: the school must tell your klantmanager "
               "(convenant art. 12.4)"),
    KLACHT_KM: N_("so your klantmanager can help with your klacht (convenant art. 13.4, 13.5)"),
    KLACHT_REGION: N_("so the regional coordination can talk with the school about your "
                      "klacht (convenant art. 13.5)"),
}
ITEMS: dict[str, str] = {
    "missed_lessons": N_("Which lessons you missed"),
    "status": N_("That you left or stopped, and why"),
    "klacht": N_("Your klacht"),
}


async def record(tx: Tx, person_id: int, recipient: str, items: list[str], purpose: str,
                 now: datetime) -> None:
    """``items`` about a participant went to ``recipient`` (``klantmanager:ID``, ``school:ID``
    or ``projectgroep``) for ``purpose``; in the caller's transaction, with the message."""
    await sharing.log_sharing(tx, person_id, recipient, items, purpose, now)


def klantmanager(person_id: int) -> str:
    return f"klantmanager:{person_id}"
