"""Names in staff lists and cards (issue 14): two participants with the same name are told
apart everywhere a klantmanager or staff member reads a participant's name, by the school's own
id for them (``external_id``), else by the bot's number for them. A list adds the mark where a
name repeats (``told_apart``); a card or alert about one participant always carries it
(``marked``), since its reader cannot see the namesake. A klantmanager reads only about their
own participants, whose school id their caseload shows too."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable


def marked(name: str, external_id: str | None, person_id: int) -> str:
    """The name with its mark: "Senait Tesfay (P-001)", or "(#12)" without a school id."""
    return f"{name} ({external_id or f'#{person_id}'})"


def name_of(person) -> str:
    """``marked`` for a stored person (anything with ``name``, ``external_id`` and ``id``)."""
    return marked(person.name, person.external_id, person.id)


def told_apart(people: Iterable[tuple[int, str, str | None]]) -> dict[int, str]:
    """``{id: label}`` for (id, name, external_id) rows: the name, with "(school id)" added
    where another row of the same list has the same name."""
    rows = list(people)
    counts = Counter(name.strip().casefold() for _, name, _ in rows)
    return {ident: (marked(name, external_id, ident)
                    if counts[name.strip().casefold()] > 1 else name)
            for ident, name, external_id in rows}
