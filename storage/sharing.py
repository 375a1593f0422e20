"""The record of what was shared about a participant, with whom and why (convenant art. 12.3;
AVG): written when an overstap passes data to the new school, read by /gedeeld.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from storage.database import Database, Tx, from_db, to_db


async def log_sharing(tx: Tx, person_id: int, recipient: str, items: list[str], purpose: str,
                      now: datetime) -> None:
    """Record that ``items`` about a participant went to ``recipient`` (``school:ID``) and why
    (a purpose code); /gedeeld shows it to the participant in their language."""
    await tx.execute("INSERT INTO sharing_log(person_id, recipient, items, purpose, shared_at)"
                     " VALUES (?,?,?,?,?)",
                     (person_id, recipient, json.dumps(items), purpose, to_db(now)))


@dataclass(frozen=True)
class Shared:
    recipient: str
    items: list[str]
    purpose: str
    shared_at: datetime


async def sharing_for(db: Database | Tx, person_id: int, limit: int = 30) -> list[Shared]:
    """What was shared about one participant, newest first."""
    rows = await db.fetchall("SELECT recipient, items, purpose, shared_at FROM sharing_log"
                             " WHERE person_id = ? ORDER BY shared_at DESC, id DESC LIMIT ?",
                             (person_id, limit))
    result = []
    for row in rows:
        try:
            items = json.loads(row["items"])
            if not isinstance(items, list):
                items = [str(items)]
        except ValueError:  # another feature may have written plain text
            items = [row["items"]]
        result.append(Shared(row["recipient"], [str(i) for i in items], row["purpose"],
                             from_db(row["shared_at"])))
    return result
