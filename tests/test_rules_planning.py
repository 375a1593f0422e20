"""A complete planning (issue 11, point 15; Blik op Werk norm 2.10.1): every lesson has its
location, teacher and level, and says whether it is classroom or distance, which decides which
hours count; a school that leaves one out is told which field, and nothing is written."""

from __future__ import annotations

import pytest

from tests.rooster_world import lesson, school_with_group


@pytest.mark.parametrize("field", ["location", "teacher", "level", "mode"])
async def test_planning_bow_2_10_1_a_lesson_needs_location_teacher_level_and_mode(
        bot, world, field):
    key, _, _, _ = await school_with_group(bot, world)
    body = lesson("2026-12-01T09:00", "2026-12-01T12:00")
    del body[field]
    async with bot.api(key) as api:
        one = await api.put("/api/v1/lessons/L-1", json=body)
        assert one.status_code == 422, one.text
        assert one.json()["detail"][0]["loc"] == ["body", field]
        whole = await api.post("/api/v1/planning",
                               json={"lessons": [{**body, "external_id": "L-1"}]})
        assert whole.status_code == 422, whole.text
        assert whole.json()["detail"][0]["loc"] == ["body", "lessons", 0, field]
        assert (await api.get("/api/v1/lessons", params={"from": "2026-11-01",
                                                          "to": "2027-01-31"})).json() == []
        complete = await api.put("/api/v1/lessons/L-1",
                                 json=lesson("2026-12-01T09:00", "2026-12-01T12:00"))
        assert complete.status_code == 201, complete.text
        assert complete.json()["mode"] == "classroom"
