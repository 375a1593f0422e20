-- What a school reports to the klantmanager about a participant's trajectory (issue 15; convenant
-- art. 12.1, 12.4): the intake with the agreed goal, the predicted duration and its changes, work
-- attitude and motivation, obstacles, and progress. ``details`` is a JSON object per kind (the
-- rule module bot/rules/trajectory.py names the kinds); free text stays here, never in the outbox.
-- ``klantmanager_id`` is who was told; seen_at is their "seen" button (unseen ones go in the
-- daily digest). ``flagged``: a prediction that grew by more than a month.
CREATE TABLE trajectory_records (
    id              INTEGER PRIMARY KEY,
    person_id       INTEGER NOT NULL REFERENCES people(id),
    school_id       INTEGER NOT NULL REFERENCES schools(id),
    kind            TEXT NOT NULL
                    CHECK (kind IN ('intake', 'duration', 'attitude', 'obstacles', 'progress')),
    details         TEXT NOT NULL,
    predicted_end   TEXT,
    previous_end    TEXT,
    flagged         INTEGER NOT NULL DEFAULT 0,
    recorded_at     TEXT NOT NULL,
    klantmanager_id INTEGER REFERENCES people(id),
    seen_at         TEXT
);
CREATE INDEX trajectory_person ON trajectory_records(person_id, recorded_at);
CREATE INDEX trajectory_km_unseen ON trajectory_records(klantmanager_id, seen_at);

-- What the gemeente tells the school (art. 12.6) besides participation activities: obstacles the
-- school should know. The school's coordinators are told; seen_at is the first one's "seen".
CREATE TABLE gemeente_notes (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES people(id),
    gemeente_id INTEGER NOT NULL REFERENCES gemeenten(id),
    school_id   INTEGER NOT NULL REFERENCES schools(id),
    text        TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    seen_at     TEXT
);
CREATE INDEX gemeente_notes_person ON gemeente_notes(person_id, recorded_at);
