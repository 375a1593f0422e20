"""Onboarding through the sandbox as a participant's Telegram app would do it (issue 2)."""

from __future__ import annotations

import asyncio

from bot.i18n import LANGUAGES
from tests.support import link, start_bot


async def people_of_a_school(world):
    gemeente = await world.gemeente()
    school = await world.school()
    km = await world.person("Petra Kloosterman", "klantmanager", gemeente_id=gemeente)
    amira = await world.person("Amira Haddad", "participant", school_id=school, klantmanager_id=km,
                               regime="wi2021", route="b1")
    return km, amira


async def choose_language(user, language: str) -> None:
    picker = await user.wait_for_message()
    await user.press(LANGUAGES[language], picker)
    await user.wait_for_message()  # the picker becomes "Language: ..."


async def after_the_notice(user):
    """Linking shows the privacy notice first (issue 13); "Go on" leads to the greeting."""
    notice = await user.wait_for_message()
    await user.press(notice.button_texts[-1], notice)
    return await user.wait_for_message()


async def test_participant_links_with_a_code_and_is_greeted_in_arabic(bot, world, client):
    _, amira = await people_of_a_school(world)
    code = await world.code(amira)
    user = await client.user(501, "Amira", language_code="ar")

    await user.send(f"/start {code}")
    picker = await user.wait_for_message()
    assert picker.button_texts[0] == "العربية", "Telegram's language is offered first"
    assert "اختيار اللغة" in picker.text and "Kies je taal" in picker.text
    await user.press("العربية", picker)
    confirmed = await user.wait_for_message()
    assert "العربية" in confirmed.text
    greeting = await after_the_notice(user)
    assert greeting.text.startswith("\u200f"), "right-to-left text starts with an RLM"
    assert "مرحبًا" in greeting.text
    assert "\u2068Amira Haddad\u2069" in greeting.text, "the Latin name is isolated"
    menu = dict(await user.commands())
    assert "help" in menu and "taal" in menu
    assert menu["taal"] == "اختيار اللغة"


async def test_expired_reused_and_unknown_codes_get_a_clear_answer(bot, world, client, clock):
    _, amira = await people_of_a_school(world)
    old_code = await world.code(amira)
    clock.advance(days=15)
    user = await client.user(502, "Amira")
    await user.send("/start")
    await choose_language(user, "nl")
    assert "Welkom" in (await user.wait_for_message()).text

    await user.send(f"/start {old_code}")
    assert "verlopen" in (await user.wait_for_message()).text

    fresh = await world.code(amira)
    other = await client.user(503, "Someone")
    await other.send("/start")
    await choose_language(other, "en")
    await other.wait_for_message()
    await other.send(f"/start {fresh}")
    assert "Hello Amira Haddad" in (await after_the_notice(other)).text

    await user.send(f"/start {fresh}")
    assert "al gebruikt" in (await user.wait_for_message()).text
    await user.send("/start NOSUCHCODE1")
    assert "niet" in (await user.wait_for_message()).text


async def test_five_wrong_codes_block_further_tries_for_an_hour(bot, world, client, clock):
    _, amira = await people_of_a_school(world)
    user = await client.user(504, "Guesser")
    await user.send("/start")
    await choose_language(user, "en")
    await user.wait_for_message()
    for attempt in range(5):
        await user.send(f"/start WRONG{attempt}XYZ")
        assert "not known" in (await user.wait_for_message()).text
    good = await world.code(amira)
    await user.send(f"/start {good}")
    assert "Too many wrong codes" in (await user.wait_for_message()).text
    clock.advance(minutes=61)
    await user.send(f"/start {good}")
    assert "Hello Amira Haddad" in (await after_the_notice(user)).text


async def test_linking_never_overwrites_another_persons_link(bot, world, client):
    _, amira = await people_of_a_school(world)
    first = await client.user(505, "Amira")
    await link(world, first, amira, "nl")
    second = await client.user(506, "Impostor")
    await second.send(f"/start {await world.code(amira)}")
    await choose_language(second, "en")
    assert "already linked to another Telegram account" in (await second.wait_for_message()).text
    await first.send("/help")
    assert "Wat je kunt doen" in (await first.wait_for_message()).text


async def test_language_switch_changes_the_next_reply(bot, world, client):
    _, amira = await people_of_a_school(world)
    user = await client.user(507, "Amira", language_code="ar")
    await link(world, user, amira, "ar")
    await user.send("/taal")
    picker = await user.wait_for_message()
    assert picker.button_texts[0] == "العربية", "the current language comes first"
    await user.press("Türkçe", picker)
    assert "Dil: Türkçe" in (await user.wait_for_message()).text
    await user.send("/help")
    reply = await user.wait_for_message()
    assert "Yapabilecekleriniz" in reply.text
    assert dict(await user.commands())["taal"] == "Dilinizi seçin"


async def test_command_menus_follow_role_and_language(bot, world, client):
    km, amira = await people_of_a_school(world)
    participant = await client.user(508, "Amira")
    await link(world, participant, amira, "fa_AF")
    manager = await client.user(509, "Petra")
    await link(world, manager, km, "nl")
    participant_menu = dict(await participant.commands())
    manager_menu = dict(await manager.commands())
    assert participant_menu["help"] == "کارهایی که این ربات برای شما انجام می‌دهد"
    assert manager_menu["help"] == "Wat deze bot voor je kan doen"
    guest = await client.user(510, "New", language_code="tr")
    assert dict(await guest.commands())["start"] == "Başlayın veya hesabınızı bir kodla bağlayın"


async def test_restart_keeps_links_and_language(bot, world, client, sandbox, clock):
    _, amira = await people_of_a_school(world)
    user = await client.user(511, "Amira")
    await link(world, user, amira, "so")
    db_path = bot.settings.db_path
    await bot.stop()
    restarted = await start_bot(sandbox, db_path, clock)
    try:
        await user.send("/start")
        reply = await user.wait_for_message()
        assert "Salaan Amira Haddad" in reply.text
    finally:
        await restarted.stop()


async def test_long_or_odd_input_gets_a_pointer_to_help(bot, world, client):
    _, amira = await people_of_a_school(world)
    user = await client.user(512, "Amira")
    await link(world, user, amira, "en")
    # A 5,000-character paste reaches a bot as Telegram sends it: 4,096 characters, then the rest.
    await user.send("x" * 4096)
    await user.send("x" * 904)
    assert "Send /help" in (await user.wait_for_message()).text
    assert "Send /help" in (await user.wait_for_message()).text
    await user.send("/start " + "A" * 100)
    assert "Hello Amira Haddad" in (await user.wait_for_message()).text
    await user.send("/nosuchcommand")
    assert "Send /help" in (await user.wait_for_message()).text


async def test_overlong_start_payload_from_a_guest_is_an_unknown_code(bot, client):
    user = await client.user(513, "Guest")
    await user.send("/start " + "B" * 300)
    await choose_language(user, "en")
    assert "not known" in (await user.wait_for_message()).text
    await asyncio.sleep(0)
