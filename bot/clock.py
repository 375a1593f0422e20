"""The one source of "now" (issue 2): the scheduler, the rules and the stores all ask this object,
so tests can move time forward by substituting a controllable clock."""

from __future__ import annotations

from datetime import UTC, datetime


class Clock:
    """Wall-clock time, always timezone-aware UTC."""

    def now(self) -> datetime:
        return datetime.now(UTC)
