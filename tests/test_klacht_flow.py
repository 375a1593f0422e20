"""A participant files a klacht and the 1.5.2 terms run (issue 5): the story of a Tigrinya-speaking
participant through the sandbox, with the clock moved and the bot restarted in between."""

from __future__ import annotations

from bot.klachten import contacts
from bot.rules.klacht_deadlines import deadlines
from tests.klacht_world import (
    file_klacht,
    klacht_row,
    linked,
    new_message,
    outbox_count,
    school_with_handlers,
)
from tests.support import start_bot


async def test_tigrinya_participant_files_by_voice_and_hears_the_dates_in_tigrinya(bot, world,
                                                                                 client, clock):
    ids = await school_with_handlers(world)
    senait = await linked(world, client, ids, "senait", 801, "ti")
    anna = await linked(world, client, ids, "anna", 802, "nl")
    bram = await linked(world, client, ids, "bram", 803, "nl")

    ack = await file_klacht(bot, senait, "ti", topic="The teacher", voice=True)

    row = await klacht_row(bot)
    assert row is not None and row["acknowledged_at"] is not None, "stored and acknowledged"
    assert row["reference"] in ack.text
    tr = bot.services.i18n.get("ti")
    due = deadlines(clock.now())
    assert tr.date(due.decide_by) in ack.text and tr.date(due.handle_by) in ack.text
    assert "ጥርዓንኩም" in ack.text, "the acknowledgement is in Tigrinya"
    attachment = await bot.db.fetchone("SELECT kind, file_id FROM klacht_attachments")
    assert attachment["kind"] == "voice" and attachment["file_id"]

    await bot.services.outbox.drain()
    for handler in (anna, bram):
        card = await handler.wait_for_message(row["reference"])
        assert "Senait Tesfay" in card.text and "spraakbericht" in card.text
        assert "In behandeling nemen" in card.button_texts


async def test_reminder_and_escalation_each_come_once_across_restarts(bot, world, client, clock,
                                                                      sandbox):
    ids = await school_with_handlers(world)
    senait = await linked(world, client, ids, "senait", 811, "ti")
    anna = await linked(world, client, ids, "anna", 812, "nl")
    carla = await linked(world, client, ids, "carla", 813, "nl")
    petra = await linked(world, client, ids, "km", 814, "nl")
    await file_klacht(bot, senait, "ti", topic="The lessons (quality)", text="ትምህርቲ ኣይተዋህበን")
    reference = (await klacht_row(bot))["reference"]
    await bot.services.outbox.drain()
    await anna.wait_for_message(reference)

    clock.advance(days=21)
    await bot.sweep()
    await bot.services.outbox.drain()
    reminder = await anna.wait_for_message("Herinnering")
    assert reference in reminder.text
    assert "te beslissen of je hem in behandeling neemt" in reminder.text
    assert await outbox_count(bot, "klacht.reminder") == 2, "one to each klachtbehandelaar"

    db_path = bot.settings.db_path
    await bot.stop()
    bot = await start_bot(sandbox, db_path, clock)
    try:
        await bot.sweep()
        await bot.sweep()
        await bot.services.outbox.drain()
        assert await outbox_count(bot, "klacht.reminder") == 2, "nothing twice after a restart"

        clock.advance(days=22)  # 43 days after receipt, still not handled
        await bot.sweep()
        await bot.services.outbox.drain()
        escalation = await carla.wait_for_message("Escalatie")
        assert reference in escalation.text
        signal = await petra.wait_for_message("convenant art. 13.5")
        assert reference in signal.text
        assert "Senait Tesfay" not in signal.text, "the name only after consent (art. 12.3)"
        late = await senait.wait_for_message(contacts.KLACHTENLIJN_PHONE)
        assert contacts.KLACHTENLIJN_EMAIL in late.text and "College van Arbitrage" in late.text

        await bot.stop()
        bot = await start_bot(sandbox, db_path, clock)
        await bot.sweep()
        clock.advance(days=1)
        await bot.sweep()
        await bot.services.outbox.drain()
        for key in ("klacht.escalation", "klacht.km_late", "klacht.late"):
            assert await outbox_count(bot, key) == 1, f"{key} went out more than once"
        sent = await bot.db.fetchall("SELECT key FROM klacht_notices ORDER BY key")
        assert [r["key"] for r in sent] == ["decide_by:escalate", "decide_by:remind7",
                                            "handle_by:escalate"]
    finally:
        await bot.stop()


async def test_draft_survives_a_restart_and_cancel_forgets_it(bot, world, client, clock, sandbox):
    ids = await school_with_handlers(world)
    senait = await linked(world, client, ids, "senait", 821, "en")
    await senait.send("/klacht")
    await new_message(senait)
    topics = await new_message(senait)
    await senait.press("Invoice or contract", topics)
    await new_message(senait)
    await senait.send("The invoice counts lessons that were cancelled.")
    await new_message(senait, "Saved")

    db_path = bot.settings.db_path
    await bot.stop()
    bot = await start_bot(sandbox, db_path, clock)
    try:
        await senait.send("And nobody answers my e-mails.")
        saved = await new_message(senait, "Saved")
        await senait.press("Done", saved)
        assert "Who should get it?" in (await new_message(senait)).text
        draft = await bot.db.fetchval("SELECT data FROM klacht_drafts")
        assert "cancelled" in draft and "e-mails" in draft

        await senait.send("/cancel")
        assert "not sent" in (await new_message(senait)).text
        assert await bot.db.fetchval("SELECT count(*) FROM klacht_drafts") == 0
        assert await bot.db.fetchval("SELECT count(*) FROM klachten") == 0
    finally:
        await bot.stop()


async def test_gemeente_topic_goes_to_the_klantmanager_with_the_reason(bot, world, client):
    ids = await school_with_handlers(world)
    senait = await linked(world, client, ids, "senait", 831, "ar")
    petra = await linked(world, client, ids, "km", 832, "nl")
    ack = await file_klacht(bot, senait, "ar", topic="Something about the gemeente",
                            text="لم يتم شرح خطة PIP لي", anonymous=True)
    row = await klacht_row(bot)
    assert row["route"] == "klantmanager" and row["state"] == "signalled"
    assert row["reference"] in ack.text and "klantmanager" in ack.text
    await bot.services.outbox.drain()
    signal = await petra.wait_for_message(row["reference"])
    assert "convenant art. 13.4" in signal.text and "Senait Tesfay" in signal.text
    assert "niet te weten komt" in signal.text, "the anonymity wish is passed on"
    assert await outbox_count(bot, "klacht.new") == 0, "the school gets nothing"


async def test_bad_input_is_asked_again_and_long_text_is_explained_not_cut(bot, world, client,
                                                                           clock):
    ids = await school_with_handlers(world)
    user = await linked(world, client, ids, "senait", 841, "en")
    await user.send("/klacht")
    await new_message(user)
    await user.press("Something else", await new_message(user))
    await new_message(user)
    await user.send("😡😡😡")
    assert "in words" in (await new_message(user)).text
    await user.send("x" * 2500)
    too_long = await new_message(user)
    assert "2,500 characters" in too_long.text and "2,000" in too_long.text
    assert "Nothing of this message was saved" in too_long.text
    await user.press("Done", too_long)
    assert "in words" in (await new_message(user)).text, "nothing to send yet"
    await user.send("The classroom is far too cold in winter.")
    await new_message(user, "Saved")
    draft = await bot.db.fetchval("SELECT data FROM klacht_drafts")
    assert "x" * 10 not in draft and "too cold" in draft
