"""Reminders before a lesson (issue 14; the rule is ``bot.rules.reminders``).

The scheduler's sweep computes them from the stored lessons, so a restart loses none: every
reminder whose moment is within ``AHEAD`` becomes an outbox row (urgency ``timed``, due at its
moment) with a dedupe key naming the lesson's start, so each is enqueued once. The sweep reads
only the lessons starting in the next hours and those of a day whose evening reminder is near,
leaving out what is in the outbox already (``python bench/reminders.py`` times it). A lesson
that moves or is cancelled withdraws its unsent reminders (``withdraw``, called by the push in
the same transaction); the next sweep enqueues the reminders of the new time. The evening
reminder comes at the participant's chosen time, else at ``INBURGERBOT_REMINDER_EVENING``.
The lesson's place is read when the reminder is sent, so a new place shows. A participant who
turns a reminder off (/instellingen) withdraws its unsent rows too, and so does choosing
another evening time (the next sweep enqueues them at the new time).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, time, timedelta

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.i18n import Translator
from bot.menus import MENU_PREFIX
from bot.outbox import (
    PRIORITY_HIGH,
    Notice,
    Rendered,
    enqueue_many,
    loads,
    renders,
    withdraw_unsent,
)
from bot.rooster.notices import kind_label
from bot.rooster.way import way_lines
from bot.rules import reminders as rule
from bot.rules import urgency
from bot.rules.localtime import at_local
from bot.rules.quiet_hours import QUIET_END, QUIET_START
from bot.services import Services
from storage import attendance as attendance_store
from storage import reminders as store
from storage.database import Database, Tx

REMINDER = "rooster.reminder"
# Reminders whose moment is this close are put in the outbox (waiting there for their moment).
AHEAD = timedelta(hours=2)
BATCH = 2000


async def run_sweep(svc: Services, now: datetime) -> None:
    settings = svc.settings
    tz = settings.tz
    quiet_start, quiet_end = settings.quiet_hours or (QUIET_START, QUIET_END)
    # Which lessons can have a reminder due within AHEAD: the one-hour reminder of a lesson
    # starting soon, and the evening reminder of the lessons of a day whose evening is near.
    # Each participant's evening is the installation's or one of the choices (/instellingen).
    default_at = settings.reminder_evening or rule.EVENING_AT
    evenings = {default_at, *rule.evening_choices(quiet_start, quiet_end, default_at)}
    soon = [(now, now + rule.HOUR_BEFORE + AHEAD)]
    days = []
    today = now.astimezone(tz).date()
    for day in (today + timedelta(days=1), today + timedelta(days=2)):
        for at in evenings:
            moment = rule.evening_moment(at_local(day, time(23, 59), tz), tz, quiet_start,
                                         quiet_end, at)
            if moment is not None and moment - AHEAD <= now < moment + rule.EVENING_GRACE:
                days.append((at_local(day, time(0), tz),
                             at_local(day + timedelta(days=1), time(0), tz)))
                break
    found = {rule.HOUR: await store.candidates(svc.db, rule.HOUR, soon),
             rule.EVENING: await store.candidates(svc.db, rule.EVENING, days)}
    schools = {c.school_id for kind in found.values() for c in kind}
    holidays = await attendance_store.holidays_for(svc.db, schools)
    fresh = []
    moments: dict[tuple[str, datetime, time], list[rule.Reminder]] = {}
    for kind, candidates in found.items():
        for c in candidates:
            day = c.starts_at.astimezone(tz).date()
            if day < c.joined_on or (c.left_on is not None and day >= c.left_on):
                continue
            if any((group is None or group == c.group_id) and first <= day <= last
                   for group, first, last in holidays.get(c.school_id, [])):
                continue
            at = c.evening_at or default_at
            if (kind, c.starts_at, at) not in moments:  # a group's members share their lessons
                moments[kind, c.starts_at, at] = rule.due(rule.reminders_for(
                    c.starts_at, evening=kind == rule.EVENING, hour=kind == rule.HOUR, tz=tz,
                    quiet_start=quiet_start, quiet_end=quiet_end, evening_at=at), now, AHEAD)
            for reminder in moments[kind, c.starts_at, at]:
                fresh.append(Notice(
                    message_key=REMINDER, params={"lesson": c.lesson_id, "when": kind},
                    person_id=c.person_id, priority=PRIORITY_HIGH, not_before=reminder.at,
                    dedupe_key=store.dedupe_key(kind, c.person_id, c.lesson_id, c.starts_text),
                    concerns_lesson_at=c.starts_at if kind == rule.HOUR else None,
                    urgency=urgency.urgency(now, reminder=True)))
    # In batches, so an evening with thousands of reminders leaves room for replies meanwhile.
    for start in range(0, len(fresh), BATCH):
        async with svc.db.transaction() as tx:
            await enqueue_many(tx, fresh[start:start + BATCH], now)


SWEEPS = (("rooster_reminders", run_sweep),)


async def withdraw(tx: Tx, lesson_ids: Iterable[int], person_id: int | None = None) -> int:
    """Unsent reminders of these lessons are not sent (the lesson moved, was cancelled, or the
    participant reported they will not come)."""
    return await withdraw_unsent(tx, REMINDER, "lesson", list(lesson_ids), person_id)


async def withdraw_kind(tx: Tx, person_id: int, kind: str) -> int:
    """The participant turned this reminder off: its unsent rows are not sent."""
    return await withdraw_unsent(tx, REMINDER, "when", [kind], person_id)


@loads(REMINDER)
async def _lesson(db: Database, params: dict) -> dict:
    lesson = await store.lesson_for_reminder(db, params["lesson"])
    if lesson is not None:
        params.update(lesson)
    return params


@renders(REMINDER)
def _reminder(tr: Translator, params: dict) -> Rendered | str:
    start = datetime.fromisoformat(params["starts_at"].replace("Z", "+00:00"))
    lesson = tr.safe(kind_label(tr, params.get("kind") or "other"))
    if params.get("when") == rule.EVENING:
        first = tr._("⏰ Reminder: tomorrow, {day}, you have a lesson at {time}: {lesson}.",
                     day=tr.weekday_date(start), time=tr.time(start), lesson=lesson)
    else:
        first = tr._("⏰ Reminder: your lesson starts in one hour, at {time}: {lesson}.",
                     time=tr.time(start), lesson=lesson)
    lines = [first, *way_lines(tr, params.get("location"), params.get("mode") or "classroom",
                               params.get("join_url"))]
    buttons = InlineKeyboardMarkup([
        [InlineKeyboardButton(tr.f_("I cannot come")[:60],
                              callback_data=f"{MENU_PREFIX}afmelden")],
        [InlineKeyboardButton("⚙️ " + tr.f_("Reminder settings")[:56],
                              callback_data=f"{MENU_PREFIX}instellingen")]])
    return Rendered(tr.paragraphs(lines), buttons)
