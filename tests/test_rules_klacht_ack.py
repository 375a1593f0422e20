"""The acknowledgement date in the klachten register (issue 11, point 10; BoW 1.5.6): it is the
moment Telegram accepted the acknowledgement, not the moment it was queued."""

from __future__ import annotations

from datetime import datetime

from bot.klachten import filing
from storage import people
from storage.database import from_db
from tests.attendance_world import AMS, drain
from tests.klacht_world import school_with_handlers
from tests.support import link


async def test_klacht_bow_1_5_6_the_acknowledgement_date_is_when_telegram_accepted_it(
        bot, world, client, clock):
    ids = await school_with_handlers(world)
    senait = await client.user(851, "Senait", language_code="en")
    await link(world, senait, ids["senait"], "en")
    # The klacht is stored at 20:58; the bot stops before its direct acknowledgement goes out.
    clock.set(datetime(2026, 11, 23, 20, 58, tzinfo=AMS))
    participant = await people.get_person(bot.db, ids["senait"])
    draft = filing.KlachtDraft(participant=participant, topic="teacher", text="De les begint "
                               "nooit op tijd.", route="school", anonymous=False, language="en")
    filed = await filing.file_klacht(bot.db, draft, now=clock.now(), tz=AMS)
    before = len(await senait.messages())

    # 21:05: the sweep queues the acknowledgement; quiet hours hold it until the morning.
    clock.set(datetime(2026, 11, 23, 21, 5, tzinfo=AMS))
    await drain(bot)
    assert len(await senait.messages()) == before
    assert await bot.db.fetchval("SELECT acknowledged_at FROM klachten WHERE id = ?",
                                 (filed.klacht.id,)) is None, "queued is not acknowledged"

    clock.set(datetime(2026, 11, 24, 7, 31, tzinfo=AMS))
    await drain(bot)
    ack = await senait.wait_for_message(contains=filed.klacht.reference)
    assert ack is not None
    clock.advance(minutes=5)
    await drain(bot)
    stamp = await bot.db.fetchval("SELECT acknowledged_at FROM klachten WHERE id = ?",
                                  (filed.klacht.id,))
    assert stamp is not None
    assert from_db(stamp) == datetime(2026, 11, 24, 7, 31, tzinfo=AMS), "when it went out"
