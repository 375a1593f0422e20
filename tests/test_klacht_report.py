"""The klachten register and report (issue 5; Blik op Werk norms 1.5.6 to 1.5.9): per school and
period the share handled within term against the 80% norm, for a mix of on-time and late
klachten, from the admin CLI (table, JSON, CSV) and from the gemeente's API key (its own
participants only)."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.app import run_admin
from bot.rules.klacht_deadlines import deadlines
from storage import klachten as store
from storage import people

AMS = ZoneInfo("Europe/Amsterdam")


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=AMS)


async def past_klacht(db, participant_id, handler_id, received, decided=None, closed=None,
                      refused=None, route="school"):
    """A klacht with its history, written through the same storage calls the bot makes."""
    person = await people.get_person(db, participant_id)
    async with db.transaction() as tx:
        klacht = await store.file_klacht(
            tx, participant=person, route=route, topic="lesson", description="...", language="nl",
            anonymous=False, attachments=[], involved=[], now=at(received),
            deadlines=deadlines(at(received)).as_dict() if route == "school" else None)
        await store.mark_acknowledged(tx, klacht.id, at(received))
        if refused:
            await store.refuse_treatment(tx, klacht.id, handler_id, "reden", at(refused))
        if decided:
            await store.take_into_treatment(tx, klacht.id, handler_id, at(decided))
        if closed:
            await store.close_klacht(tx, klacht.id, handler_id, "upheld", "uitleg", at(closed))
    return klacht


async def history(world, bot):
    enschede = await world.gemeente("Enschede")
    hengelo = await world.gemeente("Hengelo")
    twente = await world.school("Taalschool Twente")
    oost = await world.school("Taalhuis Oost")
    km = await world.person("Petra Kloosterman", "klantmanager", gemeente_id=enschede)
    km2 = await world.person("Henk Ter Horst", "klantmanager", gemeente_id=hengelo)
    anna = await world.person("Anna de Vries", "staff", school_id=twente,
                              staff_role="klachtbehandelaar")
    olga = await world.person("Olga Bos", "staff", school_id=oost, staff_role="klachtbehandelaar")
    p1 = await world.person("Senait Tesfay", "participant", school_id=twente, klantmanager_id=km,
                            regime="wi2021", route="b1")
    p2 = await world.person("Omar Haddad", "participant", school_id=oost, klantmanager_id=km,
                            regime="wi2021", route="z")
    p3 = await world.person("Lina Noor", "participant", school_id=twente, klantmanager_id=km2,
                            regime="wi2013")
    db = bot.db
    # Taalschool Twente, Enschede's participant: four on time, one late.
    await past_klacht(db, p1, anna, "2026-03-02 10:00", decided="2026-03-10 09:00",
                      closed="2026-04-01 12:00")
    await past_klacht(db, p1, anna, "2026-03-05 16:00", decided="2026-03-06 09:00",
                      closed="2026-04-20 12:00")  # handle_by was 16 April: late
    await past_klacht(db, p1, anna, "2026-06-01 08:00", refused="2026-06-10 09:00")
    await past_klacht(db, p1, anna, "2026-09-01 11:00", decided="2026-09-02 09:00",
                      closed="2026-09-30 12:00")
    # Received the evening before DST began; its term ends with 9 May, closed that afternoon.
    await past_klacht(db, p1, anna, "2026-03-28 23:30", decided="2026-03-29 09:00",
                      closed="2026-05-09 15:00")
    # A signal to the klantmanager is no formal klacht and not in the 1.5.8 figures.
    await past_klacht(db, p1, anna, "2026-07-01 10:00", route="klantmanager")
    # Hengelo's participant at the same school: in the region's figures, not in Enschede's.
    await past_klacht(db, p3, anna, "2026-02-02 10:00")
    # Taalhuis Oost: one open far past its term (late), one still within it (not assessable).
    await past_klacht(db, p2, olga, "2026-05-01 10:00")
    await past_klacht(db, p2, olga, "2026-11-20 10:00")
    return {"enschede": enschede, "hengelo": hengelo, "twente": twente, "oost": oost}


async def test_admin_report_shows_the_within_term_share_per_school(bot, world, clock):
    ids = await history(world, bot)
    as_json = await run_admin(["klachten-report", "--from", "2026-01-01", "--to", "2026-12-31",
                               "--json"], bot.settings, clock)
    rows = {row["school"]: row for row in json.loads(as_json)}
    twente, oost = rows["Taalschool Twente"], rows["Taalhuis Oost"]
    assert twente["klachten"] == 6 and twente["assessable"] == 6
    assert twente["on_time"] == 4 and twente["late"] == 2, "Hengelo's open klacht is late too"
    assert twente["share_on_time_percent"] == 66.7 and twente["meets_norm"] is False
    assert oost["klachten"] == 2 and oost["assessable"] == 1 and oost["late"] == 1
    assert oost["share_on_time_percent"] == 0.0 and oost["open"] == 2
    assert oost["median_days_to_closure"] is None

    table = await run_admin(["klachten-report", "--from", "2026-01-01", "--to", "2026-12-31"],
                            bot.settings, clock)
    assert table.splitlines()[0].split()[:3] == ["school_id", "school", "period_start"]
    assert "Taalhuis Oost" in table

    as_csv = await run_admin(["klachten-report", "--from", "2026-01-01", "--to", "2026-12-31",
                              "--school", str(ids["twente"]), "--csv"], bot.settings, clock)
    parsed = list(csv.DictReader(io.StringIO(as_csv)))
    assert len(parsed) == 1 and parsed[0]["on_time"] == "4" and parsed[0]["norm_percent"] == "80.0"

    register = json.loads(await run_admin(
        ["klachten-report", "--from", "2026-01-01", "--to", "2026-12-31", "--register", "--json"],
        bot.settings, clock))
    first = register[0]
    assert set(first) >= {"received_at", "acknowledged_at", "handler", "outcome", "handled_at"}
    assert any(r["handler"] == "Anna de Vries" and r["outcome"] == "upheld" for r in register)


async def test_gemeente_api_counts_its_own_participants_and_meets_the_80_percent_norm(bot, world):
    ids = await history(world, bot)
    key = world.keys[f"gemeente:{ids['enschede']}"]
    async with bot.api(key) as api:
        response = await api.get("/klachten/report", params={"from": "2026-01-01",
                                                             "to": "2026-12-31"})
        assert response.status_code == 200, response.text
        body = response.json()
        twente = next(s for s in body["schools"] if s["school"] == "Taalschool Twente")
        assert (twente["klachten"], twente["on_time"], twente["late"]) == (5, 4, 1)
        assert twente["share_on_time_percent"] == 80.0 and twente["meets_norm"] is True
        assert twente["median_days_to_decision"] == 1.0
        assert twente["median_days_to_closure"] == 30.0
        assert "Senait" not in response.text, "figures only"

        as_csv = await api.get("/klachten/report", params={"from": "2026-01-01",
                                                           "to": "2026-12-31", "format": "csv"})
        assert as_csv.headers["content-type"].startswith("text/csv")
        assert "share_on_time_percent" in as_csv.text.splitlines()[0]

        backwards = await api.get("/klachten/report", params={"from": "2026-12-31",
                                                              "to": "2026-01-01"})
        assert backwards.status_code == 422 and backwards.json()["detail"][0]["loc"][-1] == "to"

    hengelo = world.keys[f"gemeente:{ids['hengelo']}"]
    async with bot.api(hengelo) as api:
        body = (await api.get("/klachten/report", params={"from": "2026-01-01",
                                                          "to": "2026-12-31"})).json()
        counts = {s["school"]: s["klachten"] for s in body["schools"]}
        assert counts == {"Taalschool Twente": 1, "Taalhuis Oost": 0}
    async with bot.api(world.keys[f"school:{ids['twente']}"]) as api:
        assert (await api.get("/klachten/report", params={"from": "2026-01-01",
                                                          "to": "2026-12-31"})).status_code == 403
    async with bot.api() as api:
        assert (await api.get("/klachten/report", params={"from": "2026-01-01",
                                                          "to": "2026-12-31"})).status_code == 401
