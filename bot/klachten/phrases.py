"""Standard phrases for what the school writes to a participant about a klacht (issue 14): the
staff member picks one, then may add their own words. The phrase is translated in every
shipped language, so the participant always reads the gist in their own language, whatever
language the staff member's own words are in (Blik op Werk norm 1.5.2: the participant must be
able to follow the handling of their klacht)."""

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


def phrase(code: str | None) -> str | None:
    """The untranslated phrase for a stored code (None for none or an unknown code)."""
    return QUESTION_PHRASES.get(code or "")
