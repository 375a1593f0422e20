"""Overstap (issue 7): switching to another group of the same school or to another convenant
school, with the klantmanager, a handover conversation and the participant's consent.

Convenant art. 11.1-11.3 (switching, settlement, handover conversation), 12.2-12.5 (what goes to
the new school, and telling the participant what and why), 10.7 (final urenverklaring), 4.4, 14
and 15 (a school that loses its standing: its participants are advised to switch).

- ``bot.rules.overstap``: the pure state machine (states, who acts, who is told, reminders);
- ``items``: the consent items of art. 12.4 and the reasons for switching;
- ``flow``: steps applied in one transaction with their notifications;
- ``notices``: how the messages read, in the recipient's language;
- ``sweep``: reminders for a step left waiting; the final urenverklaring retried;
- ``standing``: a school's convenant status changed by the admin, and who is told;
- ``leaving``: the final urenverklaring when a switch to another school completes.
"""
