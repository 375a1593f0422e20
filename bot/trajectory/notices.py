"""How trajectory records read: for the klantmanager (Dutch or English) with "seen", for the
participant in their own language, and the gemeente's note for the school's coordinator. The
outbox row holds ids only; what the school wrote is read from the record at send time.
"""

from __future__ import annotations

from datetime import date

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.i18n import N_, SN_, Translator
from bot.names import name_of
from bot.outbox import Rendered, loads, renders
from bot.uren.labels import ROUTES as STAFF_ROUTES
from storage import orgs, people
from storage import trajectory as store
from storage.database import Database

PREFIX = "tj"

STAFF_KINDS = {
    "intake": SN_("intake result and goal"),
    "duration": SN_("predicted duration"),
    "attitude": SN_("work attitude and motivation"),
    "obstacles": SN_("learning or social obstacles"),
    "progress": SN_("progress"),
}
SKILL_NAMES = {"lezen": SN_("reading"), "luisteren": SN_("listening"),
               "spreken": SN_("speaking"), "schrijven": SN_("writing")}
ROUTES = {"b1": N_("B1 route"), "z": N_("Z route (self-reliance)"),
          "onderwijs": N_("education route")}


def seen_button(tr: Translator, record_id: int, seen: bool = False) -> InlineKeyboardMarkup:
    label = ("✓ " if seen else "") + tr.sf_("Seen")
    return InlineKeyboardMarkup([[InlineKeyboardButton(label,
                                                       callback_data=f"{PREFIX}:seen:{record_id}")]])


@loads("trajectory.report", "trajectory.intake", "trajectory.duration")
async def _record(db: Database, params: dict) -> dict:
    record = await store.get_record(db, params["record_id"])
    if record is None:
        return params
    person = await people.get_person(db, record.person_id)
    school = await orgs.get_school(db, record.school_id)
    params.update(kind=record.kind, details=record.details, flagged=record.flagged,
                  predicted_end=record.predicted_end.isoformat() if record.predicted_end else None,
                  previous_end=record.previous_end.isoformat() if record.previous_end else None,
                  name=name_of(person) if person else "?", school=school.name if school else "?")
    return params


@loads("trajectory.gemeente_note")
async def _note(db: Database, params: dict) -> dict:
    note = await store.gemeente_note(db, params["note_id"])
    if note is not None:
        params.update(text=note["text"], reason=note["reason"], name=note["name"],
                      gemeente=note["gemeente"])
    return params


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def record_lines(tr: Translator, kind: str, details: dict, predicted_end: date | None,
                 previous_end: date | None, flagged: bool) -> list[str]:
    """The content of one record for staff (also used by /caseload)."""
    lines: list[str] = []
    if kind == "intake":
        lines.append(tr.s_("Goal: level {level}, {route}", level=details.get("goal_level", "?"),
                           route=tr.safe(tr.sf_(STAFF_ROUTES.get(details.get("route"), "?")))
                           if details.get("route") in STAFF_ROUTES else "-"))
        if details.get("costs_cents") is not None:
            lines.append(tr.s_("Costs for the participant: {amount}",
                               amount=tr.euros(details["costs_cents"])))
    if predicted_end is not None:
        if previous_end is not None and previous_end != predicted_end:
            lines.append(tr.s_("Predicted end: {date} (was {before})", date=tr.date(predicted_end),
                               before=tr.date(previous_end)))
        else:
            lines.append(tr.s_("Predicted end: {date}", date=tr.date(predicted_end)))
    if flagged:
        lines.append(tr.s_("⚠ More than a month later than predicted before."))
    if kind == "progress":
        lines.append(tr.s_("Assessed on {date}:", date=tr.date(date.fromisoformat(
            details["assessed_on"]))) if details.get("assessed_on") else tr.s_("Assessed:"))
        for skill, level in (details.get("skills") or {}).items():
            name = SKILL_NAMES.get(skill)
            lines.append(f"- {tr.sf_(name) if name else skill}: {level}")
    if details.get("text"):
        lines.append(tr.s_("The school writes: {text}", text=details["text"]))
    return lines


@renders("trajectory.report")
def _report(tr: Translator, params: dict) -> Rendered:
    kind = params.get("kind", "progress")
    lines = [tr.s_("Trajectory: {school} reports on {name}: {what} (C art. 12.4).",
                   school=params.get("school", "?"), name=params.get("name", "?"),
                   what=tr.safe(tr.sf_(STAFF_KINDS.get(kind, STAFF_KINDS["progress"]))))]
    lines += record_lines(tr, kind, params.get("details") or {}, _day(params.get("predicted_end")),
                          _day(params.get("previous_end")), bool(params.get("flagged")))
    lines.append(tr.s_("Open /caseload for the whole trajectory."))
    return Rendered(tr.lines(lines), seen_button(tr, params["record_id"]))


@renders("trajectory.intake")
def _intake(tr: Translator, params: dict) -> str:
    details = params.get("details") or {}
    lines = [tr._("Your school has written down your language plan.")]
    route = ROUTES.get(details.get("route") or "")
    if details.get("goal_level"):
        if route:
            lines.append(tr._("Your goal: Dutch at level {level}, in the {route}.",
                              level=details["goal_level"], route=tr.safe(tr.f_(route))))
        else:
            lines.append(tr._("Your goal: Dutch at level {level}.", level=details["goal_level"]))
    end = _day(params.get("predicted_end"))
    if end is not None:
        lines.append(tr._("Your course will probably end on {date}.", date=tr.date(end)))
    lines.append(tr._("What is expected of you: come to all your lessons, on time. If you cannot "
                      "come, tell your school before the lesson (/afmelden). Your school "
                      "registers who is present and tells your klantmanager when you are often "
                      "absent."))
    if details.get("costs_cents") is not None:
        lines.append(tr._("The costs of your course: {amount}.",
                          amount=tr.euros(details["costs_cents"])))
    lines.append(tr._("Questions about your plan? Ask your school or your klantmanager."))
    return tr.lines(lines)


@renders("trajectory.duration")
def _duration(tr: Translator, params: dict) -> str:
    end, before = _day(params.get("predicted_end")), _day(params.get("previous_end"))
    if end is None:
        return tr._("Your school has changed the plan of your course.")
    if before is None:
        text = tr._("Your school expects your course to end on {date}.", date=tr.date(end))
    elif end > before:
        text = tr._("Your course will probably take longer: your school now expects it to end "
                    "on {date} (before: {before}).", date=tr.date(end), before=tr.date(before))
    else:
        text = tr._("Your course will probably end sooner: your school now expects it to end "
                    "on {date} (before: {before}).", date=tr.date(end), before=tr.date(before))
    return tr.lines([text, tr._("Questions about your plan? Ask your school or your "
                                "klantmanager.")])


@renders("trajectory.gemeente_note")
def _gemeente_note(tr: Translator, params: dict) -> str:
    lines = [tr.s_("Gemeente {gemeente} tells you about an obstacle of {name} (C art. 12.6):",
                   gemeente=params.get("gemeente", "?"), name=params.get("name", "?"))]
    reason = OBSTACLE_REASONS.get(params.get("reason") or "")
    if reason:
        lines.append(tr.sf_(reason))
    if params.get("text"):
        lines.append(params["text"])
    return tr.lines(lines)


# The standard obstacles a klantmanager tells the school of (C art. 12.6), for the coordinator.
OBSTACLE_REASONS = {
    "care": SN_("Care for children or family"),
    "health": SN_("Health"),
    "work": SN_("Work or a work placement"),
    "appointments": SN_("Appointments of the participation trajectory"),
    "housing_money": SN_("Housing or money problems"),
    "other": SN_("Something else"),
}


# Why a record left the school, as /gedeeld shows it to the participant (C art. 12.3).
PURPOSES = {
    "trajectory_report": N_("so your klantmanager can support you during your course"),
    "gemeente_note": N_("so your school can take it into account in your lessons"),
}


def caseload_lines(tr: Translator, records: list[store.Record]) -> list[str]:
    """The latest record of each kind, newest first, for the klantmanager's /caseload."""
    latest: dict[str, store.Record] = {}
    for record in records:  # newest first
        latest.setdefault(record.kind, record)
    lines: list[str] = []
    for record in sorted(latest.values(), key=lambda r: r.recorded_at, reverse=True):
        what = tr.sf_(STAFF_KINDS.get(record.kind, STAFF_KINDS["progress"]))
        seen = "" if record.seen_at else " " + tr.s_("(not seen yet)")
        lines.append(f"- {tr.date(record.recorded_at)}, {what}{seen}")
        lines += ["  " + line for line in record_lines(
            tr, record.kind, record.details, record.predicted_end, record.previous_end,
            record.flagged)]
    return lines
