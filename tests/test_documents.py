"""A school's onderwijsplan and klachtenregeling (issue 15; convenant art. 10.5, 10.9; BoW 2.11):
uploaded as PDFs through the API, checked for being real PDFs of at most 5 MB, and sent by
/mijnschool to the school's own participants with the school's name, in their language."""

from __future__ import annotations

from tests.attendance_world import people_of_a_school
from tests.support import link

PLAN = b"%PDF-1.7\n1 0 obj\n<< /Title (Onderwijsplan) >>\nendobj\ntrailer\n<<>>\n%%EOF\n"
REGELING = b"%PDF-1.4\n1 0 obj\n<< /Title (Klachtenregeling) >>\nendobj\n%%EOF\n"


async def upload(bot, key: str, kind: str, content: bytes):
    async with bot.api(key) as api:
        return await api.put(f"/api/v1/documents/{kind}", content=content,
                             headers={"Content-Type": "application/pdf"})


async def test_mijnschool_sends_the_schools_documents_in_dari(bot, world, client):
    school, km, amira = await people_of_a_school(world)
    key = world.keys[f"school:{school}"]
    first = await upload(bot, key, "onderwijsplan", b"%PDF-1.7\nold\n%%EOF")
    assert first.status_code == 201, first.text
    replaced = await upload(bot, key, "onderwijsplan", PLAN)
    assert replaced.status_code == 200 and replaced.json()["size"] == len(PLAN)
    assert (await upload(bot, key, "klachtenregeling", REGELING)).status_code == 201

    user = await client.user(1701, "Amira", language_code="fa_AF")
    await link(world, user, amira, "fa_AF")
    await user.send("/mijnschool")
    intro = await user.wait_for_message(contains="Taalschool Twente")
    assert "مکتب" in intro.text, "in Dari"
    plan = await user.wait_for_message(contains="onderwijsplan")
    regeling = await user.wait_for_message(contains="klachtenregeling")
    assert plan.document["file_name"] == "onderwijsplan.pdf"
    assert await user.download(plan) == PLAN, "the newest upload"
    assert await user.download(regeling) == REGELING
    assert "Taalschool Twente" in regeling.text and "مکتب" in regeling.text


async def test_a_school_without_documents_is_named_and_others_documents_are_not_sent(
        bot, world, client):
    school, km, amira = await people_of_a_school(world)
    other = await world.school("Andere Taalschool")
    assert (await upload(bot, world.keys[f"school:{other}"], "onderwijsplan",
                         PLAN)).status_code == 201
    user = await client.user(1711, "Amira", language_code="so")
    await link(world, user, amira, "so")
    await user.send("/mijnschool")
    answer = await user.wait_for_message(contains="Taalschool Twente")
    assert "dugsigaaga" in answer.text.lower(), "in Somali"
    assert not [m for m in await user.messages() if m.document], "not another school's document"


async def test_what_is_not_a_pdf_or_too_large_is_refused(bot, world):
    school, km, amira = await people_of_a_school(world)
    key = world.keys[f"school:{school}"]
    zipped = await upload(bot, key, "onderwijsplan", b"PK\x03\x04 not a pdf %%EOF")
    assert zipped.status_code == 422 and "not a PDF" in zipped.text
    cut = await upload(bot, key, "onderwijsplan", b"%PDF-1.7\n" + b"x" * 4000)
    assert cut.status_code == 422 and "%%EOF" in cut.text
    huge = await upload(bot, key, "onderwijsplan", b"%PDF-1.7\n" + b"x" * (6 * 1024 * 1024)
                        + b"\n%%EOF")
    assert huge.status_code == 413
    assert (await upload(bot, key, "rooster", PLAN)).status_code == 422
    assert (await upload(bot, world.keys["gemeente:1"], "onderwijsplan", PLAN)).status_code == 403
    async with bot.api(key) as api:
        assert (await api.get("/api/v1/documents")).json() == []
        assert (await api.delete("/api/v1/documents/onderwijsplan")).status_code == 404
    assert (await upload(bot, key, "onderwijsplan", PLAN)).status_code == 201
    async with bot.api(key) as api:
        assert (await api.delete("/api/v1/documents/onderwijsplan")).status_code == 204
        assert (await api.get("/api/v1/documents")).json() == []
