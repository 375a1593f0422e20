-- Rooster API (issue 4; convenant art. 10.4, 12.6; Blik op Werk norm 2.10.1): what /rooster marks
-- as changed, the participation activities of the gemeente and their conflicts with lessons, and
-- the private calendar-feed links.

-- What the last notified change of a lesson was (comma list of new, moved, location, teacher,
-- mode, cancelled) and where it was before a move, so /rooster can mark it.
ALTER TABLE lessons ADD COLUMN change_kinds TEXT;
ALTER TABLE lessons ADD COLUMN previous_starts_at TEXT;
CREATE INDEX lessons_school_start ON lessons(school_id, starts_at);
CREATE INDEX holidays_school_start ON holidays(school_id, starts_on);

-- A participant's mandatory participation activity (convenant art. 9.2, 12.6): weekly on a
-- weekday between two local times within an optional date range, or once between two instants.
-- Recorded by a klantmanager in the bot (recorded_by) or by the gemeente's API (external_id).
-- Deleting is soft, so resolved conflicts keep pointing at what they were about.
CREATE TABLE participation_activities (
    id             INTEGER PRIMARY KEY,
    participant_id INTEGER NOT NULL REFERENCES people(id),
    gemeente_id    INTEGER REFERENCES gemeenten(id),
    external_id    TEXT,
    recorded_by    INTEGER REFERENCES people(id),
    title          TEXT NOT NULL,
    weekday        INTEGER CHECK (weekday IS NULL OR weekday BETWEEN 0 AND 6),
    start_time     TEXT,
    end_time       TEXT,
    valid_from     TEXT,
    valid_until    TEXT,
    starts_at      TEXT,
    ends_at        TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted_at     TEXT,
    CHECK ((weekday IS NOT NULL AND start_time IS NOT NULL AND end_time IS NOT NULL
            AND end_time > start_time AND starts_at IS NULL AND ends_at IS NULL)
        OR (weekday IS NULL AND starts_at IS NOT NULL AND ends_at IS NOT NULL
            AND ends_at > starts_at))
);
CREATE UNIQUE INDEX participation_activities_external
    ON participation_activities(gemeente_id, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX participation_activities_participant
    ON participation_activities(participant_id) WHERE deleted_at IS NULL;

-- A lesson that overlaps a participant's activity. Open while resolved_at is NULL; resolving
-- either side (lesson moved or cancelled, activity changed or deleted, participant left the
-- group) sets resolved_at. One open row per lesson and activity.
CREATE TABLE rooster_conflicts (
    id             INTEGER PRIMARY KEY,
    lesson_id      INTEGER NOT NULL REFERENCES lessons(id),
    activity_id    INTEGER NOT NULL REFERENCES participation_activities(id),
    participant_id INTEGER NOT NULL REFERENCES people(id),
    school_id      INTEGER NOT NULL REFERENCES schools(id),
    detected_at    TEXT NOT NULL,
    resolved_at    TEXT
);
CREATE UNIQUE INDEX rooster_conflicts_open
    ON rooster_conflicts(lesson_id, activity_id) WHERE resolved_at IS NULL;
CREATE INDEX rooster_conflicts_participant ON rooster_conflicts(participant_id, resolved_at);
CREATE INDEX rooster_conflicts_school ON rooster_conflicts(school_id, resolved_at);

-- One private calendar-feed link per participant; only the hash of its token is kept, so a
-- renewed link replaces the row and the old link stops working.
CREATE TABLE rooster_feed_tokens (
    person_id  INTEGER PRIMARY KEY REFERENCES people(id),
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);
