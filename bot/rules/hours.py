"""Which attended hours count on an urenverklaring (BoW 2.3.3-2.3.6, 2.5, 4.6, 4.7; C art. 10.7).

C art. 10.7: on switching school or ending the contract the participant gets an urenverklaring.
BoW 2.5: it is based on lessons actually attended and agrees with the attendance registration,
so only attended lessons enter the statement. BoW 4.9 (norm 2.5): it concerns "het totaal aantal
gevolgde taallessuren en KNM-uren", so only language lessons (NT2, alfabetisering) and KNM count
towards the statement's total; MAP (the handbook: "Ook de Module Arbeidsparticipatie (MAP) valt
niet onder het Keurmerk Inburgeren") and other lessons are shown
as attended but never count, and never weigh in the B1-route's classroom share. ONA hours are
their own figure, the 64-hour statement of BoW 4.7, with their own rule. Which hours count
(BoW 4.6, 4.7):

- Wi2013: distance hours do not count for urenverklaringen (2.3.3).
- Wi2021 B1-route: distance hours count only in hybrid teaching where at least 50% of the hours
  are classroom hours (2.3.5).
- Wi2021 Z-route: distance hours do not count toward the 800 hours NT2 incl. KNM (2.3.6); we
  count no Z-route distance hours at all.
- Wi2021 onderwijsroute: the handbook permits distance hours only in the B1-route, so they do
  not count here either (a conservative reading; the school can still see them as attended).
- Alfabetisering is not given at a distance (2.3.4; Bijlage 12 allows it in the B1-route only),
  so alfabetisering distance hours count only under the B1 hybrid rule.
- ONA (4.7): theory and portfolio hours count when under direct supervision of a qualified ONA
  teacher, documented practice hours count, homework and unsupervised e-learning do not, and
  distance hours never do (whatever the regime).

The B1 classroom share is taken over the statement's own attended NT2, alfabetisering and KNM
hours (its period, or the whole contract). A statement applies one regime and route: for a
participant who changed route, the caller makes one statement per period with the route that
applied then. Durations are whole seconds of real elapsed time (a lesson over a DST change
lasts what it really lasted); hours are shown rounded half-up to two decimals, totals rounded
from exact seconds.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from fractions import Fraction
from typing import Literal

from bot.rules.localtime import AMSTERDAM

Kind = Literal["NT2", "KNM", "ONA", "alfabetisering", "MAP", "other"]
Mode = Literal["classroom", "distance"]
Regime = Literal["wi2013", "wi2021"]
Route = Literal["b1", "z", "onderwijs"]

KINDS: tuple[Kind, ...] = ("NT2", "KNM", "ONA", "alfabetisering", "MAP", "other")
# The kinds whose hours make the urenverklaring's total (BoW 4.9: taallessuren en KNM-uren).
LANGUAGE_KINDS: frozenset[str] = frozenset({"NT2", "alfabetisering", "KNM"})
MODES: tuple[Mode, ...] = ("classroom", "distance")
ROUTES: tuple[Route, ...] = ("b1", "z", "onderwijs")
B1_MIN_CLASSROOM_SHARE = Fraction(1, 2)
_CENT = Decimal("0.01")
_SECONDS_PER_HOUR = Decimal(3600)


class Rule(StrEnum):
    """Why a line of hours counts or not; stable machine-readable ids."""

    CLASSROOM = "classroom"
    WI2013_NO_DISTANCE = "wi2013_no_distance"
    B1_HYBRID_OK = "b1_hybrid_ok"
    B1_HYBRID_BELOW_50 = "b1_hybrid_below_50"
    Z_NO_DISTANCE = "z_no_distance"
    ONDERWIJS_NO_DISTANCE = "onderwijs_no_distance"
    ALFA_NO_DISTANCE = "alfa_no_distance"
    ONA_SUPERVISED = "ona_supervised"
    ONA_PRACTICE = "ona_practice"
    ONA_SUPERVISED_ONLY = "ona_supervised_only"
    ONA_NO_DISTANCE = "ona_no_distance"
    NOT_LANGUAGE = "not_language"


COUNTING_RULES = frozenset(
    {Rule.CLASSROOM, Rule.B1_HYBRID_OK, Rule.ONA_SUPERVISED, Rule.ONA_PRACTICE}
)


def elapsed_seconds(start: datetime, end: datetime) -> int:
    """Real seconds from ``start`` to ``end``, both aware, even across a DST change."""
    start_offset, end_offset = start.utcoffset(), end.utcoffset()
    if start_offset is None or end_offset is None:
        raise ValueError(f"lesson times must be timezone-aware: {start!r} to {end!r}")
    delta = end - start
    if start.tzinfo is end.tzinfo:
        # Python subtracts same-zone datetimes on the wall clock; correct by the offsets.
        delta -= end_offset - start_offset
    return int(delta.total_seconds())


def to_hours(seconds: int) -> Decimal:
    """Seconds as hours, rounded half-up to two decimals."""
    return (Decimal(seconds) / _SECONDS_PER_HOUR).quantize(_CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True, slots=True)
class AttendedLesson:
    """One lesson from the attendance registration.

    ``supervised`` means under direct supervision and presence of a (for ONA: qualified ONA)
    teacher; ``practice`` marks documented ONA practice hours. ``attended`` False lessons are
    ignored (norm 2.5), so a caller may pass the whole registration.
    """

    kind: Kind
    mode: Mode
    start: datetime
    end: datetime
    attended: bool = True
    supervised: bool = True
    practice: bool = False

    @property
    def seconds(self) -> int:
        """Real elapsed duration in whole seconds."""
        return elapsed_seconds(self.start, self.end)


@dataclass(frozen=True, slots=True)
class KindHours:
    """Attended hours of one kind of lesson, split classroom / distance."""

    kind: Kind
    classroom_seconds: int
    distance_seconds: int

    @property
    def total_seconds(self) -> int:
        """Classroom plus distance seconds."""
        return self.classroom_seconds + self.distance_seconds

    @property
    def classroom_hours(self) -> Decimal:
        """Classroom hours, two decimals."""
        return to_hours(self.classroom_seconds)

    @property
    def distance_hours(self) -> Decimal:
        """Distance hours, two decimals."""
        return to_hours(self.distance_seconds)

    @property
    def total_hours(self) -> Decimal:
        """All attended hours of this kind, two decimals."""
        return to_hours(self.total_seconds)


@dataclass(frozen=True, slots=True)
class HoursLine:
    """Attended hours of one kind and mode under one rule, and how many of them count."""

    kind: Kind
    mode: Mode
    rule: Rule
    attended_seconds: int

    @property
    def counts(self) -> bool:
        """True when this line's hours count on the statement."""
        return self.rule in COUNTING_RULES

    @property
    def counted_seconds(self) -> int:
        """Seconds that count: all of them or none."""
        return self.attended_seconds if self.counts else 0

    @property
    def attended_hours(self) -> Decimal:
        """Attended hours, two decimals."""
        return to_hours(self.attended_seconds)

    @property
    def counted_hours(self) -> Decimal:
        """Counted hours, two decimals."""
        return to_hours(self.counted_seconds)


@dataclass(frozen=True)
class HoursStatement:
    """An urenverklaring: attended hours per kind, and the counted hours line by line."""

    regime: Regime
    route: Route | None
    period_start: date | None
    period_end: date | None
    by_kind: tuple[KindHours, ...]
    lines: tuple[HoursLine, ...]
    classroom_share: Fraction | None

    @property
    def classroom_seconds(self) -> int:
        """All attended classroom seconds."""
        return sum(k.classroom_seconds for k in self.by_kind)

    @property
    def distance_seconds(self) -> int:
        """All attended distance seconds."""
        return sum(k.distance_seconds for k in self.by_kind)

    @property
    def attended_seconds(self) -> int:
        """All attended seconds."""
        return self.classroom_seconds + self.distance_seconds

    @property
    def counted_seconds(self) -> int:
        """The total that counts: NT2, alfabetisering and KNM seconds that count (BoW 4.9)."""
        return sum(line.counted_seconds for line in self.lines if line.kind in LANGUAGE_KINDS)

    @property
    def ona_counted_seconds(self) -> int:
        """ONA seconds that count towards the 64-hour statement (BoW 4.7): a figure apart."""
        return sum(line.counted_seconds for line in self.lines if line.kind == "ONA")

    @property
    def has_ona(self) -> bool:
        """True when ONA lessons were attended (the statement then shows the ONA figure)."""
        return any(line.kind == "ONA" for line in self.lines)

    @property
    def attended_hours(self) -> Decimal:
        """All attended hours, two decimals."""
        return to_hours(self.attended_seconds)

    @property
    def classroom_hours(self) -> Decimal:
        """All attended classroom hours, two decimals."""
        return to_hours(self.classroom_seconds)

    @property
    def distance_hours(self) -> Decimal:
        """All attended distance hours, two decimals."""
        return to_hours(self.distance_seconds)

    @property
    def counted_hours(self) -> Decimal:
        """Counted NT2, alfabetisering and KNM hours, two decimals."""
        return to_hours(self.counted_seconds)

    @property
    def ona_counted_hours(self) -> Decimal:
        """Counted ONA hours, two decimals."""
        return to_hours(self.ona_counted_seconds)

    def kind(self, kind: Kind) -> KindHours:
        """Attended hours of one kind (zero when none)."""
        for entry in self.by_kind:
            if entry.kind == kind:
                return entry
        return KindHours(kind, 0, 0)

    def counted_hours_of(self, kind: Kind) -> Decimal:
        """Counted hours of one kind, two decimals."""
        return to_hours(sum(line.counted_seconds for line in self.lines if line.kind == kind))


def _check_regime(regime: str, route: str | None) -> None:
    """Raise ValueError for an unknown regime or a route that does not belong to it."""
    if regime == "wi2013":
        if route is not None:
            raise ValueError(f"Wi2013 has no leerroute, got {route!r}")
    elif regime == "wi2021":
        if route not in ROUTES:
            raise ValueError(f"Wi2021 needs a route in {ROUTES}, got {route!r}")
    else:
        raise ValueError(f"unknown regime {regime!r}")


def _ona_rule(mode: str, supervised: bool, practice: bool) -> Rule:
    """The ONA rule (BoW 4.7) for one lesson."""
    if mode == "distance":
        return Rule.ONA_NO_DISTANCE
    if practice:
        return Rule.ONA_PRACTICE
    return Rule.ONA_SUPERVISED if supervised else Rule.ONA_SUPERVISED_ONLY


def _distance_rule(kind: str, regime: str, route: str | None, b1_hybrid: bool) -> Rule:
    """The rule for non-ONA distance hours under the participant's regime and route."""
    if regime == "wi2013":
        return Rule.WI2013_NO_DISTANCE
    if route == "b1":
        return Rule.B1_HYBRID_OK if b1_hybrid else Rule.B1_HYBRID_BELOW_50
    if kind == "alfabetisering":
        return Rule.ALFA_NO_DISTANCE
    return Rule.Z_NO_DISTANCE if route == "z" else Rule.ONDERWIJS_NO_DISTANCE


def _seconds_of(lines: Iterable[HoursLine], kind: Kind, mode: Mode) -> int:
    """Attended seconds of one kind and mode over all its lines."""
    return sum(line.attended_seconds for line in lines if line.kind == kind and line.mode == mode)


def hours_statement(
    lessons: Iterable[AttendedLesson],
    regime: Regime,
    route: Route | None,
    period_start: date | None = None,
    period_end: date | None = None,
    tz: tzinfo = AMSTERDAM,
) -> HoursStatement:
    """The urenverklaring over attended lessons starting on local dates in the period.

    ``period_start``/``period_end`` are inclusive local dates; None on either side leaves that
    side open (both None: the whole contract).
    """
    _check_regime(regime, route)
    if period_start is not None and period_end is not None and period_end < period_start:
        raise ValueError(f"period ends before it starts: {period_start} to {period_end}")
    # (kind, mode, ona_class) -> seconds; ona_class is only set for ONA lessons.
    buckets: dict[tuple[Kind, Mode, Rule | None], int] = {}
    for lesson in lessons:
        if not lesson.attended:
            continue
        if lesson.kind not in KINDS:
            raise ValueError(f"unknown lesson kind {lesson.kind!r}")
        if lesson.mode not in MODES:
            raise ValueError(f"unknown lesson mode {lesson.mode!r}")
        seconds = elapsed_seconds(lesson.start, lesson.end)
        if seconds <= 0:
            raise ValueError(f"lesson ends before it starts: {lesson.start} to {lesson.end}")
        if period_start is not None or period_end is not None:
            day = lesson.start.astimezone(tz).date()
            if (period_start is not None and day < period_start) or (
                period_end is not None and day > period_end
            ):
                continue
        ona = None
        if lesson.kind == "ONA":
            ona = _ona_rule(lesson.mode, lesson.supervised, lesson.practice)
        key = (lesson.kind, lesson.mode, ona)
        buckets[key] = buckets.get(key, 0) + seconds

    classroom = sum(s for (k, m, _), s in buckets.items()
                    if k in LANGUAGE_KINDS and m == "classroom")
    distance = sum(s for (k, m, _), s in buckets.items() if k in LANGUAGE_KINDS and m == "distance")
    share = Fraction(classroom, classroom + distance) if classroom + distance else None
    b1_hybrid = share is not None and share >= B1_MIN_CLASSROOM_SHARE

    lines: list[HoursLine] = []
    for (kind, mode, ona), seconds in buckets.items():
        if ona is not None:
            rule = ona
        elif kind not in LANGUAGE_KINDS:
            rule = Rule.NOT_LANGUAGE
        elif mode == "classroom":
            rule = Rule.CLASSROOM
        else:
            rule = _distance_rule(kind, regime, route, b1_hybrid)
        lines.append(HoursLine(kind, mode, rule, seconds))
    lines.sort(key=lambda line: (KINDS.index(line.kind), MODES.index(line.mode), line.rule))

    by_kind = tuple(
        KindHours(kind, _seconds_of(lines, kind, "classroom"), _seconds_of(lines, kind, "distance"))
        for kind in KINDS
        if any(line.kind == kind for line in lines)
    )
    return HoursStatement(
        regime=regime,
        route=route,
        period_start=period_start,
        period_end=period_end,
        by_kind=by_kind,
        lines=tuple(lines),
        classroom_share=share,
    )
