"""The summary before sending a klacht can be changed (issue 5): a participant who picks a gemeente
topic late is told why it goes to the klantmanager, and a new text replaces the old one."""

from __future__ import annotations

from tests.klacht_world import linked, new_message, school_with_handlers


async def test_participant_changes_topic_and_text_in_the_summary_before_sending(bot, world, client):
    ids = await school_with_handlers(world)
    user = await linked(world, client, ids, "senait", 951, "en")
    await user.send("/klacht")
    await new_message(user)
    await user.press("Something else", await new_message(user))
    await new_message(user)
    await user.send("My leerroute was chosen without asking me.")
    await user.press("Done", await new_message(user, "Saved"))
    await user.press("A formal klacht to the school", await new_message(user))
    await user.press("Nobody of these", await new_message(user))
    await user.press("Yes, show my name", await new_message(user))
    summary = await new_message(user, "Please check your klacht")
    assert "To: a formal klacht to the school" in summary.text

    await user.press("Change the topic", summary)
    await user.press("Something about the gemeente", await new_message(user))
    assert "PIP, leerroute" in (await new_message(user)).text
    summary = await new_message(user, "Please check your klacht")
    assert "To: a signal to your klantmanager" in summary.text
    assert "Change who gets it" in summary.button_texts

    await user.press("Change the text", summary)
    await new_message(user, "Tell us what happened")
    await user.send("Nobody explained my leerroute to me.")
    await user.press("Done", await new_message(user, "Saved"))
    summary = await new_message(user, "Please check your klacht")
    assert "Nobody explained" in summary.text and "without asking" not in summary.text

    await user.press("Send", summary)
    ack = await new_message(user)
    assert "sent to your klantmanager" in ack.text
    row = await bot.db.fetchone("SELECT route, topic, description FROM klachten")
    assert (row["route"], row["topic"]) == ("klantmanager", "gemeente")
    assert row["description"] == "Nobody explained my leerroute to me."
