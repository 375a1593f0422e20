"""What a klacht can be about, and how it can end (issue 5; Blik op Werk bijlage 9).

Topics are codes in callback data and in the database; their labels are translated when shown.
Klachten about the gemeente (PIP, leerroute, participatieverklaring, maatschappelijke
begeleiding) are outside the school's procedure and the klachtenlijn (bijlage 9): they go to the
participant's klantmanager (convenant art. 13.4); general klachten about inburgering go to DUO.
"""

from __future__ import annotations

from bot.i18n import N_

TOPICS: dict[str, str] = {
    "lesson": N_("The lessons (quality)"),
    "teacher": N_("The teacher"),
    "group": N_("Group size or who is in the group"),
    "invoice": N_("Invoice or contract"),
    "rooster": N_("The timetable (rooster)"),
    # Worded so a participant who was bullied or harassed recognises it (issue 14).
    "safety": N_("Bullying, harassment or my safety"),
    "gemeente": N_("Something about the gemeente"),
    "duo": N_("Inburgering in general (the law, the exams, DUO)"),
    "other": N_("Something else"),
}
GEMEENTE_TOPICS = frozenset({"gemeente"})
# Neither the school nor the gemeente decides these: the bot answers with where to go and files
# nothing (bijlage 9: "Algemene klachten met betrekking tot inburgering in het algemeen. Deze
# klachten worden doorverwezen naar de Dienst Uitvoering Onderwijs (DUO)").
DUO_TOPICS = frozenset({"duo"})

# Outcomes the handler records on closing (norm 1.5.6 "uitkomst van de afhandeling");
# 'not_taken' is set when the klacht is not taken into treatment.
OUTCOMES: dict[str, str] = {
    "upheld": N_("The school agrees with your klacht"),
    "partly_upheld": N_("The school partly agrees with your klacht"),
    "not_upheld": N_("The school does not agree with your klacht"),
    "resolved": N_("Solved together with you"),
    "not_taken": N_("Not taken into treatment"),
}
CLOSING_OUTCOMES = ("upheld", "partly_upheld", "not_upheld", "resolved")
