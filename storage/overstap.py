"""Overstap storage (issue 7): requests with their stored states and times, the steps taken, the
participant's consent per item, the handover data, and the convenant standing of schools.

Every query is scoped to what its caller may see: a school sees the requests that involve it (the
new school only once the klantmanager agreed), a gemeente those of its klantmanagers' caseload, a
klantmanager their own caseload, a participant their own.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from storage.database import Database, Tx, from_db, to_db

OPEN_STATES = ("requested", "advised_otherwise", "approved", "conversation_proposed",
               "conversation_accepted", "consent_given", "handed_over")
# States in which the new school knows of the request (it hears of it at the approval).
NEW_SCHOOL_STATES = ("approved", "conversation_proposed", "conversation_accepted",
                     "consent_given", "handed_over", "completed")


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

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    @classmethod
    def from_row(cls, row) -> "Request":
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
    "to_group_id", "final_uren_note",
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


# ---- schools, groups, people -------------------------------------------------------------------

@dataclass(frozen=True)
class SchoolChoice:
    id: int
    name: str
    locations: str
    kinds: tuple[str, ...]
    keurmerk_valid_until: str | None


async def convenant_schools(db: Database | Tx, today: date,
                            exclude: int | None = None) -> list[SchoolChoice]:
    """Schools a participant may switch to: taking part in the convenant, with a quality mark not
    known to have expired (an expiry date in the past excludes; no date recorded does not)."""
    rows = await db.fetchall(
        "SELECT s.id, s.name, s.locations, s.keurmerk_valid_until,"
        " (SELECT group_concat(DISTINCT g.kind) FROM groups g WHERE g.school_id = s.id) AS kinds"
        " FROM schools s WHERE s.convenant_status = 'participating'"
        " AND (s.keurmerk_valid_until IS NULL OR s.keurmerk_valid_until >= ?)"
        " AND s.id IS NOT ? ORDER BY s.name", (today.isoformat(), exclude))
    return [SchoolChoice(row["id"], row["name"], row["locations"] or "",
                         tuple(sorted((row["kinds"] or "").split(","))) if row["kinds"] else (),
                         row["keurmerk_valid_until"]) for row in rows]


async def school_name(db: Database | Tx, school_id: int) -> str:
    return await db.fetchval("SELECT name FROM schools WHERE id = ?", (school_id,)) or "?"


@dataclass(frozen=True)
class Group:
    id: int
    school_id: int
    external_id: str
    name: str
    kind: str
    level: str | None
    capacity: int | None
    location: str | None
    members: int

    @property
    def free(self) -> int | None:
        return None if self.capacity is None else max(self.capacity - self.members, 0)


def _members_on(alias: str = "g") -> str:
    return (f"(SELECT count(*) FROM group_members m WHERE m.group_id = {alias}.id AND"
            " m.joined_on <= :day AND (m.left_on IS NULL OR m.left_on > :day))")


GROUP_COLUMNS = "g.id, g.school_id, g.external_id, g.name, g.kind, g.level, g.capacity, g.location"


def _group(row) -> Group:
    return Group(row["id"], row["school_id"], row["external_id"], row["name"], row["kind"],
                 row["level"], row["capacity"], row["location"], row["members"])


async def group_name(db: Database | Tx, group_id: int) -> str | None:
    return await db.fetchval("SELECT name FROM groups WHERE id = ?", (group_id,))


async def group_ref(db: Database | Tx, group_id: int) -> tuple[str, str] | None:
    """A group's (external id, name): how a school's own system knows it."""
    row = await db.fetchone("SELECT external_id, name FROM groups WHERE id = ?", (group_id,))
    return (row["external_id"], row["name"]) if row else None


async def school_kinds(db: Database | Tx, school_id: int) -> list[str]:
    """The kinds of course a school has groups for, in alphabetical order."""
    rows = await db.fetchall("SELECT DISTINCT kind FROM groups WHERE school_id = ? ORDER BY kind",
                             (school_id,))
    return [row[0] for row in rows]


async def get_group(db: Database | Tx, group_id: int, day: date) -> Group | None:
    row = await db.fetchone(f"SELECT {GROUP_COLUMNS}, {_members_on()} AS members FROM groups g"
                            " WHERE g.id = :id", {"id": group_id, "day": day.isoformat()})
    return _group(row) if row else None


async def group_by_external_id(db: Database | Tx, school_id: int, external_id: str,
                               day: date) -> Group | None:
    row = await db.fetchone(f"SELECT {GROUP_COLUMNS}, {_members_on()} AS members FROM groups g"
                            " WHERE g.school_id = :school AND g.external_id = :ext",
                            {"school": school_id, "ext": external_id, "day": day.isoformat()})
    return _group(row) if row else None


async def current_groups(db: Database | Tx, person_id: int, school_id: int,
                         day: date) -> list[Group]:
    """The groups of this school the participant is in on ``day`` (or joins later)."""
    rows = await db.fetchall(
        f"SELECT DISTINCT {GROUP_COLUMNS}, {_members_on()} AS members FROM groups g"
        " JOIN group_members gm ON gm.group_id = g.id WHERE gm.person_id = :person"
        " AND g.school_id = :school AND (gm.left_on IS NULL OR gm.left_on > :day)"
        " ORDER BY gm.joined_on, g.id",
        {"person": person_id, "school": school_id, "day": day.isoformat()})
    return [_group(row) for row in rows]


async def slot_options(db: Database | Tx, school_id: int, current: Group, day: date) -> list[Group]:
    """Other groups of the same school, kind and level with a free place (a group without a
    capacity is not offered: nobody can tell whether there is room)."""
    rows = await db.fetchall(
        f"SELECT {GROUP_COLUMNS}, {_members_on()} AS members FROM groups g"
        " WHERE g.school_id = :school AND g.kind = :kind AND g.level IS :level AND g.id <> :id"
        " AND g.capacity IS NOT NULL ORDER BY g.name",
        {"school": school_id, "kind": current.kind, "level": current.level, "id": current.id,
         "day": day.isoformat()})
    return [group for group in map(_group, rows) if group.free]


async def groups_with_room(db: Database | Tx, school_id: int, day: date) -> list[Group]:
    rows = await db.fetchall(f"SELECT {GROUP_COLUMNS}, {_members_on()} AS members FROM groups g"
                             " WHERE g.school_id = :school ORDER BY g.name",
                             {"school": school_id, "day": day.isoformat()})
    return [group for group in map(_group, rows) if group.free is None or group.free > 0]


async def group_lesson_starts(db: Database | Tx, group_id: int, now: datetime,
                              days: int = 14) -> list[datetime]:
    """Starts of the group's lessons in the next ``days`` days, to show its days and times."""
    rows = await db.fetchall(
        "SELECT starts_at FROM lessons WHERE group_id = ? AND cancelled = 0 AND starts_at >= ?"
        " AND starts_at < ? ORDER BY starts_at",
        (group_id, to_db(now), to_db(now + timedelta(days=days))))
    return [from_db(row["starts_at"]) for row in rows]


async def move_group_membership(tx: Tx, person_id: int, from_group_id: int | None,
                                to_group_id: int | None, on: date) -> None:
    """Leave ``from_group_id`` and join ``to_group_id`` from the local date ``on``.

    ``left_on`` is the first day no longer in the group (bot/rooster/diff.py ``member_on``), so
    the old group's lessons from ``on`` and the new group's before it are not the participant's.
    """
    if from_group_id is not None:
        await tx.execute(
            "UPDATE group_members SET left_on = ? WHERE person_id = ? AND group_id = ?"
            " AND (left_on IS NULL OR left_on > ?) AND joined_on < ?",
            (on.isoformat(), person_id, from_group_id, on.isoformat(), on.isoformat()))
        # A membership that had not begun yet is withdrawn altogether.
        await tx.execute("DELETE FROM group_members WHERE person_id = ? AND group_id = ?"
                         " AND joined_on >= ?", (person_id, from_group_id, on.isoformat()))
    if to_group_id is not None:
        await tx.execute("INSERT INTO group_members(group_id, person_id, joined_on) VALUES (?,?,?)"
                         " ON CONFLICT(group_id, person_id, joined_on)"
                         " DO UPDATE SET left_on = NULL",
                         (to_group_id, person_id, on.isoformat()))


async def leave_school_groups(tx: Tx, person_id: int, school_id: int, on: date) -> None:
    """End every membership of the participant in the groups of ``school_id`` from ``on``."""
    rows = await tx.fetchall("SELECT DISTINCT gm.group_id FROM group_members gm JOIN groups g ON"
                             " g.id = gm.group_id WHERE gm.person_id = ? AND g.school_id = ?",
                             (person_id, school_id))
    for row in rows:
        await move_group_membership(tx, person_id, row["group_id"], None, on)


async def change_school(tx: Tx, person_id: int, school_id: int,
                        external_id: str | None = None) -> None:
    """The participant now belongs to the new school: its key reaches them, the old one's no more.
    The old school's own id for them means nothing at the new school: it is replaced by the new
    school's id, if given, so the new school's rooster pushes find the same person."""
    await tx.execute("UPDATE people SET school_id = ?, external_id = ? WHERE id = ?"
                     " AND role = 'participant'", (school_id, external_id, person_id))


async def external_id_taken(db: Database | Tx, school_id: int, external_id: str,
                            person_id: int) -> bool:
    return bool(await db.fetchval("SELECT 1 FROM people WHERE school_id = ? AND external_id = ?"
                                  " AND id <> ?", (school_id, external_id, person_id)))


async def staff_to_tell(db: Database | Tx, school_id: int) -> list[int]:
    """The school's coordinators, or all its staff when it has none."""
    rows = await db.fetchall("SELECT id FROM people WHERE role = 'staff' AND school_id = ?"
                             " AND staff_role = 'coordinator' ORDER BY id", (school_id,))
    if not rows:
        rows = await db.fetchall("SELECT id FROM people WHERE role = 'staff' AND school_id = ?"
                                 " ORDER BY id", (school_id,))
    return [row["id"] for row in rows]


async def active_participants(db: Database | Tx, school_id: int) -> list[dict]:
    rows = await db.fetchall("SELECT id, name, klantmanager_id FROM people WHERE role ="
                             " 'participant' AND school_id = ? AND status = 'active' ORDER BY id",
                             (school_id,))
    return [dict(row) for row in rows]


# ---- school standing ---------------------------------------------------------------------

async def set_school_status(tx: Tx, school_id: int, status: str, now: datetime,
                            keurmerk_valid_until: str | None = None) -> str | None:
    """Change a school's convenant status; returns the previous one (None if no such school)."""
    old = await tx.fetchval("SELECT convenant_status FROM schools WHERE id = ?", (school_id,))
    if old is None:
        return None
    await tx.execute("UPDATE schools SET convenant_status = ? WHERE id = ?", (status, school_id))
    if keurmerk_valid_until is not None:
        await tx.execute("UPDATE schools SET keurmerk_valid_until = ? WHERE id = ?",
                         (keurmerk_valid_until or None, school_id))
    return old


async def record_status_change(tx: Tx, school_id: int, old: str, new: str, now: datetime,
                               advised: int, alerted: int, partners: int) -> int:
    return await tx.execute(
        "INSERT INTO school_status_changes(school_id, old_status, new_status, changed_at,"
        " participants_advised, klantmanagers_alerted, partners_told) VALUES (?,?,?,?,?,?,?)",
        (school_id, old, new, to_db(now), advised, alerted, partners))


async def record_status_counts(tx: Tx, change_id: int, advised: int, alerted: int,
                               partners: int) -> None:
    """How many participants, klantmanagers and partner schools a status change reached."""
    await tx.execute("UPDATE school_status_changes SET participants_advised = ?,"
                     " klantmanagers_alerted = ?, partners_told = ? WHERE id = ?",
                     (advised, alerted, partners, change_id))


async def all_schools(db: Database | Tx) -> list[dict]:
    rows = await db.fetchall(
        "SELECT s.id, s.name, s.convenant_status AS status, s.keurmerk_valid_until, s.locations,"
        " (SELECT count(*) FROM people p WHERE p.school_id = s.id AND p.role = 'participant'"
        "  AND p.status = 'active') AS participants,"
        " (SELECT count(*) FROM overstap_requests r WHERE (r.from_school_id = s.id OR"
        "  r.to_school_id = s.id) AND r.state IN"
        f" ({','.join(repr(x) for x in OPEN_STATES)})) AS open_overstap"
        " FROM schools s ORDER BY s.id")
    return [dict(row) for row in rows]


# ---- sharing log (convenant art. 12.3) -----------------------------------------------------

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
