"""Fonts for PDFs in every script the bot speaks (issue 13): Arabic, Persian, Dari and Pashto
(Arabic script, right to left, letters joined) and Tigrinya (Ethiopic) need a font that has them
and text shaping (HarfBuzz, through fpdf2 and uharfbuzz) that joins and orders the letters.

The Noto fonts come with the system package ``fonts-noto-core`` (Debian, Ubuntu): Noto Sans for
Latin, Noto Sans Arabic and Noto Sans Ethiopic for the others. Without them (or without
uharfbuzz) a document in those languages falls back to Dutch, as ``printable`` says."""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path

from fpdf import FPDF

PACKAGE = "fonts-noto-core"
NOTO_DIRS = (Path("/usr/share/fonts/truetype/noto"), Path("/usr/share/fonts/noto"),
             Path("/usr/share/fonts/opentype/noto"), Path("/usr/local/share/fonts"))
BASE = "NotoSans-Regular.ttf"
SCRIPTS = {"arabic": "NotoSansArabic-Regular.ttf", "ethiopic": "NotoSansEthiopic-Regular.ttf"}
LANGUAGE_SCRIPT = {"ar": "arabic", "fa": "arabic", "fa_AF": "arabic", "ps": "arabic",
                   "ti": "ethiopic"}
RTL = frozenset({"ar", "fa", "fa_AF", "ps"})
# Bidi controls the chat text carries (``bot/i18n.py``); the shaping engine orders the line.
BIDI_CONTROLS = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                                       "\u2066\u2067\u2068\u2069"))


@cache
def font_file(name: str) -> Path | None:
    return next((folder / name for folder in NOTO_DIRS if (folder / name).is_file()), None)


@lru_cache(maxsize=1)
def shaping() -> bool:
    """True when HarfBuzz (uharfbuzz) can be used by fpdf2."""
    try:
        import uharfbuzz  # noqa: F401
    except ImportError:
        return False
    return True


def all_scripts() -> bool:
    """True when every script the bot speaks prints: shaping and all the Noto fonts."""
    return shaping() and font_file(BASE) is not None and all(
        font_file(name) is not None for name in SCRIPTS.values())


def printable(language: str | None) -> bool:
    """Whether a document in ``language`` can be drawn in its own script here."""
    script = LANGUAGE_SCRIPT.get(language or "")
    if script is None:
        return True
    return shaping() and font_file(BASE) is not None and font_file(SCRIPTS[script]) is not None


def add_scripts(pdf: FPDF) -> list[str] | None:
    """Add Noto Sans ("Noto") and the script fonts to ``pdf`` without using them yet; returns
    the script fonts' names (the fallbacks), or None when shaping or the fonts are missing."""
    if not all_scripts():
        return None
    pdf.add_font("Noto", "", str(font_file(BASE)))
    names = []
    for script, name in SCRIPTS.items():
        pdf.add_font(f"Noto-{script}", "", str(font_file(name)))
        names.append(f"Noto-{script}")
    return names


def use_noto(pdf: FPDF, language: str | None) -> str | None:
    """Give ``pdf`` Noto Sans with the script fonts as fallbacks and turn shaping on, right to
    left for ``language`` where it is written so; returns the family name, or None when the
    fonts or shaping are missing (the caller keeps its own font)."""
    base = font_file(BASE)
    if base is None or not shaping():
        return None
    pdf.add_font("Noto", "", str(base))
    fallbacks = []
    for script, name in SCRIPTS.items():
        path = font_file(name)
        if path is not None:
            pdf.add_font(f"Noto-{script}", "", str(path))
            fallbacks.append(f"Noto-{script}")
    pdf.set_fallback_fonts(fallbacks, exact_match=False)
    pdf.set_text_shaping(True, direction="rtl" if language in RTL else "ltr")
    return "Noto"


def plain(text: str) -> str:
    """``text`` without the bidi controls meant for chat."""
    return text.translate(BIDI_CONTROLS)
