"""Overstap (issue 7): switching to another group of the same school or to another convenant
school, with the klantmanager, a handover conversation and the participant's consent.

Convenant art. 11.1-11.3 (switching, settlement, handover conversation), 12.2-12.5 (what goes to
the new school, and telling the participant what and why), 10.7 (final urenverklaring), 4.4, 14
and 15 (a school that loses its standing: exclusion tells the other schools, a suspended or
withdrawn keurmerk has the klantmanager advise its participants to switch).

Across the layers:

- rules: ``bot.rules.overstap``, the pure state machine (states, who acts, who is told, when to
  remind);
- services, here: ``items`` (the consent items of art. 12.4 and the reasons for switching),
  ``access`` (who takes part in a request, the refusal of a step), ``filing`` (a new request),
  ``flow`` (every later step, in one transaction), ``telling`` (who is told what, the cards of
  /overstappen), ``notices`` (how the messages read, in the recipient's language), ``sweep``
  (reminders, the final urenverklaring retried, handover contents forgotten; its ``SWEEPS``),
  ``standing`` (a school's two standings, convenant and keurmerk, changed, who is told, and the
  klantmanager's advice to switch) with ``standing_notices``, ``leaving`` (the final
  urenverklaring when a switch to another school completes);
- handlers: ``conversations.overstap`` (/overstap, the participant's request),
  ``conversations.overstap_answers`` (the participant's answers: advice, handover conversation,
  consent per item, withdrawal), ``conversations.overstap_handling`` (/overstappen and the staff
  conversation) with ``overstap_klantmanager``, ``overstap_old_school``, ``overstap_new_school``
  and ``overstap_staff``, ``conversations.overstap_standing`` (the klantmanager sends the advice
  to switch) and ``conversations.gedeeld`` (/gedeeld, what was shared and why);
- routes: ``bot.api.overstap`` (schools and gemeenten);
- admin commands: ``bot.admin.overstap`` (``school-status``, ``schools``);
- queries: ``storage.overstap`` (requests, steps, consent, handover), ``storage.placement``
  (groups and memberships), ``storage.convenant`` (schools' standing, who at a school is told),
  ``storage.switch_advice`` (the advice to switch and who sent it),
  ``storage.sharing`` (the sharing log), and ``storage.orgs`` for school and gemeente lookups.
"""
