"""Standard phrases for what a klantmanager or a school writes to a participant about an overstap
(issue 14): the klantmanager's advice about a switch to another school (``advise``; convenant
art. 11.1: the klantmanager advises, the participant decides) and the school's reason to decline
a move to another of its groups (``decline``). The writer picks one, then may add their own
words; the phrase is translated in every shipped language, so the participant reads the gist in
their own language. The codes are stored and accepted by the API (bot/api/overstap.py).
"""

from __future__ import annotations

from bot.i18n import N_, Translator
from bot.outbox import loads
from storage import overstap as store
from storage.database import Database

# code -> the phrase (participant text, every shipped language). Codes are stored: keep them.
ADVICE_PHRASES: dict[str, str] = {
    "stay": N_("My advice: stay at your current school."),
    "talk_school": N_("My advice: first talk with your school about the problem. It can often "
                      "be solved there."),
    "activities": N_("The times of the new school do not fit well with your other activities."),
    "delay": N_("Switching now can delay your course and your exam."),
    "talk_me": N_("Let us talk about it first. Please contact me."),
}

DECLINE_PHRASES: dict[str, str] = {
    "full": N_("The new group is full."),
    "level": N_("The new group works at another level than you."),
    "activities": N_("The times of the new group do not fit your other activities."),
    "exam": N_("Your exam is soon. It is better to stay in your group until then."),
    "talk": N_("We would like to talk with you about it first. Please come to the school "
               "office."),
}

PHRASES: dict[str, dict[str, str]] = {"advise": ADVICE_PHRASES, "decline": DECLINE_PHRASES}


def phrase(code: str | None, step: str) -> str | None:
    """The untranslated phrase for a stored code of ``step`` (None for none or an unknown
    code)."""
    return PHRASES.get(step, {}).get(code or "")


def written(tr: Translator, step: str, params: dict) -> list[str]:
    """What the klantmanager or the school wrote: the standard phrase in the reader's language
    (issue 14), then the writer's own words as they wrote them."""
    standard = phrase(params.get("phrase"), step)
    return [*([tr._(standard)] if standard else []),
            *([tr.isolate(params["note"])] if params.get("note") else [])]


@loads("overstap.p.advised", "overstap.p.declined")
async def _note(db: Database, params: dict) -> dict:
    """The note is read from the request at send time: the outbox row holds the phrase's code,
    not what the writer typed (issue 12)."""
    request = await store.get_request(db, params["request_id"])
    if request is not None:
        school = request.kind == "school"
        params.setdefault("note", request.km_note if school else request.decline_reason)
        params.setdefault("phrase", request.km_phrase if school else request.decline_phrase)
    return params
