"""How a warning reads for the participant (their language) and the attempts for the
klantmanager's /caseload (BoW "Wanprestatie door de Cursist"). The outbox row holds the attempt's
id only; the school's note is read from the record when the message is sent."""

from __future__ import annotations

from datetime import date

from bot.i18n import SN_, Translator
from bot.outbox import loads, renders
from storage import contact_attempts as store
from storage import orgs
from storage.database import Database

STAFF_KINDS = {"call": SN_("phone call"), "message": SN_("message"),
               "conversation": SN_("conversation"), "warning": SN_("warning")}
STAFF_OUTCOMES = {"reached": SN_("reached"), "not_reached": SN_("not reached"),
                  "promised_to_come": SN_("promised to come"), "refused": SN_("refused"),
                  "sent": SN_("sent")}
STAFF_WARNINGS = {"absence": SN_("about absence"), "agreements": SN_("about agreements"),
                  "final": SN_("last warning")}


@loads("wanprestatie.warning")
async def _attempt(db: Database, params: dict) -> dict:
    attempt = await store.get_attempt(db, params["attempt_id"])
    if attempt is None:
        return params
    school = await orgs.get_school(db, attempt.school_id)
    params.update(warning_kind=attempt.warning_kind, note=attempt.note,
                  on=attempt.attempted_on.isoformat(), school=school.name if school else "?",
                  come_back_by=attempt.come_back_by.isoformat() if attempt.come_back_by else None)
    return params


@renders("wanprestatie.warning")
def _warning(tr: Translator, params: dict) -> str:
    kind = params.get("warning_kind") or "absence"
    lines = [tr._("⚠ A warning from your school {school}.", school=params.get("school", "?"))]
    if kind == "agreements":
        lines.append(tr._("You are not keeping the agreements of your course contract, for "
                          "example about homework or appointments with the school."))
    else:
        lines.append(tr._("You have missed lessons without a valid reason. Coming to your "
                          "lessons is part of your course contract."))
    come_back_by = params.get("come_back_by")
    if kind == "final" and come_back_by:
        lines.append(tr._("This is your last warning. If you do not come back to your lessons "
                          "by {date}, the school may end your course contract straight away.",
                          date=tr.date(date.fromisoformat(come_back_by))))
    else:
        lines.append(tr._("If this goes on, it has consequences for your course contract: the "
                          "school may send you a registered letter and then end the contract."))
    if params.get("note"):
        lines.append(tr._("Your school adds: {note}", note=params["note"]))
    lines.append(tr._("Is something keeping you from coming? Talk to your school or your "
                      "klantmanager."))
    return tr.lines(lines)


def caseload_lines(tr: Translator, attempts: list[store.Attempt]) -> list[str]:
    """The school's latest attempts, newest first, for the klantmanager's /caseload."""
    lines = []
    for attempt in attempts:
        what = tr.sf_(STAFF_KINDS.get(attempt.kind, STAFF_KINDS["message"]))
        if attempt.warning_kind in STAFF_WARNINGS:
            what += " (" + tr.sf_(STAFF_WARNINGS[attempt.warning_kind]) + ")"
        outcome = tr.sf_(STAFF_OUTCOMES.get(attempt.outcome, STAFF_OUTCOMES["reached"]))
        line = f"- {tr.date(attempt.attempted_on)}, {what}: {outcome}"
        if attempt.sent_at is not None:
            line += ", " + tr.sf_("sent through the bot")
        lines.append(line)
        if attempt.note:
            lines.append("  " + tr.s_("The school writes: {text}", text=attempt.note))
    return lines
