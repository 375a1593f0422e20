"""The urenverklaring prints a participant's name in Arabic script as written (issue 13): the
statement is in Dutch, but the name is drawn with Noto Sans Arabic and text shaping instead of
question marks. Needs the system package fonts-noto-core (CI installs it)."""

from __future__ import annotations

import io
import os
from datetime import date

import pytest
from pypdf import PdfReader

from bot import pdf_fonts
from tests.attendance_world import drain, group, press_and_read_answer, register, weekly_lessons
from tests.klacht_world import new_message
from tests.support import link

pytestmark = pytest.mark.skipif(
    not pdf_fonts.all_scripts() and os.environ.get("CI") != "true",
    reason=f"needs the system package {pdf_fonts.PACKAGE} (apt-get install {pdf_fonts.PACKAGE})")

NAME = "أميرة حداد"


async def with_buttons(user):
    """The next new message that has buttons."""
    while True:
        message = await new_message(user)
        if message.button_texts:
            return message


async def test_an_arabic_name_prints_in_its_script_on_the_urenverklaring(bot, world, client):
    gemeente = await world.gemeente()
    school = await world.school()
    km = await world.person("Petra Kloosterman", "klantmanager", gemeente_id=gemeente)
    amira = await world.person(NAME, "participant", school_id=school, klantmanager_id=km,
                               regime="wi2021", route="b1", external_id="P-100")
    staff = await world.person("Sanne Visser", "staff", school_id=school)
    nt2 = await group(bot.db, school, [(amira, date(2026, 11, 1), None)])
    lessons = await weekly_lessons(bot.db, school, nt2, date(2026, 11, 2), date(2026, 11, 6),
                                   weekdays=(0, 2), hour=9)
    await register(bot, world.keys[f"school:{school}"],
                   [(lesson, "P-100", "present", None) for lesson in lessons.values()])
    participant = await client.user(1601, "Amira", language_code="ar")
    await link(world, participant, amira, "ar")
    sanne = await client.user(1602, "Sanne", language_code="nl")
    await link(world, sanne, staff, "nl")

    await participant.send("/uren")
    await participant.press(0, await with_buttons(participant))  # the whole course
    await participant.press(0, await with_buttons(participant))  # request the PDF
    await participant.wait_for_message(contains="مدرستك")  # sent to the school to confirm
    await drain(bot)
    confirm = await sanne.wait_for_message(contains="Urenverklaring aangevraagd")
    await press_and_read_answer(sanne, "Bevestigen en afgeven", confirm)
    await drain(bot)
    ready = await participant.wait_for_message(contains="PDF")
    await participant.press(0, ready)
    document = await participant.wait_for_message()
    pages = PdfReader(io.BytesIO(await participant.download(document))).pages
    text = "\n".join(page.extract_text() for page in pages)
    # Drawn right to left: read back left to right, the words come in the other order.
    assert " ".join(reversed(NAME.split())) in text, text[:600]
    line = next(line for line in text.splitlines() if line.startswith("Deelnemer"))
    assert "?" not in line and "P-100" in line, line
