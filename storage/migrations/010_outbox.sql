-- The durable outbox (issue 3): every notification the bot sends on its own initiative is a row,
-- written in the same transaction as the event that causes it.
CREATE TABLE outbox (
    id            INTEGER PRIMARY KEY,
    person_id     INTEGER REFERENCES people(id),
    chat_id       INTEGER,
    audience      TEXT NOT NULL DEFAULT 'participant' CHECK (audience IN ('participant', 'staff')),
    message_key   TEXT NOT NULL,
    params        TEXT NOT NULL DEFAULT '{}',
    priority      INTEGER NOT NULL DEFAULT 5,
    urgent        INTEGER NOT NULL DEFAULT 0,
    dedupe_key    TEXT UNIQUE,
    created_at    TEXT NOT NULL,
    not_before    TEXT NOT NULL,
    lesson_at     TEXT,
    state         TEXT NOT NULL DEFAULT 'pending'
                  CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'unreachable')),
    attempts      INTEGER NOT NULL DEFAULT 0,
    last_error    TEXT,
    sent_at       TEXT,
    telegram_message_ids TEXT,
    CHECK (person_id IS NOT NULL OR chat_id IS NOT NULL)
);
CREATE INDEX outbox_due ON outbox(state, not_before, priority);
