"""A question of the school about a klacht starts with a standard phrase the participant reads in
their own language (issue 14), whatever language the staff member writes their own words in."""

from __future__ import annotations

import pytest

from tests.klacht_world import (
    current,
    file_klacht,
    klacht_row,
    linked,
    new_message,
    school_with_handlers,
)


@pytest.mark.parametrize("language", ["ar", "ti"])
async def test_the_participant_reads_the_standard_phrase_in_their_language(
        bot, world, client, language):
    ids = await school_with_handlers(world)
    senait = await linked(world, client, ids, "senait", 1701, language)
    bram = await linked(world, client, ids, "bram", 1702, "nl")
    await file_klacht(bot, senait, language, topic="The teacher", text="De les begint te laat.")
    row = await klacht_row(bot)
    await bot.services.outbox.drain()
    card = await bram.wait_for_message(row["reference"])
    await bram.press("De cursist een vraag stellen", await current(bram, card))
    phrases = await new_message(bram, "standaardzin")
    assert "Wil je een tolk bij een gesprek? In welke taal?" in phrases.button_texts
    await bram.press("Wil je een tolk bij een gesprek? In welke taal?", phrases)
    await new_message(bram, "/skip")
    await bram.send("/skip")
    await new_message(bram, "verstuurd")
    await bot.services.outbox.drain()
    tr = bot.services.i18n.get(language)
    phrase = tr._("Would you like an interpreter for a conversation? In which language?")
    question = await senait.wait_for_message(phrase)
    assert question.button_texts == [tr.f_("Answer")]
    stored = await bot.db.fetchone("SELECT question, phrase FROM klacht_questions")
    assert (stored["question"], stored["phrase"]) == ("", "interpreter")
