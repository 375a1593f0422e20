"""The klachten register is kept for the period the school sets (issue 13; BoW 1.5.6): through
its API key a school sets its months, the retention sweep removes its closed klachten past them
(another school's stay for the default), open klachten stay, and `admin privacy retention`
reports how many were removed."""

from __future__ import annotations

import json

from bot.app import run_admin
from bot.rules.klacht_deadlines import deadlines
from storage import klachten as store
from storage import people


async def klacht(bot, participant_id: int, handler_id: int, close: bool = True) -> str:
    """A klacht filed now and, with ``close``, handled and closed now, through the storage calls
    the bot's handlers make."""
    person = await people.get_person(bot.db, participant_id)
    now = bot.clock.now()
    async with bot.db.transaction() as tx:
        filed = await store.file_klacht(
            tx, participant=person, route="school", topic="lesson", description="De les",
            language="nl", anonymous=False, attachments=[], involved=[], now=now,
            deadlines=deadlines(now).as_dict())
        await store.mark_acknowledged(tx, filed.id, now)
        if close:
            await store.take_into_treatment(tx, filed.id, handler_id, now)
            await store.close_klacht(tx, filed.id, handler_id, "upheld", "uitleg", now)
    return filed.reference


async def references(bot) -> set[str]:
    rows = json.loads(await run_admin(["klachten-report", "--register", "--from", "2000-01-01",
                                       "--to", "2100-01-01", "--json"], bot.settings, bot.clock))
    return {row["reference"] for row in rows["register"]} if isinstance(rows, dict) else {
        row["reference"] for row in rows}


async def test_a_schools_klachten_register_is_kept_for_the_months_it_set(bot, world, clock):
    gemeente = await world.gemeente()
    km = await world.person("Petra Kloosterman", "klantmanager", gemeente_id=gemeente)
    twente, oost = await world.school("Taalschool Twente"), await world.school("Taalhuis Oost")
    anna = await world.person("Anna de Vries", "staff", school_id=twente,
                              staff_role="klachtbehandelaar")
    olga = await world.person("Olga Bos", "staff", school_id=oost, staff_role="klachtbehandelaar")
    senait = await world.person("Senait Tesfay", "participant", school_id=twente,
                                klantmanager_id=km, regime="wi2021", route="b1")
    omar = await world.person("Omar Haddad", "participant", school_id=oost, klantmanager_id=km,
                              regime="wi2021", route="z")
    async with bot.api(world.keys[f"school:{twente}"]) as api:
        assert (await api.get("/api/v1/privacy/klachten-retention")).json() == {
            "months": 24, "own": False}
        short = await api.put("/api/v1/privacy/klachten-retention", json={"months": 6})
        assert short.status_code == 422, "shorter than the audited meetperiode"
        response = await api.put("/api/v1/privacy/klachten-retention", json={"months": 12})
        assert response.json() == {"months": 12, "own": True}
    async with bot.api(world.keys[f"gemeente:{gemeente}"]) as api:
        refused = await api.put("/api/v1/privacy/klachten-retention", json={"months": 12})
        assert refused.status_code == 403

    closed_twente = await klacht(bot, senait, anna)
    closed_oost = await klacht(bot, omar, olga)
    still_open = await klacht(bot, senait, anna, close=False)
    clock.advance(days=360)
    await bot.sweep()
    assert {closed_twente, closed_oost, still_open} <= await references(bot)

    clock.advance(days=10)  # past twelve months since closing
    await bot.sweep()
    held = await references(bot)
    assert closed_twente not in held
    assert closed_oost in held and still_open in held
    report = {row["kind"]: row for row in json.loads(await run_admin(
        ["privacy", "retention", "--json"], bot.settings, bot.clock))}
    assert report["klachten"]["removed"] == 1 and report["klachten"]["held"] == 2
    assert f"school {twente}: 12 months" in report["klachten"]["note"]
    assert "De les" not in json.dumps(report), "counts only, never what it said"

    clock.advance(days=366)  # past the default 24 months for the other school
    await bot.sweep()
    held = await references(bot)
    assert closed_oost not in held and still_open in held
