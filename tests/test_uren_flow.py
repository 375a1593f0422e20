"""The urenverklaring end to end (issue 6; C art. 10.7; BoW 2.5, 2.9.4): a participant asks in
Arabic, the school's staff confirm, the PDF arrives with the right totals, and /verify accepts its
code, refuses a changed code, and refuses a statement whose figures were changed."""

from __future__ import annotations

import io
import json
from datetime import date

from pypdf import PdfReader

from tests.attendance_world import (
    drain,
    group,
    people_of_a_school,
    press_and_read_answer,
    register,
    weekly_lessons,
)
from tests.support import link


async def three_weeks_of_lessons(bot, world):
    """NT2 in class Mon+Wed 2.5 h, NT2 online Fri 2 h, KNM in class Tue 2 h, 2 to 20 November;
    Amira missed Wednesday 11 November. Attended: NT2 12.5 h in class + 6 h online, KNM 6 h."""
    school, km, amira = await people_of_a_school(world)
    member = [(amira, date(2026, 11, 1), None)]
    nt2 = await group(bot.db, school, member, name="NT2 B1 ochtend")
    knm = await group(bot.db, school, member, name="KNM dinsdag", kind="KNM")
    first, last = date(2026, 11, 2), date(2026, 11, 20)
    classroom = await weekly_lessons(bot.db, school, nt2, first, last, weekdays=(0, 2), hour=9,
                                     hours=2.5)
    online = await weekly_lessons(bot.db, school, nt2, first, last, weekdays=(4,), hour=10,
                                  mode="distance")
    society = await weekly_lessons(bot.db, school, knm, first, last, weekdays=(1,), hour=13,
                                   kind="KNM")
    records = [(lesson, "P-100", "absent" if day == date(2026, 11, 11) else "present", None)
               for lessons in (classroom, online, society) for day, lesson in lessons.items()]
    await register(bot, world.keys[f"school:{school}"], records)
    return school, km, amira


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


async def test_arabic_participant_gets_a_signed_urenverklaring_that_verify_accepts(
        bot, world, client, clock):
    school, km, amira = await three_weeks_of_lessons(bot, world)
    staff = await world.person("Sanne Visser", "staff", school_id=school)
    participant = await client.user(801, "Amira", language_code="ar")
    await link(world, participant, amira, "ar")
    sanne = await client.user(802, "Sanne", language_code="nl")
    await link(world, sanne, staff, "nl")

    await participant.send("/uren")
    choice = await participant.wait_for_message()
    assert choice.text.startswith("\u200f") and "urenverklaring" in choice.text
    await participant.press(0, choice)  # the whole course
    overview = await participant.wait_for_message(contains="12.5")
    assert "ساعة" in overview.text and "24.5" in overview.text
    assert "نصف ساعاتك على الأقل كانت في الصف" in overview.text, "B1 hybrid rule explained"
    await participant.press(0, overview)  # request the PDF
    await participant.wait_for_message(contains="مدرستك")  # sent to the school to confirm

    await drain(bot)
    confirm = await sanne.wait_for_message(contains="Urenverklaring aangevraagd")
    assert "Amira Haddad" in confirm.text and "de deelnemer" in confirm.text
    assert "telt mee: 24,5 uur" in confirm.text
    answer = await press_and_read_answer(sanne, "Bevestigen en afgeven", confirm)
    assert "Afgegeven" in answer

    await drain(bot)
    ready = await participant.wait_for_message(contains="PDF")
    assert "24.5" in ready.text
    await participant.press(0, ready)
    document = await participant.wait_for_message()
    assert document.document is not None
    assert document.document["file_name"].startswith("urenverklaring-")
    text = pdf_text(await participant.download(document))
    assert "Urenverklaring" in text and "Amira Haddad (P-100)" in text
    assert "Taalschool Twente" in text and "Wi2021, B1-route" in text
    assert "NT2 12,5 6 18,5" in text, text[:1500]
    assert "KNM 6 0 6" in text
    assert "Alle lessen 18,5 6 24,5" in text
    assert "Taal- en KNM-uren die meetellen: 24,5" in text
    assert "Bijlage: gevolgde lessen (11)" in text
    assert "11-11-2026" not in text, "the missed lesson is not in the annex (BoW 2.5)"
    code = next(line.split(": ")[1].strip() for line in text.splitlines()
                if line.startswith("Verificatiecode:"))
    assert f"/verify/{code}" in text

    async with bot.api() as api:
        genuine = await api.get(f"/verify/{code}")
        assert genuine.status_code == 200
        body = genuine.json()
        assert body["genuine"] is True and body["counted_hours"] == "24.50"
        assert body["attended_hours"] == "24.50" and body["distance_hours"] == "6.00"
        assert "Amira" not in genuine.text, "no personal data on /verify"
        assert (await api.get(f"/verify/{code.lower().replace('-', '')}")).status_code == 200
        changed = code[:-1] + ("A" if code[-1] != "A" else "B")
        refused = await api.get(f"/verify/{changed}")
        assert refused.status_code == 404 and refused.json()["genuine"] is False
        page = await api.get(f"/verify/{code}", headers={"Accept": "text/html"})
        assert "Echte urenverklaring" in page.text and "24.50" in page.text

        # A copy with changed figures does not verify: the signature no longer matches.
        payload = json.loads(await bot.db.fetchval("SELECT payload FROM uren_statements"))
        payload["counted_seconds"] += 3600
        await bot.db.execute("UPDATE uren_statements SET payload = ?",
                             (json.dumps(payload, sort_keys=True, separators=(",", ":")),))
        forged = await api.get(f"/verify/{code}")
        assert forged.status_code == 404 and forged.json()["genuine"] is False


async def test_klantmanager_requests_the_urenverklaring_of_her_own_participant(
        bot, world, client, clock):
    school, km, amira = await three_weeks_of_lessons(bot, world)
    await bot.db.execute("UPDATE schools SET auto_issue_uren = 1 WHERE id = ?", (school,))
    petra = await client.user(803, "Petra", language_code="nl")
    await link(world, petra, km, "nl")
    await petra.send("/caseload")
    overview = await petra.wait_for_message(contains="caseload")
    assert "Amira Haddad (Taalschool Twente)" in overview.text
    assert "92% aanwezig (11 van 12)" in overview.text, overview.text
    await petra.press("Amira Haddad", overview)
    detail = await petra.wait_for_message(contains="Recente aanwezigheid")
    assert "Wi2021, B1-route" in detail.text and "woensdag 11 november" in detail.text
    await petra.press("Urenverklaring aanvragen", detail)
    issued = await petra.wait_for_message(contains="afgegeven")
    document = await petra.wait_for_message()
    assert "Taal- en KNM-uren die meetellen: 24,5" in pdf_text(await petra.download(document))

    other_km = await world.person("Karel de Vries", "klantmanager",
                                  gemeente_id=await world.gemeente("Hengelo"))
    karel = await client.user(804, "Karel", language_code="nl")
    await link(world, karel, other_km, "nl")
    await karel.send("/caseload")
    empty = await karel.wait_for_message()
    assert "geen" in empty.text and "Amira" not in empty.text, "never another's participants"
    assert "Amira Haddad" in issued.text


async def test_participant_without_a_recorded_law_is_told_to_ask_the_school(bot, world, client):
    school, km, amira = await people_of_a_school(world, regime=None, route=None)
    user = await client.user(805, "Amira", language_code="en")
    await link(world, user, amira, "en")
    await user.send("/uren")
    await user.press(0, await user.wait_for_message())
    answer = await user.wait_for_message(contains="has not recorded which law")
    assert "ask your school" in answer.text


async def test_a_participant_picks_months_and_sees_only_their_hours_of_that_period(
        bot, world, client, clock):
    school, km, amira = await three_weeks_of_lessons(bot, world)
    user = await client.user(806, "Amira", language_code="en")
    await link(world, user, amira, "en")
    await user.send("/uren")
    await user.press("From one month to another", await user.wait_for_message())
    months = await user.wait_for_message(contains="From which month")
    assert months.button_texts[:-1] == ["Nov 2026"], "from the first registered lesson to now"
    await user.press("Nov 2026", months)
    until = await user.wait_for_message(contains="Until which month")
    await user.press("Nov 2026", until)
    overview = await user.wait_for_message(contains="Your hours")
    assert "November 1, 2026 to November 30, 2026" in overview.text
    assert "Dutch (NT2): 12.5 hours in class, 6 hours online" in overview.text
    assert "Hours that count for your urenverklaring: 24.5" in overview.text


async def test_caseload_shows_klacht_signals_and_chats_the_bot_cannot_reach(
        bot, world, client, clock):
    school, km, amira = await three_weeks_of_lessons(bot, world)
    created = "2026-11-20T10:00:00.000000Z"
    await bot.db.execute("INSERT INTO telegram_links(person_id, chat_id, linked_at,"
                         " unreachable_since, unreachable_reason) VALUES (?, 999, ?, ?, 'blocked')",
                         (amira, created, created))
    await bot.db.execute(
        "INSERT INTO klachten(reference, participant_id, school_id, route, topic, state,"
        " received_at) VALUES ('K-1', ?, ?, 'klantmanager', 'rooster', 'signalled', ?)",
        (amira, school, created))
    petra = await client.user(807, "Petra", language_code="en")
    await link(world, petra, km, "en")
    await petra.send("/caseload")
    overview = await petra.wait_for_message(contains="caseload")
    assert "1 klacht signal" in overview.text
    assert "not reachable on Telegram" in overview.text
