-- When a participant keeps not coming (issue 15; BoW "Wanprestatie door de Cursist"): the school's
-- attempts to reach them, each with its date and outcome, are the evidence an auditor asks for and
-- the overview a registered letter carries. kind 'warning' is a warning of the consequences for
-- the course contract; warning_kind picks its standard text, sent through the bot in the
-- participant's language when sent_at is set. ``note`` is the school's own words.
CREATE TABLE contact_attempts (
    id            INTEGER PRIMARY KEY,
    person_id     INTEGER NOT NULL REFERENCES people(id),
    school_id     INTEGER NOT NULL REFERENCES schools(id),
    kind          TEXT NOT NULL CHECK (kind IN ('call', 'message', 'conversation', 'warning')),
    attempted_on  TEXT NOT NULL,
    outcome       TEXT NOT NULL,
    note          TEXT,
    warning_kind  TEXT CHECK (warning_kind IS NULL OR warning_kind IN ('absence', 'agreements',
                                                                        'final')),
    come_back_by  TEXT,
    sent_at       TEXT,
    recorded_at   TEXT NOT NULL
);
CREATE INDEX contact_attempts_person ON contact_attempts(person_id, attempted_on);
