"""How verzuim and uitval alerts read for the klantmanager (C art. 12.4), in Dutch or English,
rendered at send time; registered with the outbox at import time.

Each alert names who, which school, since when, how many lessons were missed and which of them
were reported with a reason (C art. 9.3), and carries the buttons "seen" and "contacted".
"""

from __future__ import annotations

from datetime import date, datetime

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.i18n import SN_, Translator
from bot.outbox import Rendered, renders
from bot.trajectory.notices import STAFF_KINDS as REPORT_KINDS

PREFIX = "vz"
MAX_LISTED = 15

STATUS_LABELS = {
    "absent": SN_("absent, no reason given"),
    "absent_reported": SN_("reported absent in advance"),
    "absent_ill": SN_("reported ill"),
    "absent_other": SN_("absent with another reason"),
}
# In Telegram alerts, unless the gemeente allowed naming a health reason (issue 13).
STATUS_LABELS_IN_CHAT = {**STATUS_LABELS, "absent_reason_hidden": SN_("absent, reason reported")}
KIND_LABELS = {
    "NT2": SN_("NT2"), "KNM": SN_("KNM"), "ONA": SN_("ONA"),
    "alfabetisering": SN_("alfabetisering"), "MAP": SN_("MAP"), "other": SN_("other lesson"),
}
STATUS_CHANGES = {
    "left": SN_("has left the course"),
    "dropped_out": SN_("has dropped out (uitval)"),
}


def when(value: str) -> datetime:
    return datetime.fromisoformat(value)


def frag(tr: Translator, text: str) -> object:
    """A translated fragment passed into another message (not isolated again)."""
    return tr.safe(tr.sf_(text))


def alert_buttons(tr: Translator, alert_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[
        InlineKeyboardButton(tr.sf_("Seen"),
                             callback_data=f"{PREFIX}:seen:{alert_id}"),
        InlineKeyboardButton(tr.sf_("Contacted"),
                             callback_data=f"{PREFIX}:contact:{alert_id}"),
    ]])


def remaining_buttons(tr: Translator, alert_id: int, seen: bool,
                      contacted: bool) -> InlineKeyboardMarkup | None:
    """After a press: what is done shows as done, what is left stays a button."""
    if contacted:
        return None
    row = []
    if seen:
        row.append(InlineKeyboardButton("✓ " + tr.sf_("Seen"),
                                        callback_data=f"{PREFIX}:seen:{alert_id}"))
    row.append(InlineKeyboardButton(tr.sf_("Contacted"),
                                    callback_data=f"{PREFIX}:contact:{alert_id}"))
    return InlineKeyboardMarkup([row])


def missed_lines(tr: Translator, missed: list, health: bool = False) -> list[str]:
    """One line per missed lesson: weekday, date, time, kind and how it was registered; "ill"
    only where the gemeente allowed naming a health reason in chat (issue 13), else "absent,
    reason reported" (the reason shows in /caseload)."""
    lines = []
    for start, kind, status in missed[-MAX_LISTED:]:
        moment = when(start)
        if status == "absent_ill" and not health:
            status = "absent_reason_hidden"
        lines.append(tr.s_("- {day} {time}, {kind}: {status}", day=tr.weekday_date(moment),
                           time=tr.time(moment),
                           kind=frag(tr, KIND_LABELS.get(kind, KIND_LABELS["other"])),
                           status=frag(tr, STATUS_LABELS_IN_CHAT.get(status,
                                                                     STATUS_LABELS["absent"]))))
    if len(missed) > MAX_LISTED:
        lines.insert(0, tr.s_("(the last {shown} of {count} are listed)",
                              shown=tr.number(MAX_LISTED), count=tr.number(len(missed))))
    return lines


def episode_text(tr: Translator, params: dict, headline: str) -> str:
    missed = params["missed"]
    reported = sum(1 for _, _, status in missed if status != "absent")
    return tr.lines([
        headline,
        tr.s_("School: {school}", school=params["school"]),
        tr.s_("Absent since: {date}", date=tr.weekday_date(when(params["since"]))),
        tr.sn_("{n} lesson missed since the last attended one.",
               "{n} lessons missed since the last attended one.", params["count"]),
        tr.sn_("{n} of them was reported with a reason.",
               "{n} of them were reported with a reason.", reported),
        "",
        *missed_lines(tr, missed, bool(params.get("health"))),
    ])


@renders("verzuim.alert")
def _alert(tr: Translator, params: dict) -> Rendered:
    text = episode_text(tr, params, tr.s_(
        "Verzuim: {name} has been absent for more than a week (C art. 12.4).", name=params["name"]))
    return Rendered(text, alert_buttons(tr, params["alert_id"]))


@renders("verzuim.followup")
def _followup(tr: Translator, params: dict) -> Rendered:
    text = episode_text(tr, params, tr.s_(
        "Verzuim continues: {name} is still absent (week {week}).", name=params["name"],
        week=tr.number(params["week"])))
    return Rendered(text, alert_buttons(tr, params["alert_id"]))


@renders("verzuim.back")
def _back(tr: Translator, params: dict) -> str:
    return tr.s_("Back in class: {name} ({school}) attended a lesson again on {date}.",
                 name=params["name"], school=params["school"],
                 date=tr.weekday_date(when(params["back_on"])))


@renders("verzuim.uitval")
def _uitval(tr: Translator, params: dict) -> Rendered:
    lines = [tr.s_("Uitval: {school} reports that {name} {change}.", school=params["school"],
                   name=params["name"],
                   change=frag(tr, STATUS_CHANGES.get(params["status"], STATUS_CHANGES["left"])))]
    if params.get("effective_on"):
        lines.append(tr.s_("As of: {date}",
                           date=tr.date(date.fromisoformat(params["effective_on"]))))
    if params.get("reason"):
        lines.append(tr.s_("Reason given by the school: {reason}", reason=params["reason"]))
    return Rendered(tr.lines(lines), alert_buttons(tr, params["alert_id"]))


@renders("verzuim.digest")
def _digest(tr: Translator, params: dict) -> Rendered:
    alerts, reports = params["alerts"], params.get("reports", [])
    lines = [tr.sn_("Daily overview: {n} alert you have not marked as seen.",
                    "Daily overview: {n} alerts you have not marked as seen.",
                    len(alerts) + len(reports)), ""]
    for item in alerts:
        if item["kind"] == "uitval":
            lines.append(tr.s_("- {name} ({school}): uitval reported on {date}", name=item["name"],
                               school=item["school"], date=tr.date(when(item["alerted_at"]))))
        else:
            lines.append(tr.s_("- {name} ({school}): absent since {date}", name=item["name"],
                               school=item["school"], date=tr.date(when(item["since"]))))
    for item in reports:  # trajectory reports (issue 15)
        what = frag(tr, REPORT_KINDS.get(item["kind"], REPORT_KINDS["progress"]))
        lines.append(tr.s_("- {name} ({school}): {what} reported on {date}", name=item["name"],
                           school=item["school"], what=what, date=tr.date(when(item["at"])))
                     + (" ⚠" if item.get("flagged") else ""))
    lines += ["", tr.s_("Open /caseload for details.")]
    buttons = InlineKeyboardMarkup([[InlineKeyboardButton(
        tr.sf_("Mark all as seen"),
        callback_data=f"{PREFIX}:dseen:{params['day'].replace('-', '')}")]])
    return Rendered(tr.lines(lines), buttons)
