"""The rooster (issue 4): convenant art. 10.4 (a clear lesrooster; when it changes, the school
actively tells the participant), art. 10.6 (the vakantieregeling announced in advance), art. 9.2
and 12.6 (the rooster may not collide with the participant's mandatory participation activities)
and Blik op Werk norm 2.10.1 (per lesson: location, date and time, group, kind, level, classroom
or distance, teacher, and who takes part).

The feature across the layers:

- handlers: ``conversations/rooster.py`` (/rooster: a week of lessons, the caseload of a
  klantmanager, the calendar link, today and the next lesson), ``conversations/activities.py``
  (/activiteiten: the klantmanager records participation activities) and
  ``conversations/instellingen.py`` (/instellingen: the reminders a participant wants);
- routes: ``bot/api/rooster.py`` (the schools' API: participants, groups, lessons, planning,
  iCalendar upload, holidays), ``bot/api/activities.py`` (the gemeenten's activities, and the
  conflicts for both), ``bot/api/feed.py`` (the private calendar feed), with the request and
  response bodies in ``bot/api/rooster_models.py``;
- rules: ``bot/rules/lessons.py`` (the lesson, holiday and activity values) and
  ``bot/rules/rooster_diff.py`` (what changed in a lesson, who must hear of it and when, when an
  activity collides) and ``bot/rules/participation.py`` (groups that fit the activities, days
  with an activity);
- services, here: ``planning`` (what a push says and what it did), ``push`` (applying a school's
  push in one transaction: store, compare, notify, conflicts), ``conflicts`` (opening and
  resolving conflicts with activities, alerting once), ``activities`` (recording an activity and
  recomputing its conflicts), ``ical_import`` (lessons from an RFC 5545 calendar with weekly or
  daily recurrence), ``notices`` (how the notifications read, rendered in the recipient's
  language at send time), ``feed`` (the iCalendar document of a participant's lessons, with
  alarms), ``reminders`` (the sweep that enqueues the reminders before each lesson, issue 14;
  rule ``bot/rules/reminders.py``), ``way`` (the address with a map link, or the join link),
  ``later`` (changes beyond eight weeks, held for the weekly summary and its sweep) and
  ``activity_days`` (the klantmanager hears of a change on a day with a participation activity);
- admin commands: none;
- queries: ``storage/participants.py`` (a school's participants by external id),
  ``storage/groups.py`` (groups and membership periods), ``storage/lessons.py``,
  ``storage/holidays.py``, ``storage/participation.py`` (participation activities),
  ``storage/rooster_conflicts.py``, ``storage/rooster_later.py``, ``storage/feed_tokens.py`` and
  ``storage/reminders.py``,
  sharing ``storage/rows.py``.
"""
