-- The end of a participant's contract (convenant art. 10.7; rule bot/rules/contract_end.py):
-- recorded in the transaction of the status change (left, dropped_out), then the school's
-- final urenverklaring is issued once and done_at set (note: 'no_regime', 'returned').
CREATE TABLE contract_ends (
    id           INTEGER PRIMARY KEY,
    person_id    INTEGER NOT NULL REFERENCES people(id),
    school_id    INTEGER NOT NULL REFERENCES schools(id),
    status       TEXT NOT NULL CHECK (status IN ('left', 'dropped_out')),
    last_day     TEXT NOT NULL,
    recorded_at  TEXT NOT NULL,
    done_at      TEXT,
    note         TEXT,
    statement_id INTEGER REFERENCES uren_statements(id)
);
CREATE INDEX contract_ends_pending ON contract_ends(id) WHERE done_at IS NULL;
