"""The trajectory on record (issue 15; convenant art. 12.1, 12.3, 12.4, 12.6; BoW 2.11): what a
school reports reaches the klantmanager with "seen", shows in /caseload and in the participant's
/gedeeld; a changed prediction reaches the participant in their language; a gemeente's note
reaches the school's coordinator; nobody reaches another school's or gemeente's participant."""

from __future__ import annotations

import asyncio
from datetime import datetime

from tests.attendance_world import AMS, drain, people_of_a_school, press_and_read_answer
from tests.support import link


async def post(bot, key: str, participant: str, body: dict):
    async with bot.api(key) as api:
        return await api.post(f"/api/v1/participants/{participant}/trajectory", json=body)


INTAKE = {"kind": "intake", "goal_level": "B1", "route": "b1", "predicted_end": "2027-09-30",
          "text": "Leert snel, heeft al een diploma uit Syrië."}


async def test_an_intake_reaches_the_klantmanager_and_the_somali_participants_gedeeld(
        bot, world, client):
    """C art. 12.4 (the school tells the klantmanager the intake result and goal) and 12.3 (the
    participant sees what was shared, with whom and why), in Somali."""
    school, km, amira = await people_of_a_school(world)
    petra = await client.user(1501, "Petra", language_code="nl")
    await link(world, petra, km, "nl")
    user = await client.user(1502, "Amira", language_code="so")
    await link(world, user, amira, "so")

    response = await post(bot, world.keys[f"school:{school}"], "P-100", INTAKE)
    assert response.status_code == 201, response.text
    assert response.json()["klantmanager_told"] is True
    await drain(bot)

    alert = await petra.wait_for_message(contains="Traject")
    assert "Amira Haddad" in alert.text and "B1" in alert.text
    assert "diploma uit Syrië" in alert.text, "the school's words reach the klantmanager"
    told = await user.wait_for_message(contains="taalplan")
    assert "B1" in told.text and "2027" in told.text and "Hadafkaaga" in told.text

    await user.send("/gedeeld")
    shared = await user.wait_for_message(contains="Petra Kloosterman")
    assert "si klantmanager-kaagu kuu caawiyo" in shared.text, "why, in Somali"
    assert "Natiijada wareysiga hore (intake)" in shared.text, "what, in Somali"

    answer = await press_and_read_answer(petra, "Gezien", alert)
    assert answer == "Gemarkeerd als gezien."
    edited = await petra.wait_for_message(contains="Traject")
    assert edited.message_id == alert.message_id and edited.button_texts == ["✓ Gezien"]


async def test_a_prediction_a_month_and_more_later_is_flagged_and_told_in_tigrinya(
        bot, world, client, clock):
    """C art. 12.4: the predicted duration, also when it changes; the participant is actively
    told (C art. 10.1; BoW 2.11) in Tigrinya; more than a month later is flagged."""
    school, km, amira = await people_of_a_school(world)
    petra = await client.user(1511, "Petra", language_code="nl")
    await link(world, petra, km, "nl")
    user = await client.user(1512, "Amira", language_code="ti")
    await link(world, user, amira, "ti")
    key = world.keys[f"school:{school}"]
    assert (await post(bot, key, "P-100", INTAKE)).status_code == 201
    await drain(bot)
    await user.wait_for_message(contains="taalplan")

    clock.set(datetime(2026, 11, 24, 10, 0, tzinfo=AMS))
    later = await post(bot, key, "P-100", {"kind": "duration", "predicted_end": "2027-12-31",
                                           "text": "Veel afwezig door ziekte."})
    assert later.status_code == 201 and later.json()["flagged"] is True
    assert later.json()["previous_end"] == "2027-09-30"
    await drain(bot)
    news = await user.wait_for_message(contains="ዝያዳ ግዜ")
    assert "2027" in news.text, "the new and the old end date"
    flagged = await petra.wait_for_message(contains="⚠")
    assert "Meer dan een maand later" in flagged.text

    slight = await post(bot, key, "P-100", {"kind": "duration", "predicted_end": "2027-12-15"})
    assert slight.json()["flagged"] is False, "sooner is not flagged"
    same = await post(bot, key, "P-100", {"kind": "duration", "predicted_end": "2027-12-15"})
    assert same.status_code == 201
    await drain(bot)
    told = [m for m in await user.messages() if "2027" in (m.text or "")]
    assert len(told) == 3, "intake, longer, sooner; the same prediction again is not told"


async def test_progress_attitude_and_obstacles_show_in_caseload_and_the_digest(
        bot, world, client, clock):
    school, km, amira = await people_of_a_school(world)
    petra = await client.user(1521, "Petra", language_code="nl")
    await link(world, petra, km, "nl")
    key = world.keys[f"school:{school}"]
    for body in ({"kind": "progress", "assessed_on": "2026-11-20",
                  "skills": {"lezen": "A2", "spreken": "A1"}},
                 {"kind": "attitude", "text": "Gemotiveerd, altijd op tijd."},
                 {"kind": "obstacles", "text": "Zorgt alleen voor drie kinderen."}):
        assert (await post(bot, key, "P-100", body)).status_code == 201
    # Tuesday at the digest time: none of the three was marked as seen.
    clock.set(datetime(2026, 11, 24, 9, 0, tzinfo=AMS))
    await drain(bot)
    digest = await petra.wait_for_message(contains="Dagoverzicht")
    assert "3" in digest.text and "voortgang" in digest.text

    await petra.send("/caseload")
    overview = await petra.wait_for_message(contains="caseload")
    await petra.press("Amira Haddad", overview)
    detail = await petra.wait_for_message(contains="Traject")
    assert "lezen: A2" in detail.text and "Zorgt alleen voor drie kinderen" in detail.text
    assert "Gemotiveerd" in detail.text


async def test_the_intake_tells_the_participant_what_is_expected_and_the_costs_in_pashto(
        bot, world, client):
    """C art. 10.1; BoW 2.11: the taalplan states what is expected of the participant (coming
    to the lessons) and the costs the school gave, formatted for their language."""
    school, km, amira = await people_of_a_school(world)
    petra = await client.user(1551, "Petra", language_code="nl")
    await link(world, petra, km, "nl")
    user = await client.user(1552, "Amira", language_code="ps")
    await link(world, user, amira, "ps")
    key = world.keys[f"school:{school}"]
    response = await post(bot, key, "P-100", {**INTAKE, "costs": 1250})
    assert response.status_code == 201, response.text
    assert response.json()["details"]["costs_cents"] == 125000
    await drain(bot)
    told = await user.wait_for_message(contains="/afmelden")
    assert "له تاسو څه تمه کېږي" in told.text, "what is expected, in Pashto"
    assert "1.250,00" in told.text and "€" in told.text and "لګښت" in told.text
    alert = await petra.wait_for_message(contains="Traject")
    assert "Kosten voor de cursist: €" in alert.text and "1.250,00" in alert.text
    assert (await post(bot, key, "P-100", {**INTAKE, "costs": -1})).status_code == 422


async def test_a_school_reaches_only_its_own_participants_and_bad_records_are_refused(
        bot, world):
    school, km, amira = await people_of_a_school(world)
    other = await world.school("Andere Taalschool")
    refused = await post(bot, world.keys[f"school:{other}"], "P-100", INTAKE)
    assert refused.status_code == 404
    key = world.keys[f"school:{school}"]
    for bad in ({"kind": "intake", "goal_level": "Z9", "predicted_end": "2027-01-01"},
                {"kind": "duration", "predicted_end": "3094-01-01"},
                {"kind": "attitude"},
                {"kind": "obstacles", "text": "a\x00b"},
                {"kind": "progress", "assessed_on": "2026-11-20", "skills": {}},
                {"kind": "gossip", "text": "x"}):
        response = await post(bot, key, "P-100", bad)
        assert response.status_code == 422, (bad, response.text)
    async with bot.api(world.keys[f"gemeente:{1}"]) as api:
        assert (await api.post("/api/v1/participants/P-100/trajectory",
                               json=INTAKE)).status_code == 403
    assert await bot.db.fetchval("SELECT COUNT(*) FROM trajectory_records") == 0
    async with bot.api(key) as api:
        assert (await api.get("/api/v1/participants/P-100/trajectory")).json() == []


async def test_a_gemeentes_obstacle_note_reaches_the_schools_coordinator(bot, world, client):
    """C art. 12.6: the gemeente tells the school of obstacles; only for its own participants."""
    school, km, amira = await people_of_a_school(world)
    coordinator = await world.person("Carla Coördinator", "staff", school_id=school,
                                     staff_role="coordinator")
    carla = await client.user(1531, "Carla", language_code="nl")
    await link(world, carla, coordinator, "nl")
    gemeente_key = world.keys["gemeente:1"]
    async with bot.api(gemeente_key) as api:
        ok = await api.post("/api/v1/obstacles", json={"participant_id": amira,
                                                       "text": "Mantelzorg op dinsdag."})
        other = await world.gemeente("Hengelo")
        foreign = await api.post("/api/v1/obstacles", json={"participant_id": 999999,
                                                            "text": "x"})
    assert ok.status_code == 201 and ok.json()["coordinators_told"] == 1
    assert foreign.status_code == 422
    async with bot.api(world.keys[f"gemeente:{other}"]) as api:
        assert (await api.post("/api/v1/obstacles", json={"participant_id": amira,
                                                         "text": "x"})).status_code == 422
    await drain(bot)
    note = await carla.wait_for_message(contains="Mantelzorg")
    assert "Amira Haddad" in note.text and "Enschede" in note.text


TAGS = "trajectory|survey|invoices|wanprestatie|documents"


async def test_fuzzing_the_trajectory_survey_and_invoice_api_finds_no_server_error(
        bot, world, tmp_path):
    """Every trajectory endpoint is in the OpenAPI description; schemathesis's generated
    requests, valid and invalid, get no server error and nothing against the schema."""
    from tests.rooster_world import schemathesis, school_with_group

    key, _, _, gemeente = await school_with_group(bot, world)
    runs = await asyncio.gather(
        schemathesis(bot.url, key, TAGS, tmp_path, "school"),
        schemathesis(bot.url, world.keys[f"gemeente:{gemeente}"], TAGS, tmp_path, "gemeente"))
    for code, output, _ in runs:
        assert code == 0, output[-6000:]
    assert sum(cases for _, _, cases in runs) >= 50


async def test_records_travel_in_an_overstap_handover_only_for_agreed_items(
        bot, world, client, clock):
    """C art. 12.3, 12.5: the old school's intake and progress go to the new school because the
    participant agreed to them; the obstacles, refused, stay behind."""
    from tests.overstap_world import build

    town = await build(world, bot)
    old_key, new_key = world.keys[f"school:{town.old}"], world.keys[f"school:{town.new}"]
    for body in (INTAKE, {"kind": "obstacles", "text": "Dyslexie"},
                 {"kind": "progress", "assessed_on": "2026-11-20", "skills": {"lezen": "A2"}}):
        assert (await post(bot, old_key, "TT-001", body)).status_code == 201
    ayse = await client.user(1541, "Ayşe", language_code="tr")
    await link(world, ayse, town.participant, "tr")
    await ayse.send("/overstap")
    await ayse.press("Başka bir okul", await ayse.wait_for_message("Ne istiyorsunuz?"))
    await ayse.press("Taalhuis Hengelo", await ayse.wait_for_message("Birini seçin"))
    await ayse.press("Başka bir okul hedeflerime daha uygun",
                     await ayse.wait_for_message("Neden geçmek istiyorsunuz?"))
    await ayse.press("Atla", await ayse.wait_for_message("Daha fazla söylemek"))
    await ayse.press(0, await ayse.wait_for_message("Lütfen kontrol edin"))
    await ayse.wait_for_message("Talebiniz vaka yöneticinize (klantmanager) gönderildi")
    async with bot.api(world.keys[f"gemeente:{town.gemeente}"]) as api:
        decided = await api.post("/api/v1/overstap/requests/1/decision",
                                 json={"decision": "approve"})
        assert decided.status_code == 200, decided.text
    async with bot.api(old_key) as api:
        proposed = await api.post("/api/v1/overstap/requests/1/conversation",
                                  json={"at": "2026-11-23T15:00:00", "place": "Marktstraat 12"})
        assert proposed.status_code == 200, proposed.text
    await drain(bot)
    await ayse.press("Evet, geleceğim",
                     await ayse.wait_for_message("geçişiniz hakkında devir görüşmesi"))
    await ayse.wait_for_message("Teşekkürler. Devir görüşmesinde")
    clock.advance(hours=7)  # the conversation took place (C art. 11.3)
    async with bot.api(old_key) as api:
        held = await api.post("/api/v1/overstap/requests/1/conversation-held")
        assert held.status_code == 200, held.text
    await drain(bot)
    await ayse.press("Şimdi cevapla", await ayse.wait_for_message("devir görüşmenizin yapıldığını"))
    question = await ayse.wait_for_message("(1 / 6)")
    for _ in range(5):  # intake, duration, rooster, absence, progress: yes
        await ayse.press("Evet", question)
        question = await ayse.wait_for_message()
    await ayse.press("Hayır", question)  # obstacles: no
    await ayse.press("Onayla", await ayse.wait_for_message("Lütfen cevaplarınızı kontrol edin"))
    await ayse.wait_for_message("Yalnızca bu Taalhuis Hengelo okuluna gider")
    async with bot.api(old_key) as api:
        handed = await api.put("/api/v1/overstap/requests/1/handover",
                               json={"items": {"intake": "Zie het intakeverslag"}})
        assert handed.status_code == 200, handed.text
    async with bot.api(new_key) as api:
        received = (await api.get("/api/v1/overstap/handovers")).json()
    kinds = sorted(record["kind"] for record in received[0]["records"])
    assert kinds == ["intake", "progress"]
    assert "Dyslexie" not in str(received)
