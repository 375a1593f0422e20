-- Reminders before a lesson (issue 14): which of the two reminders a participant wants. No row
-- means both (the defaults); /instellingen writes the row.
CREATE TABLE reminder_settings (
    person_id  INTEGER PRIMARY KEY REFERENCES people(id),
    evening    INTEGER NOT NULL DEFAULT 1 CHECK (evening IN (0, 1)),
    hour       INTEGER NOT NULL DEFAULT 1 CHECK (hour IN (0, 1)),
    updated_at TEXT NOT NULL
);

-- The reminder sweep reads the lessons of the next hours of every school.
CREATE INDEX lessons_start ON lessons(starts_at);
