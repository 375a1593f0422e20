"""More of the overstap as people meet it (issue 7): a move to another group of the same school, a
klantmanager's refusal and advice, forged buttons, and the schools' own buttons for the handover
conversation and the placement. A school that loses its standing: test_rules_school_standing."""

from __future__ import annotations

from tests.overstap_world import build
from tests.support import link, press_forged


async def next_new(user):
    """The next new bot message (a press also edits the pressed message: skip such edits)."""
    while True:
        message = await user.wait_for_message()
        if not message.edited:
            return message


async def ask_for_school(user, school: str, reason: str):
    """The participant's /overstap to another school, in whatever language: by button position."""
    await user.send("/overstap")
    kinds = await next_new(user)
    await user.press(1, kinds)  # "Another school"
    schools = await next_new(user)
    await user.press(school, schools)
    reasons = await next_new(user)
    await user.press(reason, reasons)
    more = await next_new(user)
    await user.press(0, more)  # Skip
    summary = await next_new(user)
    await user.press(0, summary)  # Send
    return await next_new(user)


async def test_arabic_participant_moves_to_the_afternoon_group_from_the_day_the_school_picks(
        bot, world, client, sandbox):
    town = await build(world, bot, participant_name="Amira Haddad")
    amira = await client.user(401, "Amira", language_code="ar")
    ineke = await client.user(402, "Ineke", language_code="nl")
    petra = await client.user(403, "Petra", language_code="nl")
    await link(world, amira, town.participant, "ar")
    await link(world, ineke, town.old_staff, "nl")
    await link(world, petra, town.km, "nl")

    await amira.send("/overstap")
    kinds = await amira.wait_for_message("ما المطلوب؟")
    await amira.press("يوم أو وقت آخر في مدرستي", kinds)
    groups = await amira.wait_for_message("هذه المجموعات فيها مكان فارغ")
    assert groups.button_texts == ["NT2 B1 middag", "إيقاف"] or groups.button_texts[0] == \
        "NT2 B1 middag"
    assert "NT2 B1 vol" not in groups.text and "KNM" not in groups.text, \
        "not the full group, not another kind of course"
    assert "الثلاثاء" in groups.text, "the group's lesson days, in Arabic"

    # A full group or another kind of course cannot be picked, even with forged buttons.
    press_forged(sandbox, amira, groups, f"ovp:group:{town.groups['full']}")
    refused = await amira.wait_for_message("هذه المجموعات فيها مكان فارغ")
    press_forged(sandbox, amira, refused, f"ovp:group:{town.groups['knm']}")
    again = await amira.wait_for_message("هذه المجموعات فيها مكان فارغ")
    answers = [a["text"] for a in await amira.callback_answers()
               if a["data"].startswith("ovp:group")]
    assert len(answers) == 2 and all("هذا الزر لم يعد يعمل" in text for text in answers)

    await amira.press("NT2 B1 middag", again)
    reasons = await amira.wait_for_message("ما سبب الرغبة في الانتقال؟")
    await amira.press("الأيام أو الأوقات لا تناسبني", reasons)
    await amira.wait_for_message()
    await amira.send("أعمل في الصباح")
    summary = await amira.wait_for_message("يُرجى التحقق")
    assert "أعمل في الصباح" in summary.text
    await amira.press(0, summary)
    await amira.wait_for_message("تم إرسال طلبك إلى مدرستك")

    card = await ineke.wait_for_message("Overstapaanvraag #1")
    assert ("Amira Haddad (TT-001) vraagt om van groep NT2 B1 ochtend naar groep NT2 B1 middag"
            in card.text)
    assert "Reden: De dagen of tijden passen niet bij mij – أعمل في الصباح" in card.text
    assert card.button_texts[0] == "Goedkeuren vanaf 24 nov 2026"
    await ineke.press("Goedkeuren vanaf 24 nov 2026", card)
    await ineke.press("Ja, overplaatsen", await ineke.wait_for_message("ongedaan"))
    await ineke.wait_for_message("Klaar: de cursist zit vanaf 24 november 2026 in de nieuwe groep")
    told = await amira.wait_for_message("NT2 B1 middag")
    assert "الثلاثاء 24 نوفمبر" in told.text
    change = await petra.wait_for_message("Roosterwijziging")
    assert ("Amira Haddad (TT-001) gaat bij Taalschool Twente vanaf 24 november 2026 van groep "
            "NT2 B1 ochtend naar groep NT2 B1 middag") in change.text

    rows = await bot.db.fetchall("SELECT group_id, joined_on, left_on FROM group_members"
                                 " WHERE person_id = ? ORDER BY joined_on", (town.participant,))
    assert [tuple(r) for r in rows] == [(town.groups["morning"], "2026-09-01", "2026-11-24"),
                                        (town.groups["afternoon"], "2026-11-24", None)]
    await amira.send("/rooster")
    week = await amira.wait_for_message("48")
    assert "الثلاثاء 24 نوفمبر" in week.text and "الخميس 26 نوفمبر" in week.text, \
        "the afternoon lessons from Tuesday on"
    assert "الأربعاء 25 نوفمبر" not in week.text, "no morning lesson after today"

    # The same press again (an old copy of the card) changes nothing.
    press_forged(sandbox, ineke, card, card.buttons[0][0][1])
    await ineke.wait_for_message("Deze stap kan niet meer")


async def test_overstap_c_11_1_the_klantmanager_advises_and_cannot_block_the_switch(
        bot, world, client, sandbox):
    town = await build(world, bot, participant_name="Farid Ahmadi")
    farid = await client.user(411, "Farid", language_code="fa")
    petra = await client.user(412, "Petra", language_code="nl")
    await link(world, farid, town.participant, "fa_AF")
    await link(world, petra, town.km, "nl")
    sent = await ask_for_school(farid, "Taalhuis Hengelo", "مکتب خیلی دور است")
    assert "مدیر پرونده‌تان" in sent.text

    card = await petra.wait_for_message("Overstapaanvraag #1")
    assert card.button_texts == ["Goedkeuren", "Anders adviseren"], "no decline (art. 11.1)"
    assert "Jij adviseert; de cursist en de scholen beslissen" in card.text
    # The decline button of an older card, or a forged one, is refused and changes nothing;
    # so is a decline through the API.
    press_forged(sandbox, petra, card, "ovk:no:1")
    await petra.wait_for_message("Deze stap kan niet meer")
    async with bot.api(world.keys[f"gemeente:{town.gemeente}"]) as api:
        declined = await api.post("/api/v1/overstap/requests/1/decision",
                                  json={"decision": "decline", "note": "Nee"})
        assert declined.status_code == 422, declined.text
        assert declined.json()["detail"][0]["loc"] == ["body", "decision"]
    assert await bot.db.fetchval("SELECT state FROM overstap_requests WHERE id = 1") == (
        "requested")

    # The klantmanager advises; Farid reads it in Dari and decides to go on.
    await petra.press("Anders adviseren", card)
    await petra.press("Alleen mijn eigen woorden", await petra.wait_for_message("standaardzin"))
    await petra.wait_for_message("Typ je advies")
    await petra.send("Eerst het B1-examen in december afmaken.")
    await petra.wait_for_message("Naar de cursist gestuurd.")
    advice = await farid.wait_for_message("Eerst het B1-examen in december afmaken.")
    assert advice.text.startswith("\u200f"), "right to left"
    await farid.press(0, advice)  # yes, I still want to switch
    await petra.wait_for_message("zet de overstap naar Taalhuis Hengelo door na je advies")
    assert await bot.db.fetchval("SELECT state FROM overstap_requests WHERE id = 1") == (
        "approved")


async def test_somali_participant_continues_after_advice_and_the_schools_use_their_buttons(
        bot, world, client):
    town = await build(world, bot, participant_name="Hodan Warsame")
    hodan = await client.user(421, "Hodan", language_code="so")
    petra = await client.user(422, "Petra", language_code="nl")
    ineke = await client.user(423, "Ineke", language_code="nl")
    hans = await client.user(424, "Hans", language_code="en")
    for user, person, language in ((hodan, town.participant, "so"), (petra, town.km, "nl"),
                                   (ineke, town.old_staff, "nl"), (hans, town.new_staff, "en")):
        await link(world, user, person, language)
    await ask_for_school(hodan, "Taalhuis Hengelo", "Dugsigu aad buu u fog yahay")

    card = await petra.wait_for_message("Overstapaanvraag #1")
    await petra.press("Anders adviseren", card)
    await petra.press("Alleen mijn eigen woorden", await petra.wait_for_message("standaardzin"))
    await petra.wait_for_message("Typ je advies")
    await petra.send("Leerhuis Almelo heeft een alfabetiseringsgroep dichterbij.")
    await petra.wait_for_message("Naar de cursist gestuurd.")
    advice = await hodan.wait_for_message("Leerhuis Almelo heeft")
    assert "Weli ma rabtaa inaad u wareegto?" in advice.text
    await hodan.press("Haa, weli waan rabaa inaan u wareego", advice)
    await hodan.wait_for_message("Codsigaagu wuu socdaa")
    await petra.wait_for_message("zet de overstap naar Taalhuis Hengelo door na je advies")
    await hans.wait_for_message("wants to switch from Taalschool Twente to your school")

    # The old school proposes the conversation with buttons: day, time, place.
    approved = await ineke.wait_for_message("Stel een overdrachtsgesprek voor")
    await ineke.press("Gesprek voorstellen", approved)
    days = await ineke.wait_for_message("Welke dag?")
    assert days.button_texts[0] == "dinsdag 24 november"
    await ineke.press("woensdag 25 november", days)
    times = await ineke.wait_for_message("Hoe laat op woensdag 25 november?")
    assert times.button_texts == ["13:00", "14:00", "15:00", "16:00"], (
        "not over Hodan's Wednesday lesson from 9:00 to 12:00 (she must be there)")
    await ineke.press("14:00", times)
    places = await ineke.wait_for_message("Waar?")
    assert places.button_texts[:2] == ["Enschede", "Marktstraat 12"]
    await ineke.press("Een andere plaats typen", places)
    await ineke.wait_for_message("Typ de plaats")
    await ineke.send("Marktstraat 12, lokaal 4")
    await ineke.wait_for_message(
        "Voorgesteld: woensdag 25 november 14:00, Marktstraat 12, lokaal 4")
    invitation = await hodan.wait_for_message("Goobta: Marktstraat 12, lokaal 4")
    await hans.wait_for_message(f"handover conversation about Hodan Warsame (#{town.participant})")

    # Another time, please: the old school is asked again and proposes anew through the API.
    await hodan.press("Fadlan waqti kale", invitation)
    await hodan.wait_for_message("Taalschool Twente ka codsannay waqti kale")
    await ineke.wait_for_message("vraagt een andere tijd")
    async with bot.api(world.keys[f"school:{town.old}"]) as api:
        response = await api.post("/api/v1/overstap/requests/1/conversation",
                                  json={"at": "2026-11-27T10:00:00+01:00", "place": "Enschede"})
        assert response.status_code == 200, response.text
    invitation = await hodan.wait_for_message("Goobta: Enschede")
    await hodan.press("Haa, waan imanayaa", invitation)
    await hodan.wait_for_message("Mahadsanid. Waxaan ku arki doonnaa")
    bot.clock.advance(days=4, hours=2)  # Friday 27 November, after the conversation
    async with bot.api(world.keys[f"school:{town.old}"]) as api:
        response = await api.post("/api/v1/overstap/requests/1/conversation-held")
        assert response.status_code == 200, response.text
        assert response.json()["state"] == "conversation_held"
    held = await hodan.wait_for_message("wada-hadalkaaga wareejinta uu dhacay")
    await hodan.press(0, held)
    question = await hodan.wait_for_message("(1 ee 6)")
    for _ in range(6):
        await hodan.press("Haa", question)
        question = await hodan.wait_for_message()
    await hodan.press("Xaqiiji", question)
    await hodan.wait_for_message("Mahadsanid. Tan oo keliya")
    async with bot.api(world.keys[f"school:{town.old}"]) as api:
        response = await api.put("/api/v1/overstap/requests/1/handover",
                                 json={"items": {"intake": "A1, doel A2", "rooster": "ma/wo"}})
        assert response.status_code == 200, response.text

    # The new school confirms the placement with buttons: start day and group.
    ready = await hans.wait_for_message(
        f"has handed over what Hodan Warsame (#{town.participant}) agreed to")
    await hans.press("Confirm the placement", ready)
    days = await hans.wait_for_message("From which day")
    await hans.press("Monday 30 November", days)
    groups = await hans.wait_for_message("In which group?")
    await hans.press("NT2 B1 avond", groups)
    confirm = await hans.wait_for_message("cannot be undone")
    assert "group NT2 B1 avond" in confirm.text
    assert await bot.db.fetchval("SELECT state FROM overstap_requests") == "handed_over"
    await hans.press("Yes, confirm the placement", confirm)
    await hans.wait_for_message("Placement confirmed from November 30, 2026")
    await hodan.wait_for_message("Taalhuis Hengelo")
    row = await bot.db.fetchone("SELECT state, effective_on, final_uren_at FROM overstap_requests")
    assert (row["state"], row["effective_on"]) == ("completed", "2026-11-30")
    assert row["final_uren_at"] is None, "she still goes to the old school until Monday"
    bot.clock.advance(days=7)
    await bot.sweep()
    await hodan.wait_for_message("urenverklaring")
    assert await bot.db.fetchval("SELECT final_uren_at FROM overstap_requests") is not None

