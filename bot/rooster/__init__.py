"""The rooster (issue 4): convenant art. 10.4 (a clear lesrooster; when it changes, the school
actively tells the participant), art. 10.6 (the vakantieregeling announced in advance), art. 9.2
and 12.6 (the rooster may not collide with the participant's mandatory participation activities)
and Blik op Werk norm 2.10.1 (per lesson: location, date and time, group, kind, level, classroom
or distance, teacher, and who takes part).

- ``model``: the lesson, holiday and activity values the rules work on;
- ``diff``: pure rules: what changed in a lesson, who must hear of it, when an activity collides;
- ``ical_import``: lessons from an RFC 5545 calendar with weekly or daily recurrence;
- ``push``: applying a school's push in one transaction (store, compare, notify, conflicts);
- ``notices``: how the notifications read, rendered in the recipient's language at send time;
- ``feed``: the private iCalendar feed of a participant's lessons.
"""
