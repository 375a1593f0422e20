"""The reason a klacht is not taken into treatment and the explanation on closing start with a
standard phrase the participant reads in their own language (issue 14), whatever language the
klachtbehandelaar adds their own words in; /skip sends the phrase alone, and a phrase button the
step did not offer is refused politely."""

from __future__ import annotations

import pytest

from bot.klachten.phrases import CLOSING_PHRASES, QUESTION_PHRASES, REFUSAL_PHRASES
from conversations.presses import phrase_label
from tests.attendance_world import drain
from tests.klacht_world import (
    answer_to,
    current,
    file_klacht,
    klacht_row,
    linked,
    new_message,
    school_with_handlers,
)
from tests.support import press_forged


def label(bot, text: str) -> str:
    """A phrase's button as a Dutch staff member sees it."""
    return phrase_label(bot.services.i18n.get("nl").f_(text))


async def filed(bot, world, client, language, first_id):
    ids = await school_with_handlers(world)
    senait = await linked(world, client, ids, "senait", first_id, language)
    bram = await linked(world, client, ids, "bram", first_id + 1, "nl")
    await file_klacht(bot, senait, language, topic="The teacher", text="De les begint te laat.")
    row = await klacht_row(bot)
    await bot.services.outbox.drain()
    card = await bram.wait_for_message(row["reference"])
    return senait, bram, row, card


@pytest.mark.parametrize("language", ["ar", "ti"])
async def test_a_refusal_reason_starts_with_a_standard_phrase_in_the_participants_language(
        bot, world, client, language):
    senait, bram, row, card = await filed(bot, world, client, language, 1801)
    await bram.press("Niet in behandeling nemen", card)
    phrases = await new_message(bram, "standaardzin")
    assert label(bot, REFUSAL_PHRASES["anonymous"]) in phrases.button_texts
    assert "Alleen mijn eigen woorden" in phrases.button_texts
    await bram.press(label(bot, REFUSAL_PHRASES["gemeente"]), phrases)
    prompt = await new_message(bram, "/skip")
    nl = bot.services.i18n.get("nl")
    assert f"Standaardzin: {nl.f_(REFUSAL_PHRASES['gemeente'])}" in prompt.text, \
        "the staff member sees the phrase they chose"
    await bram.send("Bel mevrouw De Vries van team Participatie.")
    confirm = await new_message(bram, "ongedaan")
    assert (await klacht_row(bot))["state"] == "received", "nothing is refused before the yes"
    await bram.press("Ja, niet in behandeling nemen", confirm)
    await new_message(bram, "niet in behandeling genomen")
    await bot.services.outbox.drain()

    tr = bot.services.i18n.get(language)
    refused = await senait.wait_for_message(tr._(REFUSAL_PHRASES["gemeente"]))
    assert tr._("The school's reason:") in refused.text
    assert "Bel mevrouw De Vries van team Participatie." in refused.text, "and the own words"
    stored = await klacht_row(bot)
    assert (stored["state"], stored["refusal_phrase"], stored["refusal_reason"]) == (
        "refused", "gemeente", "Bel mevrouw De Vries van team Participatie.")


@pytest.mark.parametrize("language", ["ar", "ti"])
async def test_skip_closes_a_klacht_with_the_standard_phrase_alone(bot, world, client, language):
    senait, bram, row, card = await filed(bot, world, client, language, 1811)
    await bram.press("In behandeling nemen", card)
    await new_message(bram, "in behandeling genomen")
    await bram.press("Uitkomst vastleggen en afsluiten", await current(bram, card))
    await bram.press(0, await new_message(bram, "uitkomst"))  # the school agrees
    phrases = await new_message(bram, "toelichting")
    await bram.press(label(bot, CLOSING_PHRASES["measures"]), phrases)
    await new_message(bram, "/skip")
    await bram.send("/skip")
    confirm = await new_message(bram, "ongedaan")
    await bram.press("Ja, klacht afsluiten", confirm)
    await new_message(bram, "afgesloten")
    await bot.services.outbox.drain()

    tr = bot.services.i18n.get(language)
    closed = await senait.wait_for_message(tr._(CLOSING_PHRASES["measures"]))
    assert tr._("The school wrote:") in closed.text
    assert tr._("The school wrote: {text}", text="-") not in closed.text, "no empty own words"
    assert closed.button_texts == [tr.f_("I am satisfied"), tr.f_("I am not satisfied")]
    stored = await klacht_row(bot)
    assert (stored["state"], stored["outcome"], stored["outcome_phrase"],
            stored["outcome_text"]) == ("closed", "upheld", "measures", "")


async def test_a_phrase_the_step_did_not_offer_is_refused_politely(bot, world, client, sandbox):
    senait, bram, row, card = await filed(bot, world, client, "ti", 1821)
    await bram.press("Niet in behandeling nemen", card)
    phrases = await new_message(bram, "standaardzin")
    for code in ("bogus", "interpreter"):  # made up, and a question's phrase on a refusal
        assert code == "bogus" or code in QUESTION_PHRASES
        data = f"kh:ph:{row['id']}:{code}"
        press_forged(sandbox, bram, phrases, data)
        assert "geldt niet meer" in (await answer_to(bram, data))["text"]
    # The step still waits for a phrase of its own list, and /skip without one sends nothing.
    await bram.press("Alleen mijn eigen woorden", phrases)
    await new_message(bram, "eigen woorden")
    await bram.send("/skip")
    assert "woorden" in (await new_message(bram)).text
    await bram.send("De les is verplaatst op verzoek van de gemeente.")
    await bram.press("Ja, niet in behandeling nemen", await new_message(bram, "ongedaan"))
    await new_message(bram, "niet in behandeling genomen")
    stored = await klacht_row(bot)
    assert (stored["refusal_phrase"], stored["refusal_reason"]) == (
        None, "De les is verplaatst op verzoek van de gemeente.")
    await bot.services.outbox.drain()
    tr = bot.services.i18n.get("ti")
    refused = await senait.wait_for_message("De les is verplaatst")
    assert tr._("The school's reason: {reason}",
                reason="De les is verplaatst op verzoek van de gemeente.") in refused.text


@pytest.mark.parametrize("language", ["ar", "ti"])
async def test_the_short_report_starts_with_a_standard_phrase_and_skip_sends_it_alone(
        bot, world, client, language):
    # One klachtbehandelaar, no coordinator: when she is involved, nobody independent is left
    # and she writes the short report the participant endorses (BoW 1.5, note 7).
    gemeente = await world.gemeente()
    school = await world.school()
    ids = {"anna": await world.person("Anna de Vries", "staff", school_id=school,
                                      staff_role="klachtbehandelaar"),
           "km": await world.person("Petra Kloosterman", "klantmanager", gemeente_id=gemeente)}
    ids["senait"] = await world.person("Senait Tesfay", "participant", school_id=school,
                                       klantmanager_id=ids["km"], regime="wi2021", route="b1")
    senait = await linked(world, client, ids, "senait", 1831, language)
    anna = await linked(world, client, ids, "anna", 1832, "nl")
    await file_klacht(bot, senait, language, topic="The teacher", text="De les begint te laat.",
                      involved=["Anna de Vries"])
    await drain(bot)
    guide = await anna.wait_for_message("bondig rapport")
    await anna.press("Schrijf het bondige rapport", guide)
    phrases = await new_message(anna, "standaardzin")
    await anna.press(label(bot, CLOSING_PHRASES["teacher"]), phrases)
    await new_message(anna, "/skip")
    await anna.send("/skip")
    await new_message(anna, "onderschrijven")
    await drain(bot)
    tr = bot.services.i18n.get(language)
    report = await senait.wait_for_message(tr._(CLOSING_PHRASES["teacher"]))
    assert report.button_texts == [tr.f_("Yes, I agree with this report"),
                                   tr.f_("No, I do not agree")]
    stored = await bot.db.fetchone("SELECT text, phrase FROM klacht_reports")
    assert tuple(stored) == ("", "teacher")
