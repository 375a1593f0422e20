"""Standard phrases for what the school writes to a participant about a klacht (issue 14): the
staff member picks one, then may add their own words. The phrase is translated in every
shipped language, so the participant always reads the gist in their own language, whatever
language the staff member's own words are in (Blik op Werk norm 1.5.2: the participant must be
able to follow the handling of their klacht).

One list per step: a question (``ask``), the reason a klacht is not taken into treatment
(``refuse``; norm 1.5.2: "gemotiveerd", the grounds a klachtenreglement names under norm 1.5.1:
what a klacht is, and where a participant goes for what the school does not decide), and the
explanation with the outcome on closing (``close``; norm 1.5.7: the handling is made known).
"""

from __future__ import annotations

from bot.i18n import N_

# code -> the phrase (participant text, every shipped language). Codes are stored: keep them.
QUESTION_PHRASES: dict[str, str] = {
    "more": N_("Can you tell us more about what happened?"),
    "when": N_("When did it happen? Please tell us the day and the time."),
    "who": N_("Who was there? Please tell us their names or what they do at the school."),
    "proof": N_("Do you have a photo, a document or a message about it? Please send it."),
    "talk": N_("We would like to talk with you about your klacht. When can you come to the "
               "school?"),
    "interpreter": N_("Would you like an interpreter for a conversation? In which language?"),
}

REFUSAL_PHRASES: dict[str, str] = {
    "outside": N_("Your klacht is about something outside the school. The school cannot decide "
                  "about it."),
    "gemeente": N_("This is a matter for the gemeente. Please ask your klantmanager about it."),
    "handled": N_("The school has already handled this klacht before."),
    "anonymous": N_("The klacht is anonymous and does not say enough for the school to look "
                    "into it."),
    "not_klacht": N_("Under the school's rules for klachten this is not a klacht. You can talk "
                     "about it with your teacher."),
}

CLOSING_PHRASES: dict[str, str] = {
    "measures": N_("We agree with you and have taken measures so that it does not happen "
                   "again."),
    "teacher": N_("We have talked with the teacher about it."),
    "changed": N_("We have changed what went wrong."),
    "refund": N_("You get money back, or you do not have to pay for this."),
    "no_proof": N_("We looked into it carefully, but we could not find that it happened as you "
                   "wrote."),
    "rules": N_("We do not agree, because what happened follows the rules of the school."),
}

PHRASES: dict[str, dict[str, str]] = {
    "ask": QUESTION_PHRASES, "refuse": REFUSAL_PHRASES, "close": CLOSING_PHRASES,
    # the short report when nobody independent can handle it says how it was handled
    "report": CLOSING_PHRASES}


def phrase(code: str | None, step: str = "ask") -> str | None:
    """The untranslated phrase for a stored code of ``step`` (None for none or an unknown
    code)."""
    return PHRASES.get(step, {}).get(code or "")
