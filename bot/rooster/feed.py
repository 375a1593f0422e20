"""The private calendar feed of a participant's lessons (issue 4, convenant art. 10.4: a clear
lesrooster): an iCalendar document the phone's calendar subscribes to, at an unguessable address
the participant gets from the bot and can renew (the old address then stops working).

The address carries a 192-bit random token; only its SHA-256 is stored. Lessons from four weeks
back to half a year ahead are included, cancelled ones with STATUS:CANCELLED so calendars strike
them through, and holidays as all-day events. A lesson carries the same alarms (VALARM) as the
bot's reminders, per the participant's settings (issue 14). Texts are in the participant's
language. The route that serves the document is ``bot.api.feed``; the token is kept by
``storage.feed_tokens``.
"""

from __future__ import annotations

from datetime import timedelta

from icalendar import Alarm, Calendar, Event

from bot.i18n import Translator
from bot.rooster.notices import kind_label, place_text
from bot.rules import reminders as reminder_rule
from bot.rules.quiet_hours import QUIET_END, QUIET_START
from bot.services import Services
from storage import holidays as holiday_store
from storage import lessons as lesson_store
from storage import reminders as reminder_store

PAST = timedelta(weeks=4)
AHEAD = timedelta(weeks=26)


def feed_url(base_url: str, token: str) -> str:
    return f"{base_url.rstrip('/')}/rooster/{token}.ics"


async def feed_document(svc: Services, person_id: int) -> bytes:
    """The iCalendar text of one participant's lessons and holidays."""
    now, tz = svc.now(), svc.settings.tz
    tr: Translator = await svc.translator_for_person(person_id)
    views = await lesson_store.lessons_for_person(svc.db, person_id, now - PAST, now + AHEAD, tz)
    first, last = (now - PAST).astimezone(tz).date(), (now + AHEAD).astimezone(tz).date()
    holidays = await holiday_store.holidays_for_person(svc.db, person_id, first, last)
    wanted = await reminder_store.settings_of(svc.db, person_id)
    quiet_start, quiet_end = svc.settings.quiet_hours or (QUIET_START, QUIET_END)
    calendar = Calendar()
    calendar.add("prodid", "-//inburgerbot//rooster//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", tr.f_("Lessons"))
    calendar.add("x-published-ttl", "PT1H")
    for view in views:
        lesson = view.lesson
        event = Event()
        event.add("uid", f"lesson-{lesson.id}@inburgerbot")
        event.add("dtstamp", now)
        event.add("dtstart", lesson.starts_at)
        event.add("dtend", lesson.ends_at)
        event.add("summary", kind_label(tr, lesson.kind))
        event.add("location", place_text(tr, lesson.location, lesson.mode))
        details = [view.group_name]
        if lesson.teacher:
            details.append(lesson.teacher)
        event.add("description", "\n".join(details))
        event.add("status", "CANCELLED" if lesson.cancelled else "CONFIRMED")
        if not lesson.cancelled:
            for reminder in reminder_rule.reminders_for(
                    lesson.starts_at, evening=wanted.evening, hour=wanted.hour, tz=tz,
                    quiet_start=quiet_start, quiet_end=quiet_end,
                    evening_at=wanted.evening_at or svc.settings.reminder_evening
                    or reminder_rule.EVENING_AT):
                alarm = Alarm()
                alarm.add("action", "DISPLAY")
                alarm.add("description", kind_label(tr, lesson.kind))
                alarm.add("trigger", reminder.at - lesson.starts_at,
                          parameters={"RELATED": "START"})
                event.add_component(alarm)
        calendar.add_component(event)
    for holiday in holidays:
        event = Event()
        event.add("uid", f"holiday-{holiday.id}@inburgerbot")
        event.add("dtstamp", now)
        event.add("dtstart", holiday.starts_on)
        event.add("dtend", holiday.ends_on + timedelta(days=1))
        event.add("summary", holiday.name)
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar.to_ical()
