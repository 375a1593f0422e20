"""Applying a school's push (issue 4): participants, groups with members, lessons and holidays,
all or nothing in one transaction. What a push says is ``bot.rooster.planning``.

Each push is compared in memory with what is stored (``bot.rules.rooster_diff``); only rows that
differ are written, with ``executemany``. Every active participant affected by a change they
should know of gets one message per push listing all their changes (convenant art. 10.4: the
school actively tells the participant), through the outbox in the same transaction. Changes to
lessons already over notify nobody; changes more than eight weeks ahead are held for the weekly
summary (``bot.rooster.later``); a change on a day with a participant's participation activity
tells their klantmanager (``bot.rooster.activity_days``, art. 9.2); an identical re-push changes
nothing and notifies nobody. Afterwards conflicts with participation activities are recomputed
for the participants whose lessons moved (convenant art. 12.6).
"""

from __future__ import annotations

import secrets
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, tzinfo

from bot.names import marked
from bot.outbox import Notice, enqueue_many, supersede, unsent
from bot.rooster import activity_days, conflicts, later, notices, reminders
from bot.rooster.pacing import breathing
from bot.rooster.planning import (
    CancelMissing,
    GroupInput,
    HolidayInput,
    LessonInput,
    Loc,
    Outcome,
    ParticipantInput,
    Planning,
    Rejected,
)
from bot.rules.lessons import Holiday, Lesson
from bot.rules.rooster_diff import lesson_changes, local_day, member_on, notifiable, told_later
from bot.verzuim import uitval
from storage import groups as group_store
from storage import holidays as holiday_store
from storage import lessons as lesson_store
from storage import orgs, partners
from storage import participants as participant_store
from storage import participation as activity_store
from storage.database import Tx


@dataclass(frozen=True)
class Change:
    """A pushed lesson that differs from the stored one in a way participants notice."""

    old: Lesson | None
    new: Lesson
    kinds: tuple[str, ...]
    regrouped: bool


REQUIRED_LESSON_FIELDS = ("location", "level", "teacher", "mode")
MAX_ERRORS = 100

# Changes that can make a lesson start or stop colliding with an activity.
TIME_CHANGES = frozenset({"new", "cancelled", "moved"})


def _duplicates(items, what: str) -> list[tuple[Loc, str]]:
    seen: set[str] = set()
    errors = []
    for item in items:
        if item.external_id in seen:
            errors.append((item.loc + ("external_id",), f"{what} {item.external_id!r} is listed"
                           " twice in this push"))
        seen.add(item.external_id)
    return errors


class Push:
    """One push of one school inside one transaction: ``await Push(...).apply(planning)``."""

    def __init__(self, tx: Tx, school_id: int, now: datetime, tz: tzinfo, link_code_days: int):
        self.tx, self.school_id, self.now, self.tz = tx, school_id, now, tz
        self.link_code_days = link_code_days
        self.outcome = Outcome()
        # participant -> notice entries (JSON-ready)
        self.entries: dict[int, list[dict]] = defaultdict(list)
        self.later: list[tuple[dict, set[int]]] = []  # (entry, who) beyond the horizon
        self.told_now: set[str] = set()  # lessons told at once: no longer held
        # (old, new, entry, who notices) per change: participation days (bot.rooster.activity_days)
        self.touched: list[tuple] = []
        # participants whose lessons changed in time or membership: conflicts to recompute
        self.recheck: set[int] = set()
        self.recheck_groups: set[int] = set()

    # ---- the whole push ---------------------------------------------------------------------
    async def apply(self, planning: Planning) -> Outcome:
        errors = (_duplicates(planning.participants, "participant")
                  + _duplicates(planning.groups, "group")
                  + _duplicates(planning.lessons, "lesson")
                  + _duplicates(planning.holidays, "holiday"))
        if errors:
            raise Rejected(errors)
        # Read only what this push refers to: a single lesson must not load the whole school.
        referenced = {m.participant for g in planning.groups for m in (g.members or ())}
        participants = await self._participants(planning.participants, referenced)
        groups = await self._groups(planning, participants)
        await self._holidays(planning.holidays, groups)
        await self._lessons(planning.lessons, groups, planning.cancel_missing)
        await self._notify()
        await later.hold(self.tx, self.school_id, self.later, self.told_now, self.now)
        await activity_days.tell_klantmanagers(self.tx, self.touched, self.now, self.tz)
        await self._conflicts()
        return self.outcome

    # ---- participants -----------------------------------------------------------------------
    async def _participants(self, inputs: list[ParticipantInput], referenced: set[str]
                            ) -> dict[str, int]:
        """External id -> person id of the participants this push lists or refers to."""
        wanted = referenced | {p.external_id for p in inputs}
        if not wanted:
            return {}
        stored = await participant_store.participants_by_external(self.tx, self.school_id, wanted)
        if not inputs:
            return {ext: row.id for ext, row in stored.items()}
        wanted_km = {p.klantmanager_id for p in inputs if p.klantmanager_id is not None}
        # Only klantmanagers of gemeenten that work with this school; an unknown id and another
        # gemeente's answer alike, so the ids cannot be walked.
        km_gemeente = (await partners.klantmanagers_for_school(self.tx, self.school_id, wanted_km)
                       if wanted_km else {})
        errors = [(p.loc + ("klantmanager_id",),
                   f"no klantmanager {p.klantmanager_id} of a gemeente that works with you")
                  for p in inputs
                  if p.klantmanager_id is not None and p.klantmanager_id not in km_gemeente]
        if errors:
            raise Rejected(errors)
        inserts, updates, moves = [], [], []
        for p in inputs:
            gemeente = km_gemeente.get(p.klantmanager_id) if p.klantmanager_id else None
            old = stored.get(p.external_id)
            if old is None:
                inserts.append((p.external_id, p.name, p.regime, p.route, p.klantmanager_id,
                                gemeente, p.status or "active"))
                continue
            # A push that leaves the status out leaves it alone (C art. 12.4: a routine sync
            # must not undo an uitval); a change goes through the uitval path.
            status = p.status or old.status
            if status != old.status:
                moves.append((p, old.id, status))
            if (old.name, old.regime, old.route, old.klantmanager_id) != (
                    p.name, p.regime, p.route, p.klantmanager_id) or status != old.status:
                updates.append((p.name, p.regime, p.route, p.klantmanager_id, gemeente,
                                old.status, old.id))
        ids = {ext: row.id for ext, row in stored.items()}
        if updates:
            await participant_store.update_participants(self.tx, updates)
        if moves:
            school = await orgs.get_school(self.tx, self.school_id)
            for p, person_id, status in moves:
                await uitval.record_status(
                    self.tx, school_id=self.school_id, school_name=school.name,
                    person_id=person_id, name=marked(p.name, p.external_id, person_id),
                    klantmanager_id=p.klantmanager_id,
                    status=status, effective_on=None, reason=None, now=self.now, tz=self.tz)
        if inserts:
            created = await participant_store.insert_participants(self.tx, self.school_id,
                                                                  inserts, self.now)
            ids.update(created)
            codes = await participant_store.issue_first_link_codes(
                self.tx, created.values(), self.now, self.link_code_days)
            self.outcome.link_codes = {ext: codes[pid] for ext, pid in created.items()}
        self.outcome.participants_created = len(inserts)
        self.outcome.participants_updated = len(updates)
        return ids

    # ---- groups and members -----------------------------------------------------------------
    async def _groups(self, planning: Planning, participants: dict[str, int]
                      ) -> dict[str, group_store.GroupRow]:
        inputs = planning.groups
        wanted = ({g.external_id for g in inputs} | {lesson.group for lesson in planning.lessons}
                  | {h.group for h in planning.holidays if h.group is not None})
        if planning.cancel_missing is not None:
            wanted |= set(planning.cancel_missing.group_ids or ())
        if not wanted:
            return {}
        stored = await group_store.groups_by_external(self.tx, self.school_id, wanted)
        if not inputs:
            return stored
        errors = [(m.loc + ("participant",), f"there is no participant {m.participant!r}"
                   " at this school")
                  for g in inputs for m in (g.members or ()) if m.participant not in participants]
        if errors:
            raise Rejected(errors)
        inserts, updates = [], []
        for g in inputs:
            values = (g.name, g.kind, g.level, g.capacity, g.location)
            old = stored.get(g.external_id)
            if old is None:
                inserts.append((g.external_id, *values))
            elif (old.name, old.kind, old.level, old.capacity, old.location) != values:
                updates.append((*values, old.id))
        if updates:
            await group_store.update_groups(self.tx, updates, self.now)
        if inserts:
            await group_store.insert_groups(self.tx, self.school_id, inserts, self.now)
            stored = await group_store.groups_by_external(self.tx, self.school_id, wanted)
        self.outcome.groups_created, self.outcome.groups_updated = len(inserts), len(updates)
        with_members = [g for g in inputs if g.members is not None]
        if with_members:
            await self._members(with_members, stored, participants)
        return stored

    async def _members(self, inputs: list[GroupInput],
                       groups: dict[str, group_store.GroupRow],
                       participants: dict[str, int]) -> None:
        """The listed members replace the group's membership periods."""
        group_ids = {g.external_id: groups[g.external_id].id for g in inputs}
        current: dict[int, dict[tuple[int, date], group_store.MemberRow]] = defaultdict(dict)
        for row in await group_store.members(self.tx, group_ids.values()):
            current[row.group_id][(row.person_id, row.joined_on)] = row
        deletes, inserts, left_changes = [], [], []
        for g in inputs:
            group_id = group_ids[g.external_id]
            have = current.get(group_id, {})
            want: dict[tuple[int, date], date | None] = {}
            for m in g.members:
                key = (participants[m.participant], m.joined_on)
                if key in want:
                    raise Rejected([(m.loc, "this membership is listed twice")])
                want[key] = m.left_on
            for key, row in have.items():
                if key not in want:
                    deletes.append(row.id)
                    self.recheck.add(key[0])
                elif row.left_on != want[key]:
                    left_changes.append((want[key], row.id))
                    self.recheck.add(key[0])
            for key, left in want.items():
                if key not in have:
                    inserts.append((group_id, key[0], key[1], left))
                    self.recheck.add(key[0])
        await group_store.delete_members(self.tx, deletes)
        await group_store.update_member_left(self.tx, left_changes)
        await group_store.insert_members(self.tx, inserts)

    # ---- holidays ---------------------------------------------------------------------------
    async def _holidays(self, inputs: list[HolidayInput],
                        groups: dict[str, group_store.GroupRow]) -> None:
        if not inputs:
            return
        errors = [(h.loc + ("group",), f"there is no group {h.group!r} at this school")
                  for h in inputs if h.group is not None and h.group not in groups]
        if errors:
            raise Rejected(errors)
        stored = await holiday_store.holidays_by_external(self.tx, self.school_id)
        inserts, updates, announce = [], [], []
        for h in inputs:
            holiday = Holiday(h.external_id, h.name, h.starts_on, h.ends_on,
                              groups[h.group].id if h.group else None)
            old = stored.get(h.external_id)
            if old is None:
                inserts.append(holiday)
                announce.append(("new", holiday))
            elif old != holiday:
                updates.append(replace(holiday, id=old.id))
                if (old.starts_on, old.ends_on) != (holiday.starts_on, holiday.ends_on):
                    announce.append(("changed", holiday))
        await holiday_store.upsert_holidays(self.tx, self.school_id, inserts, updates, self.now)
        self.outcome.holidays_created, self.outcome.holidays_updated = len(inserts), len(updates)
        today = local_day(self.now, self.tz)
        announce = [(how, h) for how, h in announce if h.ends_on >= today]
        if not announce:
            return
        school_wide = None
        for how, holiday in announce:
            if holiday.group_id is None:
                if school_wide is None:
                    school_wide = await participant_store.active_school_participants(
                        self.tx, self.school_id)
                audience = school_wide
            else:
                periods = (await group_store.active_memberships(self.tx, [holiday.group_id])
                           ).get(holiday.group_id, {})
                audience = [pid for pid, spans in periods.items()
                            if any(joined <= holiday.ends_on
                                   and (left is None or left > max(holiday.starts_on, today))
                                   for joined, left in spans)]
            entry = notices.holiday_entry(how, holiday)
            for person_id in audience:
                self.entries[person_id].append(entry)

    # ---- lessons ----------------------------------------------------------------------------
    async def _lessons(self, inputs: list[LessonInput],
                       groups: dict[str, group_store.GroupRow],
                       cancel_missing: CancelMissing | None) -> None:
        errors = [(item.loc + ("group",), f"there is no group {item.group!r} at this school")
                  for item in inputs if item.group not in groups]
        if errors:
            raise Rejected(errors)
        # Blik op Werk norm 2.10.1: every lesson has a location, a level, a teacher and its mode
        # (classroom or distance, which decides which hours count); the level may come from the
        # group, nothing else is assumed. A cancelled lesson is not given: it needs none of them.
        inputs = [item if item.level else replace(item, level=groups[item.group].level)
                  async for item in breathing(inputs)]
        errors = [(item.loc + (name,), f"{name} is required for a lesson (norm 2.10.1)")
                  async for item in breathing(inputs) if not item.cancelled
                  for name in REQUIRED_LESSON_FIELDS if not getattr(item, name)][:MAX_ERRORS]
        if errors:
            raise Rejected(errors)
        if cancel_missing is None and not inputs:
            return
        wanted = None if cancel_missing is not None else [item.external_id for item in inputs]
        stored = await lesson_store.lesson_snapshot(self.tx, self.school_id, wanted)
        pushed = [Lesson(external_id=item.external_id, group_id=groups[item.group].id,
                         kind=item.kind or groups[item.group].kind, level=item.level,
                         starts_at=item.starts_at, ends_at=item.ends_at, location=item.location,
                         mode=item.mode, teacher=item.teacher, cancelled=item.cancelled,
                         join_url=item.join_url)
                  async for item in breathing(inputs)]
        if cancel_missing is not None:
            pushed.extend(self._cancelled_by_omission(pushed, stored, cancel_missing, groups))
        inserts: list[Lesson] = []
        updates: list[tuple[Lesson, str | None, datetime | None]] = []
        changed: list[Change] = []
        async for lesson in breathing(pushed):
            row = stored.get(lesson.external_id)
            if row is not None and row[1] == lesson_store.lesson_values(lesson):
                self.outcome.lessons_unchanged += 1
                self.outcome.lesson_changes[lesson.external_id] = ()
                continue
            old = lesson_store.lesson_from_values(lesson.external_id, *row) if row else None
            kinds = lesson_changes(old, lesson)
            regrouped = old is not None and old.group_id != lesson.group_id
            self.outcome.lesson_changes[lesson.external_id] = kinds
            if old is None:
                inserts.append(lesson)
                if lesson.cancelled:
                    self.outcome.lessons_cancelled += 1
            else:
                lesson = replace(lesson, id=old.id)
                previous = old.starts_at if "moved" in kinds else None
                updates.append((lesson, ",".join(kinds) or None, previous))
                if "cancelled" in kinds:
                    self.outcome.lessons_cancelled += 1
            if kinds or regrouped:
                changed.append(Change(old, lesson, kinds, regrouped))
        if inserts:
            await lesson_store.insert_lessons(self.tx, self.school_id, inserts, self.now)
        if updates:
            await lesson_store.update_lessons(self.tx, updates, self.now)
            # A reminder of the old time, or of a cancelled lesson, is not sent (issue 14).
            await reminders.withdraw(self.tx, [c.old.id for c in changed if c.old is not None
                                               and (c.regrouped or TIME_CHANGES & set(c.kinds))])
        self.outcome.lessons_created = len(inserts)
        self.outcome.lessons_updated = len(updates)
        await self._lesson_notices(changed)

    def _cancelled_by_omission(self, pushed: list[Lesson], stored: dict[str, tuple[int, tuple]],
                               window: CancelMissing, groups: dict[str, group_store.GroupRow]
                               ) -> list[Lesson]:
        listed = {lesson.external_id for lesson in pushed}
        group_ids = ({groups[g].id for g in window.group_ids if g in groups}
                     if window.group_ids is not None else None)
        start, end = lesson_store.utc_text(window.start), lesson_store.utc_text(window.end)
        # values: (group_id, kind, level, starts_at, ends_at, location, mode, teacher, cancelled)
        return [replace(lesson_store.lesson_from_values(ext, lesson_id, values), cancelled=True)
                for ext, (lesson_id, values) in stored.items()
                if ext not in listed and not values[8] and start <= values[3] < end
                and (group_ids is None or values[0] in group_ids)
                and (window.prefix is None or ext.startswith(window.prefix))]

    async def _lesson_notices(self, changed: list[Change]) -> None:
        """Who notices what: the active members of the group on the lesson's day, before and
        after the change; a lesson moved to another group is cancelled for those who leave it
        and new for those who join it."""
        if not changed:
            return
        async for c in breathing(changed):
            if c.regrouped or set(c.kinds) & TIME_CHANGES:
                self.recheck_groups.add(c.new.group_id)
                if c.old is not None:
                    self.recheck_groups.add(c.old.group_id)
        relevant = [c async for c in breathing(changed) if notifiable(c.old, c.new, self.now)
                    or told_later(c.old, c.new, self.now)]
        if not relevant:
            return
        group_ids = {c.new.group_id for c in relevant}
        group_ids.update(c.old.group_id for c in relevant if c.old is not None)
        memberships = await group_store.active_memberships(self.tx, group_ids)

        def audience(lesson: Lesson | None) -> set[int]:
            if lesson is None:
                return set()
            day = local_day(lesson.starts_at, self.tz)
            return {pid for pid, spans in memberships.get(lesson.group_id, {}).items()
                    if member_on(spans, day)}

        async for c in breathing(relevant):
            # Beyond the horizon: held for the weekly summary (bot.rooster.later).
            held = not notifiable(c.old, c.new, self.now)
            if not held:
                self.told_now.add(c.new.external_id)
            before, after = audience(c.old), audience(c.new)
            if not before and not after:
                continue  # nobody was or is in the group that day: nobody to tell
            entry = notices.lesson_entry(c.kinds or ("new",), c.old, c.new)
            self.touched.append((c.old, c.new, entry, before | after))
            if c.regrouped and not c.old.cancelled and not c.new.cancelled:
                self._add(before - after, notices.lesson_entry(("cancelled",), c.old, c.old), held)
                self._add(after - before, notices.lesson_entry(("new",), None, c.new), held)
                if c.kinds:
                    self._add(before & after, entry, held)
            elif c.kinds:
                self._add(before | after, entry, held)

    def _add(self, people: set[int], entry: dict, held: bool = False) -> None:
        if held:
            self.later.append((entry, people))
            return
        for person_id in people:
            self.entries[person_id].append(entry)

    # ---- notifications and conflicts --------------------------------------------------------
    async def _notify(self) -> None:
        """One message per participant, all rows with one executemany. A participant's message
        still unsent takes this push's changes too (issue 18): it keeps its place in the queue,
        its urgency follows the final content, and nothing is sent when all cancels out."""
        if not self.entries:
            return
        earlier = await unsent(self.tx, notices.CHANGED, self.entries)
        batch = secrets.token_hex(6)
        fresh: list[Notice] = []
        rewrites: list[tuple[int, Notice]] = []
        withdrawn: list[int] = []
        for person_id, entries in self.entries.items():
            rows = earlier.get(person_id, [])
            more = 0
            if rows:
                folded: list[dict] = []
                for row in rows:
                    folded = notices.fold(folded, row.params.get("entries", []))
                    more += row.params.get("more", 0)
                entries = notices.fold(folded, entries)
            notice = self._notice(person_id, entries, more, batch)
            if not rows:
                fresh.append(notice)
                continue
            withdrawn.extend(row.id for row in rows[1:])
            if entries or more:
                rewrites.append((rows[0].id, notice))
            else:
                withdrawn.append(rows[0].id)
        await supersede(self.tx, rewrites, withdrawn)
        await enqueue_many(self.tx, fresh, self.now)
        self.outcome.notified_participants = len(self.entries)

    def _notice(self, person_id: int, entries: list[dict], more: int, batch: str) -> Notice:
        return Notice(message_key=notices.CHANGED, params=notices.changed_params(entries, more),
                      person_id=person_id, audience="participant",
                      dedupe_key=f"rooster:{batch}:{person_id}",
                      concerns_lesson_at=notices.first_lesson(entries, self.now),
                      urgency=notices.urgency_of(entries, self.now))

    async def _conflicts(self) -> None:
        people = set(self.recheck)
        if self.recheck_groups:
            with_activities = await activity_store.people_with_activities(self.tx, self.school_id)
            if with_activities:
                groups_of = await group_store.people_groups(self.tx, with_activities)
                people.update(pid for pid in with_activities
                              if any(g in self.recheck_groups for g, _, _ in groups_of[pid]))
        if not people:
            return
        opened, resolved = await conflicts.recompute(self.tx, people, self.now, self.tz)
        self.outcome.conflicts_opened, self.outcome.conflicts_resolved = opened, resolved


async def set_membership(tx: Tx, group_id: int, person_id: int, joined_on: date,
                         left_on: date | None, now: datetime, tz: tzinfo) -> bool:
    """One membership period (by its ``joined_on``) of one participant, leaving the group's other
    periods alone; returns whether anything changed. Conflicts follow the new membership."""
    current = [m for m in await group_store.members(tx, [group_id])
               if m.person_id == person_id and m.joined_on == joined_on]
    if current and current[0].left_on == left_on:
        return False
    if current:
        await group_store.update_member_left(tx, [(left_on, current[0].id)])
    else:
        await group_store.insert_members(tx, [(group_id, person_id, joined_on, left_on)])
    await conflicts.recompute(tx, {person_id}, now, tz)
    return True


async def apply(tx: Tx, school_id: int, planning: Planning, now: datetime, tz: tzinfo,
                link_code_days: int) -> Outcome:
    """Apply a push inside ``tx``; raises ``Rejected`` before or while writing (the caller's
    transaction then rolls everything back)."""
    return await Push(tx, school_id, now, tz, link_code_days).apply(planning)


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())
