"""Switching school or time slot, as participants, klantmanagers and schools meet it (issue 7;
convenant art. 11, 12.2-12.5, 10.7): end to end through the sandbox Telegram server, the bot,
the outbox and the HTTP API, with the fixture's clock (Monday 23 November 2026, 09:00)."""

from __future__ import annotations

import io

from pypdf import PdfReader

from tests.overstap_world import build
from tests.support import link

ITEMS = {
    "intake": "Intake 2026-03: A2 lezen, doel B1",
    "duration": "Nog ongeveer 14 maanden",
    "rooster": "Maandag en woensdag 09:00-12:00",
    "absence": "2 lessen gemist in oktober, met reden",
    "progress": "Goede inzet, spreekt veel",
}


async def request(bot, key: str, method: str, path: str, **kw):
    async with bot.api(key) as api:
        return await api.request(method, f"/api/v1/overstap{path}", **kw)


async def test_turkish_participant_switches_school_with_consent_for_all_but_one_item(
        bot, world, client, clock):
    town = await build(world, bot)
    keys = world.keys
    ayse = await client.user(301, "Ayşe", language_code="tr")
    petra = await client.user(302, "Petra", language_code="nl")
    ineke = await client.user(303, "Ineke", language_code="nl")
    hans = await client.user(304, "Hans", language_code="nl")
    await link(world, ayse, town.participant, "tr")
    await link(world, petra, town.km, "nl")
    await link(world, ineke, town.old_staff, "nl")
    await link(world, hans, town.new_staff, "nl")

    # The request, buttons first, in Turkish.
    await ayse.send("/overstap")
    kinds = await ayse.wait_for_message("Ne istiyorsunuz?")
    assert kinds.button_texts[:2] == ["Okulumda başka bir gün veya saat", "Başka bir okul"]
    await ayse.press("Başka bir okul", kinds)
    schools = await ayse.wait_for_message("Birini seçin")
    assert schools.button_texts[:2] == ["Leerhuis Almelo", "Taalhuis Hengelo"]
    assert "Taalschool Twente" not in schools.button_texts, "not the own school"
    assert "Taalhuis Hengelo: yerler Hengelo; kurslar NT2" in schools.text
    await ayse.press("Taalhuis Hengelo", schools)
    reasons = await ayse.wait_for_message("Neden geçmek istiyorsunuz?")
    await ayse.press("Başka bir okul hedeflerime daha uygun", reasons)
    more = await ayse.wait_for_message("Daha fazla söylemek")
    await ayse.press("Atla", more)
    summary = await ayse.wait_for_message("Lütfen kontrol edin")
    assert "Taalhuis Hengelo okuluna" in summary.text
    await ayse.press(0, summary)
    await ayse.wait_for_message("Talebiniz vaka yöneticinize (klantmanager) gönderildi")

    # The klantmanager approves; the schools hear of it, the new one without the reason.
    card = await petra.wait_for_message("Overstapaanvraag #1")
    assert ("Ayşe Yılmaz (TT-001) wil overstappen van Taalschool Twente naar Taalhuis Hengelo"
            in card.text)
    assert "Een andere school past beter bij mijn doelen" in card.text
    await petra.press("Goedkeuren", card)
    confirm = await petra.wait_for_message("kan niet ongedaan worden gemaakt")
    assert not any("akkoord" in m.text for m in await ineke.messages()), \
        "one press changes nothing yet"
    await petra.press("Ja, goedkeuren", confirm)
    await petra.wait_for_message("Goedgekeurd.")
    await ayse.wait_for_message("Taalhuis Hengelo okuluna geçmenizi onaylıyor")
    await ineke.wait_for_message("de klantmanager is akkoord dat Ayşe Yılmaz (TT-001) overstapt")
    incoming = await hans.wait_for_message("wil overstappen van Taalschool Twente naar jullie")
    assert "doelen" not in incoming.text

    # The old school proposes the handover conversation through its API (art. 11.3).
    response = await request(bot, keys[f"school:{town.old}"], "POST", "/requests/1/conversation",
                             json={"at": "2026-11-23T15:00:00", "place": "Marktstraat 12"})
    assert response.status_code == 200, response.text
    assert response.json()["state"] == "conversation_proposed"
    invitation = await ayse.wait_for_message("geçişiniz hakkında devir görüşmesi")
    assert "Pazartesi 23 Kasım saat 15:00" in invitation.text
    # The new school reads the bot's number for her, not the old school's id (TT-001).
    await hans.wait_for_message(f"overdrachtsgesprek over Ayşe Yılmaz (#{town.participant})")
    await ayse.press("Evet, geleceğim", invitation)
    await ayse.wait_for_message("Teşekkürler. Devir görüşmesinde")
    accepted = await ineke.wait_for_message("komt naar het overdrachtsgesprek")

    # Art. 11.3: neither consent nor handover before the conversation is recorded as held, and
    # it cannot be recorded before its time.
    old_key = keys[f"school:{town.old}"]
    early = await request(bot, old_key, "PUT", "/requests/1/handover", json={"items": {}})
    assert early.status_code == 409, early.text
    assert (await request(bot, old_key, "POST", "/requests/1/conversation-held")
            ).status_code == 422
    clock.advance(hours=7)
    await ineke.press("Het gesprek heeft plaatsgevonden", accepted)
    confirm = await ineke.wait_for_message("ongedaan")
    assert await bot.db.fetchval("SELECT state FROM overstap_requests") == (
        "conversation_accepted"), "nothing is recorded before the second press"
    await ineke.press("Ja, het heeft plaatsgevonden", confirm)
    await ineke.wait_for_message("Vastgelegd: het overdrachtsgesprek heeft plaatsgevonden")
    held = await ayse.wait_for_message("devir görüşmenizin yapıldığını")
    await ayse.press("Şimdi cevapla", held)

    # Consent per item (art. 12.3, 12.5): yes to five, no to the learning obstacles.
    question = await ayse.wait_for_message("(1 / 6)")
    assert "Giriş görüşmesi (intake) sonucunuz ve hedefiniz" in question.text
    assert "Neden: Yeni okul sizi doğru gruba" in question.text
    for _ in range(1, 6):
        await ayse.press("Evet", question)
        question = await ayse.wait_for_message()
        assert question.edited and question.message_id == question.message_id
    assert "(6 / 6)" in question.text and "Öğrenmenizi zorlaştıran sorunlar" in question.text
    await ayse.press("Hayır", question)
    check = await ayse.wait_for_message("Lütfen cevaplarınızı kontrol edin")
    assert "Gidemez: Öğrenmenizi zorlaştıran sorunlar" in check.text
    await ayse.press("Onayla", check)
    await ayse.wait_for_message("Yalnızca bu Taalhuis Hengelo okuluna gider")
    told = await ineke.wait_for_message("heeft toestemming gegeven")
    assert "Mag NIET worden doorgegeven: Problemen die het leren moeilijker maken" in told.text

    # The old school may hand over only what was agreed; the rest is refused whole.
    old_key, new_key = keys[f"school:{town.old}"], keys[f"school:{town.new}"]
    too_much = await request(bot, old_key, "PUT", "/requests/1/handover",
                             json={"items": {**ITEMS, "obstacles": "Dyslexie"}})
    assert too_much.status_code == 422
    assert too_much.json()["detail"][0]["loc"] == ["body", "items"]
    assert "obstacles" in too_much.json()["detail"][0]["msg"]
    nothing_yet = await request(bot, new_key, "GET", "/handovers")
    assert nothing_yet.json() == []
    handed = await request(bot, old_key, "PUT", "/requests/1/handover", json={"items": ITEMS})
    assert handed.status_code == 200, handed.text
    await ayse.wait_for_message("Taalschool Twente bunu Taalhuis Hengelo okuluna gönderdi")
    await hans.wait_for_message(
        f"heeft overgedragen waar Ayşe Yılmaz (#{town.participant}) mee instemde")

    # The new school receives exactly the agreed items; nobody else does.
    received = await request(bot, new_key, "GET", "/handovers")
    assert [h["items"] for h in received.json()] == [ITEMS]
    assert "Dyslexie" not in received.text
    third = await request(bot, keys[f"school:{town.third}"], "GET", "/requests/1")
    assert third.status_code == 404
    assert (await request(bot, old_key, "GET", "/handovers")).json() == []

    # /gedeeld tells the participant what went where and why (art. 12.3).
    await ayse.send("/gedeeld")
    shared = await ayse.wait_for_message("Hakkınızda paylaşılanlar")
    assert "Taalhuis Hengelo alıcısına" in shared.text
    assert "Kaçırdığınız dersler" in shared.text
    assert "zorlaştıran" not in shared.text

    # The new school confirms the placement from today in its evening group.
    done = await request(bot, new_key, "POST", "/requests/1/complete",
                         json={"start_on": "2026-11-23", "group_external_id": "N-B1-AVOND",
                               "participant_external_id": "TH-77"})
    assert done.status_code == 200, done.text
    assert done.json()["state"] == "completed"
    await ayse.wait_for_message("Geçişiniz tamamlandı")
    await petra.wait_for_message("gaat vanaf")
    settle = await ineke.wait_for_message("Leg de financiële afhandeling vast")
    await ineke.press("Budget overgedragen", settle)
    assert await bot.db.fetchval("SELECT settlement_at FROM overstap_requests") is None
    await ineke.press("Ja, vastleggen", await ineke.wait_for_message("ongedaan"))
    await ineke.wait_for_message("Vastgelegd: Budget overgedragen.")

    # The final urenverklaring of the old school arrives (art. 10.7).
    ready = await ayse.wait_for_message("Saat belgeniz (urenverklaring")
    assert "Sayılan saatler: 12" in ready.text, "four attended lessons of three hours"
    await ayse.press(0, ready)
    document = await ayse.wait_for_message()
    assert document.document is not None
    text = "".join(page.extract_text() for page in
                   PdfReader(io.BytesIO(await ayse.download(document))).pages)
    assert "Taalschool Twente" in text and "Ayşe Yılmaz" in text

    # The rooster now shows the new group's lessons from today, not the old ones any more.
    await ayse.send("/rooster")
    week = await ayse.wait_for_message("Dersleriniz, 48. hafta")
    assert "• 18:00–21:00 Hollandaca (NT2) · Hengelo, Stadhuis" in week.text
    assert "09:00–12:00" not in week.text
    # The new school's key now reaches the participant, by its own id.
    person = await bot.db.fetchone("SELECT school_id, external_id FROM people WHERE id = ?",
                                   (town.participant,))
    assert (person["school_id"], person["external_id"]) == (town.new, "TH-77")
