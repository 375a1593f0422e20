"""The outbox dispatcher (issue 3): a background task that delivers due notifications, once, in
the recipient's current language, as fast as Telegram allows, surviving any crash.

How it works
- Rows are enqueued by features with ``bot.outbox.enqueue(tx, ...)`` in the transaction of their
  event. Enqueueing wakes the dispatcher at once; it also polls every second.
- A new row first gets its due time from ``bot.outbox.policy`` (quiet hours for participants,
  working hours for staff). Due rows are claimed at most one per chat (so one chat's messages
  arrive in order), marked ``sending`` in the database *before* the request, and marked ``sent``
  (with the Telegram message ids) right after it. After a crash, rows still ``sending`` are sent
  again at start-up: only a message whose request was in flight can arrive twice.
- Rendering happens just before sending, with the language the chat has chosen by then. Text over
  4,096 characters is split at line breaks (``bot.outbox.split``); buttons go on the last part.
- Pace: the shared ``SharedRateLimiter`` (``bot.outbox.ratelimit``) keeps every request of the bot
  within Telegram's limits and lets direct replies go before outbox sends.
- Urgency (issue 18; the rule is ``bot.rules.urgency``): due ``urgent`` and ``timed`` rows are
  claimed before any bulk row (also a recipient's own: the urgent one first), into room of their
  own next to the bulk rows in flight, so an urgent row is claimed the moment it is enqueued
  however long the backlog. They pass the limiter with ``PRIORITY_URGENT``, ahead of every bulk
  send; the limiter keeps bulk a minimum share (one send in ``URGENT_RUN + 1``) while urgent sends
  wait, and the claim keeps ``BULK_KEPT`` bulk rows in flight however many urgent rows are due, so
  a stream of urgent rows never starves the bulk. Bulk rows keep their order. ``stats()`` gives
  the age of the oldest due urgent row apart (``oldest_urgent_age_s``).
- Errors: 429 is waited out exactly (in the limiter); network errors and 5xx are retried with
  back-off, first within the task (seconds), then by rescheduling the row (minutes) until the
  give-up horizon (``INBURGERBOT_OUTBOX_GIVE_UP_HOURS`` after the row became eligible), when it is
  ``failed`` with the last reason. A 400 fails the row at once. A 403 (blocked, account deleted)
  marks the chat unreachable on the person's Telegram link, stops every row to it, and tells a
  participant's klantmanager once.

For tests and other features
    await services.outbox.drain(timeout=10)   # returns when nothing due is left or in flight
``drain`` wakes the dispatcher, then waits until no row is in flight and no row is due at
``self.clock.now()`` (rows held by quiet hours or a back-off do not count). It raises TimeoutError,
naming what is left, when that does not happen within ``timeout`` seconds. After moving a
FakeClock past quiet hours, ``await bot.sweep()`` or ``drain()`` itself wakes the dispatcher.
``await services.outbox.stats()`` gives the counts shown by ``/health`` and ``admin outbox``.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta

from telegram import Bot, InlineKeyboardMarkup, Message
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
)

from bot import outbox
from bot.clock import Clock
from bot.config import Settings
from bot.i18n import I18n
from bot.names import marked
from bot.outbox import policy
from bot.outbox.messages import UNREACHABLE_ALERT
from bot.outbox.ratelimit import PRIORITY_URGENT, SharedRateLimiter, retry_after_seconds
from bot.outbox.split import split_message
from bot.rules.urgency import BULK
from storage import outbox as store
from storage.database import Database, Tx, from_db, to_db

log = logging.getLogger(__name__)

POLL_SECONDS = 1.0
HOUSEKEEPING_SECONDS = 30.0
# Retries inside one attempt, in real seconds: rides out a short network blip or server restart.
QUICK_RETRIES = (0.5, 1.0, 2.0, 4.0, 8.0, 15.0, 30.0)
# Then the row is rescheduled (business time): 1, 2, 4 ... minutes, at most 30.
SLOW_RETRY_FIRST = timedelta(minutes=1)
SLOW_RETRY_MAX = timedelta(minutes=30)
NOT_LINKED = "no Telegram link"
# Bulk rows kept in flight while urgent rows are due (see ``_step``).
BULK_KEPT = 16
# With several instances on PostgreSQL, the holder of this advisory lock sends.
SENDER_LOCK = "outbox-sender"
# A new sender first waits out Telegram's one-second windows of the sends before it.
TAKEOVER_PAUSE = 1.0


class Undeliverable(Exception):
    """The chat refuses the bot (403)."""


class Permanent(Exception):
    """Telegram rejected the message itself (400 and the like): retrying cannot help."""


class Transient(Exception):
    """Worth trying again later."""


class Dispatcher:
    """Owns the delivery task; ``start()``/``stop()`` from the feature's start-up and shutdown."""

    def __init__(self, *, db: Database, bot: Bot, i18n: I18n, settings: Settings, clock: Clock,
                 limiter: SharedRateLimiter | None = None, capacity: int | None = None):
        self.db, self.bot, self.i18n, self.settings, self.clock = db, bot, i18n, settings, clock
        self.limiter = limiter
        slots = limiter.slots if limiter is not None else 30
        # Enough claimed bulk rows to keep every global slot busy while others wait for their
        # chat, and room on top for urgent rows, so they never wait for a bulk row to finish.
        self.capacity = capacity or max(16, 2 * slots + 8)
        self.urgent_room = slots
        self._urgent: set[int] = set()  # ids of the urgent and timed rows in flight
        self._wake = asyncio.Event()
        self._changed = asyncio.Event()
        self._tasks: dict[int, asyncio.Task] = {}
        self._loop_task: asyncio.Task | None = None
        self._housekept = float("-inf")
        self._fresh = True
        self.counters = {"sent": 0, "failed": 0, "unreachable": 0, "rescheduled": 0,
                         "recovered": 0}
        self.sender = db.dialect == "sqlite"

    # -- lifecycle -----------------------------------------------------------------------------

    async def start(self) -> None:
        outbox.add_listener(self.kick)
        if self.db.dialect == "sqlite":  # one instance: it is the sender
            await self._recover()
            self._loop_task = asyncio.create_task(self._run(), name="outbox-dispatcher")
        else:
            self._loop_task = asyncio.create_task(self._run_elected(), name="outbox-dispatcher")

    async def _recover(self) -> None:
        recovered = await store.recover(self.db)
        if recovered:
            log.info("outbox: %d notification(s) were in flight at the last stop; sending again",
                     recovered)
        self.counters["recovered"] += recovered

    async def _run_elected(self) -> None:
        """Several instances on one database: the one holding the ``outbox-sender`` lock sends
        (Telegram's limits are the bot's, not an instance's); the others wait to take over, and
        the one that does first sends again what the last sender had in flight."""
        while True:
            async with self.db.exclusive(SENDER_LOCK) as held:
                if held:
                    log.info("outbox: this instance sends the notifications")
                    try:
                        # Telegram counts the last second's sends of the old sender too (none
                        # at a first start: then sending begins at once, as on SQLite).
                        pause = timedelta(seconds=TAKEOVER_PAUSE)
                        if await store.sent_since(self.db, self.clock.now() - pause):
                            await asyncio.sleep(TAKEOVER_PAUSE)
                        await self._recover()
                        self.sender = True
                        await self._run()
                    finally:  # stop sending before the lock is let go
                        self.sender = False
                        await self._stop_deliveries()
            await asyncio.sleep(POLL_SECONDS)

    async def stop(self) -> None:
        outbox.remove_listener(self.kick)
        if self._loop_task is not None:
            self._loop_task.cancel()
            await asyncio.gather(self._loop_task, return_exceptions=True)
            self._loop_task = None
        await self._stop_deliveries()

    async def _stop_deliveries(self) -> None:
        tasks = dict(self._tasks)
        for task in tasks.values():
            task.cancel()
        await asyncio.gather(*tasks.values(), return_exceptions=True)
        # Claimed rows whose task did not finish are pending again (as after a crash).
        await store.release(self.db, list(tasks))
        for row_id in tasks:
            self._tasks.pop(row_id, None)

    @property
    def running(self) -> bool:
        return self._loop_task is not None and not self._loop_task.done()

    def kick(self) -> None:
        """Look for new and due rows now (called on enqueue, by the sweep and by ``drain``)."""
        self._fresh = True
        self._wake.set()

    # -- the loop ------------------------------------------------------------------------------

    async def _run(self) -> None:
        while True:
            self._wake.clear()
            fresh, self._fresh = self._fresh, False
            try:
                await self._step(fresh)
            except asyncio.CancelledError:
                raise
            except Exception:  # a database hiccup must not end delivery for good
                log.exception("outbox: dispatcher step failed; trying again")
                await asyncio.sleep(POLL_SECONDS)
            try:
                await asyncio.wait_for(self._wake.wait(), POLL_SECONDS)
            except TimeoutError:
                self._fresh = True  # the periodic poll: time moves rows into their window

    async def _step(self, fresh: bool) -> None:
        """Admit new rows and top up the rows in flight; ``fresh``: new rows or time passed."""
        if fresh:
            loop_time = asyncio.get_running_loop().time()
            if loop_time - self._housekept >= HOUSEKEEPING_SECONDS:
                self._housekept = loop_time
                await self.housekeeping(self.clock.now())
            await self._admit()
        free = self.capacity + self.urgent_room - len(self._tasks)
        bulk_free = self.capacity - (len(self._tasks) - len(self._urgent))
        # A finished send frees its chat, but the claim looks at every due row: top up in
        # batches, unless little is in flight (then a waiting chat's next row goes at once).
        # ``fresh`` also follows every finished urgent row: the next urgent one goes at once.
        if bulk_free < self.capacity // 2 and not fresh:
            return
        if free <= 0:
            return
        # However many urgent rows are due, bulk keeps a few rows in flight: the limiter can
        # only give bulk its share when bulk sends are waiting for it.
        bulk_kept = max(0, min(bulk_free, BULK_KEPT - (len(self._tasks) - len(self._urgent))))
        now = self.clock.now()
        async with self.db.transaction() as tx:
            claimed = await store.claim(tx, now, free, bulk_limit=bulk_free,
                                        urgent_limit=free - bulk_kept)
        for row in claimed:
            if row.urgency != BULK:
                self._urgent.add(row.id)
            self._tasks[row.id] = asyncio.create_task(self._deliver(row), name=f"outbox-{row.id}")

    async def _admit(self) -> None:
        """Give new rows their due time under the recipient's quiet or working hours."""
        settings = self.settings
        while True:
            async with self.db.transaction() as tx:
                rows = await store.unadmitted(tx)
                if not rows:
                    return
                due = []
                for row in rows:
                    moment = max(from_db(row["created_at"]), from_db(row["not_before"]))
                    due.append((row["id"], policy.send_at(
                        settings, audience=row["audience"], moment=moment,
                        urgent=bool(row["urgent"]), lesson_at=from_db(row["lesson_at"]))))
                await store.admit(tx, due)
            self._changed.set()

    async def housekeeping(self, now: datetime) -> None:
        """Give up rows past the horizon (sent rows are pruned by the sweep)."""
        horizon = timedelta(hours=self.settings.outbox_give_up_hours)
        given_up = await store.give_up(self.db, now, horizon)
        if given_up:
            log.warning("outbox: gave up %d notification(s) after %g h", given_up,
                        self.settings.outbox_give_up_hours)
            self.counters["failed"] += given_up

    # -- one row -------------------------------------------------------------------------------

    async def _deliver(self, row: store.Claimed) -> None:
        try:
            await self._attempt(row)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            log.exception("outbox: row %d (%s) failed unexpectedly", row.id, row.message_key)
            await self._retry_later(row, f"internal error: {type(exc).__name__}")
        finally:
            self._tasks.pop(row.id, None)
            if row.id in self._urgent:
                self._urgent.discard(row.id)
                self._fresh = True  # more urgent rows may be due: claim them now
            self._changed.set()
            self._wake.set()

    async def _attempt(self, row: store.Claimed) -> None:
        db = self.db
        if row.chat_id is None:
            await self._retry_later(row, NOT_LINKED)
            return
        if row.unreachable_since is not None:
            async with db.transaction() as tx:
                await store.mark_unreachable(tx, row_id=row.id, person_id=row.person_id,
                                             chat_id=row.chat_id, now=self.clock.now(),
                                             reason="chat unreachable since " +
                                                    to_db(row.unreachable_since))
            self.counters["unreachable"] += 1
            return
        tr = self.i18n.get(row.language)
        try:
            params = await outbox.load(db, row.message_key, row.params)
            rendered = outbox.render(row.message_key, tr, params)
        except Exception as exc:  # a renderer bug or params from an older version
            log.error("outbox: row %d: cannot render %s (%s)", row.id, row.message_key,
                      type(exc).__name__)
            await self._fail(row, f"cannot render {row.message_key}: {type(exc).__name__}")
            return
        parts = split_message(rendered.text)
        sent = list(row.sent_parts)
        try:
            for index in range(len(sent), len(parts)):
                last = index == len(parts) - 1
                message = await self._send(row, parts[index], rendered.buttons if last else None)
                sent.append(message.message_id)
                if not last:
                    await store.save_progress(db, row.id, sent)
        except Undeliverable as exc:
            await self.note_unreachable(row.chat_id, str(exc), row_id=row.id,
                                        person_id=row.person_id)
            return
        except Permanent as exc:
            await self._fail(row, str(exc))
            return
        except Transient as exc:
            await self._retry_later(row, str(exc))
            return
        await store.mark_sent(db, row.id, self.clock.now(), sent)
        self.counters["sent"] += 1

    async def _send(self, row: store.Claimed, text: str,
                    buttons: InlineKeyboardMarkup | None) -> Message:
        """One Bot API request with quick retries; raises Undeliverable/Permanent/Transient."""
        priority = row.priority if row.urgency == BULK else min(row.priority, PRIORITY_URGENT)
        extra = {"rate_limit_args": {"priority": priority}} if self.limiter else {}
        quick = iter(QUICK_RETRIES)
        while True:
            try:
                return await self.bot.send_message(
                    chat_id=row.chat_id, text=text, reply_markup=buttons, **extra)
            except RetryAfter as exc:
                # The limiter already waited and retried; it keeps the chat paused.
                reason = f"flood control: retry after {retry_after_seconds(exc):g} s"
                delay = 0.0
            except Forbidden as exc:
                raise Undeliverable(exc.message) from None
            except ChatMigrated as exc:
                raise Permanent(f"chat migrated: {exc.message}") from None
            except BadRequest as exc:
                raise Permanent(exc.message) from None
            except InvalidToken as exc:
                raise Transient(f"invalid token: {exc.message}") from None
            except NetworkError as exc:  # includes TimedOut and 5xx answers
                reason = f"network: {exc.message}"
                delay = None
            except TelegramError as exc:
                raise Permanent(exc.message) from None
            wait = next(quick, None)
            if wait is None:
                raise Transient(reason)
            await asyncio.sleep(wait if delay is None else delay)

    async def _retry_later(self, row: store.Claimed, reason: str) -> None:
        now = self.clock.now()
        horizon = timedelta(hours=self.settings.outbox_give_up_hours)
        if now >= row.eligible_at + horizon:
            await self._fail(row, f"gave up after "
                                  f"{self.settings.outbox_give_up_hours:g} h: {reason}")
            return
        backoff = min(SLOW_RETRY_MAX, SLOW_RETRY_FIRST * 2 ** max(0, row.attempts - 1))
        due = policy.send_at(self.settings, audience=row.audience, moment=now + backoff,
                             urgent=row.urgent, lesson_at=row.lesson_at)
        await store.reschedule(self.db, row.id, due, reason)
        self.counters["rescheduled"] += 1
        if reason != NOT_LINKED:
            log.warning("outbox: row %d rescheduled (%s)", row.id, reason)

    async def _fail(self, row: store.Claimed, reason: str) -> None:
        await store.mark_failed(self.db, row.id, self.clock.now(), reason)
        self.counters["failed"] += 1
        log.warning("outbox: row %d (%s) failed: %s", row.id, row.message_key, reason)

    async def note_unreachable(self, chat_id: int, reason: str, *, row_id: int | None = None,
                               person_id: int | None = None) -> None:
        """Stop sending to a chat that refuses us; tell a participant's klantmanager once."""
        now = self.clock.now()
        async with self.db.transaction() as tx:
            newly = await store.mark_unreachable(tx, chat_id=chat_id, now=now, reason=reason,
                                                 row_id=row_id, person_id=person_id)
            if newly:
                await alert_klantmanager(tx, chat_id, now)
        if row_id is not None:
            self.counters["unreachable"] += 1
        log.info("outbox: a chat became unreachable (%s)", reason)

    # -- for tests, /health and the admin --------------------------------------------------------

    async def drain(self, timeout: float = 10.0) -> None:
        """Wait until nothing due is left or in flight (see the module docstring)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        self.kick()
        while True:
            if not self._tasks and await store.due_count(self.db,
                                                         self.clock.now()) == 0:
                return
            remaining = deadline - loop.time()
            if remaining <= 0:
                due = await store.due_count(self.db, self.clock.now())
                raise TimeoutError(f"outbox not drained after {timeout} s: {due} row(s) due or "
                                   f"in flight, {len(self._tasks)} task(s) running, dispatcher "
                                   f"{'running' if self.running else 'stopped'}")
            self._changed.clear()
            try:
                await asyncio.wait_for(self._changed.wait(), min(0.05, remaining))
            except TimeoutError:
                pass

    async def stats(self) -> dict:
        data = await store.stats(self.db, self.clock.now())
        data["dispatcher"] = {"running": self.running, "in_flight": len(self._tasks),
                              "in_flight_urgent": len(self._urgent), **self.counters}
        if self.limiter is not None:
            data["rate_limiter"] = self.limiter.snapshot()
        return data


async def alert_klantmanager(tx: Tx, chat_id: int, now: datetime) -> None:
    """The "unreachable via Telegram" alert to the klantmanager of the participant in this chat."""
    row = await store.participant_in_chat(tx, chat_id)
    if row is None:
        return
    since = from_db(row["unreachable_since"]) or now
    name = marked(row["name"], row["external_id"], row["id"])
    await outbox.enqueue(
        tx, message_key=UNREACHABLE_ALERT, params={"name": name, "since": since.isoformat()},
        now=now, person_id=row["klantmanager_id"], audience="staff",
        priority=outbox.PRIORITY_NORMAL,
        dedupe_key=f"{UNREACHABLE_ALERT}:{row['id']}:{to_db(since)}")
