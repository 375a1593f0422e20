"""Every button checks its object, not only the person (issue 12): a klacht's attachments reach
only the people the klacht was sent to, and button data a modified client makes up (ids too
large for the database, digits in other scripts, nonsense) gets a polite refusal, never an
unhandled error."""

from __future__ import annotations

import asyncio
import logging

from tests.klacht_world import (
    answer_to,
    file_klacht,
    klacht_row,
    linked,
    new_message,
    school_with_handlers,
)
from tests.support import press_forged

SORRY = "Sorry, something went wrong"


async def test_a_klantmanager_cannot_fetch_the_files_of_a_klacht_sent_only_to_the_school(
        bot, world, client, sandbox):
    ids = await school_with_handlers(world)
    senait = await linked(world, client, ids, "senait", 931, "en")
    petra = await linked(world, client, ids, "km", 932, "en")
    await file_klacht(bot, senait, "en", topic="The teacher", photo=True,
                      text="The lessons are always cancelled.")
    row = await klacht_row(bot)
    assert row["route"] == "school"
    before = len(await petra.messages())
    forged = f"kh:files:{row['id']}"
    press_forged(sandbox, petra, (await petra.messages())[-1], forged)
    answer = await answer_to(petra, forged)
    assert answer["show_alert"] and "cannot do this" in answer["text"]
    await asyncio.sleep(0.3)
    after = await petra.messages()
    assert len(after) == before and not any(m.photo for m in after), "no photo for her"


async def test_a_klantmanager_still_gets_the_files_of_a_signal_sent_to_her(bot, world, client):
    ids = await school_with_handlers(world)
    senait = await linked(world, client, ids, "senait", 933, "en")
    petra = await linked(world, client, ids, "km", 934, "en")
    await file_klacht(bot, senait, "en", topic="The teacher", photo=True,
                      text="Please tell my klantmanager.", route="klantmanager")
    await bot.services.outbox.drain()
    row = await klacht_row(bot)
    card = await petra.wait_for_message(row["reference"])
    await petra.press(next(t for t in card.button_texts if "ttachment" in t), card)
    shown = await new_message(petra)
    assert shown.photo


TEMPLATES = [
    "kh:take:{n}", "kh:inv:{n}", "kh:files:{n}", "kh:afile:{n}", "kh:refuse:{n}", "kh:ask:{n}",
    "kh:close:{n}", "kh:out:{n}:upheld", "kp:sat:{n}", "kp:unsat:{n}", "kp:km:{n}:1",
    "kp:ans:{n}", "ur:km:{n}", "ur:ok:{n}", "ur:no:{n}", "ur:pdf:{n}", "ur:p:{n}",
    "vz:contact:{n}", "vz:seen:{n}", "vz:dseen:{n}", "cl:p:{n}", "cl:pg:{n}",
    "rooster:n:{n}:2026-11-23", "rooster:w:{n}:2026-11-23", "rooster:p:{n}",
    "rooster:w:1:{n}-01-01", "act:d:{n}", "act:n:{n}", "act:w:{n}:{n}", "act:p:{n}",
    "ovp:school:{n}", "ovp:group:{n}", "ovk:ok:{n}", "ovk:no:{n}", "ovs:open:{n}",
    "ovk:open:{n}", "ovs:pgrp:{n}", "ovs:cplace:{n}", "ovs:pday:{n}", "ovs:ctime:{n}",
    "ovs:ok:{n}", "ovsa:one:{n}", "ovsa:all:{n}", "af:l:{n}", "af:r:{n}", "klacht:inv:{n}",
    "klacht:topic:{n}", "lang:{n}", "trj:p:{n}", "trj:l:{n}", "gn:new:{n}", "gn:r:{n}",
    "kh:ph:{n}:more", "ovs:ph:{n}", "ovk:ph:{n}",
    "ovs:slotc:{n}:20261124", "ovs:slotn:{n}", "ovs:slotnoc:{n}", "ovs:slotnor:{n}",
]
VALUES = ["9" * 25, str(2 ** 64), "\u00b2\u00b3", "-7"]


async def test_made_up_button_data_gets_a_polite_refusal_never_an_error(
        bot, world, client, sandbox, caplog):
    ids = await school_with_handlers(world)
    users = [await linked(world, client, ids, who, 940 + i, "en")
             for i, who in enumerate(("senait", "anna", "km", "carla"))]
    caplog.set_level(logging.ERROR)
    for user in users:
        anchor = (await user.messages())[-1]
        sent = [template.format(n=value) for template in TEMPLATES for value in VALUES]
        for data in sent:
            press_forged(sandbox, user, anchor, data)
        for data in sent:
            answer = await answer_to(user, data)
            assert answer["text"], f"an explained refusal for {data!r}"
        assert not any(SORRY in m.text for m in await user.messages())
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert not errors, errors[:3]
