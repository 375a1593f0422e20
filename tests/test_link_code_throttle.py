"""Wrong link codes (issue 12): throttled per chat and, against guessing from many accounts, for
all chats together per hour; logged by outcome, never with the code."""

from __future__ import annotations

import logging

from storage.people import MAX_FAILURES, MAX_FAILURES_ALL_CHATS

WRONG = "ZZZZ2222ZZZZ"


async def english(user) -> None:
    """First contact: pick English; the bot then explains how to link."""
    await user.send("/taal")
    await user.press("English", await user.wait_for_message())
    await user.wait_for_message("Welcome")


async def test_wrong_codes_from_many_chats_are_throttled_together_and_logged_without_the_code(
        bot, world, client, caplog):
    caplog.set_level(logging.WARNING)
    school = await world.school()
    amira = await world.person("Amira", "participant", school_id=school,
                               regime="wi2021", route="b1")
    code = await world.code(amira)
    chats = -(-MAX_FAILURES_ALL_CHATS // (MAX_FAILURES - 1))
    for number in range(chats):
        user = await client.user(5000 + number, "Guesser", language_code="en")
        await english(user)
        for attempt in range(MAX_FAILURES - 1):
            await user.send(f"/start {WRONG[:-2]}{number % 10}{attempt}")
            reply = await user.wait_for_message("code")
            if number * (MAX_FAILURES - 1) + attempt < MAX_FAILURES_ALL_CHATS:
                assert "Too many" not in reply.text, "each chat is under its own limit"
    # Each chat stayed under its own limit, but together they reached the hourly limit.
    amira_user = await client.user(6001, "Amira", language_code="en")
    await english(amira_user)
    await amira_user.send(f"/start {code}")
    assert "Too many wrong codes" in (await amira_user.wait_for_message("code")).text
    logged = [r.getMessage() for r in caplog.records if "link code refused" in r.getMessage()]
    assert logged and "all chats" in logged[-1]
    assert not any(WRONG[:6] in m or code in m for m in logged)
