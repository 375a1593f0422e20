"""The school's attendance API (issue 6; BoW 2.9.1, 2.9.4): idempotent by the school's ids,
corrections keep the earlier value, a school reaches only its own lessons, and a bad batch
changes nothing."""

from __future__ import annotations

from datetime import date, datetime

from tests.attendance_world import AMS, at, group, lesson, people_of_a_school


async def one_lesson(bot, world):
    school, km, amira = await people_of_a_school(world)
    group_id = await group(bot.db, school, [(amira, date(2026, 11, 1), None)])
    monday = await lesson(bot.db, school, group_id, at(date(2026, 11, 16), 9), external_id="L-MON")
    return school, amira, group_id, monday


async def test_the_same_registration_twice_changes_nothing_and_a_correction_keeps_history(
        bot, world):
    school, amira, group_id, monday = await one_lesson(bot, world)
    async with bot.api(world.keys[f"school:{school}"]) as api:
        record = {"lesson": "L-MON", "participant": "P-100", "status": "absent"}
        first = await api.put("/api/v1/attendance", json={"records": [record]})
        assert first.json()["created"] == 1
        again = await api.put("/api/v1/attendance", json={"records": [record]})
        assert again.json()["unchanged"] == 1 and again.json()["created"] == 0
        corrected = await api.put("/api/v1/attendance/L-MON/P-100", json={"status": "absent",
                                                                     "reason": "ill"})
        assert corrected.json() == {"lesson": "L-MON", "participant": "P-100",
                                    "outcome": "updated", "status": "absent", "reason": "ill"}
        register = (await api.get("/api/v1/attendance/lessons/L-MON")).json()
    entry = register["participants"][0]
    assert entry["participant"] == "P-100" and entry["reason"] == "ill"
    assert [(h["status"], h["reason"]) for h in entry["history"]] == [("absent", None)]


async def test_a_school_reaches_only_its_own_lessons_and_participants(bot, world):
    school, amira, group_id, monday = await one_lesson(bot, world)
    other = await world.school("Andere Taalschool")
    async with bot.api(world.keys[f"school:{other}"]) as api:
        put = await api.put("/api/v1/attendance/L-MON/P-100", json={"status": "present"})
        get = await api.get("/api/v1/attendance/lessons/L-MON")
    assert put.status_code == 404 and get.status_code == 404
    assert await bot.db.fetchval("SELECT COUNT(*) FROM attendance") == 0
    async with bot.api(world.keys[f"gemeente:{1}"]) as api:
        assert (await api.put("/api/v1/attendance/L-MON/P-100",
                              json={"status": "present"})).status_code == 403
    async with bot.api("sch_wrong") as api:
        assert (await api.get("/api/v1/attendance/lessons/L-MON")).status_code == 401


async def test_a_batch_with_one_bad_record_changes_nothing(bot, world, clock):
    school, amira, group_id, monday = await one_lesson(bot, world)
    cancelled = await lesson(bot.db, school, group_id, at(date(2026, 11, 18), 9), cancelled=True)
    future = await lesson(bot.db, school, group_id, at(date(2026, 11, 30), 9))
    key = world.keys[f"school:{school}"]
    async with bot.api(key) as api:
        unknown = await api.put("/api/v1/attendance", json={"records": [
            {"lesson": "L-MON", "participant": "P-100", "status": "present"},
            {"lesson": "NOPE", "participant": "P-100", "status": "present"}]})
        assert unknown.status_code == 404
        assert unknown.json()["detail"][0]["loc"] == ["body", "records", 1, "lesson"]
        for bad in (cancelled, future):
            refused = await api.put(f"/api/v1/attendance/{bad}/P-100", json={"status": "absent"})
            assert refused.status_code == 422, refused.text
        reason_with_present = await api.put("/api/v1/attendance/L-MON/P-100",
                                            json={"status": "present", "reason": "ill"})
        assert reason_with_present.status_code == 422
    assert await bot.db.fetchval("SELECT COUNT(*) FROM attendance") == 0


async def test_a_school_reads_what_participants_reported_and_a_plain_absence_keeps_the_reason(
        bot, world, clock):
    school, amira, group_id, monday = await one_lesson(bot, world)
    later = await lesson(bot.db, school, group_id, at(date(2026, 11, 25), 9), external_id="L-WED")
    from storage import attendance as store

    row = await store.school_lesson(bot.db, school, "L-WED")
    async with bot.db.transaction() as tx:
        await store.report_absence(tx, lesson=row, person_id=amira, reason="appointment",
                                   note="IND", now=clock.now())
    clock.set(datetime(2026, 11, 25, 12, 0, tzinfo=AMS))
    async with bot.api(world.keys[f"school:{school}"]) as api:
        reports = (await api.get("/api/v1/attendance/absence-reports",
                                 params={"since": "2026-11-20T00:00:00"})).json()
        assert [(r["lesson"], r["participant"], r["reason"], r["note"]) for r in reports] == [
            (later, "P-100", "appointment", "IND")]
        marked = await api.put(f"/api/v1/attendance/{later}/P-100", json={"status": "absent"})
    assert marked.json()["reason"] == "reported", "the participant's report stands"


async def test_fuzzing_the_attendance_api_and_verify_finds_no_server_error(bot, world, tmp_path):
    """Schemathesis against /openapi.json, as for the rooster API (tests/test_api_fuzz.py):
    generated and boundary requests to the attendance, status and /verify operations, with the
    school's key; no server error and no answer outside the schema."""
    from tests.rooster_world import schemathesis

    school, amira, group_id, monday = await one_lesson(bot, world)
    code, output, cases = await schemathesis(bot.url, world.keys[f"school:{school}"],
                                             "attendance|verify", tmp_path, "attendance")
    assert code == 0, output[-6000:]
    assert cases >= 50
