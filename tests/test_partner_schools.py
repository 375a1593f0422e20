"""A school attaches participants only to klantmanagers of gemeenten that work with it, which the
gemeente sets (issue 12); an unknown klantmanager id answers exactly as a foreign one, so the ids
of other gemeenten's klantmanagers cannot be found by trying."""

from __future__ import annotations

PARTICIPANT = {"name": "Amira Haddad", "regime": "wi2021", "route": "b1"}


async def test_a_school_attaches_participants_only_to_klantmanagers_of_its_gemeenten(bot, world):
    enschede = await world.gemeente("Enschede")
    hengelo = await world.gemeente("Hengelo")
    petra = await world.person("Petra Kloosterman", "klantmanager", gemeente_id=enschede)
    foreign = await world.person("Henk de Vries", "klantmanager", gemeente_id=hengelo)
    school = await world.school()
    staff = await world.person("Sanne Jansen", "staff", school_id=school)
    school_key = world.keys[f"school:{school}"]

    async def attach(api, km: int, external_id: str = "P-100"):
        return await api.put(f"/api/v1/participants/{external_id}",
                             json={**PARTICIPANT, "klantmanager_id": km})

    async with bot.api(school_key) as api:
        # Enschede does not work with the school yet: its klantmanager is refused too.
        refused = await attach(api, petra)
        assert refused.status_code == 422, refused.text
    async with bot.api(world.keys[f"gemeente:{enschede}"]) as gemeente_api:
        added = await gemeente_api.put(f"/api/v1/partner-schools/{school}")
        assert added.status_code == 201, added.text
        again = await gemeente_api.put(f"/api/v1/partner-schools/{school}")
        assert again.status_code == 200, again.text
        listed = await gemeente_api.get("/api/v1/partner-schools")
        assert [row["school_id"] for row in listed.json()] == [school]
        missing = await gemeente_api.put("/api/v1/partner-schools/999")
        assert missing.status_code == 404
    async with bot.api(school_key) as api:
        assert (await attach(api, petra)).status_code == 201
        # A school cannot set the relation itself.
        assert (await api.put(f"/api/v1/partner-schools/{school}")).status_code == 403
        answers = {}
        for name, km in (("foreign", foreign), ("unknown", 987654), ("not a klantmanager", staff)):
            response = await attach(api, km, "P-200")
            answers[name] = (response.status_code,
                             response.json()["detail"][0]["msg"].replace(str(km), "ID"))
        assert len(set(answers.values())) == 1, answers
        assert answers["foreign"][0] == 422
        planning = await api.post("/api/v1/planning", json={"participants": [
            {**PARTICIPANT, "external_id": "P-300", "klantmanager_id": foreign}]})
        assert planning.status_code == 422, planning.text
        shown = await api.get("/api/v1/participants/P-100")
        assert shown.json()["klantmanager_id"] == petra
    async with bot.api(world.keys[f"gemeente:{enschede}"]) as gemeente_api:
        assert (await gemeente_api.delete(f"/api/v1/partner-schools/{school}")).status_code == 204
    async with bot.api(school_key) as api:
        assert (await attach(api, petra, "P-400")).status_code == 422
