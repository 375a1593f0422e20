"""A person to ask (issue 14): /contact shows the school's contact as the school set it (API or
admin CLI) and the klantmanager as far as the gemeente allows; someone not linked yet is told
whom to ask for a code; a klacht about safety reaches the coordinator at once, at night too,
and the participant is told who will call."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.app import run_admin
from bot.i18n import LANGUAGES
from bot.refusal import Refused
from tests.attendance_world import AMS, drain
from tests.klacht_world import file_klacht, linked, school_with_handlers
from tests.support import link

SCHOOL_CONTACT = {"phone": "074 123 4567", "email": "info@taalschool-twente.nl",
                  "hours": "ma-vr 9:00-17:00", "address": "Hengelo, Marktstraat 12"}


async def test_contact_in_arabic_shows_school_and_klantmanager_as_the_gemeente_allows(
        bot, world, client):
    ids = await school_with_handlers(world)
    school_key = world.keys[f"school:{ids['school']}"]
    gemeente_key = world.keys[f"gemeente:{ids['gemeente']}"]
    async with bot.api(school_key) as api:
        response = await api.put("/api/v1/contact", json=SCHOOL_CONTACT)
        assert response.status_code == 200, response.text
        refused = await api.put("/api/v1/contact", json={"email": "not an address"})
        assert refused.status_code == 422
        refused = await api.put("/api/v1/contact", json={"klantmanager_shown": "none"})
        assert refused.status_code == 422, "only a gemeente decides what is shown"
    async with bot.api(gemeente_key) as api:
        response = await api.put("/api/v1/contact", json={
            "phone": "14 053", "klantmanager_shown": "name_and_contact"})
        assert response.status_code == 200, response.text
        response = await api.put(f"/api/v1/klantmanagers/{ids['km']}/contact",
                                 json={"phone": "053 481 0000", "email": "p.k@enschede.nl"})
        assert response.status_code == 200, response.text
        response = await api.put(f"/api/v1/klantmanagers/{ids['anna']}/contact",
                                 json={"phone": "053 481 0000"})
        assert response.status_code == 404, "staff of a school is not the gemeente's"
    user = await linked(world, client, ids, "senait", 821, "ar")
    await user.send("/contact")
    shown = await user.wait_for_message("من يمكنكم أن تسألوا")
    for value in [*SCHOOL_CONTACT.values(), "Taalschool Twente", "Petra Kloosterman",
                  "053 481 0000", "p.k@enschede.nl", "14 053",
                  "https://www.openstreetmap.org/search?query=Hengelo%2C+Marktstraat+12"]:
        assert value in shown.text, value
    assert "الهاتف" in shown.text and "مدير حالتكم" in shown.text

    async with bot.api(gemeente_key) as api:
        await api.put("/api/v1/contact", json={"klantmanager_shown": "none"})
    await user.send("/contact")
    hidden = await user.wait_for_message("من يمكنكم أن تسألوا")
    assert "Petra Kloosterman" not in hidden.text and "053 481 0000" not in hidden.text


async def test_contact_set_with_the_admin_cli_shows_in_tigrinya(bot, world, client, clock):
    ids = await school_with_handlers(world)
    await run_admin(["contact", "--school", str(ids["school"]), "--phone", "074 123 4567",
                     "--hours", "ሰኑይ-ዓርቢ 9-17"], bot.settings, clock)
    with pytest.raises(Refused):
        await run_admin(["contact", "--school", str(ids["school"]), "--email", "x@"],
                        bot.settings, clock)
    with pytest.raises(Refused):
        await run_admin(["contact", "--school", "999", "--phone", "074 123 4567"],
                        bot.settings, clock)
    user = await linked(world, client, ids, "senait", 822, "ti")
    await user.send("/contact")
    shown = await user.wait_for_message("ንመን ክትሓቱ ትኽእሉ")
    assert "ተሌፎን" in shown.text and "074 123 4567" in shown.text
    assert "ሰኑይ-ዓርቢ 9-17" in shown.text


async def test_someone_not_linked_is_told_whom_to_ask_for_a_code(bot, world, client):
    user = await client.user(823, "Guest", language_code="ti")
    await user.send("/contact")
    picker = await user.wait_for_message()
    await user.press(LANGUAGES["ti"], picker)
    await user.wait_for_message()
    await user.send("/contact")
    told = await user.wait_for_message("ገና ኣይተኣሳሰርኩምን")
    assert "taalschool" in told.text and "klantmanager" in told.text and "/start" in told.text


@pytest.mark.parametrize("language, caller_words, topic_label", [
    ("ti", "ብዝቐልጠፈ እዋን ክድውለልኩም እዩ", "ምጽራፍ፣ ምፍርራሕ ወይ ድሕንነተይ"),
    ("ar", "وسيتصل بكم", "التنمر أو التحرش أو سلامتي"),
])
async def test_a_safety_klacht_reaches_the_coordinator_at_night_and_says_who_will_call(
        bot, world, client, clock, language, caller_words, topic_label):
    ids = await school_with_handlers(world)
    carla = await client.user(830, "Carla", language_code="nl")
    await link(world, carla, ids["carla"], "nl")
    anna = await client.user(831, "Anna", language_code="nl")
    await link(world, anna, ids["anna"], "nl")
    user = await linked(world, client, ids, "senait", 832, language)
    clock.set(datetime(2026, 11, 28, 23, 30, tzinfo=AMS))  # Saturday night
    seen: list = []
    ack = await file_klacht(bot, user, language, topic="Bullying, harassment or my safety",
                            text="Iemand in de groep bedreigt mij na de les.", seen=seen)
    assert "Carla Smit" in ack.text, repr(ack.text)
    assert caller_words in ack.text and "112" in ack.text
    assert any(topic_label in text for text in seen[0].button_texts), \
        "the topic names bullying and harassment, so a participant who was harassed finds it"
    await drain(bot)
    card = await carla.wait_for_message("veiligheid")
    assert card.text
    told = await anna.wait_for_message("veiligheid")
    assert told.text, "the klachtbehandelaar too, at once"
