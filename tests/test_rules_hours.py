"""Which hours count, as the Blik op Werk handbook says it (issue 11, point 3; BoW 2.5 with 4.9:
"taallessuren en KNM-uren", 2.3.5, 4.7): what a participant reads in /uren and in the PDF."""

from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader

from tests.attendance_world import drain, group, people_of_a_school, register, weekly_lessons
from tests.support import link


async def nt2_map_and_ona(bot, world):
    """B1-route, 2 to 13 November, all attended: NT2 in class Monday 2 h (4 h), NT2 online
    Thursday and Friday 2 h (8 h), MAP in class Wednesday 3 h (6 h), ONA in class Tuesday 2 h
    (4 h). NT2 alone is 4 of 12 h in class; counting MAP's classroom hours would make it 10 of
    18 h, over half, and let the online hours count."""
    school, km, amira = await people_of_a_school(world)
    member = [(amira, date(2026, 11, 1), None)]
    nt2 = await group(bot.db, school, member, name="NT2 B1")
    map_group = await group(bot.db, school, member, name="MAP", kind="MAP")
    ona = await group(bot.db, school, member, name="ONA", kind="ONA")
    first, last = date(2026, 11, 2), date(2026, 11, 13)
    lessons = [
        await weekly_lessons(bot.db, school, nt2, first, last, weekdays=(0,), hour=9),
        await weekly_lessons(bot.db, school, nt2, first, last, weekdays=(3, 4), hour=10,
                             mode="distance"),
        await weekly_lessons(bot.db, school, map_group, first, last, weekdays=(2,), hour=9,
                             hours=3, kind="MAP"),
        await weekly_lessons(bot.db, school, ona, first, last, weekdays=(1,), hour=13,
                             kind="ONA"),
    ]
    await register(bot, world.keys[f"school:{school}"],
                   [(lesson, "P-100", "present", None) for by_day in lessons
                    for lesson in by_day.values()])
    await bot.db.execute("UPDATE schools SET auto_issue_uren = 1 WHERE id = ?", (school,))
    return school, km, amira


async def test_hours_bow_2_5_map_never_counts_nor_raises_the_b1_share_and_ona_stands_apart(
        bot, world, client, clock):
    school, km, amira = await nt2_map_and_ona(bot, world)
    user = await client.user(831, "Amira", language_code="en")
    await link(world, user, amira, "en")
    await user.send("/uren")
    await user.press(0, await user.wait_for_message())  # the whole course
    overview = await user.wait_for_message(contains="Your hours")
    text = overview.text
    assert "Dutch (NT2): 4 hours in class, 8 hours online" in text
    assert "Work and participation (MAP): 6 hours in class" in text
    assert "Attended in total: 22 hours" in text
    # NT2 in class only: MAP's 6 classroom hours do not lift the share to half (BoW 2.3.5).
    assert "Hours that count for your urenverklaring: 4\n" in text + "\n", text
    assert "MAP and other lessons are not language lessons and do not count." in text
    assert "less than half of your hours were in class" in text
    assert "ONA hours that count for the 64-hour statement: 4" in text

    await user.press(0, overview)  # request the PDF
    await drain(bot)
    ready = await user.wait_for_message(contains="PDF")
    await user.press(0, ready)
    document = await user.wait_for_message()
    pdf = "\n".join(page.extract_text() for page in PdfReader(
        io.BytesIO(await user.download(document))).pages)
    assert "Taal- en KNM-uren die meetellen: 4" in pdf, pdf[:2000]
    assert "ONA-uren die meetellen (64-urenverklaring, BoW 4.7): 4" in pdf
    assert "geen taal- of KNM-uren: telt niet mee (BoW 2.5)" in pdf
    assert "Aandeel klassikale uren (NT2, alfabetisering, KNM): 33,3%" in pdf
