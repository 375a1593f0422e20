"""When nobody independent can handle a klacht (issue 11 point 12; Blik op Werk norm 1.5.2 and its
note 7: "Wanneer er geen onafhankelijke persoon beschikbaar is, stelt u een bondig rapport op
waarin de specifieke klachtenprocedure wordt beschreven en waarin staat hoe de klacht is
afgehandeld. U kunt aantonen dat de indiener van de klacht de inhoud van het rapport
onderschrijft.").

Every klachtbehandelaar and coordinator of the school is involved (or there is none in the bot):
the bot tells the school's staff what the handbook asks instead, with a button to write the short
report (``conversations/klacht_report.py``). The report goes to the participant in the bot, who
endorses it, or not, with a button in their language; both are recorded (``klacht_reports`` and
the klacht's events), and the writer hears the answer.
"""

from __future__ import annotations

from datetime import datetime

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.i18n import Translator
from bot.klachten.notices import topic_label, when
from bot.klachten.phrases import CLOSING_PHRASES
from bot.names import name_of
from bot.outbox import Rendered, enqueue, loads, renders
from bot.refusal import Refused
from storage import klacht_routes, people
from storage import klachten as store
from storage.database import Database, Tx
from storage.klachten import Klacht
from storage.people import Person

PREFIX = "kr"
MAX_REPORT = 3000
# The report says how the klacht was handled: the phrases of a closing (issue 14).
REPORT_PHRASES = CLOSING_PHRASES


async def guide_school(tx: Tx, klacht: Klacht, now: datetime) -> int:
    """Tell the school's klachtbehandelaars and coordinators (all involved) of the alternative;
    returns how many were told."""
    staff = [p for p in await store.school_staff(tx, klacht.school_id) if p.staff_role]
    participant = await people.get_person(tx, klacht.participant_id)
    for member in staff:
        await enqueue(tx, message_key="klacht.no_independent", now=now, person_id=member.id,
                      audience="staff", dedupe_key=f"klacht:{klacht.id}:no_independent:{member.id}",
                      params={"klacht_id": klacht.id, "reference": klacht.reference,
                              "topic": klacht.topic, "received_at": klacht.received_at.isoformat(),
                              "participant": None if klacht.anonymous else name_of(participant)})
    return len(staff)


async def may_write(db: Database | Tx, klacht_id: int, staff: Person) -> Klacht:
    """The klacht, when ``staff`` may write its report: school staff with a klacht role, and
    nobody independent to handle it. Raises ``Refused`` otherwise."""
    klacht = await store.klacht_for_staff(db, klacht_id, staff)
    if klacht is None or not staff.staff_role:
        raise Refused("not this school's klacht")
    if await store.eligible_handlers(db, klacht):
        raise Refused("an independent handler is available")
    report = await klacht_routes.get_report(db, klacht.id)
    if report is not None and report.answered_at is not None:
        raise Refused("the participant already answered the report")
    return klacht


async def submit_report(db: Database, klacht_id: int, staff: Person, text: str,
                        now: datetime, phrase: str | None = None) -> Klacht:
    """Store the short report (a standard phrase of how a klacht ends, issue 14, and/or own
    words) and send it to the participant to endorse."""
    text = text.strip()
    if phrase is not None and phrase not in REPORT_PHRASES:
        raise Refused("unknown phrase")
    if (not text and phrase is None) or len(text) > MAX_REPORT:
        raise Refused(f"a report of at most {MAX_REPORT} characters")
    async with db.transaction() as tx:
        klacht = await may_write(tx, klacht_id, staff)
        if not await klacht_routes.save_report(tx, klacht.id, text, staff.id, now, phrase):
            raise Refused("the participant already answered the report")
        await enqueue(tx, message_key="klacht.report", now=now, person_id=klacht.participant_id,
                      dedupe_key=f"klacht:{klacht.id}:report:{now.isoformat()}",
                      params={"klacht_id": klacht.id, "reference": klacht.reference})
    return klacht


async def answer_report(db: Database, klacht_id: int, participant: Person, endorsed: bool,
                        now: datetime) -> bool:
    """The participant's answer; the writer is told. False when there is nothing to answer."""
    async with db.transaction() as tx:
        klacht = await store.klacht_for_participant(tx, klacht_id, participant.id)
        if klacht is None or not await klacht_routes.answer_report(
                tx, klacht.id, participant.id, endorsed, now):
            return False
        report = await klacht_routes.get_report(tx, klacht.id)
        await enqueue(tx, message_key="klacht.report_answer", now=now, audience="staff",
                      person_id=report.written_by,
                      dedupe_key=f"klacht:{klacht.id}:report_answer",
                      params={"reference": klacht.reference, "endorsed": endorsed})
    return True


# ---- how it reads --------------------------------------------------------------------------

@renders("klacht.no_independent")
def _no_independent(tr: Translator, params: dict) -> Rendered:
    lines = [
        tr.s_("Klacht {reference} ({topic}, received {date}) of {name}: nobody independent at "
              "the school can handle it (norm 1.5.2): everyone who could is involved in it.",
              reference=params["reference"], topic=topic_label(tr, params["topic"]),
              date=tr.date(when(params["received_at"])),
              name=params["participant"] or tr.s_("an anonymous participant")),
        "",
        tr.s_("What the handbook asks instead (norm 1.5, note 7): handle the klacht and write a "
              "short report that describes the procedure you followed and how the klacht was "
              "handled. The participant must endorse the report: the bot sends it to them with "
              "a button, and records their answer."),
    ]
    buttons = InlineKeyboardMarkup([[InlineKeyboardButton(
        tr.s_("Write the short report"),
        callback_data=f"{PREFIX}:write:{params['klacht_id']}")]])
    return Rendered(tr.lines(lines), buttons)


@loads("klacht.report")
async def _report_text(db: Database, params: dict) -> dict:
    """The report is read from klacht_reports at send time, not kept in the outbox row."""
    report = await klacht_routes.get_report(db, params["klacht_id"])
    if report is not None:
        params.setdefault("text", report.text)
        params.setdefault("phrase", report.phrase)
    return params


@renders("klacht.report")
def _report(tr: Translator, params: dict) -> Rendered:
    lines = [tr._("Nobody at the school who is not involved could handle your klacht "
                  "{reference}. The school wrote this report of how it handled it:",
                  reference=params["reference"]), "",
             *([tr._(REPORT_PHRASES[params["phrase"]])]
               if params.get("phrase") in REPORT_PHRASES else []),
             *([tr.isolate(params["text"])] if params.get("text") else []), "",
             tr._("Do you agree that this report is right?")]
    buttons = InlineKeyboardMarkup([
        [InlineKeyboardButton(tr.f_("Yes, I agree with this report"),
                              callback_data=f"{PREFIX}:yes:{params['klacht_id']}")],
        [InlineKeyboardButton(tr.f_("No, I do not agree"),
                              callback_data=f"{PREFIX}:no:{params['klacht_id']}")]])
    return Rendered(tr.lines(lines), buttons)


@renders("klacht.report_answer")
def _report_answer(tr: Translator, params: dict) -> str:
    if params["endorsed"]:
        return tr.s_("The participant endorses your report on klacht {reference} (norm 1.5, "
                     "note 7). This is recorded.", reference=params["reference"])
    return tr.s_("The participant does not endorse your report on klacht {reference}. Talk "
                 "with them, or send a corrected report with the button on the klacht.",
                 reference=params["reference"])
