"""After a klacht is handled, "not satisfied" is a few short steps with buttons, in the
participant's language (issue 14): what to do next is chosen, one step at a time, instead of
read in one wall of text."""

from __future__ import annotations

import pytest

from bot.klachten import contacts
from bot.outbox import enqueue
from storage import klachten as store
from tests.klacht_world import (
    file_klacht,
    klacht_row,
    linked,
    new_message,
    school_with_handlers,
)


async def closed_by_the_school(bot, world, ids) -> dict:
    """The handler took the klacht into treatment and closed it (arranged in the database)."""
    row = await klacht_row(bot)
    now = world.clock.now()
    async with bot.db.transaction() as tx:
        assert await store.take_into_treatment(tx, row["id"], ids["anna"], now)
        assert await store.close_klacht(tx, row["id"], ids["anna"], "upheld", "Opgelost.", now)
        await enqueue(tx, message_key="klacht.closed", now=now, person_id=ids["senait"],
                      params={"reference": row["reference"], "outcome": "upheld",
                              "klacht_id": row["id"]})
    # The chat has just had a dozen replies while filing; Telegram's pace of about one message
    # a second per chat holds the outcome back for a few seconds.
    await bot.services.outbox.drain(timeout=40)
    return row


@pytest.mark.parametrize("language", ["ar", "ti"])
async def test_not_satisfied_is_short_steps_with_buttons(bot, world, client, language):
    ids = await school_with_handlers(world)
    senait = await linked(world, client, ids, "senait", 1501, language)
    petra = await linked(world, client, ids, "km", 1502, "nl")
    tr = bot.services.i18n.get(language)
    await file_klacht(bot, senait, language, topic="The teacher", text="De les begint te laat.")
    row = await closed_by_the_school(bot, world, ids)
    closed = await new_message(senait, "Opgelost.")
    await senait.press(tr.f_("I am not satisfied"), closed)

    first = await new_message(senait)
    assert len(first.text) < 200, "a short step, not a wall of text"
    assert contacts.KLACHTENLIJN_PHONE not in first.text
    assert first.button_texts == [tr.f_("Tell my klantmanager"),
                                  tr.f_("Advice from the klachtenlijn"),
                                  tr.f_("Ask for an independent decision"),
                                  tr.f_("Nothing more for now")]
    await senait.press(tr.f_("Advice from the klachtenlijn"), first)
    line = await new_message(senait)
    assert contacts.KLACHTENLIJN_PHONE in line.text and line.text.startswith(
        tr._("The Blik op Werk klachtenlijn listens and advises you: phone {phone}, "
             "e-mail {email}.", phone="x", email="y")[:12])
    assert tr.f_("Advice from the klachtenlijn") not in line.button_texts
    await senait.press(tr.f_("Ask for an independent decision"), line)
    arbitrage = await new_message(senait)
    assert contacts.BLIK_OP_WERK_PHONE in arbitrage.text
    await senait.press(tr.f_("Tell my klantmanager"), arbitrage)
    assert (await new_message(senait)).text == tr._("We have told your klantmanager.")
    await bot.services.outbox.drain()
    told = await petra.wait_for_message("niet tevreden")
    assert row["reference"] in told.text
