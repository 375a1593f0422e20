"""The school's klachtbehandelaar handles a klacht (issue 5; Blik op Werk norm 1.5.2, 1.5.7): an
independent handler, questions relayed without the name of an anonymous participant, a refusal
with reasons only within four weeks, the outcome with the participant's satisfaction, and
forged or replayed presses refused and logged without personal data."""

from __future__ import annotations

import logging

from storage import klachten as store
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


async def test_a_handler_named_in_the_klacht_never_gets_it_and_cannot_take_it(
        bot, world, client, sandbox, caplog):
    ids = await school_with_handlers(world)
    senait = await linked(world, client, ids, "senait", 901, "en")
    anna = await linked(world, client, ids, "anna", 902, "nl")
    bram = await linked(world, client, ids, "bram", 903, "nl")
    await file_klacht(bot, senait, "en", topic="Bullying, harassment or my safety",
                      text="She shouted at me in front of the group.", involved=["Anna de Vries"])
    row = await klacht_row(bot)
    await bot.services.outbox.drain()
    card = await bram.wait_for_message(row["reference"])
    new_rows = await bot.db.fetchall(
        "SELECT person_id FROM outbox WHERE message_key = 'klacht.new'")
    # The independent handler, and for a klacht about safety the coordinator too (issue 14).
    assert sorted(r["person_id"] for r in new_rows) == sorted([ids["bram"], ids["carla"]])

    caplog.set_level(logging.WARNING)
    forged = f"kh:take:{row['id']}"
    press_forged(sandbox, anna, (await anna.messages())[-1], forged)
    answer = await answer_to(anna, forged)
    assert answer["show_alert"] and "betrokkene" in answer["text"]
    assert (await klacht_row(bot))["state"] == "received"
    refusal = [r.getMessage() for r in caplog.records if "refused" in r.getMessage()]
    assert refusal and "presser is involved" in refusal[-1]
    assert not any(name in message for message in refusal
                   for name in ("Anna", "Senait", "shouted", str(anna.chat_id)))

    await bram.press("In behandeling nemen", card)
    taken = await new_message(bram, "in behandeling genomen")
    assert row["reference"] in taken.text
    await bot.services.outbox.drain()
    told = await senait.wait_for_message("now handling")
    assert row["reference"] in told.text


async def test_when_every_klachtbehandelaar_is_involved_the_coordinator_gets_it(bot, world,
                                                                               client):
    ids = await school_with_handlers(world)
    senait = await linked(world, client, ids, "senait", 911, "en")
    carla = await linked(world, client, ids, "carla", 912, "nl")
    # The second handler is named in the text by full name only: that counts too.
    await file_klacht(bot, senait, "en", topic="The teacher", photo=True,
                      text="Bram Jansen and the other one never answer.",
                      involved=["Anna de Vries"])
    row = await klacht_row(bot)
    involved = await store.involved_ids(bot.db, row["id"])
    assert involved == {ids["anna"], ids["bram"]}
    await bot.services.outbox.drain()
    card = await carla.wait_for_message(row["reference"])
    assert "In behandeling nemen" in card.button_texts and "1 × foto" in card.text

    await carla.press("Bijlagen tonen", card)
    shown = await new_message(carla)
    assert shown.photo, "the photo is sent again by its Telegram file id"

    await carla.send("/klachten")
    listed = await new_message(carla, row["reference"])
    assert "Nu: ontvangen, nog geen besluit" in listed.text
    assert "Niet in behandeling nemen" in listed.button_texts


async def test_anonymous_question_answer_outcome_and_not_satisfied_reaches_the_klantmanager(
        bot, world, client):
    ids = await school_with_handlers(world)
    senait = await linked(world, client, ids, "senait", 921, "so")
    bram = await linked(world, client, ids, "bram", 922, "nl")
    petra = await linked(world, client, ids, "km", 923, "nl")
    await file_klacht(bot, senait, "so", topic="Group size or who is in the group",
                      text="Fasalka waxaa ku jira 30 qof.", anonymous=True)
    row = await klacht_row(bot)
    await bot.services.outbox.drain()
    card = await bram.wait_for_message(row["reference"])
    assert "Senait" not in card.text and "anoniem" in card.text

    await bram.press("De cursist een vraag stellen", card)
    prompt = await new_message(bram)
    assert "zonder dat je de naam" in prompt.text
    phrases = await new_message(bram, "standaardzin")
    await bram.press("Wanneer gebeurde het? Noem de dag en de tijd.", phrases)
    await new_message(bram, "eigen woorden")
    await bram.send("Op welke dagen is de groep zo groot?")
    await new_message(bram, "verstuurd")
    await bot.services.outbox.drain()
    tr = bot.services.i18n.get("so")
    question = await senait.wait_for_message("Op welke dagen")
    assert tr._("When did it happen? Please tell us the day and the time.") in question.text, \
        "the standard phrase, in Somali"
    await senait.press(tr._("Answer"), question)
    await new_message(senait)
    await senait.send("Isniinta iyo Arbacada.")
    await new_message(senait)
    await bot.services.outbox.drain()
    answer = await bram.wait_for_message("Antwoord over klacht")
    assert "Isniinta iyo Arbacada." in answer.text and "Senait" not in answer.text

    await bram.press("In behandeling nemen", card)
    taken = await new_message(bram, "in behandeling genomen")
    assert taken
    await bram.press("Uitkomst vastleggen en afsluiten", await current(bram, card))
    outcomes = await new_message(bram, "uitkomst")
    await bram.press(0, outcomes)  # the school agrees with the klacht
    await bram.press("Alleen mijn eigen woorden", await new_message(bram, "toelichting"))
    await new_message(bram, "eigen woorden")
    await bram.send("We splitsen de groep vanaf januari.")
    await bram.press("Ja, klacht afsluiten", await new_message(bram, "ongedaan"))
    await new_message(bram, "afgesloten")
    row = await klacht_row(bot)
    assert row["state"] == "closed" and row["outcome"] == "upheld" and row["handled_at"]

    await bot.services.outbox.drain()
    closed = await senait.wait_for_message("We splitsen de groep")
    await senait.press(tr._("I am not satisfied"), closed)
    options = await new_message(senait)
    await senait.press(tr.f_("Tell my klantmanager"), options)
    await new_message(senait)
    await bot.services.outbox.drain()
    unsatisfied = await petra.wait_for_message("niet tevreden")
    assert row["reference"] in unsatisfied.text

    await senait.send("/mijnklachten")
    mine = await new_message(senait, row["reference"])
    assert tr.f_("Handled.") in mine.text
