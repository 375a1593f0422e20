-- Urenverklaring (issue 6; convenant art. 10.7, Blik op Werk norm 2.5, 2.9.4): requests by a
-- participant or their klantmanager, the school's confirmation, the issued statements with their
-- Ed25519 signature, and the signing key of each school (kept by the bot).

CREATE TABLE school_signing_keys (
    school_id   INTEGER PRIMARY KEY REFERENCES schools(id),
    private_key BLOB NOT NULL,
    public_key  BLOB NOT NULL,
    created_at  TEXT NOT NULL
);

CREATE TABLE uren_requests (
    id             INTEGER PRIMARY KEY,
    participant_id INTEGER NOT NULL REFERENCES people(id),
    school_id      INTEGER NOT NULL REFERENCES schools(id),
    requested_by   INTEGER NOT NULL REFERENCES people(id),
    period_start   TEXT,
    period_end     TEXT,
    state          TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'issued', 'refused')),
    requested_at   TEXT NOT NULL,
    decided_at     TEXT,
    decided_by     INTEGER REFERENCES people(id),
    statement_id   INTEGER REFERENCES uren_statements(id)
);
CREATE INDEX uren_requests_school ON uren_requests(school_id, state);
CREATE INDEX uren_requests_participant ON uren_requests(participant_id);

-- payload is the canonical JSON that was signed: totals, counted hours with the rule applied,
-- and every attended lesson of the annex, so the PDF can be made again and checked at any time.
CREATE TABLE uren_statements (
    id             INTEGER PRIMARY KEY,
    code           TEXT NOT NULL UNIQUE,
    participant_id INTEGER NOT NULL REFERENCES people(id),
    school_id      INTEGER NOT NULL REFERENCES schools(id),
    issued_at      TEXT NOT NULL,
    payload        TEXT NOT NULL,
    signature      BLOB NOT NULL
);
CREATE INDEX uren_statements_participant ON uren_statements(participant_id);
