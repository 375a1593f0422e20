"""Commands and refusals in every script (issue 14): a command listed by /help stays a tappable
command in every language, also right to left; a refused press answers in the reader's language;
a command's description is shown whole; an unlinked person who tries a participant's command is
told how to link."""

from __future__ import annotations

import pytest

from bot.i18n import LANGUAGES
from conversations.gate import NOT_LINKED, STALE_BUTTON
from tests.klacht_world import answer_to, linked, school_with_handlers
from tests.support import press_forged


@pytest.mark.parametrize("language", list(LANGUAGES))
async def test_every_command_help_lists_can_be_tapped(bot, world, client, language):
    ids = await school_with_handlers(world)
    senait = await linked(world, client, ids, "senait", 1401, language)
    await senait.send("/help")
    shown = await senait.wait_for_message()
    listed = ["/" + name for name, _ in await senait.commands()]
    assert len(listed) > 5
    assert shown.commands == listed, "each command in /help is a bot_command entity"

    guest = await client.user(1402, "Guest")
    await guest.send("/start")
    picker = await guest.wait_for_message()
    await guest.press(LANGUAGES[language], picker)
    await guest.wait_for_message()
    await guest.wait_for_message()
    await guest.send("/help")
    assert (await guest.wait_for_message()).commands == ["/contact", "/taal", "/help", "/start"]


@pytest.mark.parametrize("language", ["ar", "ti"])
async def test_a_participant_pressing_a_staff_button_is_refused_in_their_language(
        bot, world, client, sandbox, language):
    ids = await school_with_handlers(world)
    senait = await linked(world, client, ids, "senait", 1403, language)
    refusal = bot.services.i18n.get(language)._(STALE_BUTTON)
    anchor = (await senait.messages())[-1]
    pressed = ["kh:take:1", "cl:p:1", "ovk:ok:1", "ovs:open:1", "vz:seen:1", "ur:ok:1",
               "act:p:1", "menu:caseload", "menu:klachten"]
    for data in pressed:
        press_forged(sandbox, senait, anchor, data)
    for data in pressed:
        answer = await answer_to(senait, data)
        assert answer["text"] == refusal, data


@pytest.mark.parametrize("language", ["ar", "ti"])
async def test_an_unlinked_person_trying_rooster_or_klacht_is_told_how_to_link(
        bot, client, language):
    user = await client.user(1404, "Someone")
    await user.send("/start")
    picker = await user.wait_for_message()
    await user.press(LANGUAGES[language], picker)
    await user.wait_for_message()
    await user.wait_for_message()
    told = bot.services.i18n.get(language)._(NOT_LINKED)
    for command in ("/rooster", "/klacht", "/uren"):
        await user.send(command)
        answer = await user.wait_for_message()
        assert answer.text == told
        assert answer.commands == ["/start"]


async def test_a_long_description_is_shown_whole_in_turkish(bot, world, client):
    ids = await school_with_handlers(world)
    senait = await linked(world, client, ids, "senait", 1405, "tr")
    tr = bot.services.i18n.get("tr")
    whole = tr.f_("Get an urenverklaring (a statement of your lesson hours)")
    assert dict(await senait.commands())["uren"] == whole
    await senait.send("/start")
    greeting = await senait.wait_for_message()
    assert whole in greeting.button_texts
