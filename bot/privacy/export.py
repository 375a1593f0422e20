"""The right of access (AVG art. 15; BoW 1.4.3 g): everything stored about one person as a JSON
file (complete, every section of ``storage/privacy_export.py``) and a PDF to read, in their
language, with dates as Babel formats them. Both come from the person's own rows only. Every
export is written to the audit trail.

Arabic, Persian, Dari and Pashto (joined letters, right to left) and Tigrinya (Ethiopic) print
with the Noto fonts and HarfBuzz text shaping (``bot/pdf_fonts.py``); where the system lacks
them the PDF is in Dutch (the JSON file and the chat message stay in their language).
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from bot import pdf_fonts
from bot.i18n import N_, I18n, Translator
from bot.klachten.topics import TOPICS
from bot.privacy import audit
from bot.uren.pdf import FONT_DIRS
from storage import privacy_export
from storage.database import Database, from_db
from storage.people import Person

# The same words as /afmelden's buttons, so they read as the participant chose them.
REASONS = {
    "ill": N_("I am ill"),
    "appointment": N_("Appointment (gemeente, IND, doctor)"),
    "work": N_("Work"),
    "childcare": N_("Child care"),
    "other": N_("Another reason"),
}
TITLE = N_("Your data in this bot")
MADE = N_("Made on {day} for {name}.")
DETAILS = N_("Your details")
KLACHTEN = N_("Your klachten")
ABSENCES = N_("Absences you reported")
ATTENDANCE = N_("Attendance: {present} present, {absent} absent")
SHARED = N_("What was shared about you:")
LOOKED = N_("Who looked at your data:")
JSON_NOTE = N_("Everything, also what this document leaves out, is in the JSON file.")


async def collect(db: Database, person: Person, actor: Person | None, now: datetime,
                  via: str = "telegram") -> dict:
    """Everything about ``person``; the export itself goes to the audit trail first."""
    await audit.record(db, actor, [person.id], audit.EXPORT, now, via=via)
    return {"made_at": now.isoformat(timespec="seconds"),
            **await privacy_export.everything_about(db, person.id)}


def as_json(data: dict) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str).encode("utf-8")


def _font() -> Path | None:
    return next((folder / "DejaVuSans.ttf" for folder in FONT_DIRS
                 if (folder / "DejaVuSans.ttf").is_file()), None)


class _Pdf(FPDF):
    def __init__(self, language: str):
        super().__init__(format="A4")
        self.align = "R" if language in pdf_fonts.RTL else "L"
        self.family = pdf_fonts.use_noto(self, language)
        font = _font() if self.family is None else None
        if font is not None:
            self.add_font("Body", "", str(font))
            self.family = "Body"
        self.set_margins(18, 16, 18)
        self.set_auto_page_break(True, margin=16)
        self.add_page()

    def line_of(self, text: str, size: float = 10, gap: float = 5.2) -> None:
        text = pdf_fonts.plain(text)
        if self.family is not None:
            self.set_font(self.family, "", size)
        else:
            self.set_font("Helvetica", "", size)
            text = text.encode("latin-1", "replace").decode("latin-1")
        self.multi_cell(0, gap, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align=self.align)


def _when(tr: Translator, value: str | None) -> str:
    if not value:
        return "-"
    moment = from_db(value) if value.endswith("Z") else datetime.fromisoformat(value)
    return tr.date(moment)


def as_pdf(data: dict, i18n: I18n, language: str | None) -> bytes:
    """A readable document of the main sections, in the person's language where it prints."""
    tr = i18n.get(language if language and pdf_fonts.printable(language) else "nl")
    f = tr.f_
    person = data["person"][0]
    pdf = _Pdf(tr.language)
    pdf.line_of(f(TITLE), 16, 8)
    pdf.line_of(f(MADE, day=tr.date(datetime.fromisoformat(data["made_at"])),
                  name=person["name"]))
    pdf.ln(3)
    pdf.line_of(f(DETAILS), 12, 7)
    for key in ("name", "external_id", "regime", "route", "status"):
        if person.get(key):
            pdf.line_of(f"{key}: {person[key]}")
    pdf.ln(3)
    pdf.line_of(f(KLACHTEN), 12, 7)
    for klacht in data["klachten"] or [{"reference": "-"}]:
        if klacht["reference"] == "-":
            pdf.line_of("-")
            continue
        topic = TOPICS.get(klacht["topic"])
        pdf.line_of(f"{klacht['reference']}, {_when(tr, klacht['received_at'])}: "
                    f"{f(topic) if topic else klacht['topic']} ({klacht['state']})")
        if klacht["description"]:
            pdf.line_of(klacht["description"], 9, 4.6)
    pdf.ln(3)
    absent = sum(1 for row in data["attendance"] if row["status"] != "present")
    pdf.line_of(f(ATTENDANCE, present=tr.number(len(data["attendance"]) - absent),
                  absent=tr.number(absent)), 12, 7)
    pdf.line_of(f(ABSENCES), 12, 7)
    for report in data["absence_reports"] or [None]:
        if report is None:
            pdf.line_of("-")
            continue
        reason = REASONS.get(report["reason"])
        note = f" - {report['note']}" if report.get("note") else ""
        pdf.line_of(f"{_when(tr, report['lesson_starts_at'])}: "
                    f"{f(reason) if reason else report['reason']}{note}")
    pdf.ln(3)
    pdf.line_of(f(SHARED), 12, 7)
    for shared in data["shared"] or [None]:
        pdf.line_of("-" if shared is None else
                    f"{_when(tr, shared['shared_at'])}: {shared['recipient']}, "
                    f"{shared['items']} ({shared['purpose']})")
    pdf.ln(3)
    pdf.line_of(f(LOOKED), 12, 7)
    for looked in data["who_looked"] or [None]:
        what = audit.WHAT.get(looked["what"]) if looked else None
        pdf.line_of("-" if looked is None else
                    f"{_when(tr, looked['at'])}: {looked['who'] or '-'}, "
                    f"{f(what) if what else looked['what']}")
    pdf.ln(3)
    pdf.line_of(f(JSON_NOTE), 9, 5)
    return bytes(pdf.output())
