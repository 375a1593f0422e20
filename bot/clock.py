"""The one source of "now" (issue 2): the scheduler, the rules and the stores all ask this object,
so tests can move time forward by substituting a controllable clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


class Clock:
    """Wall-clock time, always timezone-aware UTC."""

    def now(self) -> datetime:
        return datetime.now(UTC)


class MovableClock(Clock):
    """Wall-clock time plus an offset that only grows: the demo's clock, which the page moves
    ahead by a day or a week so deadlines, reminders and alerts come due as they would."""

    def __init__(self) -> None:
        self.offset = timedelta(0)

    def now(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def jump(self, delta: timedelta) -> datetime:
        if delta < timedelta(0):
            raise ValueError("the clock only moves ahead")
        self.offset += delta
        return self.now()
