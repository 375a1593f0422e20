"""The pure rooster rules (issue 4): what a participant notices, when a change is worth a message,
who was in the group, when a lesson collides with a participation activity; and the iCalendar
import's recurrence expansion."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.rooster import ical_import
from bot.rules.lessons import Activity, Lesson
from bot.rules.rooster_diff import collides, lesson_changes, member_on, notifiable

AMS = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=AMS)


def a_lesson(day: int = 30, start: int = 9, end: int = 12, **changes) -> Lesson:
    base = Lesson(external_id="L", group_id=1, kind="NT2", level="B1",
                  starts_at=datetime(2026, 11, day, start, tzinfo=AMS),
                  ends_at=datetime(2026, 11, day, end, tzinfo=AMS), location="Hengelo",
                  mode="classroom", teacher="Marieke")
    return replace(base, **changes)


def test_each_noticeable_change_is_named_and_kind_or_level_are_not():
    old = a_lesson()
    assert lesson_changes(None, old) == ("new",)
    assert lesson_changes(old, old) == ()
    assert lesson_changes(old, a_lesson(day=24)) == ("moved",)
    assert lesson_changes(old, a_lesson(end=13)) == ("moved",)
    assert lesson_changes(old, a_lesson(location="Enschede", teacher="Joost")) == (
        "location", "teacher")
    assert lesson_changes(old, a_lesson(mode="distance")) == ("mode",)
    assert lesson_changes(old, a_lesson(kind="KNM", level="A2")) == ()
    assert lesson_changes(old, a_lesson(cancelled=True, location="x")) == ("cancelled",)
    assert lesson_changes(a_lesson(cancelled=True), old) == ("new",), "back on the rooster"
    assert lesson_changes(None, a_lesson(cancelled=True)) == ()


def test_only_lessons_not_over_and_within_eight_weeks_notify():
    assert notifiable(None, a_lesson(day=30), NOW)
    assert not notifiable(None, a_lesson(day=16), NOW), "in the past"
    eight_weeks = replace(a_lesson(), starts_at=NOW + timedelta(weeks=8),
                          ends_at=NOW + timedelta(weeks=8, hours=3))
    beyond = replace(eight_weeks, starts_at=eight_weeks.starts_at + timedelta(minutes=1))
    assert notifiable(None, eight_weeks, NOW)
    assert not notifiable(None, beyond, NOW)
    assert notifiable(a_lesson(day=30), beyond, NOW), "moved out of the coming weeks: tell"
    running = a_lesson(day=23, start=8, end=11)
    assert notifiable(None, running, NOW), "a lesson that has started is not over yet"


def test_membership_days_include_joining_and_exclude_leaving():
    periods = [(date(2026, 9, 1), date(2026, 12, 1)), (date(2027, 1, 4), None)]
    assert member_on(periods, date(2026, 9, 1))
    assert member_on(periods, date(2026, 11, 30))
    assert not member_on(periods, date(2026, 12, 1))
    assert not member_on(periods, date(2026, 12, 20))
    assert member_on(periods, date(2030, 1, 1))


def weekly(weekday=0, start=time(10), end=time(11), **kw) -> Activity:
    return Activity(id=1, participant_id=1, title="werk", weekday=weekday, start_time=start,
                    end_time=end, **kw)


def test_weekly_and_dated_activities_collide_only_when_they_share_time():
    monday = a_lesson(day=30)  # Monday 09:00-12:00
    assert collides(monday, weekly())
    assert not collides(monday, weekly(weekday=1)), "other weekday"
    assert not collides(monday, weekly(start=time(12), end=time(13))), "touching is fine"
    assert not collides(monday, weekly(valid_until=date(2026, 11, 29)))
    assert not collides(monday, weekly(valid_from=date(2026, 12, 1)))
    assert not collides(replace(monday, cancelled=True), weekly())
    once = Activity(id=2, participant_id=1, title="afspraak",
                    starts_at=datetime(2026, 11, 30, 11, 30, tzinfo=AMS),
                    ends_at=datetime(2026, 11, 30, 14, tzinfo=AMS))
    assert collides(monday, once)
    assert not collides(a_lesson(day=24), once)


@given(st.integers(0, 6), st.integers(6, 20), st.integers(1, 4), st.integers(0, 6),
       st.integers(6, 20), st.integers(1, 4))
def test_collision_is_exactly_the_overlap_of_wall_clock_hours(lesson_day, lesson_hour,
                                                              lesson_len, act_day, act_hour,
                                                              act_len):
    day = date(2026, 11, 23) + timedelta(days=lesson_day)
    lesson = replace(a_lesson(), starts_at=datetime.combine(day, time(lesson_hour), AMS),
                     ends_at=datetime.combine(day, time(lesson_hour), AMS)
                     + timedelta(hours=lesson_len))
    end_hour = min(act_hour + act_len, 23)
    activity = weekly(weekday=act_day, start=time(act_hour), end=time(end_hour))
    expected = (lesson_day == act_day and lesson_hour < end_hour
                and act_hour < lesson_hour + lesson_len)
    assert collides(lesson, activity) == expected


# ---- iCalendar import ------------------------------------------------------------------------

def calendar(*events: str) -> bytes:
    body = "".join(f"BEGIN:VEVENT\r\n{event.strip()}\r\nEND:VEVENT\r\n" for event in events)
    return ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//NL\r\n" + body
            + "END:VCALENDAR\r\n").replace("\n\n", "\n").encode()


def event(rule: str = "", extra: str = "", start="20261123T090000", end="20261123T120000",
          uid="les-1") -> str:
    lines = [f"UID:{uid}", f"DTSTART;TZID=Europe/Amsterdam:{start}",
             f"DTEND;TZID=Europe/Amsterdam:{end}", "SUMMARY:KNM B1"]
    if rule:
        lines.append(f"RRULE:{rule}")
    if extra:
        lines.extend(extra.split("|"))
    return "\r\n".join(lines)


def starts(parsed) -> list[str]:
    return [o.starts_at.astimezone(AMS).strftime("%a %Y-%m-%d %H:%M") for o in parsed.lessons]


def test_weekly_rule_keeps_the_wall_clock_time_across_the_change_to_summer_time():
    parsed = ical_import.parse(calendar(event("FREQ=WEEKLY;UNTIL=20270405T000000Z",
                                              start="20270315T090000",
                                              end="20270315T120000")), NOW)
    assert starts(parsed) == ["Mon 2027-03-15 09:00", "Mon 2027-03-22 09:00",
                              "Mon 2027-03-29 09:00"]
    assert [o.starts_at.utcoffset() for o in parsed.lessons][1:] == [
        timedelta(hours=1), timedelta(hours=2)]
    assert all(o.kind == "KNM" for o in parsed.lessons), "the kind is read from SUMMARY"


def test_interval_byday_count_and_exdate():
    parsed = ical_import.parse(calendar(event(
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=4",
        "EXDATE;TZID=Europe/Amsterdam:20261208T090000", start="20261124T090000",
        end="20261124T110000")), NOW)
    # COUNT counts the occurrences before EXDATE takes one out (RFC 5545 3.8.5.1).
    assert starts(parsed) == ["Tue 2026-11-24 09:00", "Thu 2026-11-26 09:00",
                              "Thu 2026-12-10 09:00"]
    daily = ical_import.parse(calendar(event("FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;COUNT=6")), NOW)
    assert starts(daily)[-1] == "Mon 2026-11-30 09:00"


def test_a_rule_without_end_stops_after_a_year_and_ids_are_stable():
    parsed = ical_import.parse(calendar(event("FREQ=WEEKLY")), NOW)
    assert len(parsed.lessons) == 53
    again = ical_import.parse(calendar(event("FREQ=WEEKLY")), NOW)
    assert [o.external_id for o in parsed.lessons] == [o.external_id for o in again.lessons]
    assert len({o.external_id for o in parsed.lessons}) == 53


def test_override_cancels_one_occurrence_and_all_day_events_are_skipped():
    override = event(extra="RECURRENCE-ID;TZID=Europe/Amsterdam:20261130T090000|"
                           "STATUS:CANCELLED", start="20261130T090000", end="20261130T120000")
    all_day = "UID:vakantie\r\nDTSTART;VALUE=DATE:20261221\r\nDTEND;VALUE=DATE:20270104"
    parsed = ical_import.parse(calendar(event("FREQ=WEEKLY;COUNT=3"), override, all_day), NOW)
    assert [o.cancelled for o in parsed.lessons] == [False, True, False]
    assert parsed.skipped == [("vakantie", "all-day event: a lesson needs a start and end time")]


@pytest.mark.parametrize("rule, extra, why", [
    ("FREQ=MONTHLY", "", "FREQ=MONTHLY"),
    ("FREQ=WEEKLY;BYMONTH=1", "", "BYMONTH"),
    ("FREQ=WEEKLY;BYDAY=1MO", "", "BYDAY=1MO"),
    ("FREQ=WEEKLY;COUNT=2;UNTIL=20270101", "", "both COUNT and UNTIL"),
    ("", "RDATE;TZID=Europe/Amsterdam:20261201T090000", "RDATE"),
    ("FREQ=DAILY;COUNT=5000", "", "more than 1000"),
])
def test_unsupported_recurrence_is_refused_with_the_reason(rule, extra, why):
    with pytest.raises(ical_import.IcsError) as refused:
        ical_import.parse(calendar(event(rule, extra)), NOW)
    assert why in refused.value.why and refused.value.where == "les-1"


@pytest.mark.parametrize("data, why", [
    (b"hello", "not a readable iCalendar"),
    (b"BEGIN:VEVENT\r\nEND:VEVENT\r\n", "BEGIN:VCALENDAR"),
    (calendar(event(end="20261123T230000")), "longer than 12 hours"),
    (calendar(event(end="20261123T080000")), "ends before it starts"),
    (calendar(event(), event()), "same UID"),
])
def test_unusable_calendars_are_refused(data, why):
    with pytest.raises(ical_import.IcsError) as refused:
        ical_import.parse(data, NOW)
    assert why in refused.value.why


def test_utc_and_floating_times():
    utc = event(start="20261123T080000Z", end="20261123T110000Z").replace(
        "DTSTART;TZID=Europe/Amsterdam:", "DTSTART:").replace(
        "DTEND;TZID=Europe/Amsterdam:", "DTEND:")
    floating = utc.replace("Z\r\n", "\r\n").replace("T080000", "T090000").replace(
        "T110000Z", "T120000").replace("les-1", "les-2")
    parsed = ical_import.parse(calendar(utc, floating), NOW)
    assert [o.starts_at.astimezone(UTC).hour for o in parsed.lessons] == [8, 8]
