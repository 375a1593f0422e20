"""What may go from the old school to the new one, and why (convenant art. 12.2-12.5), and the
reasons a participant can give for switching. Codes are stored; labels are translated when shown.

The items are those of art. 12.4 that art. 12.5 lets the current school pass on at a switch: the
intake result with the agreed goal, the predicted duration, the lesrooster, absence, progress
(work attitude and motivation) and learning or social obstacles. The participant agrees or
refuses per item (art. 12.3: told which information is exchanged, with whom and why).
"""

from __future__ import annotations

from bot.i18n import N_

# code -> (label, why it goes to the new school)
ITEMS: dict[str, tuple[str, str]] = {
    "intake": (N_("Your intake result and your goal"),
               N_("So the new school can put you in the right group and level.")),
    "duration": (N_("How long your course will probably take"),
                 N_("So the new school can plan the rest of your course.")),
    "rooster": (N_("Your lesson days and times"),
                N_("So the new school can find lesson times that fit you.")),
    "absence": (N_("Lessons you missed"),
                N_("So the new school knows which lessons you followed.")),
    "progress": (N_("Your progress and how you work in class"),
                 N_("So the new school can go on where you are now.")),
    "obstacles": (N_("Problems that make learning harder for you"),
                  N_("So the new school can help and support you.")),
}
ITEM_CODES = tuple(ITEMS)

REASONS: dict[str, str] = {
    "times": N_("The days or times do not fit me"),
    "travel": N_("The school is too far away"),
    "level": N_("The level or speed does not fit me"),
    "goals": N_("Another school fits my goals better"),
    "problems": N_("Problems at the school"),
    "other": N_("Another reason"),
}
MAX_REASON_TEXT = 500

# Purposes written to sharing_log (shown by /gedeeld).
PURPOSES: dict[str, str] = {
    "overstap_request": N_("to plan your switch and the handover conversation"),
    "overstap_handover": N_("so the new school can continue your course (handover at a switch)"),
}
# Pseudo-items written to sharing_log besides the art. 12.4 items.
EXTRA_ITEMS: dict[str, str] = {
    "name": N_("Your name"),
    "request": N_("That you want to switch to this school"),
}


def item_label(code: str) -> str | None:
    """The untranslated label of an item or pseudo-item code, or None when unknown."""
    if code in ITEMS:
        return ITEMS[code][0]
    return EXTRA_ITEMS.get(code)
