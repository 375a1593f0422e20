"""The end of a contract (convenant art. 10.7): which status changes end it, the last day the
final urenverklaring covers, and when it is issued."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from bot.rules.contract_end import ENDED, ends_contract, last_day, statement_due

STATUSES = ("active", "left", "dropped_out", None)
days = st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31))


@given(st.sampled_from(STATUSES), st.sampled_from(("active", "left", "dropped_out")))
def test_only_leaving_an_active_contract_ends_it(old, new) -> None:
    assert ends_contract(old, new) == (new in ENDED and old not in ENDED)


def test_examples() -> None:
    assert ends_contract("active", "left") and ends_contract("active", "dropped_out")
    assert not ends_contract("left", "dropped_out"), "an ended contract does not end again"
    assert not ends_contract("dropped_out", "active")


@given(days, days)
def test_last_day_is_the_reported_date_or_the_day_of_the_report(effective, reported) -> None:
    assert last_day(effective, reported) == effective
    assert last_day(None, reported) == reported


@given(days, st.integers(-30, 30))
def test_issued_from_the_last_day_on_and_cancelled_on_a_return(last, offset) -> None:
    today = last + timedelta(days=offset)
    for status in ENDED:
        assert statement_due(last, today, status) == ("issue" if offset >= 0 else "wait")
    assert statement_due(last, today, "active") == "cancel"
