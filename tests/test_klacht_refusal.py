"""Refusing a klacht and the limits on filing (issue 5; Blik op Werk norm 1.5.2): a refusal needs a
reason and is possible only within four weeks of receipt, a replayed button is refused, and a
participant files at most three klachten in 24 hours."""

from __future__ import annotations

import logging

from bot.klachten import contacts
from storage import klachten as store
from storage import people
from tests.klacht_world import (
    answer_to,
    file_klacht,
    klacht_row,
    linked,
    new_message,
    school_with_handlers,
)


async def test_refusal_needs_a_reason_and_only_within_four_weeks(bot, world, client, clock,
                                                                 caplog):
    ids = await school_with_handlers(world)
    senait = await linked(world, client, ids, "senait", 931, "tr")
    bram = await linked(world, client, ids, "bram", 932, "nl")
    await file_klacht(bot, senait, "tr", topic="Invoice or contract", text="Fatura iki kez geldi.")
    first = await klacht_row(bot)
    await bot.services.outbox.drain()
    card = await bram.wait_for_message(first["reference"])
    await bram.press("Niet in behandeling nemen", card)
    await bram.press("Alleen mijn eigen woorden", await new_message(bram, "standaardzin"))
    await new_message(bram, "eigen woorden")
    await bram.send("👍")
    assert "woorden" in (await new_message(bram)).text
    await bram.send("De factuur is al gecorrigeerd en terugbetaald.")
    await bram.press("Ja, niet in behandeling nemen", await new_message(bram, "ongedaan"))
    done = await new_message(bram, "niet in behandeling genomen")
    assert first["reference"] in done.text
    await bot.services.outbox.drain()
    refused = await senait.wait_for_message("terugbetaald")
    assert contacts.KLACHTENLIJN_PHONE in refused.text
    row = await bot.db.fetchone("SELECT * FROM klachten WHERE id = ?", (first["id"],))
    assert row["state"] == "refused" and row["refusal_reason"] and row["handled_at"]

    # A replay of the same button later is refused: the klacht has moved on.
    caplog.set_level(logging.WARNING)
    await bram.press("In behandeling nemen", card)
    answer = await answer_to(bram, f"kh:take:{first['id']}")
    assert "geldt niet meer" in answer["text"]

    clock.advance(days=1)
    await file_klacht(bot, senait, "tr", topic="The timetable (rooster)",
                      text="Ders saati değişti.")
    second = await klacht_row(bot)
    await bot.services.outbox.drain()
    card = await bram.wait_for_message(second["reference"])
    clock.advance(days=29)
    await bram.press("Niet in behandeling nemen", card)
    answer = await answer_to(bram, f"kh:refuse:{second['id']}")
    assert "vier weken" in answer["text"]
    assert (await bot.db.fetchval("SELECT state FROM klachten WHERE id = ?",
                                  (second["id"],))) == "received"


async def test_at_most_three_klachten_a_day(bot, world, client, clock):
    ids = await school_with_handlers(world)
    senait = await linked(world, client, ids, "senait", 941, "fa_AF")
    person = await people.get_person(bot.db, ids["senait"])
    async with bot.db.transaction() as tx:
        for _ in range(3):
            await store.file_klacht(tx, participant=person, route="klantmanager", topic="other",
                                    description="...", language="fa_AF", anonymous=False,
                                    attachments=[], involved=[], now=clock.now(), deadlines=None)
    await senait.send("/klacht")
    refused = await new_message(senait)
    tr = bot.services.i18n.get("fa_AF")
    assert tr.number(3) in refused.text and "klantmanager" in refused.text
    clock.advance(hours=24, seconds=1)
    await senait.send("/klacht")
    await new_message(senait)
    topics = await new_message(senait)
    assert len(topics.buttons) == 10, "eight topics, DUO and Stop"
