"""How a loss of standing reads (convenant art. 4.4, 15; ``bot.overstap.standing``): the
klantmanager's card with the advice to switch, ready to send per participant or to all at once.
The participant's advice itself is ``overstap.p.school_status`` (``bot.overstap.notices``)."""

from __future__ import annotations

from datetime import datetime

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.i18n import SN_, Translator
from bot.outbox import Rendered, renders

PREFIX = "ovsa"
KEURMERK_LABELS = {"suspended": SN_("suspended (schorsing)"),
                   "withdrawn": SN_("withdrawn (intrekking)")}


def advice_buttons(tr: Translator, params: dict) -> InlineKeyboardMarkup | None:
    """One button per participant not advised yet, and one for all of them."""
    waiting = [p for p in params["participants"] if not p.get("sent_by")]
    rows = [[InlineKeyboardButton(tr.s_("Send the advice to {name}", name=p["name"])[:64],
                                  callback_data=f"{PREFIX}:one:{p['advice']}")]
            for p in waiting]
    if len(waiting) > 1:
        rows.append([InlineKeyboardButton(tr.s_("Send the advice to all {n}", n=len(waiting)),
                                          callback_data=f"{PREFIX}:all:{params['change_id']}")])
    return InlineKeyboardMarkup(rows) if rows else None


def advice_text(tr: Translator, params: dict) -> str:
    status = KEURMERK_LABELS.get(params.get("status"), KEURMERK_LABELS["suspended"])
    lines = [
        tr.s_("Urgent: the keurmerk of {school} is {status} (convenant art. 4.4, 15).",
              school=params["school"], status=tr.safe(tr.sf_(status))),
        tr.s_("Please advise these participants of your caseload urgently to switch to another "
              "school. A button sends the advice in the participant's own language, with a "
              "button to choose a new school."),
        "",
    ]
    for p in params["participants"]:
        if p.get("sent_by"):
            lines.append("✓ " + tr.s_("{name}: advice sent by {by} on {day}", name=p["name"],
                                      by=p["sent_by"],
                                      day=tr.date(datetime.fromisoformat(p["sent_at"]))))
        else:
            lines.append("• " + tr.s_("{name}: not advised yet", name=p["name"]))
    return tr.lines(lines)[:4096]


@renders("overstap.km.switch_advice")
def km_switch_advice(tr: Translator, params: dict) -> Rendered:
    return Rendered(advice_text(tr, params), advice_buttons(tr, params))
