"""A participant files a klacht and the 1.5.2 terms run (issue 5): the story of a Tigrinya-speaking
participant through the sandbox, with the clock moved and the bot restarted in between."""

from __future__ import annotations

from bot.klachten import contacts
from bot.rules.klacht_deadlines import deadlines
from tests.support import link, start_bot


async def school_with_handlers(world):
    """A school with two klachtbehandelaars and a coordinator, a klantmanager and a participant."""
    gemeente = await world.gemeente()
    school = await world.school()
    km = await world.person("Petra Kloosterman", "klantmanager", gemeente_id=gemeente)
    anna = await world.person("Anna de Vries", "staff", school_id=school,
                              staff_role="klachtbehandelaar")
    bram = await world.person("Bram Jansen", "staff", school_id=school,
                              staff_role="klachtbehandelaar")
    carla = await world.person("Carla Smit", "staff", school_id=school, staff_role="coordinator")
    senait = await world.person("Senait Tesfay", "participant", school_id=school, klantmanager_id=km,
                                regime="wi2021", route="b1")
    return {"gemeente": gemeente, "school": school, "km": km, "anna": anna, "bram": bram,
            "carla": carla, "senait": senait}


async def linked(world, client, ids, who, user_id, language):
    user = await client.user(user_id, who.title())
    await link(world, user, ids[who], language)
    return user


async def new_message(user, contains=None):
    """The next new bot message (the buttons taken off a pressed message are edits, skipped)."""
    while True:
        message = await user.wait_for_message(contains)
        if not message.edited:
            return message


async def file_klacht(bot, user, language, *, topic, voice=False, text=None, route="school",
                      involved=None, anonymous=False, photo=False):
    """Walk /klacht with the buttons, as the participant does; returns the acknowledgement."""
    tr = bot.services.i18n.get(language)
    label = lambda msgid: tr._(msgid).lstrip("\u200f")  # noqa: E731
    await user.send("/klacht")
    await new_message(user)  # the short introduction
    topics = await new_message(user)
    await user.press(label(topic), topics)
    if topic == "Something about the gemeente":
        await new_message(user)  # why it goes to the klantmanager
    await new_message(user)  # tell us what happened
    inputs = 0
    if voice:
        await user.send_voice(duration=12)
        inputs += 1
    if text:
        await user.send(text)
        inputs += 1
    if photo:
        await user.send_photo()
        inputs += 1
    for _ in range(inputs):
        saved = await new_message(user)
    await user.press(label("Done"), saved)
    if topic != "Something about the gemeente":
        who = await new_message(user)
        await user.press(label("A formal klacht to the school" if route == "school"
                               else "A signal to my klantmanager"), who)
        if route == "school":
            names = await new_message(user)
            for name in involved or []:
                await user.press(name, names)
                names = await new_message(user)
            await user.press(label("Next") if involved else label("Nobody of these / I do not know"),
                             names)
    anonymity = await new_message(user)
    await user.press(label("No, keep me anonymous") if anonymous else label("Yes, show my name"),
                     anonymity)
    summary = await new_message(user)
    await user.press(label("Send"), summary)
    return await new_message(user)


async def klacht_row(bot):
    return await bot.db.fetchone("SELECT * FROM klachten ORDER BY id DESC LIMIT 1")


async def outbox_count(bot, key: str) -> int:
    return await bot.db.fetchval("SELECT count(*) FROM outbox WHERE message_key = ?", (key,))


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
    assert "ክላኽትኻ" in ack.text, "the acknowledgement is in Tigrinya"
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
        assert reference in signal.text and "Senait Tesfay" in signal.text
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
