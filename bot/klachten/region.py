"""Signals beyond the school (issue 11 point 13; convenant art. 13.4, 13.5, 13.6).

- Art. 13.4: a participant may signal poor quality to their klantmanager, and the klantmanager
  may record such a signal on the participant's behalf (``/signaal``): it is stored as a signal
  of that participant (route ``klantmanager``), and the participant is told in their language.
- Art. 13.5: a klantmanager who keeps seeing the problem brings it to the Projectgroep
  Statushouders en Inburgering (the regional coordination). A signal goes there only with the
  participant's consent, asked in their language with two buttons; a yes raises it, records what
  was shared for /gedeeld, and it appears in ``inburgerbot admin klachten-raised`` for the
  coordination. The klantmanager hears the answer.
"""

from __future__ import annotations

from datetime import datetime

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.i18n import Translator
from bot.klachten.limits import MAX_TEXT, has_words
from bot.klachten.notices import REGION_PREFIX
from bot.names import name_of
from bot.outbox import Rendered, enqueue, renders
from bot.privacy import shared
from bot.refusal import Refused
from storage import klacht_routes, people
from storage import klachten as store
from storage.database import Database, from_db
from storage.klachten import Klacht
from storage.people import Person

PREFIX = REGION_PREFIX


async def file_on_behalf(db: Database, klantmanager: Person, participant_id: int, text: str,
                         now: datetime) -> Klacht:
    """A signal the klantmanager records for their participant (art. 13.4)."""
    text = text.strip()
    if not has_words(text) or len(text) > MAX_TEXT:
        raise Refused(f"a text with words, at most {MAX_TEXT} characters")
    async with db.transaction() as tx:
        participant = await people.get_person(tx, participant_id)
        if participant is None or participant.klantmanager_id != klantmanager.id:
            raise Refused("not a participant of this klantmanager")
        klacht = await store.file_klacht(
            tx, participant=participant, route="klantmanager", topic="other", description=text,
            language=await people.person_language(tx, participant.id), anonymous=False,
            attachments=[], involved=[], now=now, deadlines=None)
        await klacht_routes.set_channel(tx, klacht.id, "bot", klantmanager.id, now)
        # The participant did not send it: told of it instead of an acknowledgement.
        await store.mark_acknowledged(tx, klacht.id, now)
        await enqueue(tx, message_key="klacht.on_behalf", now=now, person_id=participant.id,
                      dedupe_key=f"klacht:{klacht.id}:on_behalf",
                      params={"reference": klacht.reference})
    return klacht


async def ask_raise(db: Database, klantmanager: Person, klacht_id: int, now: datetime) -> Klacht:
    """Ask the participant whether their signal may go to the regional coordination."""
    async with db.transaction() as tx:
        klacht = await store.klacht_for_klantmanager(tx, klacht_id, klantmanager)
        if klacht is None or klacht.route != "klantmanager":
            raise Refused("not a signal of this klantmanager's participant")
        if not await klacht_routes.ask_region_consent(tx, klacht.id, klantmanager.id, now):
            raise Refused("already asked or raised")
        await enqueue(tx, message_key="klacht.region_consent", now=now,
                      person_id=klacht.participant_id,
                      dedupe_key=f"klacht:{klacht.id}:region_consent:{now.isoformat()}",
                      params={"klacht_id": klacht.id, "reference": klacht.reference})
    return klacht


async def answer_raise(db: Database, participant: Person, klacht_id: int, consent: bool,
                       now: datetime) -> bool:
    """The participant's answer; False when nothing was asked (a replayed or forged press)."""
    async with db.transaction() as tx:
        klacht = await store.klacht_for_participant(tx, klacht_id, participant.id)
        if klacht is None or not await klacht_routes.answer_region_consent(
                tx, klacht.id, participant.id, consent, now):
            return False
        if consent:
            await shared.record(tx, participant.id, shared.REGION, ["name", "klacht"],
                                shared.KLACHT_REGION, now)
        if participant.klantmanager_id is not None:
            await enqueue(tx, message_key="klacht.region_answer", now=now, audience="staff",
                          person_id=participant.klantmanager_id,
                          dedupe_key=f"klacht:{klacht.id}:region_answer:{now.isoformat()}",
                          params={"reference": klacht.reference, "consent": consent,
                                  "participant": name_of(participant)})
    return True


async def raised_since(db: Database, since: datetime) -> list[dict]:
    """For the regional coordination: the signals raised since ``since``, dates as ISO text."""
    rows = await klacht_routes.raised(db, since)
    return [{**row, "raised_at": from_db(row["raised_at"]).isoformat(),
             "received_at": from_db(row["received_at"]).isoformat()} for row in rows]


def raise_button(tr: Translator, klacht_id: int) -> list[InlineKeyboardButton]:
    """The klantmanager's button on a signal (also on the km_signal card in ``notices``)."""
    return [InlineKeyboardButton(tr.s_("Raise to the regional coordination (art. 13.5)"),
                                 callback_data=f"{PREFIX}:raise:{klacht_id}")]


# ---- how it reads --------------------------------------------------------------------------

@renders("klacht.on_behalf")
def _on_behalf(tr: Translator, params: dict) -> str:
    return tr._("Your klantmanager wrote down a signal about your school for you (reference "
                "{reference}). You can see it with /mijnklachten.",
                reference=params["reference"])


@renders("klacht.region_consent")
def _region_consent(tr: Translator, params: dict) -> Rendered:
    text = tr.lines([
        tr._("Your klantmanager wants to bring your signal {reference} to the regional "
             "coordination of the gemeenten (Projectgroep Statushouders en Inburgering), which "
             "talks with the school about it.", reference=params["reference"]),
        "", tr._("They will then know your name and your signal. Do you agree?")])
    buttons = InlineKeyboardMarkup([
        [InlineKeyboardButton(tr.f_("Yes"), callback_data=(
            f"{PREFIX}:yes:{params['klacht_id']}"))],
        [InlineKeyboardButton(tr.f_("No"), callback_data=(
            f"{PREFIX}:no:{params['klacht_id']}"))]])
    return Rendered(text, buttons)


@renders("klacht.region_answer")
def _region_answer(tr: Translator, params: dict) -> str:
    if params["consent"]:
        return tr.s_("{name} agreed: signal {reference} is raised to the regional coordination "
                     "(convenant art. 13.5).", name=params["participant"],
                     reference=params["reference"])
    return tr.s_("{name} did not agree: signal {reference} is not raised to the regional "
                 "coordination.", name=params["participant"], reference=params["reference"])
