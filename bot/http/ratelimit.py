"""Per-key rate limit of the HTTP API (issue 12): 429 with Retry-After past it."""

from __future__ import annotations

import time
from collections.abc import Hashable


class KeyRateLimit:
    """A token bucket per API key: ``per_minute`` requests a minute, bursts of a tenth of that
    (at least 10). One school's script cannot crowd out the others."""

    def __init__(self, per_minute: float):
        self.rate = per_minute / 60.0
        self.burst = max(10.0, per_minute / 10.0)
        self._buckets: dict[Hashable, tuple[float, float]] = {}

    def wait(self, who: Hashable) -> float:
        """0 when this request may go ahead (and counts it), else seconds until one may."""
        now = time.monotonic()
        tokens, stamp = self._buckets.get(who, (self.burst, now))
        tokens = min(self.burst, tokens + (now - stamp) * self.rate)
        if tokens < 1.0:
            self._buckets[who] = (tokens, now)
            return (1.0 - tokens) / self.rate
        self._buckets[who] = (tokens - 1.0, now)
        return 0.0
