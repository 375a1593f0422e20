"""Drawing a PDF runs in a worker thread within a time budget (issue 12): past it the person is
told to try again in a few minutes, and /mijngegevens's JSON file, which holds everything, still
goes."""

from __future__ import annotations

import json

from conversations import mijngegevens
from tests.klacht_world import linked, school_with_handlers


async def test_a_pdf_past_its_budget_is_answered_and_the_json_still_goes(
        bot, world, client, monkeypatch):
    monkeypatch.setattr(mijngegevens, "PDF_SECONDS", 0.0)
    ids = await school_with_handlers(world)
    senait = await linked(world, client, ids, "senait", 1701, "en")
    await senait.send("/mijngegevens")
    await senait.wait_for_message()
    late = await senait.wait_for_message()
    assert "could not be made just now" in late.text
    document = await senait.wait_for_message()
    assert document.document["file_name"].endswith(".json")
    assert json.loads(await senait.download(document))["person"][0]["name"] == "Senait Tesfay"
