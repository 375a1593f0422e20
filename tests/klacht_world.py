"""The klachten world for the tests (issue 5): a school with two klachtbehandelaars and a
coordinator, a klantmanager and a participant, and the steps a person takes through the sandbox:
linking a chat, walking /klacht with the buttons as the participant does, reading the bot's new
messages and its answers to presses, and pressing a button the bot never offered (a forged press).
"""

from __future__ import annotations

import asyncio

from tests.support import link


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
    senait = await world.person("Senait Tesfay", "participant", school_id=school,
                                klantmanager_id=km, regime="wi2021", route="b1")
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
                      involved=None, anonymous=False, photo=False, seen=None):
    """Walk /klacht with the buttons, as the participant does; returns the acknowledgement.
    ``seen``: a list that gets the topic picker as it was shown."""
    tr = bot.services.i18n.get(language)
    label = tr.f_
    await user.send("/klacht")
    await new_message(user)  # the short introduction
    topics = await new_message(user)
    if seen is not None:
        seen.append(topics)
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
            await user.press(
                label("Next") if involved else label("Nobody of these / I do not know"), names)
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


async def current(user, message):
    """A bot message as it is now (after edits of its buttons)."""
    return next(m for m in await user.messages() if m.message_id == message.message_id)


async def answer_to(user, data: str, timeout: float = 10.0) -> dict:
    """The bot's answer (alert) to a press with this callback data."""
    for _ in range(int(timeout / 0.05)):
        answers = [a for a in await user.callback_answers() if a["data"] == data]
        if answers:
            return answers[-1]
        await asyncio.sleep(0.05)
    raise AssertionError(f"no answer to {data!r}")
