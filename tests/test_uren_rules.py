"""Which hours an urenverklaring lists and counts (issue 6; BoW 2.5, 2.3.3-2.3.6, 4.7), its
signature, and its PDF, without the bot: the statement layer over bot/rules/hours.py."""

from __future__ import annotations

import io
import json
from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from bot.i18n import I18n
from bot.rules.hours import elapsed_seconds, to_hours
from bot.uren import pdf, signing
from bot.uren.statement import NoRegime, compute, payload, public_summary
from storage.uren import AttendedRow

AMS = ZoneInfo("Europe/Amsterdam")


def row(day: date, hour: int, hours: float = 2, kind: str = "NT2", mode: str = "classroom",
        status: str = "present", supervised: bool = True, practice: bool = False) -> AttendedRow:
    start = datetime(day.year, day.month, day.day, hour, tzinfo=AMS)
    return AttendedRow(start, start + timedelta(hours=hours), kind, mode, "Docent Jansen", "G",
                       status, supervised, practice)


MONDAY = date(2026, 9, 7)
HYBRID = [row(MONDAY, 9, 3), row(MONDAY + timedelta(days=2), 9, 2, mode="distance"),
          row(MONDAY + timedelta(days=4), 9, 2, status="absent"),
          row(MONDAY + timedelta(days=1), 13, 2, kind="KNM")]


def counted(rows, regime, route, start=None, end=None) -> Decimal:
    return compute(rows, regime, route, start, end, AMS).statement.counted_hours


def test_only_attended_lessons_count_and_are_listed():
    result = compute(HYBRID, "wi2021", "b1", None, None, AMS)
    assert result.statement.attended_hours == Decimal("7.00")
    assert len(result.lessons) == 3, "the missed Friday is not in the annex"
    assert all(r.status == "present" for r in result.lessons)


@pytest.mark.parametrize("regime, route, expected", [
    ("wi2013", None, "5.00"),       # 2.3.3: no distance hours
    ("wi2021", "b1", "7.00"),       # 2.3.5: 5 of 7 hours in class, so distance counts
    ("wi2021", "z", "5.00"),        # 2.3.6: no distance toward the 800 hours
    ("wi2021", "onderwijs", "5.00"),
])
def test_distance_hours_count_per_regime_and_route(regime, route, expected):
    assert counted(HYBRID, regime, route) == Decimal(expected)


def test_b1_distance_hours_stop_counting_below_half_in_class():
    mostly_online = HYBRID + [row(MONDAY + timedelta(days=7 + i), 9, 2, mode="distance")
                              for i in range(3)]
    result = compute(mostly_online, "wi2021", "b1", None, None, AMS)
    assert result.statement.classroom_share < 0.5
    assert result.statement.counted_hours == Decimal("5.00")
    assert {str(r) for r in result.rules} >= {"b1_hybrid_below_50"}


def test_ona_counts_supervised_theory_and_documented_practice_only():
    ona = [row(MONDAY, 9, 4, kind="ONA"), row(MONDAY, 14, 3, kind="ONA", practice=True),
           row(MONDAY + timedelta(days=1), 9, 2, kind="ONA", supervised=False),
           row(MONDAY + timedelta(days=2), 9, 2, kind="ONA", mode="distance")]
    result = compute(ona, "wi2021", "b1", None, None, AMS)
    assert result.statement.counted_hours_of("ONA") == Decimal("7.00")
    assert [str(r) for r in result.rules] == ["ona_supervised", "ona_practice",
                                              "ona_supervised_only", "ona_no_distance"]


def test_a_participant_who_joined_mid_term_has_only_their_own_lessons():
    # Registrations exist only from joining; the period picks September by local date, and a
    # lesson at midnight on 1 October belongs to October although it is 30 September in UTC.
    rows = [row(date(2026, 9, 21), 9), row(date(2026, 9, 30), 9),
            row(date(2026, 10, 1), 0, 1)]
    september = compute(rows, "wi2021", "b1", date(2026, 9, 1), date(2026, 9, 30), AMS)
    assert september.statement.attended_hours == Decimal("4.00")
    assert len(september.lessons) == 2


def test_a_regime_change_is_two_statements_each_under_its_own_rule():
    # Wi2013 until the end of September, then Wi2021 B1 (the caller makes one per period).
    rows = [row(date(2026, 9, 14), 9), row(date(2026, 9, 16), 9, mode="distance"),
            row(date(2026, 10, 12), 9), row(date(2026, 10, 14), 9, mode="distance")]
    before = counted(rows, "wi2013", None, date(2026, 9, 1), date(2026, 9, 30))
    after = counted(rows, "wi2021", "b1", date(2026, 10, 1), date(2026, 10, 31))
    assert (before, after) == (Decimal("2.00"), Decimal("4.00"))


def test_no_statement_without_a_recorded_regime_and_route():
    with pytest.raises(NoRegime):
        compute(HYBRID, None, None, None, None, AMS)
    with pytest.raises(NoRegime):
        compute(HYBRID, "wi2021", None, None, None, AMS)


lessons_strategy = st.lists(st.builds(
    row,
    day=st.dates(date(2026, 3, 1), date(2026, 11, 30)),
    hour=st.integers(0, 21),
    hours=st.sampled_from([0.5, 1, 1.5, 2, 2.5, 3]),
    kind=st.sampled_from(["NT2", "KNM", "ONA", "alfabetisering", "MAP", "other"]),
    mode=st.sampled_from(["classroom", "distance"]),
    status=st.sampled_from(["present", "present", "absent", "absent_ill"]),
    supervised=st.booleans(), practice=st.booleans()), max_size=40)
regimes = st.sampled_from([("wi2013", None), ("wi2021", "b1"), ("wi2021", "z"),
                           ("wi2021", "onderwijs")])


@settings(max_examples=200, deadline=None)
@given(lessons_strategy, regimes)
def test_the_statement_adds_up_to_its_annex(rows, regime):
    result = compute(rows, *regime, None, None, AMS)
    s = result.statement
    attended = [r for r in rows if r.status == "present"]
    assert len(result.lessons) == len(attended)
    # Real elapsed time: a lesson over the March or October DST change lasts what it lasted.
    seconds = sum(elapsed_seconds(r.starts_at, r.ends_at) for r in attended)
    assert s.attended_seconds == seconds
    assert s.counted_seconds <= s.attended_seconds
    data = payload(result, school="S", participant="P", participant_ref=None,
                   requested_by="participant", issued_at=datetime(2026, 12, 1, tzinfo=AMS),
                   tz=AMS)
    listed = sum(int((datetime.fromisoformat(end) - datetime.fromisoformat(start))
                     .total_seconds()) for start, end, *_ in data["lessons"] if _[-1])
    assert listed == s.counted_seconds + s.ona_counted_seconds, (
        "the lessons marked as counting add up to the two figures")
    if regime[0] == "wi2013":
        distance_counted = sum(line.counted_seconds for line in s.lines if line.mode == "distance")
        assert distance_counted == 0


def issued(rows=HYBRID) -> tuple[dict, str, bytes, bytes]:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    data = payload(compute(rows, "wi2021", "b1", None, None, AMS), school="Taalschool Twente",
                   participant="Şükrü Yılmaz", participant_ref="P-7",
                   requested_by="participant",
                   issued_at=datetime(2026, 12, 1, 10, tzinfo=AMS), tz=AMS)
    key = Ed25519PrivateKey.generate()
    text = signing.canonical(data)
    signature = signing.sign(key, text)
    public = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return data, text, signature, public


def test_a_statement_with_changed_figures_does_not_verify():
    data, text, signature, public = issued()
    assert signing.verify(public, text, signature)
    changed = dict(data, counted_seconds=data["counted_seconds"] + 3600)
    assert not signing.verify(public, signing.canonical(changed), signature)
    code = signing.code_for(signature)
    assert len(code) == 19 and code.count("-") == 3
    assert signing.normalise_code(code.lower().replace("-", " ")) == code


def test_verify_shows_figures_but_no_personal_data():
    data, *_ = issued()
    summary = public_summary(data)
    assert summary["counted_hours"] == "7.00" and summary["distance_hours"] == "2.00"
    assert "Şükrü" not in json.dumps(summary, ensure_ascii=False)
    assert "P-7" not in json.dumps(summary)


def test_the_pdf_is_dutch_with_totals_rule_annex_and_code():
    data, text, signature, _ = issued()
    code = signing.code_for(signature)
    content = pdf.render(data, code, f"https://bot.example/verify/{code}",
                         I18n(AMS).get("nl"))
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(content)).pages]
    first, annex = pages[0], "\n".join(pages[1:])
    assert "Şükrü Yılmaz (P-7)" in first, "Turkish letters print as written"
    assert "Gevolgde uren per soort les" in first
    assert "NT2 3 2 5" in first and "KNM 2 0 2" in first
    assert "B1-route, hybride met ten minste 50% klassikaal" in first
    assert "Taal- en KNM-uren die meetellen: 7" in first
    assert f"Verificatiecode: {code}" in first
    assert "Bijlage: gevolgde lessen (3)" in annex
    assert "07-09-2026 09:00-12:00 NT2 klassikaal Docent Jansen ja" in annex
    assert to_hours(data["counted_seconds"]) == Decimal("7.00")


def test_a_year_of_lessons_fills_several_annex_pages():
    rows = [row(date(2026, 1, 5) + timedelta(days=i), 9) for i in range(300)]
    data, text, signature, _ = issued(rows)
    content = pdf.render(data, "ABCD-EFGH-IJKL-MNOP", "https://x/verify/ABCD-EFGH-IJKL-MNOP",
                         I18n(AMS).get("nl"))
    reader = PdfReader(io.BytesIO(content))
    assert len(reader.pages) >= 6
    assert "Taal- en KNM-uren die meetellen: 600" in reader.pages[0].extract_text()
