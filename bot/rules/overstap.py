"""The overstap state machine (issue 7; convenant art. 11.1-11.3, 12.3, 12.5): pure rules, no I/O.

Two kinds of request:

- ``slot``: another day or time at the same school (art. 11.1, "easy"): the school approves with a
  date from which the new group applies (or declines with a reason), and that completes it.
- ``school``: another school that takes part in the convenant, "in overleg met, of op advies van de
  Klantmanager" (art. 11.1): the klantmanager approves or advises otherwise with a note (the
  participant then continues or withdraws). The klantmanager advises; the participant and the
  schools decide, so there is no "decline" that blocks the switch. The current school proposes a
  handover conversation with the participant present (art. 11.3); the participant accepts (or
  asks for another time); the old school records that the conversation was held; only then does
  the participant say per item what may go to the new school (art. 12.3, 12.5), and the old
  school hands over the agreed items; the new school confirms the placement, which completes
  it.

A participant may withdraw while the request is open. Every state but the terminal ones waits on
exactly one party; a step left waiting ``reminder_days`` working days reminds that party, and again
every ``reminder_days`` working days. After a school switch completes, the old school still owes
the financial settlement (art. 11.2): it is reminded of that the same way.
"""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo
from enum import StrEnum

from bot.rules.localtime import AMSTERDAM
from bot.rules.working_days import add_working_days

DEFAULT_REMINDER_DAYS = 5


class State(StrEnum):
    REQUESTED = "requested"
    ADVISED_OTHERWISE = "advised_otherwise"
    APPROVED = "approved"
    CONVERSATION_PROPOSED = "conversation_proposed"
    CONVERSATION_ACCEPTED = "conversation_accepted"
    CONVERSATION_HELD = "conversation_held"
    CONSENT_GIVEN = "consent_given"
    HANDED_OVER = "handed_over"
    COMPLETED = "completed"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"


class Event(StrEnum):
    APPROVE = "approve"
    ADVISE = "advise"
    DECLINE = "decline"
    CONTINUE = "continue"
    PROPOSE = "propose"
    ACCEPT = "accept"
    RESCHEDULE = "reschedule"
    HOLD = "hold"
    CONSENT = "consent"
    HAND_OVER = "hand_over"
    COMPLETE = "complete"
    WITHDRAW = "withdraw"


class Party(StrEnum):
    """Who takes part: the participant, their klantmanager, the current and the new school."""

    PARTICIPANT = "participant"
    KLANTMANAGER = "klantmanager"
    OLD_SCHOOL = "old_school"
    NEW_SCHOOL = "new_school"


SLOT, SCHOOL = "slot", "school"
KINDS = (SLOT, SCHOOL)
TERMINAL = frozenset({State.COMPLETED, State.DECLINED, State.WITHDRAWN})
OPEN = frozenset(State) - TERMINAL

S, E, P = State, Event, Party

# (kind, state, event) -> (next state, the party that may cause it)
TRANSITIONS: dict[tuple[str, State, Event], tuple[State, Party]] = {
    (SLOT, S.REQUESTED, E.APPROVE): (S.COMPLETED, P.OLD_SCHOOL),
    (SLOT, S.REQUESTED, E.DECLINE): (S.DECLINED, P.OLD_SCHOOL),
    (SCHOOL, S.REQUESTED, E.APPROVE): (S.APPROVED, P.KLANTMANAGER),
    (SCHOOL, S.REQUESTED, E.ADVISE): (S.ADVISED_OTHERWISE, P.KLANTMANAGER),
    (SCHOOL, S.ADVISED_OTHERWISE, E.CONTINUE): (S.APPROVED, P.PARTICIPANT),
    (SCHOOL, S.APPROVED, E.PROPOSE): (S.CONVERSATION_PROPOSED, P.OLD_SCHOOL),
    # A new proposal replaces one the participant has not answered yet.
    (SCHOOL, S.CONVERSATION_PROPOSED, E.PROPOSE): (S.CONVERSATION_PROPOSED, P.OLD_SCHOOL),
    (SCHOOL, S.CONVERSATION_PROPOSED, E.ACCEPT): (S.CONVERSATION_ACCEPTED, P.PARTICIPANT),
    (SCHOOL, S.CONVERSATION_PROPOSED, E.RESCHEDULE): (S.APPROVED, P.PARTICIPANT),
    # Art. 11.3: the handover is "middels een gesprek waarbij de Inburgeraar is betrokken"; the
    # consent and the handover come after it, so the old school records it as held first.
    (SCHOOL, S.CONVERSATION_ACCEPTED, E.HOLD): (S.CONVERSATION_HELD, P.OLD_SCHOOL),
    (SCHOOL, S.CONVERSATION_HELD, E.CONSENT): (S.CONSENT_GIVEN, P.PARTICIPANT),
    (SCHOOL, S.CONSENT_GIVEN, E.HAND_OVER): (S.HANDED_OVER, P.OLD_SCHOOL),
    (SCHOOL, S.HANDED_OVER, E.COMPLETE): (S.COMPLETED, P.NEW_SCHOOL),
}
for _kind in KINDS:
    for _state in OPEN:
        TRANSITIONS[(_kind, _state, E.WITHDRAW)] = (S.WITHDRAWN, P.PARTICIPANT)
del _kind, _state

# Who must act while a request is in a state.
WAITING_ON: dict[tuple[str, State], Party] = {
    (SLOT, S.REQUESTED): P.OLD_SCHOOL,
    (SCHOOL, S.REQUESTED): P.KLANTMANAGER,
    (SCHOOL, S.ADVISED_OTHERWISE): P.PARTICIPANT,
    (SCHOOL, S.APPROVED): P.OLD_SCHOOL,
    (SCHOOL, S.CONVERSATION_PROPOSED): P.PARTICIPANT,
    (SCHOOL, S.CONVERSATION_ACCEPTED): P.OLD_SCHOOL,
    (SCHOOL, S.CONVERSATION_HELD): P.PARTICIPANT,
    (SCHOOL, S.CONSENT_GIVEN): P.OLD_SCHOOL,
    (SCHOOL, S.HANDED_OVER): P.NEW_SCHOOL,
}

# Parties who know of a school request once it reached a state (the new school only hears of
# it when the klantmanager has agreed: until then it is between participant and gemeente).
_KNOWN_BY_SCHOOLS = frozenset({S.APPROVED, S.CONVERSATION_PROPOSED, S.CONVERSATION_ACCEPTED,
                               S.CONVERSATION_HELD, S.CONSENT_GIVEN, S.HANDED_OVER})


class IllegalTransition(ValueError):
    """The event is not possible in this state (a stale or forged action)."""


def _transition(kind: str, state: State | str, event: Event | str) -> tuple[State, Party]:
    try:
        return TRANSITIONS[(kind, State(state), Event(event))]
    except (KeyError, ValueError):
        raise IllegalTransition(
            f"{event} is not possible for a {kind} request in {state}") from None


def next_state(kind: str, state: State | str, event: Event | str) -> State:
    """The state after ``event``; raises IllegalTransition when it is not possible now."""
    return _transition(kind, state, event)[0]


def actor_for(kind: str, state: State | str, event: Event | str) -> Party:
    """The party that may cause ``event`` now; raises IllegalTransition when none may."""
    return _transition(kind, state, event)[1]


def allowed_events(kind: str, state: State | str, party: Party | str) -> frozenset[Event]:
    """What ``party`` may do now."""
    return frozenset(event for (k, s, event), (_, actor) in TRANSITIONS.items()
                     if k == kind and s == State(state) and actor == Party(party))


def waiting_on(kind: str, state: State | str, settled: bool = True) -> Party | None:
    """Who must act now; after a completed school switch, the old school until it has settled."""
    state = State(state)
    if kind == SCHOOL and state == S.COMPLETED and not settled:
        return P.OLD_SCHOOL
    return WAITING_ON.get((kind, state))


def concerned(kind: str, before: State | str, event: Event | str) -> frozenset[Party]:
    """Who is told of a transition, besides the one who caused it (who gets a direct answer).

    Exactly the parties the step changes something for: the next one to act, and those whose
    plans it settles or cancels.
    """
    before, event = State(before), Event(event)
    actor = actor_for(kind, before, event)
    if kind == SLOT:
        # The klantmanager hears of a rooster change (art. 12.4 "het lesrooster").
        parties = {P.PARTICIPANT, P.KLANTMANAGER} if event == E.APPROVE else {P.PARTICIPANT}
        if event == E.WITHDRAW:
            parties = {P.OLD_SCHOOL}
    else:
        table: dict[Event, set[Party]] = {
            E.APPROVE: {P.PARTICIPANT, P.OLD_SCHOOL, P.NEW_SCHOOL},
            E.ADVISE: {P.PARTICIPANT},
            E.DECLINE: {P.PARTICIPANT},
            E.CONTINUE: {P.KLANTMANAGER, P.OLD_SCHOOL, P.NEW_SCHOOL},
            E.PROPOSE: {P.PARTICIPANT, P.NEW_SCHOOL},
            E.ACCEPT: {P.OLD_SCHOOL, P.NEW_SCHOOL},
            E.RESCHEDULE: {P.OLD_SCHOOL, P.NEW_SCHOOL},
            E.HOLD: {P.PARTICIPANT, P.NEW_SCHOOL},
            E.CONSENT: {P.OLD_SCHOOL},
            E.HAND_OVER: {P.PARTICIPANT, P.NEW_SCHOOL},
            E.COMPLETE: {P.PARTICIPANT, P.KLANTMANAGER, P.OLD_SCHOOL},
        }
        if event == E.WITHDRAW:
            parties = {P.KLANTMANAGER}
            if before in _KNOWN_BY_SCHOOLS:
                parties |= {P.OLD_SCHOOL, P.NEW_SCHOOL}
        else:
            parties = table[event]
    return frozenset(parties - {actor})


def reminder_due(state_since: datetime, last_reminded_at: datetime | None, now: datetime,
                 days: int = DEFAULT_REMINDER_DAYS, tz: tzinfo = AMSTERDAM) -> bool:
    """True when the waiting party should be reminded now: ``days`` working days after the step
    began, and again every ``days`` working days after the last reminder."""
    since = last_reminded_at if last_reminded_at is not None and last_reminded_at > state_since \
        else state_since
    return now >= add_working_days(since, days, tz)


# The handover conversation takes an hour and needs the participant there (art. 11.3): it is
# never planned over one of their lessons, which they would have to miss for it.
CONVERSATION_LENGTH = timedelta(hours=1)


def clashes_with_lessons(start: datetime, lessons: list[tuple[datetime, datetime]],
                         length: timedelta = CONVERSATION_LENGTH) -> bool:
    """Whether a conversation from ``start`` overlaps one of the (start, end) lessons."""
    end = start + length
    return any(lesson_start < end and start < lesson_end for lesson_start, lesson_end in lessons)
