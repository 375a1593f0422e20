"""The overstap state machine as pure rules (issue 7; convenant art. 11, 12.3): who may take which
step, who is told, who is waited on, and when a waiting step is reminded."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.rules import overstap as machine
from bot.rules.overstap import (
    OPEN,
    SCHOOL,
    SLOT,
    TERMINAL,
    TRANSITIONS,
    Event,
    IllegalTransition,
    Party,
    State,
)

AMS = ZoneInfo("Europe/Amsterdam")

HAPPY_SCHOOL_PATH = [
    (Event.APPROVE, Party.KLANTMANAGER, State.APPROVED),
    (Event.PROPOSE, Party.OLD_SCHOOL, State.CONVERSATION_PROPOSED),
    (Event.ACCEPT, Party.PARTICIPANT, State.CONVERSATION_ACCEPTED),
    (Event.HOLD, Party.OLD_SCHOOL, State.CONVERSATION_HELD),
    (Event.CONSENT, Party.PARTICIPANT, State.CONSENT_GIVEN),
    (Event.HAND_OVER, Party.OLD_SCHOOL, State.HANDED_OVER),
    (Event.COMPLETE, Party.NEW_SCHOOL, State.COMPLETED),
]


def test_a_school_switch_goes_through_every_step_in_order():
    state = State.REQUESTED
    for event, party, after in HAPPY_SCHOOL_PATH:
        assert machine.waiting_on(SCHOOL, state) == party
        assert machine.actor_for(SCHOOL, state, event) == party
        state = machine.next_state(SCHOOL, state, event)
        assert state == after
    assert machine.waiting_on(SCHOOL, state, settled=False) == Party.OLD_SCHOOL
    assert machine.waiting_on(SCHOOL, state, settled=True) is None


def test_a_time_slot_switch_is_decided_by_the_school_alone():
    assert machine.waiting_on(SLOT, State.REQUESTED) == Party.OLD_SCHOOL
    assert machine.next_state(SLOT, State.REQUESTED, Event.APPROVE) == State.COMPLETED
    assert machine.next_state(SLOT, State.REQUESTED, Event.DECLINE) == State.DECLINED
    with pytest.raises(IllegalTransition):
        machine.next_state(SLOT, State.REQUESTED, Event.ADVISE)
    assert machine.concerned(SLOT, State.REQUESTED, Event.APPROVE) == {Party.PARTICIPANT,
                                                                        Party.KLANTMANAGER}


def test_advice_otherwise_lets_the_participant_continue_or_withdraw():
    state = machine.next_state(SCHOOL, State.REQUESTED, Event.ADVISE)
    assert machine.waiting_on(SCHOOL, state) == Party.PARTICIPANT
    assert machine.allowed_events(SCHOOL, state, Party.PARTICIPANT) == {Event.CONTINUE,
                                                                        Event.WITHDRAW}
    assert machine.next_state(SCHOOL, state, Event.CONTINUE) == State.APPROVED


def test_asking_another_time_goes_back_to_the_old_school():
    assert machine.next_state(SCHOOL, State.CONVERSATION_PROPOSED,
                              Event.RESCHEDULE) == State.APPROVED
    assert machine.concerned(SCHOOL, State.CONVERSATION_PROPOSED, Event.RESCHEDULE) == {
        Party.OLD_SCHOOL, Party.NEW_SCHOOL}


def test_the_new_school_hears_nothing_before_the_klantmanager_agreed():
    assert Party.NEW_SCHOOL not in machine.concerned(SCHOOL, State.REQUESTED, Event.ADVISE)
    assert Party.NEW_SCHOOL not in machine.concerned(SCHOOL, State.REQUESTED, Event.WITHDRAW)
    assert Party.NEW_SCHOOL in machine.concerned(SCHOOL, State.REQUESTED, Event.APPROVE)
    assert Party.NEW_SCHOOL in machine.concerned(SCHOOL, State.CONSENT_GIVEN, Event.WITHDRAW)


def test_consent_is_told_to_the_old_school_only():
    assert machine.concerned(SCHOOL, State.CONVERSATION_HELD, Event.CONSENT) == {
        Party.OLD_SCHOOL}


def test_handover_conversation_c_11_3_is_held_before_consent_and_handover_are_possible():
    """Art. 11.3: the handover goes through a conversation with the participant; art. 12.3: the
    participant consents per item. Neither consent nor handover can come before it was held."""
    for state in (State.APPROVED, State.CONVERSATION_PROPOSED, State.CONVERSATION_ACCEPTED):
        for event in (Event.CONSENT, Event.HAND_OVER):
            with pytest.raises(IllegalTransition):
                machine.next_state(SCHOOL, state, event)
    assert machine.waiting_on(SCHOOL, State.CONVERSATION_ACCEPTED) == Party.OLD_SCHOOL
    assert machine.next_state(SCHOOL, State.CONVERSATION_ACCEPTED,
                              Event.HOLD) == State.CONVERSATION_HELD
    assert machine.concerned(SCHOOL, State.CONVERSATION_ACCEPTED, Event.HOLD) == {
        Party.PARTICIPANT, Party.NEW_SCHOOL}


@given(st.sampled_from((SLOT, SCHOOL)), st.sampled_from(list(State)), st.sampled_from(list(Event)))
def test_every_step_is_either_defined_or_refused_and_no_one_is_told_of_their_own_step(
        kind, state, event):
    if (kind, state, event) not in TRANSITIONS:
        with pytest.raises(IllegalTransition):
            machine.next_state(kind, state, event)
        return
    actor = machine.actor_for(kind, state, event)
    assert actor not in machine.concerned(kind, state, event)
    assert machine.next_state(kind, state, event) in set(State)


@given(st.sampled_from((SLOT, SCHOOL)), st.sampled_from(sorted(OPEN)))
def test_every_open_state_waits_on_someone_who_can_move_it(kind, state):
    party = machine.waiting_on(kind, state)
    if party is None:  # a state this kind of request never reaches
        assert not any(k == kind and s == state and e != Event.WITHDRAW
                       for k, s, e in TRANSITIONS)
        return
    assert machine.allowed_events(kind, state, party) - {Event.WITHDRAW}
    assert Event.WITHDRAW in machine.allowed_events(kind, state, Party.PARTICIPANT)


@given(st.sampled_from((SLOT, SCHOOL)), st.sampled_from(sorted(TERMINAL)),
       st.sampled_from(list(Event)))
def test_nothing_leaves_a_closed_request(kind, state, event):
    with pytest.raises(IllegalTransition):
        machine.next_state(kind, state, event)


def test_forged_names_are_refused_not_crashed():
    with pytest.raises(IllegalTransition):
        machine.next_state(SCHOOL, "nonsense", "approve")
    with pytest.raises(IllegalTransition):
        machine.actor_for(SCHOOL, "requested", "drop table")


def test_a_reminder_comes_after_five_working_days_and_again_five_later():
    monday = datetime(2026, 11, 23, 9, 0, tzinfo=AMS)
    friday = datetime(2026, 11, 27, 9, 0, tzinfo=AMS)
    next_monday = datetime(2026, 11, 30, 9, 0, tzinfo=AMS)
    assert not machine.reminder_due(monday, None, friday)
    assert not machine.reminder_due(monday, None, next_monday - timedelta(minutes=1))
    assert machine.reminder_due(monday, None, next_monday)
    assert not machine.reminder_due(monday, next_monday, next_monday + timedelta(days=4))
    assert machine.reminder_due(monday, next_monday, next_monday + timedelta(days=7))
    # A reminder of an earlier step does not count for this one.
    assert not machine.reminder_due(next_monday, monday, next_monday + timedelta(days=1))


def test_reminders_skip_weekends_and_dutch_public_holidays():
    christmas_eve = datetime(2026, 12, 24, 10, 0, tzinfo=AMS)
    # 25 and 26 December are holidays, 26-27 a weekend: five working days end on 4 January
    # (1 January is a holiday too).
    assert not machine.reminder_due(christmas_eve, None,
                                    datetime(2027, 1, 1, 10, 0, tzinfo=AMS))
    assert machine.reminder_due(christmas_eve, None, datetime(2027, 1, 4, 10, 0, tzinfo=AMS))


@given(st.integers(min_value=1, max_value=15), st.integers(min_value=0, max_value=400))
def test_the_reminder_term_is_configurable(days, offset_days):
    start = datetime(2026, 1, 5, 9, 0, tzinfo=AMS) + timedelta(days=offset_days)
    from bot.rules.working_days import add_working_days

    due = add_working_days(start, days)
    assert machine.reminder_due(start, None, due, days)
    assert not machine.reminder_due(start, None, due - timedelta(seconds=1), days)
