"""The satisfaction survey (issue 15; BoW 2.7.3, 5.2; convenant art. 16.1): consent asked once in
the participant's language and changeable, the school's delivery list of exactly the consented
participants past 75% of the course or ended early, and a gemeente's own survey that shows no
figures below five respondents."""

from __future__ import annotations

import csv
import io
import json

from bot.app import run_admin
from bot.i18n import LANGUAGES
from tests.attendance_world import drain
from tests.support import link, press_forged

PEOPLE = ("P-001", "P-002", "P-003", "P-004", "P-005")


async def school_with_participants(bot, world, externals=PEOPLE, joined="2026-01-05"):
    """A gemeente, its klantmanager and a school whose group at Hengelo holds the participants."""
    gemeente = await world.gemeente()
    km = await world.person("Petra Kloosterman", "klantmanager", gemeente_id=gemeente)
    school = await world.school()
    await world.works_with(gemeente, school)
    key = world.keys[f"school:{school}"]
    ids = {}
    async with bot.api(key) as api:
        for number, external_id in enumerate(externals):
            response = await api.put(f"/api/v1/participants/{external_id}", json={
                "name": f"Deelnemer {number + 1}", "regime": "wi2021", "route": "b1",
                "klantmanager_id": km})
            ids[external_id] = response.json()["id"]
        response = await api.put("/api/v1/groups/B1", json={
            "name": "NT2 B1", "kind": "NT2", "level": "B1", "location": "Hengelo, Marktstraat 1",
            "members": [{"participant": p, "joined_on": joined} for p in externals]})
        assert response.status_code == 201, response.text
    return key, ids, gemeente


async def intake(bot, key, external_id, predicted_end="2027-01-31"):
    async with bot.api(key) as api:
        response = await api.post(f"/api/v1/participants/{external_id}/trajectory", json={
            "kind": "intake", "goal_level": "B1", "route": "b1", "predicted_end": predicted_end})
    assert response.status_code == 201, response.text


async def test_consent_is_asked_once_in_arabic_and_can_be_changed(bot, world, client):
    """BoW 2.7.3: the consent is recorded for every participant; asked once, in their language."""
    key, ids, _ = await school_with_participants(bot, world, ("P-001",))
    user = await client.user(1601, "Amira", language_code="ar")
    await link(world, user, ids["P-001"], "ar")
    await intake(bot, key, "P-001")
    await drain(bot)
    question = await user.wait_for_message(contains="Panteia")
    assert "مدرستكم" in question.text or "المدرسة" in question.text, "asked in Arabic"
    assert question.button_texts == ["نعم، أوافق", "لا، لا أوافق"]
    await user.press("نعم، أوافق", question)
    thanks = await user.wait_for_message(contains="Panteia")
    assert thanks.message_id == question.message_id and not thanks.buttons

    await intake(bot, key, "P-001", "2027-03-31")  # a second intake does not ask again
    await drain(bot)
    asked = [m for m in await user.messages() if m.buttons and "Panteia" in m.text]
    assert asked == []

    await user.send("/enquete")
    choice = await user.wait_for_message(contains="Panteia")
    assert "اختياركم الآن: يمكن للمدرسة" in choice.text
    await user.press("لا، لا أوافق", choice)
    await user.wait_for_message(contains="Panteia")
    async with bot.api(key) as api:
        listed = await api.get("/api/v1/survey/delivery")
    assert "P-001" not in listed.text, "a withdrawn consent leaves the list"


async def test_the_delivery_list_holds_exactly_the_consented_participants_past_75_percent(
        bot, world, clock):
    """BoW 5.2: consented participants who followed 75% of the course or ended it early, with
    route and location; nobody else, and no school sees another school's list."""
    key, ids, _ = await school_with_participants(bot, world)
    # The course runs from 5 January 2026; today is 23 November 2026.
    await intake(bot, key, "P-001", "2027-01-31")  # 83% done, consented
    await intake(bot, key, "P-002", "2027-12-31")  # 45% done, consented
    await intake(bot, key, "P-003", "2027-01-31")  # 83% done, refused
    await intake(bot, key, "P-004", "2027-12-31")  # 45% done, consented, drops out
    # P-005: consented, no intake and so no predicted end: not yet
    async with bot.api(key) as api:
        for external_id, consent in (("P-001", True), ("P-002", True), ("P-003", False),
                                     ("P-004", True), ("P-005", True)):
            response = await api.put(f"/api/v1/participants/{external_id}/survey-consent",
                                     json={"consent": consent})
            assert response.status_code == 200, response.text
        assert (await api.put("/api/v1/participants/P-004/status",
                              json={"status": "dropped_out"})).status_code == 200
        delivery = await api.get("/api/v1/survey/delivery")
        missing = await api.put("/api/v1/participants/NOPE/survey-consent",
                                json={"consent": True})
    assert delivery.status_code == 200 and delivery.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(delivery.text)))
    assert [(r["participant"], r["reason"]) for r in rows] == [
        ("P-001", "75_percent"), ("P-004", "ended_early")]
    assert rows[0]["route"] == "B1-route" and rows[0]["location"] == "Hengelo, Marktstraat 1"
    assert missing.status_code == 404

    other = await world.school("Andere Taalschool")
    async with bot.api(world.keys[f"school:{other}"]) as api:
        assert list(csv.DictReader(io.StringIO((await api.get(
            "/api/v1/survey/delivery")).text))) == []

    printed = json.loads(await run_admin(["survey", "delivery", "1", "--json"], bot.settings,
                                         bot.clock))
    assert [row["participant"] for row in printed] == ["P-001", "P-004"]


def questions(*texts):
    return [{code: f"{text} ({code})" for code in LANGUAGES} for text in texts]


async def test_a_gemeente_survey_shows_no_figures_for_four_and_counts_for_five(
        bot, world, client):
    """Convenant art. 16.1: the gemeente's own survey, answered with buttons in the
    participant's language, reported only in aggregate and only for five or more."""
    key, ids, gemeente = await school_with_participants(bot, world)
    users = []
    for number, (external_id, language) in enumerate(zip(PEOPLE, ("ti", "ar", "nl", "so", "tr"),
                                                         strict=True)):
        user = await client.user(1610 + number, external_id, language_code=language)
        await link(world, user, ids[external_id], language)
        users.append((user, language))
    gemeente_key = world.keys[f"gemeente:{gemeente}"]
    async with bot.api(gemeente_key) as api:
        started = await api.post("/api/v1/surveys", json={
            "external_id": "KTO-2026", "questions": questions("Hoe tevreden", "Zou je aanraden")})
        again = await api.post("/api/v1/surveys", json={
            "external_id": "KTO-2026", "questions": questions("x")})
        incomplete = await api.post("/api/v1/surveys", json={
            "external_id": "KTO-X", "questions": [{"nl": "Alleen Nederlands"}]})
    assert started.status_code == 201 and started.json()["asked"] == 5
    assert again.status_code == 409 and incomplete.status_code == 422
    await drain(bot)

    for number, (user, language) in enumerate(users):
        first = await user.wait_for_message(contains="Hoe tevreden")
        assert f"({language})" in first.text, "the question in their language"
        await user.press(number % 5, first)
        second = await user.wait_for_message(contains="Zou je aanraden")
        assert second.message_id == first.message_id, "the same message becomes question 2"
        await user.press(4, second)
        await user.wait_for_message()
        if number == 3:  # four respondents so far
            async with bot.api(gemeente_key) as api:
                report = (await api.get("/api/v1/surveys/KTO-2026/report")).json()
            assert report["shown"] is False and report["respondents"] is None
            assert report["questions"] is None
    async with bot.api(gemeente_key) as api:
        report = (await api.get("/api/v1/surveys/KTO-2026/report")).json()
    assert report["shown"] is True and report["respondents"] == 5
    assert report["questions"][0]["answers"] == {"1": 1, "2": 1, "3": 1, "4": 1, "5": 1}
    assert report["questions"][1]["answers"]["5"] == 5
    async with bot.api(key) as api:
        assert (await api.get("/api/v1/surveys/KTO-2026/report")).status_code == 403


async def test_a_forged_answer_to_another_gemeentes_survey_is_refused(
        bot, world, client, sandbox):
    key, ids, gemeente = await school_with_participants(bot, world, ("P-001",))
    other = await world.gemeente("Hengelo")
    async with bot.api(world.keys[f"gemeente:{other}"]) as api:
        started = await api.post("/api/v1/surveys", json={"external_id": "H-1",
                                                          "questions": questions("Vraag")})
    assert started.json()["asked"] == 0, "nobody of another gemeente is asked"
    user = await client.user(1620, "P-001", language_code="ti")
    await link(world, user, ids["P-001"], "ti")
    await user.send("/enquete")
    message = await user.wait_for_message(contains="Panteia")
    for data in ("sv:a:1:0:5", "sv:a:1:7:1", "sv:a:1:0:9", "sv:a:99999:0:1"):
        press_forged(sandbox, user, message, data)
    await user.send("/enquete")
    await user.wait_for_message(contains="Panteia")
    from storage import survey as store

    assert (await store.answer_counts(bot.db, 1))[0] == 0
