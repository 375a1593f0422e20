-- Klachten (issue 5): the register of Blik op Werk norm 1.5.6 (date of receipt, date of
-- acknowledgement, handler, outcome, date handled), the 1.5.2 deadlines, signals to the
-- klantmanager (convenant art. 13.4), and what was sent once (reminders, escalations).

-- One klacht. route 'school' is a formal klacht under the school's procedure (norm 1.5.2);
-- 'klantmanager' is a signal to the participant's klantmanager (convenant art. 13.4).
CREATE TABLE klachten (
    id              INTEGER PRIMARY KEY,
    reference       TEXT NOT NULL UNIQUE,
    participant_id  INTEGER NOT NULL REFERENCES people(id),
    school_id       INTEGER NOT NULL REFERENCES schools(id),
    route           TEXT NOT NULL CHECK (route IN ('school', 'klantmanager')),
    topic           TEXT NOT NULL,
    description     TEXT NOT NULL DEFAULT '',
    language        TEXT,
    anonymous       INTEGER NOT NULL DEFAULT 0,
    state           TEXT NOT NULL DEFAULT 'received'
                    CHECK (state IN ('received', 'in_treatment', 'refused', 'closed', 'signalled')),
    received_at     TEXT NOT NULL,
    acknowledged_at TEXT,
    ack_by          TEXT,
    decide_by       TEXT,
    handle_by       TEXT,
    handler_id      INTEGER REFERENCES people(id),
    decided_at      TEXT,
    refusal_reason  TEXT,
    outcome         TEXT CHECK (outcome IS NULL OR outcome IN
                    ('upheld', 'partly_upheld', 'not_upheld', 'resolved', 'not_taken')),
    outcome_text    TEXT,
    handled_at      TEXT,
    satisfaction    TEXT CHECK (satisfaction IS NULL OR satisfaction IN ('satisfied', 'not_satisfied')),
    satisfaction_at TEXT,
    klantmanager_consent INTEGER,
    CHECK (route <> 'school' OR (ack_by IS NOT NULL AND decide_by IS NOT NULL AND handle_by IS NOT NULL))
);
CREATE INDEX klachten_participant ON klachten(participant_id, received_at);
CREATE INDEX klachten_school ON klachten(school_id, received_at);
CREATE INDEX klachten_open ON klachten(state);

-- Voice messages, photos and documents, kept as Telegram file ids (the files stay with Telegram).
CREATE TABLE klacht_attachments (
    id             INTEGER PRIMARY KEY,
    klacht_id      INTEGER NOT NULL REFERENCES klachten(id),
    kind           TEXT NOT NULL CHECK (kind IN ('voice', 'audio', 'photo', 'document', 'video',
                                                 'video_note')),
    file_id        TEXT NOT NULL,
    file_unique_id TEXT,
    added_at       TEXT NOT NULL
);
CREATE INDEX klacht_attachments_klacht ON klacht_attachments(klacht_id);

-- School staff the participant named as involved: they may not handle it (norm 1.5.2).
CREATE TABLE klacht_involved (
    klacht_id INTEGER NOT NULL REFERENCES klachten(id),
    person_id INTEGER NOT NULL REFERENCES people(id),
    source    TEXT NOT NULL CHECK (source IN ('participant', 'named_in_text', 'self')),
    PRIMARY KEY (klacht_id, person_id)
);

-- The demonstrable handling (norm 1.5.7): every step, who did it and when.
CREATE TABLE klacht_events (
    id        INTEGER PRIMARY KEY,
    klacht_id INTEGER NOT NULL REFERENCES klachten(id),
    at        TEXT NOT NULL,
    kind      TEXT NOT NULL,
    actor_id  INTEGER REFERENCES people(id),
    detail    TEXT
);
CREATE INDEX klacht_events_klacht ON klacht_events(klacht_id, at);

-- Reminders and escalations already sent, so each goes out once, also across restarts.
CREATE TABLE klacht_notices (
    klacht_id INTEGER NOT NULL REFERENCES klachten(id),
    key       TEXT NOT NULL,
    sent_at   TEXT NOT NULL,
    PRIMARY KEY (klacht_id, key)
);

-- Questions from the handler to the participant, relayed by the bot (the participant stays
-- anonymous when they asked to), and the answers.
CREATE TABLE klacht_questions (
    id          INTEGER PRIMARY KEY,
    klacht_id   INTEGER NOT NULL REFERENCES klachten(id),
    asked_by    INTEGER NOT NULL REFERENCES people(id),
    question    TEXT NOT NULL,
    asked_at    TEXT NOT NULL,
    answer      TEXT,
    answer_file_id TEXT,
    answer_kind TEXT,
    answered_at TEXT
);
CREATE INDEX klacht_questions_klacht ON klacht_questions(klacht_id);

-- A /klacht being written: survives a restart of the bot; deleted on sending or /cancel.
CREATE TABLE klacht_drafts (
    chat_id    INTEGER PRIMARY KEY,
    person_id  INTEGER NOT NULL REFERENCES people(id),
    data       TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
