"""Names in staff lists (issue 14): two participants with the same name are told apart in
every list a klantmanager or staff member picks from, by the school's own id for them
(``external_id``), else by the bot's number for them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable


def told_apart(people: Iterable[tuple[int, str, str | None]]) -> dict[int, str]:
    """``{id: label}`` for (id, name, external_id) rows: the name, with "(school id)" added
    where another row of the same list has the same name."""
    rows = list(people)
    counts = Counter(name.strip().casefold() for _, name, _ in rows)
    return {ident: (f"{name} ({external_id or f'#{ident}'})"
                    if counts[name.strip().casefold()] > 1 else name)
            for ident, name, external_id in rows}
