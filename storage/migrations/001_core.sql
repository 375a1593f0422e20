-- Core: gemeenten, schools, people and their roles, Telegram links, link codes, language choice,
-- and the python-telegram-bot persistence (issue 2).

CREATE TABLE gemeenten (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE,
    api_key_hash TEXT UNIQUE,
    created_at   TEXT NOT NULL
);

-- A taalschool (Aanbieder Taal en Inburgering). convenant_status follows convenant art. 4.4 and 15.
CREATE TABLE schools (
    id                   INTEGER PRIMARY KEY,
    name                 TEXT NOT NULL UNIQUE,
    api_key_hash         TEXT UNIQUE,
    convenant_status     TEXT NOT NULL DEFAULT 'participating'
                         CHECK (convenant_status IN ('participating', 'suspended', 'excluded')),
    keurmerk_valid_until TEXT,
    locations            TEXT NOT NULL DEFAULT '',
    auto_issue_uren      INTEGER NOT NULL DEFAULT 0,
    created_at           TEXT NOT NULL
);

CREATE TABLE people (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL,
    role            TEXT NOT NULL CHECK (role IN ('participant', 'klantmanager', 'staff')),
    gemeente_id     INTEGER REFERENCES gemeenten(id),
    school_id       INTEGER REFERENCES schools(id),
    klantmanager_id INTEGER REFERENCES people(id),
    regime          TEXT CHECK (regime IS NULL OR regime IN ('wi2013', 'wi2021')),
    route           TEXT CHECK (route IS NULL OR route IN ('b1', 'z', 'onderwijs')),
    staff_role      TEXT CHECK (staff_role IS NULL OR staff_role IN ('klachtbehandelaar', 'coordinator')),
    external_id     TEXT,
    status          TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'left', 'dropped_out')),
    created_at      TEXT NOT NULL,
    CHECK (role <> 'participant' OR school_id IS NOT NULL),
    CHECK (role <> 'staff' OR school_id IS NOT NULL),
    CHECK (role <> 'klantmanager' OR gemeente_id IS NOT NULL)
);
CREATE UNIQUE INDEX people_school_external ON people(school_id, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX people_klantmanager ON people(klantmanager_id);

-- One Telegram chat per person and one person per chat; never overwritten by another link.
CREATE TABLE telegram_links (
    person_id          INTEGER PRIMARY KEY REFERENCES people(id),
    chat_id            INTEGER NOT NULL UNIQUE,
    linked_at          TEXT NOT NULL,
    unreachable_since  TEXT,
    unreachable_reason TEXT
);

-- The language a chat chose; wins over Telegram's language_code from then on.
CREATE TABLE chat_languages (
    chat_id    INTEGER PRIMARY KEY,
    language   TEXT NOT NULL,
    chosen_at  TEXT NOT NULL
);

CREATE TABLE link_codes (
    id         INTEGER PRIMARY KEY,
    person_id  INTEGER NOT NULL REFERENCES people(id),
    code_hash  TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at    TEXT,
    used_by    INTEGER
);

-- Wrong link codes per chat, for throttling guessing.
CREATE TABLE link_failures (
    chat_id INTEGER NOT NULL,
    at      TEXT NOT NULL
);
CREATE INDEX link_failures_chat ON link_failures(chat_id, at);

-- What was shared about a participant, with whom and why (convenant art. 12.3).
CREATE TABLE sharing_log (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES people(id),
    recipient   TEXT NOT NULL,
    items       TEXT NOT NULL,
    purpose     TEXT NOT NULL,
    shared_at   TEXT NOT NULL
);
CREATE INDEX sharing_log_person ON sharing_log(person_id);

-- python-telegram-bot persistence: conversations, user/chat/bot data, callback data.
CREATE TABLE ptb_data (
    kind TEXT NOT NULL,
    key  TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (kind, key)
);
CREATE TABLE ptb_conversations (
    name  TEXT NOT NULL,
    key   TEXT NOT NULL,
    state TEXT NOT NULL,
    PRIMARY KEY (name, key)
);
