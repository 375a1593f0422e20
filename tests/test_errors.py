"""One error handler (issue 2): the user hears in their language that nothing was lost, and the
log names the failure without the user's words or name."""

from __future__ import annotations

import logging

from telegram.ext import MessageHandler, filters

from tests.support import link


async def test_a_failing_handler_answers_in_the_users_language_and_logs_no_personal_data(
        bot, world, client, caplog):
    gemeente = await world.gemeente()
    school = await world.school()
    km = await world.person("Petra", "klantmanager", gemeente_id=gemeente)
    amira = await world.person("Amira Haddad", "participant", school_id=school, klantmanager_id=km,
                               regime="wi2013")
    user = await client.user(701, "Amira")
    await link(world, user, amira, "ar")

    async def broken(update, context):
        raise RuntimeError(f"cannot handle {update.effective_message.text}")

    # A handler that fails, ahead of every feature: the same path any bug would take.
    bot.app.application.add_handler(
        MessageHandler(filters.Regex("secret-words"), broken), group=-1)
    with caplog.at_level(logging.ERROR):
        await user.send("my secret-words about my health")
        reply = await user.wait_for_message()
    assert "لم يضِع شيء" in reply.text
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "RuntimeError" in logged
    assert "secret-words" not in logged and "Amira" not in logged
