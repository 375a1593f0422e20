"""A school's standing (convenant art. 4.4, 14, 15): exclusion tells the partners, a suspension
or withdrawal of the keurmerk has the klantmanagers advise, nothing else tells anybody."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.rules.standing import (
    CONVENANT,
    KEURMERK,
    NOTHING,
    Consequences,
    consequences,
    in_good_standing,
)


def test_exclusion_tells_the_partners_and_advises_nobody() -> None:
    assert consequences("convenant", "participating", "excluded") == Consequences(True, False)
    assert consequences("convenant", "excluded", "participating") == NOTHING


def test_suspension_and_withdrawal_have_the_klantmanager_advise() -> None:
    for new in ("suspended", "withdrawn"):
        assert consequences("keurmerk", "valid", new) == Consequences(False, True)
    assert consequences("keurmerk", "suspended", "withdrawn").klantmanagers_advise
    assert consequences("keurmerk", "withdrawn", "suspended") == NOTHING
    assert consequences("keurmerk", "suspended", "valid") == NOTHING


@given(st.sampled_from(("convenant", "keurmerk")), st.data())
def test_the_same_standing_again_tells_nobody(standing, data) -> None:
    values = CONVENANT if standing == "convenant" else KEURMERK
    value = data.draw(st.sampled_from(values))
    assert consequences(standing, value, value) == NOTHING


@given(st.sampled_from(CONVENANT), st.sampled_from(KEURMERK))
def test_offered_only_when_participating_with_a_valid_keurmerk(convenant, keurmerk) -> None:
    assert in_good_standing(convenant, keurmerk) == (
        convenant == "participating" and keurmerk == "valid")


def test_unknown_standing_is_refused() -> None:
    with pytest.raises(ValueError):
        consequences("keurmerk", "valid", "excluded")
