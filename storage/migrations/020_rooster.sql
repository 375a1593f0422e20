-- Rooster (issue 4; convenant art. 10.4, 10.6; Blik op Werk norm 2.9.1, 2.10.1): groups with their
-- members, lessons, holidays. Every row a school sends is keyed by the school's own external id.
CREATE TABLE groups (
    id          INTEGER PRIMARY KEY,
    school_id   INTEGER NOT NULL REFERENCES schools(id),
    external_id TEXT NOT NULL,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL DEFAULT 'NT2'
                CHECK (kind IN ('NT2', 'KNM', 'ONA', 'alfabetisering', 'MAP', 'other')),
    level       TEXT,
    capacity    INTEGER,
    location    TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    UNIQUE (school_id, external_id)
);

-- Membership periods as local dates (YYYY-MM-DD); left_on NULL while still a member.
CREATE TABLE group_members (
    id        INTEGER PRIMARY KEY,
    group_id  INTEGER NOT NULL REFERENCES groups(id),
    person_id INTEGER NOT NULL REFERENCES people(id),
    joined_on TEXT NOT NULL,
    left_on   TEXT,
    UNIQUE (group_id, person_id, joined_on)
);
CREATE INDEX group_members_person ON group_members(person_id);

CREATE TABLE lessons (
    id          INTEGER PRIMARY KEY,
    school_id   INTEGER NOT NULL REFERENCES schools(id),
    group_id    INTEGER NOT NULL REFERENCES groups(id),
    external_id TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('NT2', 'KNM', 'ONA', 'alfabetisering', 'MAP', 'other')),
    level       TEXT,
    starts_at   TEXT NOT NULL,
    ends_at     TEXT NOT NULL,
    location    TEXT,
    mode        TEXT NOT NULL DEFAULT 'classroom' CHECK (mode IN ('classroom', 'distance')),
    teacher     TEXT,
    cancelled   INTEGER NOT NULL DEFAULT 0,
    changed_at  TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    UNIQUE (school_id, external_id),
    CHECK (ends_at > starts_at)
);
CREATE INDEX lessons_group_start ON lessons(group_id, starts_at);

-- Vakantieregeling (convenant art. 10.6): a whole school, or one group when group_id is set.
CREATE TABLE holidays (
    id          INTEGER PRIMARY KEY,
    school_id   INTEGER NOT NULL REFERENCES schools(id),
    group_id    INTEGER REFERENCES groups(id),
    external_id TEXT NOT NULL,
    name        TEXT NOT NULL,
    starts_on   TEXT NOT NULL,
    ends_on     TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    UNIQUE (school_id, external_id),
    CHECK (ends_on >= starts_on)
);
