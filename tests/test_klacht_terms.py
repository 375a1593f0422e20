"""The klacht terms as the sweep applies them, over many dates (issue 5; Blik op Werk norm 1.5.2):
reminders come on the local day 7 and 2 days before a deadline, escalation the day after it, across
DST changes and year ends; plus the checks on what a participant types and the acknowledgement
and the klachtenlijn text in every shipped language."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.i18n import LANGUAGES, RLM, I18n
from bot.klachten import contacts
from bot.klachten.filing import named_in_text
from bot.klachten.limits import has_words
from bot.klachten.notices import acknowledgement, options_text
from bot.klachten.routing import ack_params
from bot.klachten.sweep import due_keys
from bot.rules.klacht_deadlines import deadlines
from storage.klachten import Klacht
from storage.people import Person

AMS = ZoneInfo("Europe/Amsterdam")


def klacht(received: datetime, decided: datetime | None = None) -> Klacht:
    due = deadlines(received)
    return Klacht(id=1, reference="K-TEST22", participant_id=1, school_id=1, route="school",
                  topic="lesson", description="", language="nl", anonymous=False,
                  state="in_treatment" if decided else "received", received_at=received,
                  acknowledged_at=received, ack_by=due.ack_by, decide_by=due.decide_by,
                  handle_by=due.handle_by, handler_id=None, decided_at=decided,
                  refusal_reason=None, outcome=None, outcome_text=None, handled_at=None,
                  satisfaction=None, satisfaction_at=None, klantmanager_consent=None)


def local(day: date, clock: time) -> datetime:
    return datetime.combine(day, clock, tzinfo=AMS)


EARLY, LATE = time(0, 0, 1), time(23, 59)

received_moments = st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2031, 12, 31),
                                timezones=st.just(UTC))


@settings(max_examples=300, deadline=None)
@given(received_moments)
def test_reminders_come_on_the_local_day_and_escalation_the_day_after(received):
    k = klacht(received)
    day = received.astimezone(AMS).date()
    at = lambda offset, clock: local(day + timedelta(days=offset), clock)  # noqa: E731
    assert due_keys(k, at(20, LATE), set()) == []
    assert due_keys(k, at(21, EARLY), set()) == ["decide_by:remind7"]
    assert due_keys(k, at(25, LATE), {"decide_by:remind7"}) == []
    assert due_keys(k, at(26, EARLY), {"decide_by:remind7"}) == ["decide_by:remind2"]
    assert due_keys(k, at(28, LATE), {"decide_by:remind7", "decide_by:remind2"}) == []
    sent = {"decide_by:remind7", "decide_by:remind2"}
    assert due_keys(k, at(29, EARLY), sent) == ["decide_by:escalate"]
    sent.add("decide_by:escalate")
    assert due_keys(k, at(35, EARLY), sent) == ["handle_by:remind7"]
    # Nobody is told "7 days left" two days before: only the latest stage is sent.
    assert due_keys(k, at(40, EARLY), sent) == ["handle_by:remind2"]
    assert due_keys(k, at(42, LATE), sent | {"handle_by:remind2"}) == []
    assert due_keys(k, at(43, EARLY), sent | {"handle_by:remind2"}) == ["handle_by:escalate"]
    assert due_keys(k, at(43, EARLY), sent | {"handle_by:remind2", "handle_by:escalate"}) == []


@settings(max_examples=100, deadline=None)
@given(received_moments)
def test_a_decided_klacht_is_only_reminded_of_its_handling(received):
    k = klacht(received, decided=received + timedelta(hours=1))
    day = received.astimezone(AMS).date()
    assert due_keys(k, local(day + timedelta(days=30), EARLY), set()) == []
    assert due_keys(k, local(day + timedelta(days=44), EARLY), set()) == ["handle_by:escalate"]


def test_dst_changes_and_year_ends_never_move_a_deadline_or_a_reminder_day():
    cases = [
        (datetime(2026, 3, 28, 23, 30, tzinfo=AMS), date(2026, 4, 25), date(2026, 5, 9)),
        (datetime(2026, 10, 24, 23, 30, tzinfo=AMS), date(2026, 11, 21), date(2026, 12, 5)),
        (datetime(2026, 10, 25, 2, 30, tzinfo=AMS), date(2026, 11, 22), date(2026, 12, 6)),
        (datetime(2026, 12, 31, 23, 59, tzinfo=AMS), date(2027, 1, 28), date(2027, 2, 11)),
        (datetime(2026, 12, 31, 23, 30, tzinfo=UTC), date(2027, 1, 29), date(2027, 2, 12)),
        (datetime(2028, 2, 29, 12, 0, tzinfo=AMS), date(2028, 3, 28), date(2028, 4, 11)),
    ]
    for received, decide_on, handle_on in cases:
        due = deadlines(received)
        assert due.decide_by.astimezone(AMS).date() == decide_on, received
        assert due.handle_by.astimezone(AMS).date() == handle_on, received
        assert due.handle_by.astimezone(AMS).time() == time.max
        k = klacht(received)
        assert (due_keys(k, local(decide_on - timedelta(days=7), EARLY), set())
                == ["decide_by:remind7"])
        assert due_keys(k, local(decide_on - timedelta(days=8), LATE), set()) == []


def test_empty_or_emoji_only_text_is_not_a_description():
    for text in ("", "   ", "😡😡😡", "!!!", "👍🏽 ...", "\u200f"):
        assert not has_words(text), text
    for text in ("ok", "ክላ", "١٢", "De les", "Fasalka"):
        assert has_words(text), text


def person(person_id: int, name: str) -> Person:
    return Person(id=person_id, name=name, role="staff", gemeente_id=None, school_id=1,
                  klantmanager_id=None, regime=None, route=None, staff_role="klachtbehandelaar",
                  external_id=None, status="active")


def test_a_full_staff_name_in_the_text_marks_that_person_involved():
    staff = [person(1, "Bram Jansen"), person(2, "Anna de Vries"), person(3, "Bo")]
    assert named_in_text("Mijn docent  BRAM   jansen schreeuwde.", staff) == [1]
    assert named_in_text("Anna was er niet; Bo ook niet.", staff) == []


def test_the_acknowledgement_names_both_dates_in_every_language():
    i18n = I18n(AMS)
    received = datetime(2026, 11, 23, 9, 0, tzinfo=AMS)
    k = klacht(received)
    for language in LANGUAGES:
        tr = i18n.get(language)
        text = acknowledgement(tr, ack_params(k))
        assert "K-TEST22" in text
        assert tr.date(k.decide_by) in text and tr.date(k.handle_by) in text, language
        assert text.startswith(RLM) == tr.rtl
        options = options_text(tr)
        for exact in (contacts.KLACHTENLIJN_PHONE, contacts.KLACHTENLIJN_EMAIL,
                      contacts.BLIK_OP_WERK_PHONE, "College van Arbitrage Inburgeren"):
            assert exact in options, (language, exact)
