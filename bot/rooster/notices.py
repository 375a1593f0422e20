"""How rooster notifications read (issue 4; convenant art. 10.4, 10.6, 12.6). They are enqueued
with JSON parameters and rendered when sent, in the recipient's language at that moment, with
weekdays, dates and times formatted by Babel in Europe/Amsterdam.

- ``rooster.changed``: one message per participant per push, listing every change they notice
  (new, cancelled, moved, other place, other teacher, classroom or distance) and new holidays;
- ``rooster.conflict``: to the klantmanager and the school, naming the lesson and the activity.

A message still unsent when the next push changes the same participant's lessons is folded into
one (``fold``, issue 18): the participant reads the final state once, not "moved to 10:00"
followed by "cancelled". How urgent it is follows ``bot.rules.urgency`` (``urgency_of``).
"""

from __future__ import annotations

from datetime import date, datetime

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.i18n import N_, SN_, Translator
from bot.names import marked
from bot.outbox import Rendered, renders
from bot.rules.lessons import Holiday, Lesson
from bot.rules.localtime import AMSTERDAM
from bot.rules.rooster_diff import CHANGE_KINDS, activity_times, local_day
from bot.rules.urgency import LessonChange, urgency

CHANGED = "rooster.changed"
LATER = "rooster.later"  # the weekly summary of changes beyond the horizon (bot.rooster.later)
CONFLICT = "rooster.conflict"
ACTIVITY_DAY = "rooster.activity_day"  # to the klantmanager (bot.rooster.activity_days)
# A message lists at most this many changes; the rest is one line pointing to /rooster.
MAX_ENTRIES = 15
MAX_CONFLICTS = 10

KIND_LABELS = {
    "NT2": N_("Dutch (NT2)"),
    "KNM": N_("Dutch society (KNM)"),
    "ONA": N_("Work in the Netherlands (ONA)"),
    "alfabetisering": N_("Reading and writing"),
    "MAP": N_("Work and participation (MAP)"),
    "other": N_("Lesson"),
}


def kind_label(tr: Translator, kind: str) -> str:
    return tr.f_(KIND_LABELS.get(kind, KIND_LABELS["other"]))


def place_text(tr: Translator, location: str | None, mode: str) -> str:
    """Where the lesson is: online for distance learning, else the location."""
    if mode == "distance":
        return tr.f_("online (distance learning)")
    return location or "–"


def lesson_text(tr: Translator, start: datetime, end: datetime, kind: str) -> str:
    """"Monday 30 November, 09:00–12:00, Dutch (NT2)" in the reader's language."""
    return tr.f_("{day}, {start}–{end}, {kind}", day=tr.weekday_date(start), start=tr.time(start),
                 end=tr.time(end), kind=tr.safe(kind_label(tr, kind)))


# ---- building the parameters (at push time) ------------------------------------------------

def lesson_entry(kinds: tuple[str, ...], old: Lesson | None, new: Lesson) -> dict:
    """What one participant must hear about one lesson; JSON-ready."""
    shown = old if kinds == ("cancelled",) and old is not None else new
    entry = {"id": new.external_id, "k": list(kinds), "kind": shown.kind,
             "start": shown.starts_at.isoformat(), "end": shown.ends_at.isoformat(),
             "location": new.location, "teacher": new.teacher, "mode": new.mode}
    if "moved" in kinds and old is not None:
        entry["old_start"] = old.starts_at.isoformat()
        entry["old_end"] = old.ends_at.isoformat()
    return entry


def holiday_entry(how: str, holiday: Holiday) -> dict:
    return {"holiday": holiday.name, "how": how, "from": holiday.starts_on.isoformat(),
            "to": holiday.ends_on.isoformat()}


def changed_params(entries: list[dict], more: int = 0) -> dict:
    """Holidays first, then lessons in time order; at most MAX_ENTRIES, the rest counted (with
    ``more`` changes of an earlier message that were only counted)."""
    ordered = sorted(entries, key=lambda e: (0, e["from"]) if "holiday" in e else (1, e["start"]))
    return {"entries": ordered[:MAX_ENTRIES],
            "more": more + max(0, len(ordered) - MAX_ENTRIES)}


# ---- folding an unsent message into the next one, and how urgent it is ---------------------

def _same(one: str | None, other: str | None) -> bool:
    """The same moment, whatever the offset it was written with."""
    if one is None or other is None:
        return one is other
    return datetime.fromisoformat(one) == datetime.fromisoformat(other)


def _fold_lesson(a: dict, b: dict) -> dict | None:
    """One lesson told as ``a`` (unsent) and then ``b``: what the participant must hear now,
    compared with what they knew before ``a``; None when nothing changed for them after all."""
    if "cancelled" in b["k"]:
        if "new" in a["k"]:
            return None  # never heard of, now gone
        start, end = a.get("old_start", a["start"]), a.get("old_end", a["end"])
        return {**b, "k": ["cancelled"], "start": start, "end": end}
    if "cancelled" in a["k"]:  # cancelled and back again: compare with the lesson as it was
        same_time = _same(a["start"], b["start"]) and _same(a["end"], b["end"])
        kinds = [] if same_time else ["moved"]
        kinds += [k for k in ("location", "teacher", "mode")
                  if (a.get(k) or "") != (b.get(k) or "")]
        if not kinds:
            return None
        folded = {key: value for key, value in b.items() if key not in ("old_start", "old_end")}
        if "moved" in kinds:
            folded.update(old_start=a["start"], old_end=a["end"])
        return {**folded, "k": kinds}
    if "new" in a["k"]:
        return {key: value for key, value in b.items() if key not in ("old_start", "old_end")
                } | {"k": ["new"]}
    kinds = set(a["k"]) | set(b["k"])
    folded = {key: value for key, value in b.items() if key not in ("old_start", "old_end")}
    if "moved" in kinds:
        first = a if "moved" in a["k"] else b
        old_start, old_end = first.get("old_start"), first.get("old_end")
        if _same(old_start, b["start"]) and _same(old_end, b["end"]):
            kinds.discard("moved")  # moved and moved back
        elif old_start is not None:
            folded["old_start"] = old_start
            if old_end is not None:
                folded["old_end"] = old_end
    if not kinds:
        return None
    return {**folded, "k": [k for k in CHANGE_KINDS if k in kinds]}


def fold(earlier: list[dict], later: list[dict]) -> list[dict]:
    """The entries of an unsent message and of the next one about the same participant, as one
    message with the final state: a lesson (by its id) or holiday (by name) told in both is told
    once; entries without an id (from before folding existed) are kept as they are."""
    def key(entry: dict) -> tuple | None:
        if "holiday" in entry:
            return ("holiday", entry["holiday"])
        return ("lesson", entry["id"]) if "id" in entry else None

    result: list[dict | None] = list(earlier)
    index = {key(e): i for i, e in enumerate(earlier) if key(e) is not None}
    for entry in later:
        k = key(entry)
        if k is None or k not in index:
            result.append(entry)
            continue
        before = result[index[k]]
        if "holiday" in entry:
            result[index[k]] = {**entry, "how": before["how"]}
        else:
            result[index[k]] = _fold_lesson(before, entry)
    return [e for e in result if e is not None]


def _at(entry: dict, field: str) -> datetime | None:
    return datetime.fromisoformat(entry[field]) if entry.get(field) else None


def lesson_change(entry: dict) -> LessonChange:
    return LessonChange(tuple(entry["k"]), _at(entry, "start"), _at(entry, "end"),
                        _at(entry, "old_start"), _at(entry, "old_end"))


def urgency_of(entries: list[dict], now: datetime) -> str:
    """Urgent when a lesson change to act on falls within 12 hours (``bot.rules.urgency``)."""
    return urgency(now, lesson_changes=[lesson_change(e) for e in entries if "holiday" not in e])


def first_lesson(entries: list[dict], now: datetime) -> datetime | None:
    """The earliest lesson still ahead that the message is about (before or after a move), so a
    message about this evening's lesson passes the quiet hours."""
    times = [t for e in entries if "holiday" not in e
             for t in (_at(e, "start"), _at(e, "old_start")) if t is not None and t > now]
    return min(times, default=None)


# ---- rendering (at send time) --------------------------------------------------------------

def _first_line(tr: Translator, kind: str, entry: dict, when: str) -> str:
    if kind == "new":
        return "🆕 " + tr.f_("New lesson: {lesson}. Place: {place}", lesson=tr.safe(when),
                             place=place_text(tr, entry.get("location"), entry["mode"]))
    if kind == "cancelled":
        return "❌ " + tr.f_("Cancelled: {lesson}", lesson=tr.safe(when))
    if kind == "moved":
        old = datetime.fromisoformat(entry["old_start"])
        return "🕘 " + tr.f_("Moved: {lesson} (was {old})", lesson=tr.safe(when),
                             old=f"{tr.weekday_date(old)} {tr.time(old)}")
    if kind == "location":
        return "📍 " + tr.f_("New place: {lesson}: {location}", lesson=tr.safe(when),
                             location=entry.get("location") or "–")
    if kind == "teacher":
        return "👤 " + tr.f_("New teacher: {lesson}: {teacher}", lesson=tr.safe(when),
                             teacher=entry.get("teacher") or "–")
    if entry["mode"] == "distance":
        return "💻 " + tr.f_("Now online (distance learning): {lesson}", lesson=tr.safe(when))
    return "🏫 " + tr.f_("Now in the classroom: {lesson}", lesson=tr.safe(when))


def _extra_line(tr: Translator, kind: str, entry: dict) -> str:
    """A further change of the same lesson, shown under its first line."""
    if kind == "location":
        text = tr.f_("new place: {location}", location=entry.get("location") or "–")
    elif kind == "teacher":
        text = tr.f_("new teacher: {teacher}", teacher=entry.get("teacher") or "–")
    elif entry["mode"] == "distance":
        text = tr.f_("now online (distance learning)")
    else:
        text = tr.f_("now in the classroom")
    return "    • " + text


def entry_lines(tr: Translator, entry: dict) -> list[str]:
    if "holiday" in entry:
        first, last = date.fromisoformat(entry["from"]), date.fromisoformat(entry["to"])
        template = (N_("Holiday: {name}, {first} to {last}") if entry["how"] == "new"
                    else N_("Holiday changed: {name}, now {first} to {last}"))
        return ["🏖 " + tr.f_(template, name=entry["holiday"], first=tr.weekday_date(first),
                             last=tr.weekday_date(last))]
    start, end = datetime.fromisoformat(entry["start"]), datetime.fromisoformat(entry["end"])
    when = lesson_text(tr, start, end, entry["kind"])
    kinds = entry["k"]
    lines = [_first_line(tr, kinds[0], entry, when)]
    lines.extend(_extra_line(tr, kind, entry) for kind in kinds[1:])
    return lines


def week_of(entry: dict) -> str | None:
    """The local day an entry is about, for the "show my rooster" button."""
    if "start" in entry:
        return datetime.fromisoformat(entry["start"]).astimezone(AMSTERDAM).date().isoformat()
    return entry.get("from")


@renders(CHANGED)
def render_changed(tr: Translator, params: dict, later: bool = False) -> Rendered:
    entries = params.get("entries", [])
    lessons = any("holiday" not in e for e in entries)
    header = (tr._("Your lesson timetable has changed:") if lessons
              else tr._("News about your lessons:"))
    if later:
        header = tr._("This week's summary: changes to your lessons more than eight weeks "
                      "ahead:")
    lines = [header, ""]
    for entry in entries:
        lines.extend(entry_lines(tr, entry))
    lines.append("")
    more = params.get("more", 0)
    if more:
        lines.append(tr.n_("…and {n} more change. See /rooster.",
                           "…and {n} more changes. See /rooster.", more))
    else:
        lines.append(tr._("See all your lessons with /rooster."))
    text = tr.paragraphs(lines)
    first = next((week_of(e) for e in entries if week_of(e)), None)
    buttons = None
    if first:
        buttons = InlineKeyboardMarkup([[InlineKeyboardButton(
            tr.f_("Show my rooster"), callback_data=f"rooster:w:0:{first}")]])
    return Rendered(text[:4096], buttons)


@renders(LATER)
def render_later(tr: Translator, params: dict) -> Rendered:
    return render_changed(tr, params, later=True)


# ---- conflicts and participation days (staff) ---------------------------------------------

def conflict_item(view) -> dict:
    lesson, activity = view.lesson, view.activity
    if activity.weekly:
        times = activity_times(activity, local_day(lesson.starts_at)) or (
            lesson.starts_at, lesson.ends_at)
    else:
        times = (activity.starts_at, activity.ends_at)
    return {"participant": marked(view.participant_name, view.participant_external_id,
                                   view.participant_id),
            "group": view.group_name, "kind": lesson.kind,
            "start": lesson.starts_at.isoformat(), "end": lesson.ends_at.isoformat(),
            "activity": activity.title, "a_start": times[0].isoformat(),
            "a_end": times[1].isoformat()}


def conflict_params(items: list[dict]) -> dict:
    return {"items": items[:MAX_CONFLICTS], "more": max(0, len(items) - MAX_CONFLICTS)}


CONFLICT_FOOTER = SN_("Please align the rooster and the activity with the school or the gemeente "
                      "(convenant art. 12.6). The conflict clears when either side changes.")


@renders(CONFLICT)
def render_conflict(tr: Translator, params: dict) -> str:
    items = params.get("items", [])
    total = len(items) + params.get("more", 0)
    lines = [tr.sn_("Rooster conflict: a lesson overlaps a mandatory participation activity.",
                    "{n} rooster conflicts: lessons overlap mandatory participation activities.",
                    total), ""]
    for item in items:
        start, end = datetime.fromisoformat(item["start"]), datetime.fromisoformat(item["end"])
        a_start = datetime.fromisoformat(item["a_start"])
        a_end = datetime.fromisoformat(item["a_end"])
        lines.append("⚠️ " + tr.sf_(
            "{participant}, group {group}: lesson {day} {start}–{end} ({kind}) overlaps "
            "“{activity}” {activity_start}–{activity_end}.",
            participant=item["participant"], group=item["group"], day=tr.weekday_date(start),
            start=tr.time(start), end=tr.time(end), kind=item["kind"], activity=item["activity"],
            activity_start=tr.time(a_start), activity_end=tr.time(a_end)))
    if params.get("more"):
        lines.append(tr.sn_("…and {n} more.", "…and {n} more.", params["more"]))
    lines.extend(["", tr.s_(CONFLICT_FOOTER)])
    return tr.lines(lines)[:4096]


@renders(ACTIVITY_DAY)
def render_activity_day(tr: Translator, params: dict) -> str:
    """Art. 9.2: a rooster change on a day the participant has a participation activity."""
    items = params.get("items", [])
    lines = [tr.s_("Rooster change on a day with a participation activity of your participant "
                   "(convenant art. 9.2):"), ""]
    for item in items:
        lines.append(tr.s_("{participant} – participation that day: {activities}",
                           participant=item["participant"],
                           activities=", ".join(item["activities"])))
        lines.extend("    " + line for line in entry_lines(tr, item["entry"]))
    if params.get("more"):
        lines.append(tr.sn_("…and {n} more.", "…and {n} more.", params["more"]))
    return tr.lines(lines)[:4096]
