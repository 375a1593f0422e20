"""/mijngegevens's PDF in Arabic and Tigrinya script (issue 13): the letters joined and ordered
by HarfBuzz text shaping with the Noto fonts, so the participant reads their own language, name
and klacht, read back from the PDF. Needs the system package fonts-noto-core (CI installs it)."""

from __future__ import annotations

import io
import os

import pytest
from pypdf import PdfReader

from bot import pdf_fonts
from bot.privacy.export import TITLE
from tests.klacht_world import file_klacht, linked, school_with_handlers

pytestmark = pytest.mark.skipif(
    not pdf_fonts.all_scripts() and os.environ.get("CI") != "true",
    reason=f"needs the system package {pdf_fonts.PACKAGE} (apt-get install {pdf_fonts.PACKAGE})")

PEOPLE = {
    # language: (name, klacht text), each in the participant's own script
    "ar": ("أميرة حداد", "المعلم يصرخ في وجهي كل يوم"),
    "ti": ("ሰናይት ተስፋይ", "መምህር ኣብ ክፍሊ ይጭርሓለይ"),
}


def as_read(text: str, language: str) -> str:
    """How a line reads back from a PDF: left to right as drawn, so the words of a right-to-left
    line come in the opposite order, each word's letters in their own order."""
    words = text.split()
    return " ".join(reversed(words) if language in pdf_fonts.RTL else words)


@pytest.mark.parametrize("language", sorted(PEOPLE))
async def test_mijngegevens_pdf_holds_their_own_script(bot, world, client, language):
    name, complaint = PEOPLE[language]
    ids = await school_with_handlers(world)
    ids["person"] = await world.person(name, "participant", school_id=ids["school"],
                                       klantmanager_id=ids["km"], regime="wi2021", route="b1")
    user = await linked(world, client, ids, "person", 1410, language)
    await file_klacht(bot, user, language, topic="The teacher", text=complaint)

    await user.send("/mijngegevens")
    await user.wait_for_message()
    pdf = await user.wait_for_message()
    assert pdf.document["file_name"].endswith(".pdf")
    pages = PdfReader(io.BytesIO(await user.download(pdf))).pages
    text = "\n".join(page.extract_text() for page in pages)
    title = bot.services.i18n.get(language).f_(TITLE)
    for expected in (title, name, complaint):
        assert as_read(expected, language) in text, (expected, text)
