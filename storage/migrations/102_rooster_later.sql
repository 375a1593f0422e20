-- Rooster changes beyond the eight-week horizon (convenant art. 10.4; rule bot/rules/rooster_diff.py
-- told_later): one row per change with the participants who notice it, written in the push's
-- transaction, and told in the weekly summary (bot/rooster/later.py), which sets summarized_at in
-- the transaction of its outbox rows. A held change of a lesson that is then told at once (moved
-- into the coming weeks) is dropped from the summary: the message told it.
CREATE TABLE rooster_later (
    id            INTEGER PRIMARY KEY,
    school_id     INTEGER NOT NULL REFERENCES schools(id),
    lesson        TEXT NOT NULL,  -- the school's id of the lesson
    entry         TEXT NOT NULL,  -- JSON, as bot/rooster/notices.lesson_entry makes it
    people        TEXT NOT NULL,  -- JSON list of person ids
    recorded_at   TEXT NOT NULL,
    summarized_at TEXT
);
CREATE INDEX rooster_later_pending ON rooster_later(recorded_at) WHERE summarized_at IS NULL;
CREATE INDEX rooster_later_lesson ON rooster_later(school_id, lesson) WHERE summarized_at IS NULL;
