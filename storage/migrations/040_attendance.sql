-- Attendance (issue 6; Blik op Werk norm 2.9.1, 2.9.4; convenant art. 9.3, 12.4): what the school
-- registered per lesson and participant, every earlier value kept (audit trail), absence reports
-- by participants (/afmelden), participant status changes (uitval) and the alerts to klantmanagers.

-- The current registration of one participant at one lesson. status follows bot/rules/verzuim.py:
-- absent_reported / absent_ill / absent_other are absences with a reason (C art. 9.3).
-- lesson_starts_at copies lessons.starts_at (kept in step by the trigger below) so the verzuim sweep
-- can walk a participant's registrations in time order from one index.
CREATE TABLE attendance (
    id               INTEGER PRIMARY KEY,
    lesson_id        INTEGER NOT NULL REFERENCES lessons(id),
    person_id        INTEGER NOT NULL REFERENCES people(id),
    school_id        INTEGER NOT NULL REFERENCES schools(id),
    lesson_starts_at TEXT NOT NULL,
    status           TEXT NOT NULL CHECK (status IN
                     ('present', 'absent', 'absent_reported', 'absent_ill', 'absent_other')),
    supervised       INTEGER NOT NULL DEFAULT 1,
    practice         INTEGER NOT NULL DEFAULT 0,
    source           TEXT NOT NULL CHECK (source IN ('school', 'participant')),
    recorded_at      TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    UNIQUE (lesson_id, person_id)
);
CREATE INDEX attendance_person_start ON attendance(person_id, lesson_starts_at);
CREATE INDEX attendance_absent ON attendance(person_id, lesson_starts_at) WHERE status <> 'present';
CREATE INDEX attendance_present ON attendance(person_id, lesson_starts_at) WHERE status = 'present';

-- Earlier values of a registration, written when a school corrects it (norm 2.9.4: the
-- registration stays as long as it may be needed, and a correction must not erase the past).
CREATE TABLE attendance_history (
    id            INTEGER PRIMARY KEY,
    attendance_id INTEGER NOT NULL REFERENCES attendance(id),
    status        TEXT NOT NULL,
    supervised    INTEGER NOT NULL,
    practice      INTEGER NOT NULL,
    source        TEXT NOT NULL,
    recorded_at   TEXT NOT NULL,
    replaced_at   TEXT NOT NULL
);
CREATE INDEX attendance_history_row ON attendance_history(attendance_id);

CREATE TRIGGER attendance_follows_lesson_time AFTER UPDATE OF starts_at ON lessons
BEGIN
    UPDATE attendance SET lesson_starts_at = NEW.starts_at WHERE lesson_id = NEW.id;
END;

-- A participant's own report that they will miss a lesson (/afmelden; C art. 9.3).
CREATE TABLE absence_reports (
    id          INTEGER PRIMARY KEY,
    lesson_id   INTEGER NOT NULL REFERENCES lessons(id),
    person_id   INTEGER NOT NULL REFERENCES people(id),
    school_id   INTEGER NOT NULL REFERENCES schools(id),
    reason      TEXT NOT NULL CHECK (reason IN ('ill', 'appointment', 'work', 'childcare', 'other')),
    note        TEXT,
    reported_at TEXT NOT NULL,
    UNIQUE (lesson_id, person_id)
);
CREATE INDEX absence_reports_school ON absence_reports(school_id, reported_at);

-- The school's report that a participant left or dropped out (uitval, C art. 12.4), and back.
CREATE TABLE participant_status_events (
    id         INTEGER PRIMARY KEY,
    person_id  INTEGER NOT NULL REFERENCES people(id),
    school_id  INTEGER NOT NULL REFERENCES schools(id),
    status     TEXT NOT NULL CHECK (status IN ('active', 'left', 'dropped_out')),
    effective_on TEXT,
    reason     TEXT,
    at         TEXT NOT NULL
);
CREATE INDEX participant_status_person ON participant_status_events(person_id, at);

-- Alerts to the klantmanager (C art. 12.4). One 'verzuim' row per absence episode, open while
-- closed_at is NULL; one 'uitval' row per status report. The row and its outbox message are written
-- in one transaction, so a restart never sends an alert twice. seen_at / contacted_at are the
-- klantmanager's buttons; unseen alerts go into the daily digest.
CREATE TABLE verzuim_alerts (
    id               INTEGER PRIMARY KEY,
    person_id        INTEGER NOT NULL REFERENCES people(id),
    klantmanager_id  INTEGER NOT NULL REFERENCES people(id),
    kind             TEXT NOT NULL CHECK (kind IN ('verzuim', 'uitval')),
    episode_start    TEXT,
    alerted_at       TEXT NOT NULL,
    last_followup_at TEXT,
    followups        INTEGER NOT NULL DEFAULT 0,
    missed           INTEGER NOT NULL DEFAULT 0,
    closed_at        TEXT,
    back_at          TEXT,
    seen_at          TEXT,
    contacted_at     TEXT
);
CREATE UNIQUE INDEX verzuim_alerts_one_open ON verzuim_alerts(person_id)
    WHERE kind = 'verzuim' AND closed_at IS NULL;
CREATE INDEX verzuim_alerts_km ON verzuim_alerts(klantmanager_id, seen_at);

-- Daily digests already made, so a restart never repeats one.
CREATE TABLE verzuim_digests (
    klantmanager_id INTEGER NOT NULL REFERENCES people(id),
    day             TEXT NOT NULL,
    alerts          INTEGER NOT NULL,
    made_at         TEXT NOT NULL,
    PRIMARY KEY (klantmanager_id, day)
);
