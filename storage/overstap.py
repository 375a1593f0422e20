"""Overstap storage (issue 7): requests with their stored states and times, the steps taken, the
participant's consent per item (convenant art. 12.3, 12.5) and the handover data.

Every query is scoped to what its caller may see: a school sees the requests that involve it (the
new school only once the klantmanager agreed), a gemeente those of its klantmanagers' caseload,
a klantmanager their own caseload, a participant their own. The groups a participant moves
between are in ``storage.placement``, the schools' convenant standing in ``storage.convenant``
and the record of what was shared in ``storage.sharing``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from storage.database import Database, Tx, from_db, to_db

OPEN_STATES = ("requested", "advised_otherwise", "approved", "conversation_proposed",
               "conversation_accepted", "conversation_held", "consent_given", "handed_over")
# States in which the new school knows of the request (it hears of it at the approval).
NEW_SCHOOL_STATES = ("approved", "conversation_proposed", "conversation_accepted",
                     "conversation_held", "consent_given", "handed_over", "completed")


@dataclass(frozen=True)
class Request:
    id: int
    participant_id: int
    kind: str
    from_school_id: int
    to_school_id: int
    from_group_id: int | None
    to_group_id: int | None
    reason: str
    reason_text: str
    state: str
    state_since: datetime
    reminders: int
    last_reminded_at: datetime | None
    km_decision: str | None
    km_note: str | None
    km_decided_at: datetime | None
    decline_reason: str | None
    conversation_at: datetime | None
    conversation_place: str | None
    effective_on: date | None
    handover_at: datetime | None
    delivered_at: datetime | None
    completed_at: datetime | None
    closed_at: datetime | None
    final_uren_at: datetime | None
    final_uren_note: str | None
    settlement_kind: str | None
    settlement_note: str | None
    settlement_at: datetime | None
    created_at: datetime
    km_phrase: str | None = None  # a standard phrase's code with the note (issue 14)
    decline_phrase: str | None = None

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    @classmethod
    def from_row(cls, row) -> Request:
        values = {}
        for name, field in cls.__dataclass_fields__.items():
            value = row[name]
            if field.type in ("datetime", "datetime | None"):
                value = from_db(value)
            elif field.type == "date | None" and value is not None:
                value = date.fromisoformat(value)
            values[name] = value
        return cls(**values)


COLUMNS = ", ".join(f"r.{name}" for name in Request.__dataclass_fields__)


async def get_request(db: Database | Tx, request_id: int) -> Request | None:
    row = await db.fetchone(f"SELECT {COLUMNS} FROM overstap_requests r WHERE r.id = ?",
                            (request_id,))
    return Request.from_row(row) if row else None


async def open_request_for(db: Database | Tx, participant_id: int) -> Request | None:
    row = await db.fetchone(
        f"SELECT {COLUMNS} FROM overstap_requests r WHERE r.participant_id = ? AND r.state IN "
        f"({','.join('?' * len(OPEN_STATES))})", (participant_id, *OPEN_STATES))
    return Request.from_row(row) if row else None


async def requests_of_participant(db: Database | Tx, participant_id: int) -> list[Request]:
    rows = await db.fetchall(f"SELECT {COLUMNS} FROM overstap_requests r WHERE "
                             "r.participant_id = ? ORDER BY r.id DESC", (participant_id,))
    return [Request.from_row(row) for row in rows]


async def create_request(tx: Tx, *, participant_id: int, kind: str, from_school_id: int,
                         to_school_id: int, from_group_id: int | None, to_group_id: int | None,
                         reason: str, reason_text: str, now: datetime) -> int:
    """A new request in state ``requested``; the unique index refuses a second open one."""
    request_id = await tx.execute(
        "INSERT INTO overstap_requests(participant_id, kind, from_school_id, to_school_id,"
        " from_group_id, to_group_id, reason, reason_text, state, state_since, created_at,"
        " updated_at) VALUES (?,?,?,?,?,?,?,?, 'requested', ?,?,?)",
        (participant_id, kind, from_school_id, to_school_id, from_group_id, to_group_id, reason,
         reason_text, to_db(now), to_db(now), to_db(now)))
    await add_event(tx, request_id, now, "request", None, "requested", "participant",
                    participant_id)
    return request_id


async def add_event(tx: Tx, request_id: int, now: datetime, event: str, from_state: str | None,
                    to_state: str, actor_kind: str, actor_id: int | None) -> None:
    await tx.execute(
        "INSERT INTO overstap_events(request_id, at, event, from_state, to_state, actor_kind,"
        " actor_id) VALUES (?,?,?,?,?,?,?)",
        (request_id, to_db(now), event, from_state, to_state, actor_kind, actor_id))


UPDATABLE = frozenset({
    "km_decision", "km_note", "km_decided_at", "decline_reason", "conversation_at",
    "conversation_place", "effective_on", "handover_at", "delivered_at", "completed_at",
    "closed_at", "final_uren_at", "settlement_kind", "settlement_note", "settlement_at",
    "to_group_id", "final_uren_note", "km_phrase", "decline_phrase",
})


def _db_value(value):
    if isinstance(value, datetime):
        return to_db(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


async def set_state(tx: Tx, request: Request, new_state: str, *, event: str, actor_kind: str,
                    actor_id: int | None, now: datetime, **fields) -> bool:
    """Move a request to ``new_state`` if it is still in the state it was read in (so two presses
    racing each other cannot both win); records the step. Returns False when it had moved on."""
    unknown = set(fields) - UPDATABLE
    if unknown:
        raise ValueError(f"not updatable: {sorted(unknown)}")
    sets = ["state = ?", "updated_at = ?"]
    params: list = [new_state, to_db(now)]
    if new_state != request.state:
        sets += ["state_since = ?", "reminders = 0", "last_reminded_at = NULL"]
        params.append(to_db(now))
    for name, value in fields.items():
        sets.append(f"{name} = ?")
        params.append(_db_value(value))
    changed = await tx.changes(
        f"UPDATE overstap_requests SET {', '.join(sets)} WHERE id = ? AND state = ?",
        (*params, request.id, request.state))
    if changed:
        await add_event(tx, request.id, now, event, request.state, new_state, actor_kind, actor_id)
    return bool(changed)


async def update_fields(tx: Tx, request_id: int, now: datetime, **fields) -> None:
    """Record a fact that is not a change of state (delivery, settlement, final urenverklaring)."""
    unknown = set(fields) - UPDATABLE
    if unknown:
        raise ValueError(f"not updatable: {sorted(unknown)}")
    sets = ", ".join(f"{name} = ?" for name in fields)
    await tx.execute(f"UPDATE overstap_requests SET {sets}, updated_at = ? WHERE id = ?",
                     (*(_db_value(v) for v in fields.values()), to_db(now), request_id))


async def events(db: Database | Tx, request_id: int) -> list[dict]:
    rows = await db.fetchall("SELECT at, event, from_state, to_state, actor_kind FROM "
                             "overstap_events WHERE request_id = ? ORDER BY id", (request_id,))
    return [dict(row) for row in rows]


async def count_events(db: Database | Tx, request_id: int) -> int:
    """How many steps the request has taken (the request itself counts as the first)."""
    return await db.fetchval("SELECT count(*) FROM overstap_events WHERE request_id = ?",
                             (request_id,))


async def mark_reminded(tx: Tx, request_id: int, now: datetime) -> None:
    await tx.execute("UPDATE overstap_requests SET reminders = reminders + 1, last_reminded_at = ?"
                     " WHERE id = ?", (to_db(now), request_id))


# ---- consent and handover ------------------------------------------------------------------

async def save_consent(tx: Tx, request_id: int, item: str, decision: str, now: datetime) -> None:
    await tx.execute(
        "INSERT INTO overstap_consents(request_id, item, decision, decided_at) VALUES (?,?,?,?)"
        " ON CONFLICT(request_id, item) DO UPDATE SET decision = excluded.decision,"
        " decided_at = excluded.decided_at", (request_id, item, decision, to_db(now)))


async def clear_consents(tx: Tx, request_id: int) -> None:
    await tx.execute("DELETE FROM overstap_consents WHERE request_id = ?", (request_id,))


async def consents(db: Database | Tx, request_id: int) -> dict[str, str]:
    rows = await db.fetchall("SELECT item, decision FROM overstap_consents WHERE request_id = ?",
                             (request_id,))
    return {row["item"]: row["decision"] for row in rows}


async def save_handover_items(tx: Tx, request_id: int, items: dict[str, str],
                              now: datetime) -> None:
    for item, content in items.items():
        await tx.execute(
            "INSERT INTO overstap_handover_items(request_id, item, content, supplied_at)"
            " VALUES (?,?,?,?) ON CONFLICT(request_id, item) DO UPDATE SET"
            " content = excluded.content, supplied_at = excluded.supplied_at",
            (request_id, item, content, to_db(now)))


async def handover_items(db: Database | Tx, request_id: int) -> dict[str, str]:
    """The supplied items that the participant agreed to: the join is the last guard."""
    rows = await db.fetchall(
        "SELECT h.item, h.content FROM overstap_handover_items h JOIN overstap_consents c"
        " ON c.request_id = h.request_id AND c.item = h.item AND c.decision = 'agreed'"
        " WHERE h.request_id = ? ORDER BY h.item", (request_id,))
    return {row["item"]: row["content"] for row in rows}


async def purge_handover_items(tx: Tx, before: datetime) -> int:
    """Forget handover contents of switches completed or closed before ``before``: the new school
    has them, the bot need not keep them (AVG data minimisation, convenant art. 12.7)."""
    return await tx.changes(
        "DELETE FROM overstap_handover_items WHERE request_id IN (SELECT id FROM"
        " overstap_requests WHERE coalesce(completed_at, closed_at) < ?)", (to_db(before),))


# ---- who sees what ---------------------------------------------------------------------------

async def requests_for_school(db: Database | Tx, school_id: int,
                              request_id: int | None = None) -> list[Request]:
    """Requests that involve a school: as the current school, or as the new school once the
    klantmanager agreed."""
    sql = (f"SELECT {COLUMNS} FROM overstap_requests r WHERE (r.from_school_id = ? OR"
           f" (r.to_school_id = ? AND r.state IN ({','.join('?' * len(NEW_SCHOOL_STATES))})))")
    params: list = [school_id, school_id, *NEW_SCHOOL_STATES]
    if request_id is not None:
        sql += " AND r.id = ?"
        params.append(request_id)
    rows = await db.fetchall(sql + " ORDER BY r.id", params)
    return [Request.from_row(row) for row in rows]


async def requests_for_gemeente(db: Database | Tx, gemeente_id: int,
                                request_id: int | None = None) -> list[Request]:
    """Requests of participants whose klantmanager works for this gemeente."""
    sql = (f"SELECT {COLUMNS} FROM overstap_requests r JOIN people p ON p.id = r.participant_id"
           " JOIN people k ON k.id = p.klantmanager_id WHERE k.gemeente_id = ?")
    params: list = [gemeente_id]
    if request_id is not None:
        sql += " AND r.id = ?"
        params.append(request_id)
    rows = await db.fetchall(sql + " ORDER BY r.id", params)
    return [Request.from_row(row) for row in rows]


async def requests_for_klantmanager(db: Database | Tx, klantmanager_id: int,
                                    open_only: bool = True) -> list[Request]:
    sql = (f"SELECT {COLUMNS} FROM overstap_requests r JOIN people p ON p.id = r.participant_id"
           " WHERE p.klantmanager_id = ?")
    if open_only:
        sql += f" AND r.state IN ({','.join(repr(s) for s in OPEN_STATES)})"
    rows = await db.fetchall(sql + " ORDER BY r.id", (klantmanager_id,))
    return [Request.from_row(row) for row in rows]


async def pending_handovers(db: Database | Tx, school_id: int) -> list[Request]:
    rows = await db.fetchall(f"SELECT {COLUMNS} FROM overstap_requests r WHERE"
                             " r.to_school_id = ? AND r.state = 'handed_over' ORDER BY r.id",
                             (school_id,))
    return [Request.from_row(row) for row in rows]


async def waiting_requests(db: Database | Tx) -> list[Request]:
    """Open requests, and completed school switches whose settlement is not recorded yet, or
    whose final urenverklaring is not issued yet."""
    rows = await db.fetchall(
        f"SELECT {COLUMNS} FROM overstap_requests r WHERE r.state IN"
        f" ({','.join(repr(s) for s in OPEN_STATES)}) OR (r.state = 'completed' AND"
        " r.kind = 'school' AND (r.settlement_at IS NULL OR r.final_uren_at IS NULL))"
        " ORDER BY r.id")
    return [Request.from_row(row) for row in rows]
