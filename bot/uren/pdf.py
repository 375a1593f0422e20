"""The urenverklaring as a PDF (issue 6; C art. 10.7; BoW 2.5, 2.9.4), in Dutch, the language
of DUO and the gemeente: school, participant, regime and route, period, totals per kind and mode,
the counted hours with the rule applied, an annex with every attended lesson, the date of issue,
and the verification code with its link.

It is drawn from the signed payload alone, so the same statement always gives the same figures.
DejaVu Sans (its Latin part) is used when the system has it, so names in any Latin script,
Turkish included, print as written; else the PDF core font, with letters outside Latin-1 reduced
to their base letter. A name or note in Arabic or Ethiopic script prints in that script with the
Noto fonts and text shaping (``bot/pdf_fonts.py``) where the system has them.
"""

from __future__ import annotations

import os
import tempfile
import unicodedata
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from bot import pdf_fonts
from bot.i18n import Translator
from bot.rules.hours import to_hours
from bot.uren import labels

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"),
             Path("/usr/local/share/fonts"))
# Latin with its extensions (Dutch, Turkish, Somali and transliterated names), punctuation, euro.
FONT_RANGES = ((0x20, 0x7E), (0xA0, 0x24F), (0x2010, 0x2027), (0x2030, 0x203A), (0x20AC, 0x20AC))
LINE = 5.2
ANNEX_LINE = 4.6


def _in_font(ch: str) -> bool:
    code = ord(ch)
    return any(low <= code <= high for low, high in FONT_RANGES)


@lru_cache(maxsize=1)
def unicode_font() -> Path | None:
    """DejaVu Sans cut down to ``FONT_RANGES``, made once per process in the temp folder.

    The full font has 6,000 glyphs and takes fpdf2 over 100 ms to read for every document; the
    Latin cut reads in a few milliseconds. None when the system has no DejaVu Sans."""
    source = next((folder / "DejaVuSans.ttf" for folder in FONT_DIRS
                   if (folder / "DejaVuSans.ttf").is_file()), None)
    if source is None:
        return None
    stamp = f"{source.stat().st_size}-{int(source.stat().st_mtime)}"
    target = Path(tempfile.gettempdir()) / f"inburgerbot-dejavu-latin-{stamp}.ttf"
    if target.is_file():
        return target
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.layout_features = []
    options.hinting = False
    options.name_IDs = ["*"]
    options.drop_tables += ["FFTM"]
    font = TTFont(str(source))
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[code for low, high in FONT_RANGES
                                 for code in range(low, high + 1)])
    subsetter.subset(font)
    partial = target.with_suffix(f".{os.getpid()}.tmp")
    font.save(str(partial))
    os.replace(partial, target)
    return target


class Document(FPDF):
    """A4 with a footer naming the code and the page."""

    def __init__(self, code: str, footer: str):
        super().__init__(format="A4")
        self.code = code
        self.footer_text = footer
        font = unicode_font()
        if font:
            # One TrueType face only: loading and subsetting a second one costs more than the
            # whole annex. Bold text is our own Dutch wording, so the core font serves it.
            self.add_font("Body", "", str(font))
            self.family = "Body"
            self.unicode = True
        else:
            self.family = "Helvetica"
            self.unicode = False
        self.current_unicode = self.unicode
        # Names and notes in Arabic or Ethiopic script print with Noto and text shaping, cell by
        # cell (the rest stays in the fast Latin font); None until one needs it.
        self.scripts: list[str] | None = None
        self.set_auto_page_break(True, margin=18)
        self.set_margins(18, 16, 18)

    def text_of(self, value: object) -> str:
        text = str(value)
        known = _in_font if self.current_unicode else (lambda ch: ord(ch) < 256)
        if all(known(ch) for ch in text):
            return text
        # Keep the base letter of anything the font lacks (Ş -> S in the core font).
        out = []
        for ch in text:
            if known(ch):
                out.append(ch)
            else:
                base = unicodedata.normalize("NFKD", ch)[0]
                out.append(base if known(base) else "?")
        return "".join(out)

    def footer(self) -> None:
        self.set_y(-13)
        self.font(7.5)
        self.cell(0, 4, self.text_of(self.footer_text.format(page=self.page_no())), align="C")

    def font(self, size: float, bold: bool = False) -> None:
        if bold:
            self.set_font("Helvetica", "B", size)
            self.current_unicode = False
        else:
            self.set_font(self.family, "", size)
            self.current_unicode = self.unicode

    def text_row(self, columns: list[float], values: list[str], height: float) -> None:
        """One line of the annex: plain text at fixed columns (a cell per value is ten times
        slower, and the annex may hold a thousand lessons).

        The first value goes through ``text()``, which also sets the font on a new page; the
        others join it in the same text object, each encoded once per distinct string (kinds,
        modes and teachers repeat). That uses fpdf2's ``_out`` and ``encode_text``; without them
        (another fpdf2), every value goes through ``text()``."""
        if self.get_y() + height > self.h - self.b_margin:
            self.add_page()
        baseline = self.get_y() + height * 0.75
        self.text(columns[0], baseline, self.text_of(values[0]))
        font = self.current_font
        if not (hasattr(self, "_out") and hasattr(font, "encode_text")) or self.text_mode != 0:
            for x, value in zip(columns[1:], values[1:]):
                self.text(x, baseline, self.text_of(value))
        else:
            cache = self.__dict__.setdefault("_encoded", {})
            parts = [f"BT {columns[1] * self.k:.2f} {(self.h - baseline) * self.k:.2f} Td"]
            previous = columns[1]
            for index, (x, value) in enumerate(zip(columns[1:], values[1:])):
                key = (id(font), value)
                if key not in cache:
                    cache[key] = font.encode_text(self.text_of(value))
                if index:
                    parts.append(f"{(x - previous) * self.k:.2f} 0 Td")
                    previous = x
                parts.append(cache[key])
            parts.append("ET")
            self._out(" ".join(parts))
        self.set_y(self.get_y() + height)

    def other_script(self, text: str) -> bool:
        """Whether ``text`` has letters of a script the Latin font lacks that Noto prints."""
        if not self.unicode or all(_in_font(ch) for ch in text):
            return False
        if self.scripts is None:
            self.scripts = pdf_fonts.add_scripts(self) or []
        return bool(self.scripts) and any(
            unicodedata.category(ch).startswith("L") and not _in_font(ch) for ch in text)

    def script_cell(self, width: float, height: float, text: str, align: str) -> None:
        """One cell in Noto with the script fonts and shaping, then back to the Latin font."""
        size = self.font_size_pt
        self.set_font("Noto", "", size)
        self.set_fallback_fonts(self.scripts)
        self.set_text_shaping(True)
        self.cell(width, height, pdf_fonts.plain(text), align=align)
        self.set_text_shaping(False)
        self.set_fallback_fonts([])
        self.font(size)

    def row(self, widths: list[float], values: list[object], height: float = LINE,
            bold: bool = False, aligns: str | None = None) -> None:
        if bold:
            self.font(self.font_size_pt, bold)
        for index, (width, value) in enumerate(zip(widths, values)):
            align = (aligns or "L" * len(widths))[index]
            if not bold and self.other_script(str(value)):
                self.script_cell(width, height, str(value), align)
                continue
            self.cell(width, height, self.text_of(value), align=align)
        self.ln(height)
        if bold:
            self.font(self.font_size_pt)


def _date(tr: Translator, iso: str | None) -> str:
    return tr.date(date.fromisoformat(iso)) if iso else "-"


def render(data: dict, code: str, verify_url: str, tr: Translator) -> bytes:
    """The PDF bytes of a signed statement payload; ``tr`` is the Dutch translator."""
    hours = tr.hours
    doc = Document(code, tr.s_("Urenverklaring, verification code {code}, page {page}",
                           code=code, page="{page}"))
    doc.set_title("Urenverklaring")
    doc.set_subject(f"{data['school']} {code}")
    doc.set_creator("inburgerbot")
    doc.add_page()
    doc.font(17, bold=True)
    doc.cell(0, 9, "Urenverklaring", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    doc.font(9)
    doc.multi_cell(0, 4.5, doc.text_of(tr.s_(
        "Statement of attended lesson hours, based on lessons actually attended and consistent "
        "with the attendance registration (Blik op Werk norm 2.5; convenant art. 10.7).")),
        new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    doc.ln(2)

    doc.font(10)
    period_from = data["period_start"] or data["first_lesson"]
    period_to = data["period_end"] or data["last_lesson"]
    period = tr.s_("{start} to {end}", start=_date(tr, period_from), end=_date(tr, period_to))
    if not data["period_start"] and not data["period_end"]:
        period = tr.s_("{period} (whole contract)", period=period)
    participant = data["participant"]
    if data.get("participant_ref"):
        participant = f"{participant} ({data['participant_ref']})"
    issued = datetime.fromisoformat(data["issued_at"])
    for name, value in (
            (tr.s_("Language school"), data["school"]),
            (tr.s_("Participant"), participant),
            (tr.s_("Regime and route"), labels.regime_text(tr, data["regime"], data["route"])),
            (tr.s_("Period"), period),
            (tr.s_("Date of issue"), tr.date(issued))):
        doc.row([45, 0], [name + ":", value])
    doc.ln(3)

    doc.font(12, bold=True)
    doc.cell(0, 7, doc.text_of(tr.s_("Attended hours per kind of lesson")),
             new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    doc.font(9.5)
    widths = [60, 36, 36, 36]
    doc.row(widths, [tr.s_("Kind"), tr.s_("Classroom"), tr.s_("Distance"), tr.s_("Total")],
            bold=True,
            aligns="LRRR")
    for kind, classroom, distance in data["by_kind"]:
        doc.row(widths, [labels.label(tr, labels.PDF_KINDS, kind, staff=True),
                         hours(to_hours(classroom)), hours(to_hours(distance)),
                         hours(to_hours(classroom + distance))], aligns="LRRR")
    doc.row(widths, [tr.s_("All lessons"), hours(to_hours(data["classroom_seconds"])),
                     hours(to_hours(data["distance_seconds"])),
                     hours(to_hours(data["attended_seconds"]))], bold=True, aligns="LRRR")
    doc.ln(3)

    doc.font(12, bold=True)
    doc.cell(0, 7, doc.text_of(tr.s_("Hours that count")), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    doc.font(9.5)
    widths = [28, 24, 22, 22, 0]
    doc.row(widths, [tr.s_("Kind"), tr.s_("Mode"), tr.s_("Attended"), tr.s_("Counted"),
                     tr.s_("Rule applied")],
            bold=True, aligns="LLRRL")
    doc.font(8.5)
    for kind, mode, rule_id, attended, counted in data["lines"]:
        doc.row(widths, [labels.label(tr, labels.PDF_KINDS, kind, staff=True),
                         labels.label(tr, labels.PDF_MODES, mode, staff=True),
                         hours(to_hours(attended)), hours(to_hours(counted)),
                         labels.label(tr, labels.PDF_RULES, rule_id, staff=True)],
                height=4.8, aligns="LLRRL")
    doc.font(10, bold=True)
    doc.cell(0, 7, doc.text_of(tr.s_("Language and KNM hours that count: {hours}",
                                 hours=hours(to_hours(data["counted_seconds"])))),
             new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if data.get("ona_counted_seconds") is not None:
        doc.cell(0, 7, doc.text_of(tr.s_(
            "ONA hours that count (64-hour statement, BoW 4.7): {hours}",
            hours=hours(to_hours(data["ona_counted_seconds"])))),
            new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if data.get("classroom_share"):
        numerator, denominator = (int(x) for x in data["classroom_share"].split("/"))
        doc.font(8.5)
        share = tr.s_("Share of classroom hours (NT2, literacy, KNM): {percent}%",
                      percent=tr.number(round(100 * numerator / denominator, 1)))
        doc.cell(0, 5, doc.text_of(share), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if data.get("note"):
        doc.font(10)
        doc.multi_cell(0, 5, doc.text_of(tr.s_("Note from the school: {note}", note=data["note"])),
                       new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    doc.ln(3)

    doc.font(12, bold=True)
    doc.cell(0, 7, doc.text_of(tr.s_("Verification")), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    doc.font(10)
    doc.multi_cell(0, 5, doc.text_of(tr.s_(
        "This statement is signed digitally by the language school (Ed25519). Check that it is "
        "genuine and that its figures are unchanged with the code below.")),
        new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    doc.row([45, 0], [tr.s_("Verification code") + ":", code], bold=True)
    doc.row([45, 0], [tr.s_("Check at") + ":", verify_url])
    doc.ln(2)

    doc.add_page()
    doc.font(12, bold=True)
    doc.cell(0, 7, doc.text_of(tr.s_("Annex: attended lessons ({n})",
                                     n=tr.number(len(data["lessons"])))),
             new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    left = doc.l_margin
    columns = [left, left + 22, left + 46, left + 68, left + 90, left + 160]
    doc.font(8.5)
    doc.text_row(columns, [tr.s_("Date"), tr.s_("Time"), tr.s_("Kind"), tr.s_("Mode"),
                           tr.s_("Teacher"), tr.s_("Counts")],
                 ANNEX_LINE)
    yes, no = tr.s_("yes"), tr.s_("no")
    kinds = {key: labels.label(tr, labels.PDF_KINDS, key, staff=True) for key in labels.PDF_KINDS}
    modes = {key: labels.label(tr, labels.PDF_MODES, key, staff=True) for key in labels.PDF_MODES}
    times: dict[tuple[int, int], str] = {}

    def clock(moment: datetime) -> str:
        local = tr.local(moment)
        key = (local.hour, local.minute)
        if key not in times:
            times[key] = tr.time(local)
        return times[key]

    for start, end, kind, mode, teacher, counts in data["lessons"]:
        begin, finish = datetime.fromisoformat(start), datetime.fromisoformat(end)
        doc.text_row(columns, [tr.date(begin, "short"), f"{clock(begin)}-{clock(finish)}",
                               kinds.get(kind, kind), modes.get(mode, mode), teacher[:40],
                               yes if counts else no], ANNEX_LINE)
    return bytes(doc.output())
