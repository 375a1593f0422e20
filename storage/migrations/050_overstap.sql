-- Overstap (issue 7; convenant art. 11, 12.2-12.5, 10.7, 4.4, 15): a participant's request to
-- switch to another group of the same school ('slot') or to another convenant school ('school'),
-- its states and times, every step taken, the participant's consent per item and the handover
-- data the old school supplies for the consented items only.

CREATE TABLE overstap_requests (
    id                 INTEGER PRIMARY KEY,
    participant_id     INTEGER NOT NULL REFERENCES people(id),
    kind               TEXT NOT NULL CHECK (kind IN ('slot', 'school')),
    from_school_id     INTEGER NOT NULL REFERENCES schools(id),
    to_school_id       INTEGER NOT NULL REFERENCES schools(id),
    from_group_id      INTEGER REFERENCES groups(id),
    to_group_id        INTEGER REFERENCES groups(id),
    reason             TEXT NOT NULL,
    reason_text        TEXT NOT NULL DEFAULT '',
    state              TEXT NOT NULL CHECK (state IN (
                           'requested', 'advised_otherwise', 'approved', 'conversation_proposed',
                           'conversation_accepted', 'consent_given', 'handed_over', 'completed',
                           'declined', 'withdrawn')),
    -- When the current state began; the reminder sweep counts working days from here.
    state_since        TEXT NOT NULL,
    reminders          INTEGER NOT NULL DEFAULT 0,
    last_reminded_at   TEXT,
    km_decision        TEXT CHECK (km_decision IS NULL OR km_decision IN
                           ('approved', 'advised_otherwise', 'declined')),
    km_note            TEXT,
    km_decided_at      TEXT,
    decline_reason     TEXT,
    conversation_at    TEXT,
    conversation_place TEXT,
    -- Local date (YYYY-MM-DD): the new group from this day on, or the start at the new school.
    effective_on       TEXT,
    handover_at        TEXT,
    delivered_at       TEXT,
    completed_at       TEXT,
    closed_at          TEXT,
    final_uren_at      TEXT,
    -- Why no final urenverklaring could be made (e.g. no regime recorded), when none was.
    final_uren_note    TEXT,
    settlement_kind    TEXT CHECK (settlement_kind IS NULL OR settlement_kind IN
                           ('settled', 'budget_transferred', 'nothing_due')),
    settlement_note    TEXT,
    settlement_at      TEXT,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    CHECK (kind <> 'slot' OR (to_school_id = from_school_id AND to_group_id IS NOT NULL)),
    CHECK (kind <> 'school' OR to_school_id <> from_school_id)
);
-- One open request per participant (issue 7, point 1).
CREATE UNIQUE INDEX overstap_one_open ON overstap_requests(participant_id)
    WHERE state NOT IN ('completed', 'declined', 'withdrawn');
CREATE INDEX overstap_from_school ON overstap_requests(from_school_id, state);
CREATE INDEX overstap_to_school ON overstap_requests(to_school_id, state);
CREATE INDEX overstap_state ON overstap_requests(state, state_since);

-- Every step, who took it and when (the stored times of the state machine).
CREATE TABLE overstap_events (
    id          INTEGER PRIMARY KEY,
    request_id  INTEGER NOT NULL REFERENCES overstap_requests(id),
    at          TEXT NOT NULL,
    event       TEXT NOT NULL,
    from_state  TEXT,
    to_state    TEXT NOT NULL,
    actor_kind  TEXT NOT NULL CHECK (actor_kind IN
                    ('participant', 'klantmanager', 'gemeente', 'old_school', 'new_school', 'system')),
    actor_id    INTEGER
);
CREATE INDEX overstap_events_request ON overstap_events(request_id, at);

-- The participant's answer per item of convenant art. 12.4 (art. 12.3, 12.5): only 'agreed'
-- items may ever reach the new school.
CREATE TABLE overstap_consents (
    request_id  INTEGER NOT NULL REFERENCES overstap_requests(id),
    item        TEXT NOT NULL,
    decision    TEXT NOT NULL CHECK (decision IN ('agreed', 'refused')),
    decided_at  TEXT NOT NULL,
    PRIMARY KEY (request_id, item)
);

-- What the old school supplied for an agreed item, kept for the new school to fetch.
CREATE TABLE overstap_handover_items (
    request_id  INTEGER NOT NULL REFERENCES overstap_requests(id),
    item        TEXT NOT NULL,
    content     TEXT NOT NULL,
    supplied_at TEXT NOT NULL,
    PRIMARY KEY (request_id, item)
);

-- Convenant standing changes of a school (art. 4.4, 14, 15), with who was told.
CREATE TABLE school_status_changes (
    id          INTEGER PRIMARY KEY,
    school_id   INTEGER NOT NULL REFERENCES schools(id),
    old_status  TEXT NOT NULL,
    new_status  TEXT NOT NULL,
    changed_at  TEXT NOT NULL,
    participants_advised INTEGER NOT NULL DEFAULT 0,
    klantmanagers_alerted INTEGER NOT NULL DEFAULT 0,
    partners_told INTEGER NOT NULL DEFAULT 0
);
