-- Requests for correction or erasure (AVG art. 16, 17; answered within one month, art. 12(3)).
CREATE TABLE privacy_requests (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES people(id),
    kind        TEXT NOT NULL CHECK (kind IN ('correction', 'erasure')),
    details     TEXT NOT NULL DEFAULT '',
    received_at TEXT NOT NULL,
    due_at      TEXT NOT NULL,
    reminded_at TEXT,
    done_at     TEXT,
    outcome     TEXT
);
CREATE INDEX privacy_requests_open ON privacy_requests(done_at, due_at);
