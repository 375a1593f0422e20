-- Privacy (issue 13; BoW 1.4.1-1.4.6, convenant art. 12.3 and 12.7, AVG).

-- A privacy notice text set by a school or a gemeente, per audience and language; version goes up
-- with each change of any of its texts, so everyone concerned reads the new text once.
CREATE TABLE privacy_notices (
    scope      TEXT NOT NULL CHECK (scope IN ('school', 'gemeente')),
    scope_id   INTEGER NOT NULL,
    audience   TEXT NOT NULL CHECK (audience IN ('participant', 'staff')),
    language   TEXT NOT NULL,
    text       TEXT NOT NULL,
    version    INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (scope, scope_id, audience, language)
);

-- Which notice (by its key: "default:N" or "school:ID:VERSION" ...) a person last went on from.
CREATE TABLE privacy_acknowledgements (
    person_id  INTEGER PRIMARY KEY REFERENCES people(id),
    notice_key TEXT NOT NULL,
    read_at    TEXT NOT NULL
);

-- Who read which participant's data (caseload views, attendance, klacht files, reports, exports).
CREATE TABLE privacy_audit (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    actor_id   INTEGER REFERENCES people(id),
    actor      TEXT NOT NULL,
    subject_id INTEGER REFERENCES people(id),
    what       TEXT NOT NULL
);
CREATE INDEX privacy_audit_subject ON privacy_audit(subject_id, at);
CREATE INDEX privacy_audit_at ON privacy_audit(at);

-- What the retention sweep removed, per kind and day (counts only, never what it said).
CREATE TABLE privacy_retention_log (
    kind    TEXT NOT NULL,
    day     TEXT NOT NULL,
    removed INTEGER NOT NULL,
    PRIMARY KEY (kind, day)
);

-- Whether alerts over Telegram to this gemeente's klantmanagers may name a health reason ("ill");
-- by default they say "absent, reason reported" and the reason is seen in /caseload only.
ALTER TABLE gemeenten ADD COLUMN health_reason_in_chat INTEGER NOT NULL DEFAULT 0;
