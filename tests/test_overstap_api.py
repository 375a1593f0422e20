"""The overstap API's rights and refusals, and reminders for a stalled step (issue 7, points 2 and
6): a school sees only the requests that involve it, a gemeente only its klantmanagers' caseload;
a step out of turn or with bad input changes nothing; a step left waiting five working days
reminds the one who must act, once, also across a restart."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.overstap import filing
from bot.overstap.access import Refusal
from storage import people
from tests.overstap_world import build
from tests.support import World, link, start_bot

AMS = ZoneInfo("Europe/Amsterdam")


async def call(bot, key: str | None, method: str, path: str, **kw):
    async with bot.api(key) as api:
        return await api.request(method, f"/api/v1/overstap{path}", **kw)


async def school_request(bot, town, to_school: int | None = None):
    participant = await people.get_person(bot.db, town.participant)
    return await filing.submit(bot.services, participant, kind="school", reason="travel",
                               reason_text="Twee bussen", to_school_id=to_school or town.new)


async def test_schools_see_only_their_requests_and_the_gemeente_decides_for_its_klantmanagers(
        bot, world):
    town = await build(world, bot)
    keys = world.keys
    old, new, third = (keys[f"school:{town.old}"], keys[f"school:{town.new}"],
                       keys[f"school:{town.third}"])
    own_gemeente = keys[f"gemeente:{town.gemeente}"]
    other_gemeente_id = await world.gemeente("Hengelo")
    other_gemeente = keys[f"gemeente:{other_gemeente_id}"]
    await school_request(bot, town)

    assert (await call(bot, None, "GET", "/requests")).status_code == 401
    assert (await call(bot, "sch_wrong", "GET", "/requests")).status_code == 401
    listed = (await call(bot, old, "GET", "/requests")).json()
    assert [(r["id"], r["reason"], r["reason_text"]) for r in listed] == [(1, "travel",
                                                                           "Twee bussen")]
    assert listed[0]["participant_external_id"] == "TT-001"
    assert listed[0]["waiting_on"] == "klantmanager"
    # The new school does not know of it before the klantmanager agreed; a third never does.
    assert (await call(bot, new, "GET", "/requests")).json() == []
    assert (await call(bot, new, "GET", "/requests/1")).status_code == 404
    assert (await call(bot, third, "GET", "/requests/1")).status_code == 404
    assert (await call(bot, other_gemeente, "GET", "/requests")).json() == []

    # Steps out of turn or by the wrong party change nothing.
    early = await call(bot, old, "POST", "/requests/1/conversation",
                       json={"at": "2026-11-26T10:00:00+01:00", "place": "Enschede"})
    assert early.status_code == 409
    by_school = await call(bot, old, "POST", "/requests/1/decision", json={"decision": "approve"})
    assert by_school.status_code == 403
    by_other = await call(bot, other_gemeente, "POST", "/requests/1/decision",
                          json={"decision": "approve"})
    assert by_other.status_code == 404
    no_note = await call(bot, own_gemeente, "POST", "/requests/1/decision",
                         json={"decision": "advise"})
    assert no_note.status_code == 422 and no_note.json()["detail"][0]["loc"] == ["body", "note"]
    unknown = await call(bot, own_gemeente, "POST", "/requests/1/decision",
                         json={"decision": "maybe"})
    assert unknown.status_code == 422
    assert await bot.db.fetchval("SELECT state FROM overstap_requests WHERE id = 1") == "requested"

    approved = await call(bot, own_gemeente, "POST", "/requests/1/decision",
                          json={"decision": "approve", "note": "Akkoord"})
    assert approved.status_code == 200 and approved.json()["state"] == "approved"
    again = await call(bot, own_gemeente, "POST", "/requests/1/decision",
                       json={"decision": "approve"})
    assert again.status_code == 409, "a replay is refused"
    actor = await bot.db.fetchval("SELECT actor_kind FROM overstap_events WHERE event = 'approve'")
    assert actor == "gemeente"

    # Now the new school sees it, without the reason or the klantmanager's note.
    seen = (await call(bot, new, "GET", "/requests/1")).json()
    assert (seen["reason"], seen["reason_text"], seen["note"]) == (None, None, None)
    assert seen["participant_external_id"] is None and seen["your_part"] == ["new_school"]
    assert (await call(bot, new, "POST", "/requests/1/conversation",
                       json={"at": "2026-11-26T10:00:00+01:00", "place": "Hengelo"})
            ).status_code == 409, "the conversation is the old school's to propose"

    # Bad input names the field.
    past = await call(bot, old, "POST", "/requests/1/conversation",
                      json={"at": "2026-11-20T10:00:00+01:00", "place": "Enschede"})
    assert past.status_code == 422 and past.json()["detail"][0]["loc"] == ["body", "at"]
    extra = await call(bot, old, "POST", "/requests/1/conversation",
                       json={"at": "2026-11-26T10:00:00", "place": "X", "who": "everyone"})
    assert extra.status_code == 422
    early_handover = await call(bot, old, "PUT", "/requests/1/handover",
                                json={"items": {"intake": "A2"}})
    assert early_handover.status_code == 409, "nothing is handed over before consent"
    unknown_item = await call(bot, old, "PUT", "/requests/1/handover",
                              json={"items": {"religion": "x"}})
    assert unknown_item.status_code == 422
    assert await bot.db.fetchval("SELECT count(*) FROM overstap_handover_items") == 0
    assert (await call(bot, third, "GET", "/schools")).status_code == 200


async def test_a_participant_cannot_pick_a_school_outside_the_convenant_or_a_second_request(
        bot, world):
    town = await build(world, bot)
    async with bot.db.transaction() as tx:
        await tx.execute("UPDATE schools SET keurmerk_valid_until = '2026-11-01' WHERE id = ?",
                         (town.third,))
    participant = await people.get_person(bot.db, town.participant)
    for school in (town.third, town.old, 999):  # keurmerk expired, own school, unknown
        with pytest.raises(Refusal) as refused:
            await filing.submit(bot.services, participant, kind="school", reason="goals",
                                to_school_id=school)
        assert refused.value.code == "not_offered"
    for group, code in ((town.groups["full"], "full"), (town.groups["knm"], "not_offered"),
                        (town.groups["new"], "not_offered")):
        with pytest.raises(Refusal) as refused:
            await filing.submit(bot.services, participant, kind="slot", reason="times",
                                to_group_id=group)
        assert refused.value.code == code
    with pytest.raises(Refusal) as refused:
        await filing.submit(bot.services, participant, kind="school", reason="nonsense",
                            to_school_id=town.new)
    assert refused.value.code == "invalid"
    await school_request(bot, town)
    with pytest.raises(Refusal) as refused:
        await school_request(bot, town)
    assert refused.value.code == "open", "one open request per participant"
    assert await bot.db.fetchval("SELECT count(*) FROM overstap_requests") == 1


async def test_a_stalled_step_reminds_the_one_who_must_act_once_also_after_a_restart(
        sandbox, client, tmp_path, clock):
    bot = await start_bot(sandbox, tmp_path / "bot.db", clock)
    try:
        world = World(bot.db, clock)
        town = await build(world, bot)
        ayse = await client.user(501, "Ayşe", language_code="en")
        petra = await client.user(502, "Petra", language_code="nl")
        ineke = await client.user(503, "Ineke", language_code="nl")
        await link(world, ayse, town.participant, "en")
        await link(world, petra, town.km, "nl")
        await link(world, ineke, town.old_staff, "nl")
        await school_request(bot, town)
        await petra.wait_for_message("Overstapaanvraag #1")

        clock.set(datetime(2026, 11, 27, 9, 0, tzinfo=AMS))  # four working days later
        await bot.sweep()
        assert await reminders(bot) == 0
        clock.set(datetime(2026, 11, 30, 9, 0, tzinfo=AMS))  # five
        await bot.sweep()
        await bot.sweep()
        reminder = await petra.wait_for_message("Herinnering")
        assert "deze aanvraag wacht sinds 23 november 2026 op jou" in reminder.text
        assert reminder.button_texts == ["Goedkeuren", "Anders adviseren"]
        assert await reminders(bot) == 1
    finally:
        await bot.stop()

    bot = await start_bot(sandbox, tmp_path / "bot.db", clock)
    try:
        await bot.sweep()
        assert await reminders(bot) == 1, "a restart sends nothing twice"
        # The klantmanager acts on the reminder; now the old school is waited on.
        await petra.press("Goedkeuren", reminder)
        await petra.press("Ja, goedkeuren",
                          await petra.wait_for_message("kan niet ongedaan worden gemaakt"))
        await petra.wait_for_message("Goedgekeurd.")
        clock.set(datetime(2026, 12, 7, 9, 0, tzinfo=AMS))
        await bot.sweep()
        nudge = await ineke.wait_for_message(
            "Herinnering: overstap #1 van Ayşe Yılmaz (TT-001) wacht sinds")
        assert "Wil je het overdrachtsgesprek voorstellen?" in nudge.text
        assert nudge.button_texts == ["Gesprek voorstellen"]
        # The participant withdraws from /overstap; the klantmanager and both schools hear of it.
        await ayse.send("/overstap")
        status = await ayse.wait_for_message("You asked to switch to Taalhuis Hengelo")
        assert "approved; waiting for an invitation" in status.text
        await ayse.press("Stop my request", status)
        confirm = await ayse.wait_for_message("Do you really want to stop your request?")
        await ayse.press("Yes, stop my request", confirm)
        await ayse.wait_for_message("Your request is stopped")
        await petra.wait_for_message("heeft de aanvraag om over te stappen naar Taalhuis Hengelo")
        await ineke.wait_for_message("heeft de aanvraag ingetrokken")
        clock.set(datetime(2026, 12, 21, 9, 0, tzinfo=AMS))
        await bot.sweep()
        assert await reminders(bot) == 2, "nothing is reminded of a closed request"
    finally:
        await bot.stop()


async def test_the_reminder_term_is_a_setting(sandbox, tmp_path, clock):
    bot = await start_bot(sandbox, tmp_path / "bot.db", clock, overstap_reminder_days=2)
    try:
        town = await build(World(bot.db, clock), bot)
        await school_request(bot, town)
        clock.set(datetime(2026, 11, 24, 9, 0, tzinfo=AMS))
        await bot.sweep()
        assert await reminders(bot) == 0
        clock.set(datetime(2026, 11, 25, 9, 0, tzinfo=AMS))
        await bot.sweep()
        assert await reminders(bot) == 1
    finally:
        await bot.stop()


async def reminders(bot) -> int:
    return await bot.db.fetchval("SELECT count(*) FROM outbox WHERE message_key LIKE"
                                 " 'overstap.%.reminder'")


async def test_overstappen_shows_a_klantmanager_their_caseload_and_a_school_its_own(
        bot, world, client):
    town = await build(world, bot)
    other_km = await world.person("Karin de Vries", "klantmanager", gemeente_id=town.gemeente)
    stranger = await world.person("Samir Benali", "participant", school_id=town.old,
                                  klantmanager_id=other_km, regime="wi2013")
    await school_request(bot, town)
    await filing.submit(bot.services, await people.get_person(bot.db, stranger), kind="school",
                        reason="level", to_school_id=town.third)
    petra = await client.user(511, "Petra", language_code="nl")
    hans = await client.user(512, "Hans", language_code="nl")
    ineke = await client.user(513, "Ineke", language_code="nl")
    await link(world, petra, town.km, "nl")
    await link(world, hans, town.new_staff, "nl")
    await link(world, ineke, town.old_staff, "nl")

    await petra.send("/overstappen")
    listing = await petra.wait_for_message("Openstaande overstapaanvragen:")
    assert "Ayşe Yılmaz" in listing.text and "Samir Benali" not in listing.text
    assert listing.button_texts == ["Open #1"]
    await petra.press("Open #1", listing)
    card = await petra.wait_for_message("Overstapaanvraag #1")
    assert card.button_texts == ["Goedkeuren", "Anders adviseren"]

    await hans.send("/overstappen")
    await hans.wait_for_message("Geen openstaande overstapaanvragen.")
    await ineke.send("/overstappen")
    both = await ineke.wait_for_message("Openstaande overstapaanvragen:")
    assert "Ayşe Yılmaz" in both.text and "Samir Benali" in both.text
    assert both.button_texts == [], "nothing waits for the school yet"
