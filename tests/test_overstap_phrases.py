"""The klantmanager's advice about a switch and a school's reason to decline a move to another
group start with a standard phrase the participant reads in their own language (issue 14), in the
bot and through the API; a decline waits for a second press, like an approval, and a confirmation
that comes after the request moved on is refused."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.overstap import filing
from bot.overstap.phrases import ADVICE_PHRASES, DECLINE_PHRASES
from conversations.presses import phrase_label
from storage import people
from storage.database import to_db
from tests.overstap_world import build
from tests.support import link, press_forged

STALE = "Deze stap kan niet meer"


def label(bot, text: str) -> str:
    """A phrase's button as a Dutch staff member sees it."""
    return phrase_label(bot.services.i18n.get("nl").f_(text))


async def requested(bot, world, client, language, kind, first_id):
    """A town whose participant (reading ``language``) asked for a switch of ``kind``."""
    town = await build(world, bot, participant_name="Senait Tesfay")
    participant = await client.user(first_id, "Senait", language_code=language)
    staff = await client.user(first_id + 1, "Staff", language_code="nl")
    await link(world, participant, town.participant, language)
    await link(world, staff, town.km if kind == "school" else town.old_staff, "nl")
    person = await people.get_person(bot.db, town.participant)
    if kind == "school":
        await filing.submit(bot.services, person, kind="school", reason="travel",
                            to_school_id=town.new)
    else:
        await filing.submit(bot.services, person, kind="slot", reason="times",
                            to_group_id=town.groups["afternoon"])
    await bot.services.outbox.drain()
    card = await staff.wait_for_message("Overstapaanvraag #1")
    return town, participant, staff, card


async def state(bot) -> str:
    return await bot.db.fetchval("SELECT state FROM overstap_requests WHERE id = 1")


@pytest.mark.parametrize("language", ["ar", "ti"])
async def test_the_klantmanagers_advice_starts_with_a_standard_phrase_in_the_participants_language(
        bot, world, client, language):
    town, senait, petra, card = await requested(bot, world, client, language, "school", 1901)
    await petra.press("Anders adviseren", card)
    phrases = await petra.wait_for_message("standaardzin")
    assert "Alleen mijn eigen woorden" in phrases.button_texts
    nl = bot.services.i18n.get("nl")
    for text in ADVICE_PHRASES.values():  # a long phrase is shortened after a whole word
        whole = nl.f_(text)
        shown = next(b for b in phrases.button_texts if whole.startswith(b.rstrip("…")))
        assert shown == whole or whole[len(shown) - 1] in " ,.:;", shown
    await petra.press(label(bot, ADVICE_PHRASES["talk_school"]), phrases)
    await petra.wait_for_message("/skip")
    await petra.send("Vraag naar Ineke Vos, zij kent je groep.")
    await petra.wait_for_message("Naar de cursist gestuurd.")
    await bot.services.outbox.drain()
    tr = bot.services.i18n.get(language)
    advice = await senait.wait_for_message(tr._(ADVICE_PHRASES["talk_school"]))
    assert "Vraag naar Ineke Vos, zij kent je groep." in advice.text, "and the own words"
    assert tr._("Do you still want to switch?") in advice.text
    stored = await bot.db.fetchval(
        "SELECT params FROM outbox WHERE message_key = 'overstap.p.advised'")
    assert "Ineke Vos" not in stored and "talk_school" in stored, \
        "the outbox row holds the phrase's code, not the typed words"
    row = await bot.db.fetchone("SELECT state, km_phrase, km_note FROM overstap_requests")
    assert tuple(row) == ("advised_otherwise", "talk_school",
                          "Vraag naar Ineke Vos, zij kent je groep.")


async def test_the_gemeente_advises_with_a_phrase_code_and_an_unknown_code_is_refused(
        bot, world, client):
    town, senait, petra, card = await requested(bot, world, client, "ti", "school", 1911)
    async with bot.api(world.keys[f"gemeente:{town.gemeente}"]) as api:
        path = "/api/v1/overstap/requests/1/decision"
        bogus = await api.post(path, json={"decision": "advise", "phrase": "bogus"})
        assert bogus.status_code == 422, bogus.text
        assert bogus.json()["detail"][0]["loc"] == ["body", "phrase"]
        assert await state(bot) == "requested"
        advised = await api.post(path, json={"decision": "advise", "phrase": "delay"})
        assert advised.status_code == 200, advised.text
        assert (advised.json()["phrase"], advised.json()["note"]) == ("delay", None)
        schema = (await api.get("/openapi.json")).json()["components"]["schemas"]
        assert set(schema["DecisionIn"]["properties"]["phrase"]["anyOf"][0]["enum"]) == set(
            ADVICE_PHRASES)
        assert set(schema["SlotDecisionIn"]["properties"]["phrase"]["anyOf"][0]["enum"]) == set(
            DECLINE_PHRASES)
        assert DECLINE_PHRASES["full"] in schema["SlotDecisionIn"]["properties"]["phrase"][
            "description"], "each code is documented with its phrase"
    await bot.services.outbox.drain()
    tr = bot.services.i18n.get("ti")
    advice = await senait.wait_for_message(tr._(ADVICE_PHRASES["delay"]))
    assert tr._("Do you still want to switch?") in advice.text


@pytest.mark.parametrize("language", ["ar", "ti"])
async def test_a_school_declines_a_group_move_with_a_phrase_after_a_second_press(
        bot, world, client, sandbox, language):
    town, senait, ineke, card = await requested(bot, world, client, language, "slot", 1921)
    assert card.button_texts[-1] == "Afwijzen"
    await ineke.press("Afwijzen", card)
    phrases = await ineke.wait_for_message("standaardzin")
    await ineke.press(label(bot, DECLINE_PHRASES["full"]), phrases)
    await ineke.wait_for_message("/skip")
    await ineke.send("/skip")
    confirm = await ineke.wait_for_message("ongedaan")
    assert confirm.button_texts == ["Ja, afwijzen", "Tekst wijzigen"]
    assert await state(bot) == "requested", "nothing is declined before the second press"
    await ineke.press("Ja, afwijzen", confirm)
    await ineke.wait_for_message("Naar de cursist gestuurd.")
    assert await state(bot) == "declined"
    await bot.services.outbox.drain()
    tr = bot.services.i18n.get(language)
    declined = await senait.wait_for_message(tr._(DECLINE_PHRASES["full"]))
    assert tr._("Reason:") in declined.text
    assert tr._("Reason: {reason}", reason="-") not in declined.text, "no empty own words"
    row = await bot.db.fetchone("SELECT decline_phrase, decline_reason FROM overstap_requests")
    assert tuple(row) == ("full", None)

    # The same confirmation again (an old copy, a replay) is refused and changes nothing.
    press_forged(sandbox, ineke, confirm, "ovs:slotnoc:1")
    await ineke.wait_for_message(STALE)


async def test_a_confirmation_after_the_request_moved_on_is_refused(bot, world, client):
    town, senait, ineke, card = await requested(bot, world, client, "ti", "slot", 1931)
    await ineke.press(card.button_texts[0], card)  # "approve from ...": a second press too
    approve = await ineke.wait_for_message("ongedaan")
    assert approve.button_texts == ["Ja, overplaatsen", "Nu niet"]
    await ineke.press("Afwijzen", card)
    await ineke.press("Alleen mijn eigen woorden", await ineke.wait_for_message("standaardzin"))
    await ineke.wait_for_message("Typ de reden")
    await ineke.send("De middaggroep stopt in december.")
    decline = await ineke.wait_for_message("ongedaan")
    assert await state(bot) == "requested"
    async with bot.api(world.keys[f"school:{town.old}"]) as api:  # a colleague, by the API
        done = await api.post("/api/v1/overstap/requests/1/slot-decision",
                              json={"decision": "decline", "phrase": "exam"})
        assert done.status_code == 200, done.text
    await ineke.press("Ja, overplaatsen", approve)
    await ineke.wait_for_message(STALE)
    await ineke.press("Ja, afwijzen", decline)
    await ineke.wait_for_message(STALE)
    row = await bot.db.fetchone("SELECT state, decline_phrase, decline_reason"
                                " FROM overstap_requests")
    assert tuple(row) == ("declined", "exam", None), "the colleague's decline stands"
    moved = await bot.db.fetchval("SELECT count(*) FROM group_members WHERE person_id = ?"
                                  " AND group_id = ?", (town.participant, town.groups["afternoon"]))
    assert moved == 0


async def moved_to(bot, state: str, **fields) -> None:
    """The request, as if its earlier steps were taken (they have tests of their own)."""
    sets = ", ".join(["state = ?", *(f"{name} = ?" for name in fields)])
    async with bot.db.transaction() as tx:
        await tx.execute(f"UPDATE overstap_requests SET {sets} WHERE id = 1",
                         (state, *fields.values()))


async def opened(user):
    await user.send("/overstappen")
    listed = await user.wait_for_message("Openstaande overstapaanvragen")
    await user.press("Open #1", listed)
    return await user.wait_for_message("#1")


async def test_recording_the_settlement_waits_for_a_second_press(bot, world, client):
    town, senait, petra, card = await requested(bot, world, client, "ti", "school", 1941)
    ineke = await client.user(1943, "Ineke", language_code="nl")
    await link(world, ineke, town.old_staff, "nl")
    await moved_to(bot, "completed", km_decision="approved", effective_on="2026-11-23",
                   completed_at="2026-11-23T10:00:00.000000Z")
    settle = await opened(ineke)
    await ineke.press("Budget overgedragen", settle)
    confirm = await ineke.wait_for_message("ongedaan")
    assert confirm.button_texts == ["Ja, vastleggen", "Nu niet"]
    await ineke.press("Nu niet", confirm)
    await ineke.wait_for_message("Er is niets veranderd.")
    assert await bot.db.fetchval("SELECT settlement_at FROM overstap_requests") is None
    await ineke.press("Niets af te handelen", settle)
    confirm = await ineke.wait_for_message("ongedaan")
    async with bot.api(world.keys[f"school:{town.old}"]) as api:  # a colleague, by the API
        done = await api.post("/api/v1/overstap/requests/1/settlement", json={"kind": "settled"})
        assert done.status_code == 200, done.text
    await ineke.press("Ja, vastleggen", confirm)
    await ineke.wait_for_message(STALE)
    await ineke.press("Budget overgedragen", settle)  # the old card: refused at once
    await ineke.wait_for_message(STALE)
    assert await bot.db.fetchval("SELECT settlement_kind FROM overstap_requests") == "settled"


async def test_confirming_the_placement_waits_for_a_second_press(bot, world, client):
    town, senait, petra, card = await requested(bot, world, client, "ti", "school", 1951)
    hans = await client.user(1953, "Hans", language_code="en")
    await link(world, hans, town.new_staff, "nl")
    await moved_to(bot, "handed_over", km_decision="approved",
                   handover_at="2026-11-23T10:00:00.000000Z")
    ready = await opened(hans)
    await hans.press("Plaatsing bevestigen", ready)
    days = await hans.wait_for_message("Vanaf welke dag")
    await hans.press(days.button_texts[0], days)
    groups = await hans.wait_for_message("In welke groep?")
    await hans.press("NT2 B1 avond", groups)
    confirm = await hans.wait_for_message("ongedaan")
    assert "groep NT2 B1 avond" in confirm.text
    assert confirm.button_texts == ["Ja, plaatsing bevestigen", "Nu niet"]
    assert await state(bot) == "handed_over", "nothing is completed before the second press"
    async with bot.api(world.keys[f"school:{town.new}"]) as api:  # a colleague, by the API
        done = await api.post("/api/v1/overstap/requests/1/complete",
                              json={"start_on": "2026-11-30"})
        assert done.status_code == 200, done.text
    await hans.press("Ja, plaatsing bevestigen", confirm)
    await hans.wait_for_message(STALE)
    row = await bot.db.fetchone("SELECT state, effective_on, to_group_id FROM overstap_requests")
    assert tuple(row) == ("completed", "2026-11-30", None), "the colleague's placement stands"


async def test_recording_the_conversation_as_held_waits_for_a_second_press(bot, world, client):
    town, senait, petra, card = await requested(bot, world, client, "ti", "school", 1961)
    ineke = await client.user(1963, "Ineke", language_code="nl")
    await link(world, ineke, town.old_staff, "nl")
    soon = bot.clock.now() + timedelta(hours=2)
    await moved_to(bot, "conversation_accepted", km_decision="approved",
                   conversation_at=to_db(soon), conversation_place="Enschede")
    accepted = await opened(ineke)
    await ineke.press("Het gesprek heeft plaatsgevonden", accepted)  # before its time: at once
    await ineke.wait_for_message("Dat gaat niet: the conversation has not taken place yet")
    bot.clock.advance(hours=3)
    await ineke.press("Het gesprek heeft plaatsgevonden", accepted)
    confirm = await ineke.wait_for_message("ongedaan")
    assert confirm.button_texts == ["Ja, het heeft plaatsgevonden", "Nu niet"]
    assert await state(bot) == "conversation_accepted"
    async with bot.api(world.keys[f"school:{town.old}"]) as api:  # a colleague, by the API
        done = await api.post("/api/v1/overstap/requests/1/conversation-held")
        assert done.status_code == 200, done.text
    await ineke.press("Ja, het heeft plaatsgevonden", confirm)
    await ineke.wait_for_message(STALE)
    assert await bot.db.fetchval("SELECT count(*) FROM overstap_events WHERE event = 'hold'") == 1
