"""What a school reports to the klantmanager about a participant's trajectory (convenant art. 12.1,
12.4) and when a change of the predicted duration needs attention. Pure, no I/O.

Art. 12.4 lists what the school tells the klantmanager: the intake result with the agreed end goal,
the predicted duration of the trajectory (also when it changes), verzuim and uitval (their own
feature), work attitude and motivation, and learning or social obstacles. Art. 12.1 adds progress.
The kinds below are those items; their codes are the overstap handover's item codes (art. 12.5),
so a consented handover item can carry the same record.
"""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date

# Kinds of record, in the order of art. 12.4.
INTAKE = "intake"
DURATION = "duration"
ATTITUDE = "attitude"
OBSTACLES = "obstacles"
PROGRESS = "progress"
KINDS = (INTAKE, DURATION, ATTITUDE, OBSTACLES, PROGRESS)
# The handover item (bot.overstap.items) each kind belongs to.
HANDOVER_ITEM = {INTAKE: "intake", DURATION: "duration", ATTITUDE: "progress",
                 PROGRESS: "progress", OBSTACLES: "obstacles"}

# CEFR levels an inburgering goal or a progress test names (B1 route: B1; Z-route: lower).
LEVELS = ("A0", "A1", "A2", "B1", "B2", "C1")
SKILLS = ("lezen", "luisteren", "spreken", "schrijven")
# Wi2021 leerroutes an intake agrees on (B1 route, Z-route, onderwijsroute).
ROUTES = ("b1", "z", "onderwijs")
# What a school or klantmanager writes in its own words: at most this long, no control characters
# but line breaks and tabs (the API's pattern says the same).
MAX_TEXT = 2000
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Dates the API and the bot take: a trajectory runs within these years.
FIRST_YEAR, LAST_YEAR = 2000, 2100
TYPED_DATE = re.compile(r"^\s*(\d{1,2})[-./](\d{1,2})[-./](\d{4})\s*$")

# The course's costs a school tells the participant with their plan (C art. 10.1), in euros.
MAX_COSTS_EUROS = 100_000
TYPED_EUROS = re.compile(r"^(\d{1,6}|\d{1,3}(?:\.\d{3})+)(?:,(\d{1,2}))?$")
TYPED_EUROS_POINT = re.compile(r"^(\d{1,6})\.(\d{1,2})$")

# What a klantmanager can tell the school as an obstacle (C art. 12.6), besides own words.
OBSTACLE_REASONS = ("care", "health", "work", "appointments", "housing_money", "other")


def valid_text(text: str) -> bool:
    """Own words a record may carry: one to MAX_TEXT characters, not only spaces."""
    return bool(text.strip()) and len(text) <= MAX_TEXT and CONTROL.search(text) is None


def typed_euros(text: str) -> int | None:
    """An amount typed the Dutch way (1250, 1.250, 1.250,50, "€ 99,95") or with a decimal
    point (1250.50), in cents; None when it is no amount from 0 to MAX_COSTS_EUROS."""
    plain = (text or "").replace("€", "").strip().replace(" ", "")
    match = TYPED_EUROS_POINT.fullmatch(plain) or TYPED_EUROS.fullmatch(plain)
    if match is None or not match[1].isascii():
        return None
    cents = int(match[1].replace(".", "")) * 100 + int((match[2] or "0").ljust(2, "0"))
    return cents if cents <= MAX_COSTS_EUROS * 100 else None


def in_range(day: date) -> bool:
    return FIRST_YEAR <= day.year <= LAST_YEAR


def typed_date(text: str) -> date | None:
    """A date typed as day-month-year (30-9-2027, 30.09.2027 or 30/9/2027) within the years a
    record may name; None for anything else."""
    match = TYPED_DATE.match(text or "")
    if match is None:
        return None
    try:
        day = date(int(match[3]), int(match[2]), int(match[1]))
    except ValueError:
        return None
    return day if in_range(day) else None


def predicted_end_ok(day: date, today: date) -> bool:
    """A predicted end typed in the bot is today or later: a trajectory does not end in the
    past (the API takes what the school's system holds)."""
    return in_range(day) and day >= today


def assessed_on_ok(day: date, today: date) -> bool:
    """A progress test typed in the bot was taken on or before today."""
    return in_range(day) and day <= today


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later; the last day of the month where that day does not exist."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, monthrange(year, month)[1]))


def grew_by_more_than_a_month(before: date | None, after: date) -> bool:
    """A prediction that moves the end of the trajectory more than one calendar month later is
    flagged for the klantmanager (issue 15): it may change the participant's duty and budget."""
    return before is not None and after > add_months(before, 1)


def tells_participant(kind: str, before: date | None, after: date | None) -> bool:
    """The participant is told their goal and predicted duration at intake and actively told of
    every change of the prediction (C art. 10.1, 12.4; BoW 2.11), not of the other kinds."""
    if kind == INTAKE:
        return True
    return kind == DURATION and after is not None and after != before
