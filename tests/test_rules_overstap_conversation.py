"""The handover conversation as convenant art. 11.3 says it (issue 11, point 8): the handover goes
"middels een gesprek waarbij de Inburgeraar is betrokken", so the participant's consent (art.
12.3) and the handover come after the conversation was held, not after a mere "yes, I will
come"; the current school records it as held, not before its time."""

from __future__ import annotations

from bot.overstap import filing
from storage import people
from tests.klacht_world import new_message
from tests.overstap_world import build
from tests.support import link


async def call(bot, key: str, method: str, path: str, **kw):
    async with bot.api(key) as api:
        return await api.request(method, f"/api/v1/overstap{path}", **kw)


async def test_handover_c_11_3_consent_and_handover_wait_until_the_conversation_was_held(
        bot, world, client, clock):
    town = await build(world, bot, participant_name="Amira Haddad")
    amira = await client.user(1701, "Amira", language_code="ar")
    await link(world, amira, town.participant, "ar")
    tr = bot.services.i18n.get("ar")
    old, gemeente = world.keys[f"school:{town.old}"], world.keys[f"gemeente:{town.gemeente}"]
    participant = await people.get_person(bot.db, town.participant)
    await filing.submit(bot.services, participant, kind="school", reason="travel",
                        reason_text="", to_school_id=town.new)
    assert (await call(bot, gemeente, "POST", "/requests/1/decision",
                       json={"decision": "approve"})).status_code == 200
    assert (await call(bot, old, "POST", "/requests/1/conversation",
                       json={"at": "2026-11-23T15:00:00", "place": "Marktstraat 12"})
            ).status_code == 200
    await bot.services.outbox.drain()
    invitation = await amira.wait_for_message("Marktstraat 12")
    await amira.press(tr.f_("Yes, I will come"), invitation)
    await new_message(amira)

    # Accepted, not held: no consent question, no handover, and no "held" before 15:00.
    await bot.services.outbox.drain()
    answer_now = tr.f_("Answer now")
    assert not any(answer_now in m.button_texts for m in await amira.messages())
    handover = await call(bot, old, "PUT", "/requests/1/handover", json={"items": {}})
    assert handover.status_code == 409
    early = await call(bot, old, "POST", "/requests/1/conversation-held")
    assert early.status_code == 422 and early.json()["detail"][0]["loc"] == ["body", "held"]
    shown = (await call(bot, old, "GET", "/requests/1")).json()
    assert (shown["state"], shown["waiting_on"]) == ("conversation_accepted", "old_school")

    clock.advance(hours=7)
    held = await call(bot, old, "POST", "/requests/1/conversation-held")
    assert held.status_code == 200 and held.json()["waiting_on"] == "participant"
    await bot.services.outbox.drain()
    asked = await amira.wait_for_message("سجّلت")  # "{old_school} recorded that ..."
    assert answer_now in asked.button_texts
    await amira.press(answer_now, asked)
    assert "1" in (await new_message(amira)).text
