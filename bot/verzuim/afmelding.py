"""A participant's own absence report, made in advance with /afmelden (issue 6; C art. 9.3).

Which coming lessons can be reported (those that will really take place: not cancelled, not in
a holiday, while a member of the group); filing a report, stored with the attendance
registration and told to the school's staff through the outbox in one transaction; and how that
message reads for the staff (Dutch or English, rendered at send time, registered with the outbox
at import time). The conversation itself is ``conversations/afmelden.py``.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.i18n import SN_, Translator
from bot.names import name_of
from bot.outbox import PRIORITY_HIGH, Rendered, enqueue, renders
from bot.rooster import reminders
from bot.rules import verzuim as rule
from bot.services import Services
from bot.uren.issue import confirmers
from storage import attendance as store
from storage.people import Person

LOOK_AHEAD = timedelta(days=14)

STAFF_REASONS = {
    "ill": SN_("ill"),
    "appointment": SN_("appointment with the gemeente, IND or a doctor"),
    "work": SN_("work"),
    "childcare": SN_("child care"),
    "other": SN_("another reason"),
}


async def coming_lessons(services: Services, person: Person, limit: int,
                         reported: bool = True) -> list[store.LessonRow]:
    """The participant's coming lessons that will really take place (not cancelled, not in a
    holiday, while a member of the group), soonest first; without those already reported
    absent when ``reported`` is False (a lesson is reported once, issue 14)."""
    found = await coming_with_reports(services, person, limit if reported else 10 * limit)
    return [lesson for lesson, reason in found if reported or reason is None][:limit]


async def coming_with_reports(services: Services, person: Person, limit: int
                              ) -> list[tuple[store.LessonRow, str | None]]:
    """``coming_lessons`` with the reason of each one the participant reported absent."""
    now, tz = services.now(), services.settings.tz
    found = await store.upcoming_lessons(services.db, person.id, now, now + LOOK_AHEAD)
    holidays = (await store.holidays_for(services.db, {person.school_id})).get(person.school_id, [])
    kept = []
    for lesson, periods, reason in found:
        day = lesson.starts_at.astimezone(tz).date()
        if not any(rule.Membership(joined, left).covers(day) for joined, left in periods):
            continue
        if any((group is None or group == lesson.group_id) and first <= day <= last
               for group, first, last in holidays):
            continue
        kept.append((lesson, reason))
    return kept[:limit]


async def file_report(services: Services, person: Person, lesson: store.LessonRow, reason: str,
                      note: str | None, now: datetime) -> None:
    """Store the report; when it is new or changed, the school's staff hear of it."""
    staff = await confirmers(services.db, person.school_id)
    async with services.db.transaction() as tx:
        new = await store.report_absence(tx, lesson=lesson, person_id=person.id, reason=reason,
                                         note=note, now=now)
        await reminders.withdraw(tx, [lesson.id], person.id)  # no reminder of it (issue 14)
        if new:
            for member in staff:
                await enqueue(tx, message_key="attendance.reported", now=now, person_id=member.id,
                              audience="staff", priority=PRIORITY_HIGH,
                              concerns_lesson_at=lesson.starts_at,
                              dedupe_key=f"afmelding:{lesson.id}:{person.id}:{member.id}:"
                                         f"{now.timestamp():.0f}",
                              params={"name": name_of(person), "group": lesson.group_name,
                                      "starts_at": lesson.starts_at.isoformat(),
                                      "reason": reason, "note": note})


@renders("attendance.reported")
def _reported(tr: Translator, params: dict) -> Rendered | str:
    moment = datetime.fromisoformat(params["starts_at"])
    lines = [tr.s_("Absence reported: {name} will not come to the lesson of {group} on {day} at "
                   "{time}.", name=params["name"], group=params["group"],
                   day=tr.weekday_date(moment), time=tr.time(moment)),
             tr.s_("Reason: {reason}", reason=tr.safe(tr.sf_(
                 STAFF_REASONS.get(params["reason"], STAFF_REASONS["other"]))))]
    if params.get("note"):
        lines.append(tr.s_("Note from the participant: {note}", note=params["note"]))
    return tr.lines(lines)


async def withdraw_report(services: Services, person: Person, lesson: store.LessonRow,
                          now: datetime) -> bool:
    """The participant can come after all (issue 14): the report is withdrawn before the lesson
    starts, and the school's staff hear of it; False when there was no report to withdraw."""
    staff = await confirmers(services.db, person.school_id)
    async with services.db.transaction() as tx:
        if not await store.withdraw_report(tx, lesson_id=lesson.id, person_id=person.id,
                                           now=now):
            return False
        for member in staff:
            await enqueue(tx, message_key="attendance.withdrawn", now=now, person_id=member.id,
                          audience="staff", priority=PRIORITY_HIGH,
                          concerns_lesson_at=lesson.starts_at,
                          dedupe_key=f"afmelding-weg:{lesson.id}:{person.id}:{member.id}:"
                                     f"{now.timestamp():.0f}",
                          params={"name": name_of(person), "group": lesson.group_name,
                                  "starts_at": lesson.starts_at.isoformat()})
    return True


@renders("attendance.withdrawn")
def _withdrawn(tr: Translator, params: dict) -> str:
    moment = datetime.fromisoformat(params["starts_at"])
    return tr.s_("Absence report withdrawn: {name} will come to the lesson of {group} on {day} "
                 "at {time} after all.", name=params["name"], group=params["group"],
                 day=tr.weekday_date(moment), time=tr.time(moment))
