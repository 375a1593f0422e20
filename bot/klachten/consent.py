"""Consent before a name travels (issue 11 point 8; convenant art. 12.3, 12.7; art. 13.4, 13.5).

A klacht the school did not handle in time, or that nobody independent at the school can handle,
reaches the participant's klantmanager, but without the participant's name: the participant is
asked first, in their language, whether the klantmanager may know it (the same question as after
"not satisfied"). Only a "yes" sends the name, and the sharing is recorded for /gedeeld
(``bot.privacy.shared``). A participant who already said yes for this klacht is not asked again.
"""

from __future__ import annotations

from datetime import datetime

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.i18n import Translator
from bot.klachten.notices import PARTICIPANT_PREFIX
from bot.names import name_of
from bot.outbox import Rendered, enqueue, renders
from bot.privacy import shared
from storage import klachten as store
from storage import orgs, people
from storage.database import Tx
from storage.klachten import Klacht

WHY_KEYS = {"not_satisfied": "klacht.km_unsatisfied", "late": "klacht.km_named",
            "no_handler": "klacht.km_named"}


async def school_name(tx: Tx, school_id: int) -> str:
    school = await orgs.get_school(tx, school_id)
    return (school.name if school else None) or "?"


async def ask(tx: Tx, klacht: Klacht, why: str, now: datetime) -> None:
    """Ask the participant whether the klantmanager may know their name for this klacht."""
    await store.ask_klantmanager_consent(tx, klacht.id, why)
    await enqueue(tx, message_key="klacht.km_consent", now=now, person_id=klacht.participant_id,
                  # A second missed deadline asks again (the outbox would drop a same key).
                  dedupe_key=f"klacht:{klacht.id}:km_consent:{why}:{now.isoformat()}",
                  params={"klacht_id": klacht.id, "reference": klacht.reference, "why": why})


async def tell_named(tx: Tx, klacht: Klacht, why: str, now: datetime) -> bool:
    """The participant agreed: the klantmanager learns who it is; recorded for /gedeeld."""
    participant = await people.get_person(tx, klacht.participant_id)
    if participant is None or participant.klantmanager_id is None:
        return False
    await enqueue(tx, message_key=WHY_KEYS[why], now=now, audience="staff",
                  person_id=participant.klantmanager_id,
                  dedupe_key=f"klacht:{klacht.id}:{WHY_KEYS[why]}:{why}",
                  params={"participant": name_of(participant), "reference": klacht.reference,
                          "school": await school_name(tx, klacht.school_id),
                          "outcome": klacht.outcome, "why": why})
    await shared.record(tx, participant.id, shared.klantmanager(participant.klantmanager_id),
                        ["name", "klacht"], shared.KLACHT_KM, now)
    return True


# ---- how it reads --------------------------------------------------------------------------

@renders("klacht.km_consent")
def _km_consent(tr: Translator, params: dict) -> Rendered:
    if params["why"] == "no_handler":
        first = tr._("Nobody at the school who is not involved can handle your klacht "
                     "{reference}. We told your klantmanager, without your name.",
                     reference=params["reference"])
    else:
        first = tr._("We told your klantmanager that the school did not keep the deadline for "
                     "klacht {reference}, without your name.", reference=params["reference"])
    buttons = InlineKeyboardMarkup([
        [InlineKeyboardButton(tr.f_("Yes"), callback_data=(
            f"{PARTICIPANT_PREFIX}:km:{params['klacht_id']}:1"))],
        [InlineKeyboardButton(tr.f_("No"), callback_data=(
            f"{PARTICIPANT_PREFIX}:km:{params['klacht_id']}:0"))]])
    return Rendered(tr.lines([first, "", tr._(
        "May we tell your klantmanager your name, so they can help you?")]), buttons)


@renders("klacht.km_named")
def _km_named(tr: Translator, params: dict) -> str:
    return tr.s_("Klacht {reference} about {school}: your participant {name} agreed that you "
                 "know it is theirs (convenant art. 12.3).", reference=params["reference"],
                 school=params["school"], name=params["participant"])
