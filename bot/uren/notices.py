"""How urenverklaring messages read (issue 6): the participant's summary in their own language,
the school staff's confirm step (Dutch or English), and "your statement is ready" with a button
that sends the PDF. Registered with the outbox at import time; rendered at send time.
"""

from __future__ import annotations

from datetime import date, datetime

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.i18n import Translator
from bot.outbox import Rendered, renders
from bot.rules.hours import HoursStatement, to_hours
from bot.uren import labels

PREFIX = "ur"


def period_text(tr: Translator, start: str | date | None, end: str | date | None) -> str:
    if start is None and end is None:
        return tr.f_("the whole course")
    first = date.fromisoformat(start) if isinstance(start, str) else start
    last = date.fromisoformat(end) if isinstance(end, str) else end
    return tr.f_("{start} to {end}", start=tr.date(first) if first else "…",
                 end=tr.date(last) if last else "…")


def summary(tr: Translator, statement: HoursStatement, start: date | None,
            end: date | None) -> str:
    """The participant's hours in their language: per kind in class and online, what counts
    and why (BoW 2.3.3-2.3.6, 4.7)."""
    lines = [tr._("Your hours, {period}:", period=tr.safe(period_text(tr, start, end))), ""]
    if not statement.by_kind:
        lines.append(tr._("No attended lessons were registered in this period."))
        return tr.lines(lines)
    for kind in statement.by_kind:
        lines.append(tr._("{kind}: {classroom} hours in class, {distance} hours online",
                          kind=tr.safe(labels.label(tr, labels.KINDS, kind.kind)),
                          classroom=tr.hours(kind.classroom_hours),
                          distance=tr.hours(kind.distance_hours)))
    lines += [
        "",
        tr._("Attended in total: {hours} hours", hours=tr.hours(statement.attended_hours)),
        tr._("Hours that count for your urenverklaring: {hours}",
             hours=tr.hours(statement.counted_hours)),
    ]
    if statement.has_ona:
        lines.append(tr._("ONA hours that count for the 64-hour statement: {hours}",
                          hours=tr.hours(statement.ona_counted_hours)))
    reasons = []
    for line in statement.lines:
        text = labels.label(tr, labels.RULES, str(line.rule))
        if line.rule != "classroom" and text not in reasons:
            reasons.append(text)
    lines += [f"• {text}" for text in reasons]
    return tr.lines(lines)


def pdf_button(tr: Translator, statement_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton(
        tr.f_("Get the PDF"), callback_data=f"{PREFIX}:pdf:{statement_id}")]])


@renders("uren.ready")
def _ready(tr: Translator, params: dict) -> Rendered:
    if params.get("final"):
        text = tr._("Your course at {school} has ended. Here is your final urenverklaring "
                    "(statement of your lesson hours) with proof of participation. Hours that "
                    "count: {hours}. Press the button to get the PDF.", school=params["school"],
                    hours=tr.hours(to_hours(params["counted_seconds"])))
    elif params.get("for_self", True):
        text = tr._("Your urenverklaring (statement of your lesson hours) is ready. "
                    "Hours that count: {hours}. Press the button to get the PDF.",
                    hours=tr.hours(to_hours(params["counted_seconds"])))
    else:
        text = tr._("The urenverklaring of {name} is ready. Hours that count: {hours}. "
                    "Press the button to get the PDF.", name=params["name"],
                    hours=tr.hours(to_hours(params["counted_seconds"])))
    return Rendered(text, pdf_button(tr, params["statement_id"]))


# Only for messages queued before refusing was taken away (BoW 2.9.4: no refusal).
@renders("uren.refused")
def _refused(tr: Translator, params: dict) -> str:
    if params.get("for_self", True):
        return tr._("Your school did not issue the urenverklaring. Please ask your school why.")
    return tr._("The school did not issue the urenverklaring of {name}. Please contact the school.",
                name=params["name"])


@renders("uren.confirm")
def _confirm(tr: Translator, params: dict) -> Rendered:
    requester = (tr.s_("the participant") if params["requester_role"] == "participant"
                 else tr.s_("klantmanager {name}", name=params["requester"]))
    text = tr.lines([
        tr.s_("Urenverklaring requested for {name} by {requester}.", name=params["name"],
              requester=tr.safe(requester)),
        tr.s_("Period: {period}", period=tr.safe(period_text(tr, params["period_start"],
                                                              params["period_end"]))),
        tr.s_("Attended: {attended} hours; counting: {counted} hours.",
              attended=tr.hours(to_hours(params["attended_seconds"])),
              counted=tr.hours(to_hours(params["counted_seconds"]))),
        tr.s_("The school must provide it on request and cannot refuse it (BoW 2.9.4). If a "
              "figure is wrong, correct the attendance registration first: the statement "
              "follows it (BoW 2.5). Confirm to issue the signed statement."),
    ])
    return Rendered(text, confirm_button(tr, params["request_id"]))


def confirm_button(tr: Translator, request_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[
        InlineKeyboardButton(tr.sf_("Confirm and issue"),
                             callback_data=f"{PREFIX}:ok:{request_id}"),
        InlineKeyboardButton(tr.sf_("Add a note"), callback_data=f"{PREFIX}:note:{request_id}"),
    ]])


@renders("uren.digest")
def _digest(tr: Translator, params: dict) -> Rendered:
    """The daily digest of requests waiting for this staff member's confirmation (issue 14)."""
    lines = [tr.s_("Urenverklaring requests waiting for your confirmation (the school cannot "
                   "refuse them, BoW 2.9.4):")]
    for item in params["requests"]:
        lines.append("• " + tr.s_("{name}, requested on {date}", name=item["name"],
                                  date=tr.date(datetime.fromisoformat(item["requested_at"]))))
    if params.get("more"):
        lines.append(tr.sn_("and {n} more request", "and {n} more requests", params["more"]))
    lines += ["", tr.s_("Press a name to confirm and issue its statement.")]
    rows = [[InlineKeyboardButton("✅ " + item["name"][:56],
                                  callback_data=f"{PREFIX}:ok:{item['request_id']}")]
            for item in params["requests"]]
    return Rendered(tr.lines(lines), InlineKeyboardMarkup(rows))


@renders("uren.remind")
def _remind(tr: Translator, params: dict) -> Rendered:
    requested = datetime.fromisoformat(params["requested_at"])
    return Rendered(tr.s_(
        "Reminder: the urenverklaring of {name}, requested on {date}, has not been issued after "
        "5 working days. The school must provide it on request (BoW 2.9.4); after 10 working "
        "days the klantmanager is told.", name=params["name"], date=tr.date(requested)),
        confirm_button(tr, params["request_id"]))


@renders("uren.late")
def _late(tr: Translator, params: dict) -> str:
    requested = datetime.fromisoformat(params["requested_at"])
    return tr.s_(
        "The urenverklaring of {name}, requested on {date}, has not been issued by {school} "
        "after 10 working days. The school must provide it on request (BoW 2.9.4).",
        name=params["name"], date=tr.date(requested), school=params["school"])
